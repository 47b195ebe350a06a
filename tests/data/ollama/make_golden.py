#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/data/ollama/golden/: one folder a case, input and expected.json (README.md there).

The expected outputs are computed here, in Python, from the documented wire formats (SOURCES.md,
docs/adr/0114), not from the C++ parsers. Recorded inputs are copied byte for byte from
../shared/data/ollama (the copies in requests/ and golden/recorded_*/); written inputs are
spelled out below. Run from the repository root: python3 tests/data/ollama/make_golden.py
"""
import json
import math
import os
import re
import shutil
import sys
from datetime import datetime, timezone, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "data", "ollama"))
GOLDEN = os.path.join(HERE, "golden")


def rfc3339_utc_ms(text):
    if text is None:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})", text)
    assert m, text
    ms = int((m.group(7) or "0").ljust(3, "0")[:3])
    zone = m.group(8)
    offset = timedelta(0) if zone == "Z" else (1 if zone[0] == "+" else -1) * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    local = datetime(*(int(m.group(i)) for i in range(1, 7)), ms * 1000, tzinfo=timezone(offset))
    utc = local.astimezone(timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % (utc.microsecond // 1000) + "Z"


def ollama_reply(obj, endpoint):
    content = obj["message"]["content"] if endpoint == "chat" else obj["response"]
    return {
        "model": obj["model"],
        "created_at": rfc3339_utc_ms(obj.get("created_at")),
        "content": content,
        "done": obj["done"],
        "done_reason": obj.get("done_reason") or None,
        "timings": {
            "total_ns": obj.get("total_duration"),
            "load_ns": obj.get("load_duration"),
            "prompt_eval_count": obj.get("prompt_eval_count"),
            "prompt_eval_ns": obj.get("prompt_eval_duration"),
            "eval_count": obj.get("eval_count"),
            "eval_ns": obj.get("eval_duration"),
        },
    }


def ollama_stream(text, endpoint):
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    final = ollama_reply(lines[-1], endpoint)
    final["content"] = "".join(ollama_reply(line, endpoint)["content"] for line in lines)
    return final


def ollama_models(obj):
    out = []
    for m in obj["models"] or []:
        d = m.get("details") or {}
        out.append({
            "name": m["name"], "model": m.get("model") or None, "size": m["size"], "digest": m["digest"],
            "modified_at": rfc3339_utc_ms(m.get("modified_at")), "expires_at": rfc3339_utc_ms(m.get("expires_at")),
            "size_vram": m.get("size_vram"),
            "details": {"parent_model": d.get("parent_model", ""), "format": d.get("format", ""),
                        "family": d.get("family", ""), "families": d.get("families") or [],
                        "parameter_size": d.get("parameter_size", ""),
                        "quantization_level": d.get("quantization_level", "")},
        })
    return {"models": out}


def ollama_version(obj):
    major, minor, patch = (int(x) for x in re.match(r"(\d+)\.(\d+)\.(\d+)", obj["version"]).groups())
    return {"version": obj["version"], "major": major, "minor": minor, "patch": patch}


def openai_chat(obj):
    choice = obj["choices"][0]
    usage = obj.get("usage")
    return {
        "id": obj.get("id") or None, "model": obj["model"], "created": obj.get("created", 0),
        "content": choice["message"]["content"], "finish_reason": choice.get("finish_reason"),
        "system_fingerprint": obj.get("system_fingerprint") or None,
        "usage": None if usage is None else {k: usage[k] for k in ("prompt_tokens", "completion_tokens", "total_tokens")},
    }


def openai_models(obj):
    return {"models": [{"id": m["id"], "owned_by": m.get("owned_by") or None, "created": m.get("created", 0)}
                       for m in obj["data"] or []]}


def advice(text):
    obj = json.loads(text)
    assert set(obj) == {"action", "confidence", "horizon", "stop", "reason"}
    assert obj["action"] in ("buy", "sell", "hold") and 0 <= obj["confidence"] <= 1
    return {"action": obj["action"], "confidence": obj["confidence"], "horizon": obj["horizon"].strip(),
            "stop": obj["stop"], "reason": obj["reason"].strip()}


def compute(parser, text):
    if parser == "ollama_stream_chat":
        return ollama_stream(text, "chat")
    if parser == "ollama_stream_generate":
        return ollama_stream(text, "generate")
    if parser == "advice":
        return advice(text)
    obj = json.loads(text)
    if parser in ("ollama_chat", "ollama_chat_chunk"):
        return ollama_reply(obj, "chat")
    if parser in ("ollama_generate", "ollama_generate_chunk"):
        return ollama_reply(obj, "generate")
    if parser == "ollama_chat_advice":
        return advice(obj["message"]["content"])
    if parser in ("ollama_tags", "ollama_ps"):
        return ollama_models(obj)
    if parser == "ollama_version":
        return ollama_version(obj)
    if parser == "openai_chat":
        return openai_chat(obj)
    if parser == "openai_chat_advice":
        return advice(obj["choices"][0]["message"]["content"])
    if parser == "openai_models":
        return openai_models(obj)
    raise SystemExit("no output rule for " + parser)


def advice_content(**fields):
    base = {"action": "buy", "confidence": 0.72, "horizon": "1d", "stop": 1.0712,
            "reason": "EUR/USD broke above its 20-day high on rising volume."}
    base.update(fields)
    return json.dumps(base)


def chat_body(content, **extra):
    body = {"model": "llama3.2:latest", "created_at": "2025-03-01T09:30:00.123456Z",
            "message": {"role": "assistant", "content": content}, "done_reason": "stop", "done": True,
            "total_duration": 2254970291, "load_duration": 574751416, "prompt_eval_count": 34,
            "prompt_eval_duration": 1502000000, "eval_count": 12, "eval_duration": 175000000}
    body.update(extra)
    return json.dumps(body, indent=2) + "\n"


def openai_body(content, **extra):
    body = {"id": "chatcmpl-417", "object": "chat.completion", "created": 1740821400, "model": "llama3.2:latest",
            "system_fingerprint": "fp_ollama",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 88, "completion_tokens": 41, "total_tokens": 129}}
    body.update(extra)
    return json.dumps(body, indent=2) + "\n"


def stream_line(text, done=False, **extra):
    line = {"model": "llama3.2", "created_at": "2025-03-01T09:30:00.5Z", "message": {"role": "assistant", "content": text}, "done": done}
    line.update(extra)
    return json.dumps(line, separators=(",", ":"))


GOOD_STREAM = "\n".join([stream_line('{"action": "sell", '), stream_line('"confidence": 0.4, "horizon": "4h", '),
                         stream_line('"stop": null, "reason": "Momentum \\u00e9bbs."}'),
                         stream_line("", True, done_reason="stop", total_duration=5000000000, eval_count=30, eval_duration=4000000000)]) + "\n"

TAGS_TEMPLATE = {"models": [{"name": "llama3.2:latest", "model": "llama3.2:latest", "modified_at": "2025-05-04T17:37:44.706015396-07:00",
                             "size": 2019393189, "digest": "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
                             "details": {"format": "gguf", "family": "llama", "families": ["llama"], "parameter_size": "3.2B",
                                         "quantization_level": "Q4_K_M"}}]}


def tags_with(**fields):
    body = json.loads(json.dumps(TAGS_TEMPLATE))
    body["models"][0].update(fields)
    return json.dumps(body, indent=2) + "\n"


# (folder, parser, input: ("recorded", file) or ("text", str), http_status, error: None or (kind, message_contains[, remedy_contains]), model)
CASES = [
    ("recorded_chat_nonstream_response", "ollama_chat", ("recorded", "chat_nonstream_response.json"), 200, None),
    ("recorded_chat_stream_chunk_with_a_local_offset", "ollama_chat_chunk", ("recorded", "chat_stream_chunk.json"), 200, None),
    ("recorded_chat_stream_final", "ollama_chat_chunk", ("recorded", "chat_stream_final.json"), 200, None),
    ("recorded_chat_structured_output_response", "ollama_chat", ("recorded", "chat_structured_output_response.json"), 200, None),
    ("recorded_structured_output_that_is_not_advice_is_invalid_output", "ollama_chat_advice", ("recorded", "chat_structured_output_response.json"), 200,
     ("advisor_invalid_output", "'age'")),
    ("recorded_generate_nonstream_response", "ollama_generate", ("recorded", "generate_nonstream_response.json"), 200, None),
    ("recorded_generate_stream_chunk", "ollama_generate_chunk", ("recorded", "generate_stream_chunk.json"), 200, None),
    ("recorded_generate_stream_final", "ollama_generate_chunk", ("recorded", "generate_stream_final.json"), 200, None),
    ("recorded_generate_structured_output_response", "ollama_generate", ("recorded", "generate_structured_output_response.json"), 200, None),
    ("recorded_generate_stream", "ollama_stream_generate", ("recorded", "generate_stream.ndjson.txt"), 200, None),
    ("recorded_tags", "ollama_tags", ("recorded", "tags_response.json"), 200, None),
    ("recorded_ps", "ollama_ps", ("recorded", "ps_response.json"), 200, None),
    ("recorded_version", "ollama_version", ("recorded", "version_response.json"), 200, None),
    ("recorded_error_404_model_not_found", "ollama_error", ("recorded", "error_404_model_not_found.json"), 404,
     ("advisor_model_not_found", "model '' not found", "ollama pull llama3.2:latest")),
    ("recorded_error_429_rate_limit_exceeded", "ollama_error", ("recorded", "error_429_rate_limit_exceeded.json"), 429,
     ("advisor_rate_limited", "rate limit exceeded", "back off")),
    ("recorded_error_503_model_overloaded", "ollama_error", ("recorded", "error_503_model_overloaded.json"), 503,
     ("advisor_overloaded", "model is overloaded", "OLLAMA_MAX_QUEUE")),
    ("recorded_error_body_with_500_is_a_server_error", "ollama_error", ("recorded", "error_body_example.json"), 500,
     ("advisor_server_error", "the model failed to generate a response", "check its log")),
    # The recorded error body spans three lines; a stream carries it as one.
    ("error_body_as_a_stream_line_is_a_stream_error", "ollama_stream_chat",
     ("text", json.dumps(json.load(open(os.path.join(SHARED, "error_body_example.json")))) + "\n"), 200,
     ("advisor_stream_error", "the model failed to generate a response")),
    ("recorded_openai_compat_error_400_model_not_found", "openai_error", ("recorded", "openai_compat_error_400.json"), 400,
     ("advisor_model_not_found", "HTTP 400: \"model not found\"", "/v1/models")),
    # Written from the documented shapes (SOURCES.md: no recorded body exists for these).
    ("ollama_chat_answer_that_is_valid_advice", "ollama_chat_advice", ("text", chat_body(advice_content())), 200, None),
    ("ollama_chat_answer_with_prose_around_the_json_is_invalid_output", "ollama_chat_advice",
     ("text", chat_body("Sure! Here is my advice: " + advice_content())), 200, ("advisor_invalid_output", "not a JSON object but text")),
    ("ollama_chat_answer_in_a_code_fence_is_invalid_output", "ollama_chat_advice",
     ("text", chat_body("```json\n" + advice_content() + "\n```")), 200, ("advisor_invalid_output", "not a JSON object")),
    ("streamed_advice_is_put_together_from_its_chunks", "ollama_stream_chat", ("text", GOOD_STREAM), 200, None),
    ("error_line_after_good_chunks_is_a_stream_error", "ollama_stream_chat",
     ("text", "\n".join(GOOD_STREAM.splitlines()[:2] + ['{"error":"an error was encountered while running the model: unexpected EOF"}']) + "\n"), 200,
     ("advisor_stream_error", "unexpected EOF")),
    ("stream_cut_before_its_final_object_is_a_stream_error", "ollama_stream_chat",
     ("text", "\n".join(GOOD_STREAM.splitlines()[:3]) + "\n"), 200, ("advisor_stream_error", "after 3 chunks without its final object")),
    ("stream_cut_inside_a_line_is_truncated", "ollama_stream_chat", ("text", GOOD_STREAM[:GOOD_STREAM.index("confidence") + 4]), 200,
     ("truncated_body", "line 2 of the stream")),
    ("line_after_the_final_object_is_an_unexpected_shape", "ollama_stream_chat",
     ("text", GOOD_STREAM + stream_line("late") + "\n"), 200, ("advisor_unexpected_shape", "line 5 of the stream follows the final object")),
    ("stream_line_with_crlf_and_blank_lines_reads_the_same", "ollama_stream_chat",
     ("text", "\r\n\r\n".join(GOOD_STREAM.splitlines()) + "\r\n"), 200, None),
    ("stream_line_that_is_an_array_is_an_unexpected_shape", "ollama_stream_chat", ("text", "[1,2]\n"), 200,
     ("advisor_unexpected_shape", "line 1 of the stream: the line is JSON but not an object")),
    ("non_streamed_answer_that_is_not_done_is_an_unexpected_shape", "ollama_chat", ("text", chat_body("{}", done=False)), 200,
     ("advisor_unexpected_shape", "done: false")),
    ("chat_answer_from_the_user_role_is_an_unexpected_shape", "ollama_chat",
     ("text", chat_body("{}").replace('"role": "assistant"', '"role": "user"')), 200, ("advisor_unexpected_shape", "message.role is 'user'")),
    ("chat_answer_with_a_key_twice_is_an_unexpected_shape", "ollama_chat",
     ("text", chat_body("x").replace('"done": true', '"done": false, "done": true')), 200, ("advisor_unexpected_shape", "gives the key done twice")),
    ("negative_duration_is_an_unexpected_shape", "ollama_chat", ("text", chat_body("x", total_duration=-1)), 200,
     ("advisor_unexpected_shape", "total_duration is -1")),
    ("fractional_token_count_is_an_unexpected_shape", "ollama_chat", ("text", chat_body("x", eval_count=12.5)), 200,
     ("advisor_unexpected_shape", "eval_count is 12.5")),
    ("content_as_a_number_is_an_unexpected_shape", "ollama_chat",
     ("text", chat_body("x").replace('"content": "x"', '"content": 7')), 200, ("advisor_unexpected_shape", "message.content is a number, not a string")),
    ("created_at_without_a_zone_is_an_unexpected_shape", "ollama_chat", ("text", chat_body("x", created_at="2025-03-01T09:30:00")), 200,
     ("advisor_unexpected_shape", "created_at '2025-03-01T09:30:00' is not an RFC 3339 instant")),
    ("html_page_instead_of_a_chat_answer_is_typed", "ollama_chat",
     ("text", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>\n"), 200, ("html_body", "502 Bad Gateway")),
    ("empty_body_is_typed", "ollama_chat", ("text", ""), 200, ("empty_body", "empty")),
    ("cut_off_chat_body_is_truncated", "ollama_chat", ("text", chat_body("x")[:60]), 200, ("truncated_body", "ends early")),
    ("error_object_in_a_200_chat_answer_is_an_error", "ollama_chat", ("text", '{"error":"llama runner process has terminated"}\n'), 200,
     ("advisor_server_error", "llama runner process has terminated")),
    ("tags_with_no_models_as_null_is_an_empty_list", "ollama_tags", ("text", '{"models":null}\n'), 200, None),
    ("tags_with_a_short_digest_is_an_unexpected_shape", "ollama_tags", ("text", tags_with(digest="a80c4f17")), 200,
     ("advisor_unexpected_shape", "models[0].digest is not 64 lower-case hex digits")),
    ("tags_with_size_as_a_string_is_an_unexpected_shape", "ollama_tags", ("text", tags_with(size="2019393189")), 200,
     ("advisor_unexpected_shape", "models[0].size is a string, not a number")),
    ("tags_with_a_name_holding_a_space_is_an_unexpected_shape", "ollama_tags", ("text", tags_with(name="llama 3.2")), 200,
     ("advisor_unexpected_shape", "models[0].name is no model name")),
    ("tags_with_an_escape_character_in_a_name_is_an_unexpected_shape", "ollama_tags", ("text", tags_with(name="llama\u001b[31m")), 200,
     ("advisor_unexpected_shape", "control character U+001b")),
    ("version_that_is_not_a_version_is_an_unexpected_shape", "ollama_version", ("text", '{"version": "latest"}\n'), 200,
     ("advisor_unexpected_shape", "'latest' is not a version")),
    ("version_with_a_prerelease_suffix_is_read", "ollama_version", ("text", '{"version": "0.6.0-rc1"}\n'), 200, None),
    ("plain_text_404_is_the_wrong_endpoint", "ollama_error", ("text", "404 page not found"), 404,
     ("advisor_endpoint_not_found", "404 page not found", "base_url")),
    ("schedulers_not_found_wording_is_model_not_found", "ollama_error",
     ("text", '{"error":"model \\"mistral:latest\\" not found, try pulling it first"}\n'), 404,
     ("advisor_model_not_found", "try pulling it first", "ollama pull llama3.2:latest")),
    ("error_text_with_terminal_escapes_is_quoted_printable", "ollama_error", ("text", '{"error":"bad\\u001b[2Jthing"}\n'), 500,
     ("advisor_server_error", "bad\ufffd[2Jthing")),
    ("openai_chat_completion", "openai_chat", ("text", openai_body(advice_content(action="hold", stop=None))), 200, None),
    ("openai_chat_completion_that_is_valid_advice", "openai_chat_advice", ("text", openai_body(advice_content(action="sell", confidence=1))), 200, None),
    ("openai_completion_without_usage_is_read", "openai_chat", ("text", openai_body("{}", usage=None)), 200, None),
    ("openai_tool_call_with_null_content_is_an_unexpected_shape", "openai_chat",
     ("text", openai_body(None)), 200, ("advisor_unexpected_shape", "choices[0].message.content is null")),
    ("openai_refusal_is_invalid_output", "openai_chat",
     ("text", openai_body("").replace('"content": ""', '"content": "", "refusal": "I cannot give financial advice."')), 200,
     ("advisor_invalid_output", "I cannot give financial advice")),
    ("openai_completion_with_no_choices_is_an_unexpected_shape", "openai_chat", ("text", openai_body("{}", choices=[])), 200,
     ("advisor_unexpected_shape", "choices is empty")),
    ("openai_chunk_object_is_an_unexpected_shape", "openai_chat", ("text", openai_body("{}", object="chat.completion.chunk")), 200,
     ("advisor_unexpected_shape", "object is 'chat.completion.chunk'")),
    ("openai_models_list", "openai_models",
     ("text", json.dumps({"object": "list", "data": [{"id": "llama3.2:latest", "object": "model", "created": 1746405464, "owned_by": "library"},
                                                    {"id": "qwen2.5:7b", "object": "model", "created": 1746000000, "owned_by": "library"}]}, indent=2) + "\n"),
     200, None),
    ("openai_models_with_an_empty_id_is_an_unexpected_shape", "openai_models",
     ("text", '{"object":"list","data":[{"id":"","object":"model"}]}\n'), 200, ("advisor_unexpected_shape", "data[0].id is empty")),
    ("openai_401_is_unauthorized", "openai_error",
     ("text", '{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}\n'), 401,
     ("advisor_unauthorized", "Incorrect API key provided", "api_key")),
    ("openai_model_that_does_not_exist_is_model_not_found", "openai_error",
     ("text", '{"error":{"message":"The model `gpt-9` does not exist or you do not have access to it.","type":"invalid_request_error","param":null,"code":"model_not_found"}}\n'),
     404, ("advisor_model_not_found", "does not exist")),
    ("advice_with_a_stop_as_a_string_is_invalid_output", "advice", ("text", advice_content(stop="1.07")), 200,
     ("advisor_invalid_output", "stop as the string '1.07'")),
    ("advice_with_confidence_above_one_is_invalid_output", "advice", ("text", advice_content(confidence=1.5)), 200,
     ("advisor_invalid_output", "confidence 1.5, outside 0 to 1")),
    ("advice_with_an_extra_key_is_invalid_output", "advice", ("text", advice_content(size=100)), 200,
     ("advisor_invalid_output", "'size'")),
    ("advice_with_a_key_twice_is_invalid_output", "advice", ("text", advice_content()[:-1] + ', "action": "sell"}'), 200,
     ("advisor_invalid_output", "gives the key 'action' twice")),
    ("advice_hold_without_a_stop", "advice", ("text", advice_content(action="hold", confidence=0, stop=None, horizon="  1w ")), 200, None),
]


def main():
    if not os.path.isdir(SHARED):
        sys.exit("make_golden.py: %s not found" % SHARED)
    if os.path.isdir(GOLDEN):
        for name in os.listdir(GOLDEN):
            if os.path.isdir(os.path.join(GOLDEN, name)):
                shutil.rmtree(os.path.join(GOLDEN, name))
    os.makedirs(GOLDEN, exist_ok=True)
    os.makedirs(os.path.join(HERE, "requests"), exist_ok=True)
    for request in ("chat_structured_output_request.json", "generate_structured_output_request.json"):
        shutil.copyfile(os.path.join(SHARED, request), os.path.join(HERE, "requests", request))
    for folder, parser, source, status, error in CASES:
        path = os.path.join(GOLDEN, folder)
        os.makedirs(path)
        stream = parser.startswith("ollama_stream")
        input_name = "input.ndjson" if stream else "input.json"
        if source[0] == "recorded":
            shutil.copyfile(os.path.join(SHARED, source[1]), os.path.join(path, input_name))
            with open(os.path.join(SHARED, source[1]), encoding="utf-8") as f:
                text = f.read()
        else:
            text = source[1]
            with open(os.path.join(path, input_name), "w", encoding="utf-8", newline="") as f:
                f.write(text)
        expected = {"parser": parser, "http_status": status, "model": "llama3.2"}
        if error:
            expected["error_kind"] = error[0]
            expected["message_contains"] = error[1]
            if len(error) > 2:
                expected["remedy_contains"] = error[2]
        else:
            expected["output"] = compute(parser, text)
        with open(os.path.join(path, "expected.json"), "w", encoding="utf-8") as f:
            json.dump(expected, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print("wrote %d cases" % len(CASES))


if __name__ == "__main__":
    main()
