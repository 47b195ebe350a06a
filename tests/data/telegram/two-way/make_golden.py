#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes golden/<case>/{input.json,expected.json} for tst_telegramupdates (ADR 0119).

Each expectation is spelled here from the Bot API's field tables (spec/) and the rules of ADR 0119,
independently of the C++ parser: ids are whole JSON numbers (user ids 1..2^53-1, chat ids non-zero
within +-(2^53-1)), update_id in [1, 2^63-2] and strictly increasing, callback_data 1..64 UTF-8
bytes, text at most 4096 characters, at most 100 updates, one payload an update.
"""
import json
import pathlib
import shutil

HERE = pathlib.Path(__file__).resolve().parent
GOLDEN = HERE / "golden"

GROUP = -1001234567890
OPERATOR = 123456789
BIG_USER = 2 ** 52  # "at most 52 significant bits"


def user(uid=OPERATOR, username="desk_operator"):
    u = {"id": uid, "is_bot": False, "first_name": "Op"}
    if username is not None:
        u["username"] = username
    return u


def message(text=None, mid=41, chat=GROUP, sender=None, **extra):
    m = {"message_id": mid, "date": 1764600000, "chat": {"id": chat, "type": "supergroup", "title": "Desk"}}
    if sender is not False:
        m["from"] = sender if sender is not None else user()
    if text is not None:
        m["text"] = text
    m.update(extra)
    return m


def press(data="a:0f8e2c1a-7d3b-4e5f-9a6b-1c2d3e4f5a6b:abcdefghijklmnopqrstuv", mid=40, chat=GROUP, sender=None,
          qid="4382bfdwdsb323b2d9", **extra):
    q = {"id": qid, "from": sender if sender is not None else user(),
         "message": {"message_id": mid, "date": 1764600000, "chat": {"id": chat, "type": "supergroup", "title": "Desk"},
                     "text": "proposal"},
         "chat_instance": "-5531346410954346390", "data": data}
    q.update(extra)
    return q


def envelope(updates):
    return json.dumps({"ok": True, "result": updates}, indent=1, ensure_ascii=False).encode()


def press_out(update_id, data="a:0f8e2c1a-7d3b-4e5f-9a6b-1c2d3e4f5a6b:abcdefghijklmnopqrstuv", mid=40, chat=GROUP,
              uid=OPERATOR, username="desk_operator", qid="4382bfdwdsb323b2d9"):
    return {"type": "callback_press", "update_id": update_id, "query_id": qid, "from_user_id": uid,
            "from_username": username, "chat_id": chat, "message_id": mid, "data": data}


def command_out(update_id, command, suffix="", args="", mid=41, chat=GROUP, uid=OPERATOR, username="desk_operator"):
    return {"type": "command", "update_id": update_id, "from_user_id": uid, "from_username": username,
            "chat_id": chat, "message_id": mid, "command": command, "bot_suffix": suffix, "args": args}


def other(update_id):
    return {"type": "other", "update_id": update_id}


def skipped(index, update_id, kind, contains):
    return {"index": index, "update_id": update_id, "error_kind": kind, "message_contains": contains}


CASES = {}


def case(name, body, expected, status=200, offset=0):
    expected = dict(expected, http_status=status, requested_offset=offset)
    if "updates" in expected:
        # The offset never moves backwards, and stays put when no update_id could be read.
        expected["next_offset"] = max(expected["next_offset"] or 0, offset)
    CASES[name] = (body, expected)


def batch(updates=(), skips=(), next_offset=None):
    return {"updates": list(updates), "skipped": list(skips), "next_offset": next_offset}


def error(kind, contains):
    return {"error_kind": kind, "message_contains": contains}


# --- recorded bodies ---------------------------------------------------------------------------
all_types = (HERE / "getUpdates_response_all_update_types.json").read_bytes()
case("recorded_getupdates_with_five_merged_payloads_is_skipped_but_confirmed", all_types,
     batch(skips=[skipped(0, 10000, "unexpected_shape", "result[0] carries 5 payloads")], next_offset=10001))
case("recorded_error_envelope_with_parameters_is_a_refusal", (HERE / "error_response_with_parameters.json").read_bytes(),
     error("telegram_error", "Error descriptions"), status=400)
recorded_update = (HERE / "update_callback_query_with_message.json").read_bytes()
case("recorded_callback_query_in_an_envelope", b'{"ok":true,"result":[' + recorded_update + b']}',
     batch([press_out(10000, data="*", mid=3572, chat=2, uid=1, username="Username")], next_offset=10001))

# --- envelopes refused as a whole ----------------------------------------------------------------
case("conflict_with_another_poller_is_typed",
     json.dumps({"ok": False, "error_code": 409, "description": "Conflict: terminated by other getUpdates request; "
                 "make sure that only one bot instance is running"}).encode(),
     error("telegram_conflict", "terminated by other getUpdates request"), status=409)
case("conflict_with_an_active_webhook_is_typed",
     json.dumps({"ok": False, "error_code": 409, "description": "Conflict: can't use getUpdates method while webhook "
                 "is active; use deleteWebhook to delete the webhook first"}).encode(),
     error("telegram_conflict", "webhook is active"), status=409)
case("flood_control_is_rate_limited",
     json.dumps({"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 5",
                 "parameters": {"retry_after": 5}}).encode(),
     error("rate_limited", "retry after 5"), status=429)
case("result_that_is_not_an_array_is_an_unexpected_shape", b'{"ok":true,"result":{"update_id":1}}',
     error("unexpected_shape", "not an array"))
case("json_that_is_not_the_envelope_is_an_unexpected_shape", b'[1,2,3]', error("unexpected_shape", "not a Bot API answer"))
case("more_than_a_hundred_updates_is_refused",
     envelope([{"update_id": i + 1, "message": message("hi")} for i in range(101)]),
     error("too_many_updates", "101 updates"))
case("html_page_is_typed", b"<html><head><title>502 Bad Gateway</title></head></html>", error("html_body", "HTML"))
case("cut_off_body_is_truncated", b'{"ok":true,"result":[{"update_id":5,"message":{"message_id":1,',
     error("truncated_body", "ends early"))
case("deep_nesting_is_refused_not_recursed", b'{"ok":true,"result":' + b"[" * 5000 + b"]" * 5000 + b"}",
     error("malformed_body", "not valid JSON"))

# --- accepted batches ----------------------------------------------------------------------------
case("empty_result_keeps_the_offset", envelope([]), batch(next_offset=None), offset=77)
case("commands_in_a_group_are_split_and_everything_else_is_other", envelope([
    {"update_id": 500, "message": message("/status")},
    {"update_id": 501, "message": message("/Pnl@SentinelBot   week ", mid=42)},
    {"update_id": 502, "message": message("/flatten@OtherBot", mid=43, sender=user(BIG_USER, None))},
    {"update_id": 503, "message": message("hello desk", mid=44)},
    {"update_id": 504, "message": message(None, mid=45, photo=[{"file_id": "x", "file_unique_id": "y", "width": 1, "height": 1}])},
    {"update_id": 505, "edited_message": message("/flatten", mid=41)},
    {"update_id": 506, "message": message("/", mid=46)},
]), batch([
    command_out(500, "status"),
    command_out(501, "Pnl", "SentinelBot", "week", mid=42),
    command_out(502, "flatten", "OtherBot", mid=43, uid=BIG_USER, username=""),
    other(503), other(504), other(505),
    command_out(506, "", mid=46),
], next_offset=507))
case("press_on_an_inaccessible_message_keeps_chat_and_message", envelope([
    {"update_id": 9, "callback_query": {"id": "77", "from": user(), "chat_instance": "1",
                                        "message": {"chat": {"id": GROUP, "type": "supergroup"}, "message_id": 12, "date": 0},
                                        "data": "r:abc:abcdefghijklmnopqrstuv"}}]),
     batch([press_out(9, data="r:abc:abcdefghijklmnopqrstuv", mid=12, qid="77")], next_offset=10))
case("press_on_an_inline_mode_message_is_other", envelope([
    {"update_id": 10, "callback_query": {"id": "78", "from": user(), "chat_instance": "1",
                                         "inline_message_id": "1234csdbsk4839", "data": "a:x:y"}}]),
     batch([other(10)], next_offset=11))
case("sixty_four_byte_data_is_accepted", envelope([{"update_id": 11, "callback_query": press(data="x" * 64)}]),
     batch([press_out(11, data="x" * 64)], next_offset=12))
case("poisoned_update_between_good_ones_is_skipped_and_confirmed", envelope([
    {"update_id": 100, "callback_query": press()},
    {"update_id": 101, "callback_query": press(sender={"id": "123456789", "is_bot": False, "first_name": "Op"})},
    {"update_id": 102, "message": message("/help")},
]), batch([press_out(100), command_out(102, "help")],
          [skipped(1, 101, "invalid_field", "result[1].callback_query.from.id '123456789' is not a whole number")],
          next_offset=103))

# --- single bad updates ----------------------------------------------------------------------------
def bad_update(name, update, kind, contains, update_id=None, offset=0, index=0):
    uid = update.get("update_id") if update_id is None else update_id
    nxt = uid + 1 if isinstance(uid, int) and uid > 0 else None
    case(name, envelope([update]), batch(skips=[skipped(index, uid if nxt else 0, kind, contains)], next_offset=nxt), offset=offset)


bad_update("update_id_as_a_string_is_skipped_unconfirmed", {"update_id": "5", "message": message("/status")},
           "invalid_field", "result[0].update_id '5' is not a whole number", update_id=0)
case("update_id_of_two_to_the_sixty_three_is_skipped",
     b'{"ok":true,"result":[{"update_id":9223372036854775808,"message":{"message_id":1}}]}',
     batch(skips=[skipped(0, 0, "invalid_field", "result[0].update_id")], next_offset=None))
bad_update("negative_update_id_is_skipped", {"update_id": -4, "message": message("/status")},
           "invalid_field", "result[0].update_id -4 is outside", update_id=0)
bad_update("fractional_update_id_is_skipped", {"update_id": 10.5, "message": message("/status")},
           "invalid_field", "result[0].update_id 10.5 is not a whole number", update_id=0)
bad_update("missing_update_id_is_skipped", {"message": message("/status")}, "missing_field", "result[0].update_id is missing",
           update_id=0)
case("decreasing_update_id_is_not_acted_on", envelope([
    {"update_id": 5, "message": message("/pause")},
    {"update_id": 3, "message": message("/flatten")},
    {"update_id": 6, "message": message("/resume")},
]), batch([command_out(5, "pause"), command_out(6, "resume")],
          [skipped(1, 3, "out_of_order", "result[1].update_id 3 is not above the update before it (5)")], next_offset=7))
case("repeated_update_id_is_not_acted_on_twice", envelope([
    {"update_id": 5, "callback_query": press()},
    {"update_id": 5, "callback_query": press()},
]), batch([press_out(5)], [skipped(1, 5, "out_of_order", "not above the update before it")], next_offset=6))
bad_update("update_below_the_requested_offset_is_a_replay", {"update_id": 150, "callback_query": press()},
           "out_of_order", "below the offset asked for (200)", offset=200)
bad_update("user_id_as_a_string_names_its_path",
           {"update_id": 7, "callback_query": press(sender={"id": "1", "first_name": "x"})},
           "invalid_field", "result[0].callback_query.from.id '1' is not a whole number")
bad_update("user_id_beyond_fifty_two_bits_is_refused",
           {"update_id": 7, "callback_query": press(sender={"id": 2 ** 53, "first_name": "x"})},
           "invalid_field", "result[0].callback_query.from.id 9007199254740992 is outside")
bad_update("negative_user_id_is_refused", {"update_id": 7, "callback_query": press(sender={"id": -3, "first_name": "x"})},
           "invalid_field", "result[0].callback_query.from.id -3 is outside")
case("chat_id_beyond_int64_is_refused",
     b'{"ok":true,"result":[{"update_id":7,"callback_query":{"id":"1","from":{"id":1},"data":"x",'
     b'"message":{"message_id":3,"chat":{"id":-9223372036854775809}}}}]}',
     batch(skips=[skipped(0, 7, "invalid_field", "result[0].callback_query.message.chat.id")], next_offset=8))
bad_update("chat_id_zero_is_refused", {"update_id": 7, "callback_query": press(chat=0)},
           "invalid_field", "result[0].callback_query.message.chat.id 0 is not an id")
bad_update("message_id_zero_is_refused", {"update_id": 7, "callback_query": press(mid=0)},
           "invalid_field", "result[0].callback_query.message.message_id 0 is outside")
bad_update("callback_data_of_sixty_five_bytes_is_refused", {"update_id": 8, "callback_query": press(data="x" * 65)},
           "invalid_field", "result[0].callback_query.data is 65 characters long")
bad_update("callback_data_of_sixty_six_utf8_bytes_in_22_characters_is_refused",
           {"update_id": 8, "callback_query": press(data="\u20ac" * 22)},
           "invalid_field", "result[0].callback_query.data is 66 bytes long")
bad_update("empty_callback_data_is_refused", {"update_id": 8, "callback_query": press(data="")},
           "invalid_field", "result[0].callback_query.data is 0 bytes long")
bad_update("callback_data_as_a_number_is_refused", {"update_id": 8, "callback_query": press(data=5)},
           "invalid_field", "result[0].callback_query.data 5 is not a string")
q = press()
del q["from"]
bad_update("press_without_from_is_refused", {"update_id": 8, "callback_query": q},
           "missing_field", "result[0].callback_query.from is missing")
q = press()
del q["message"]
bad_update("press_without_message_or_inline_id_is_refused", {"update_id": 8, "callback_query": q},
           "missing_field", "result[0].callback_query.message is missing")
bad_update("press_with_an_empty_query_id_is_refused", {"update_id": 8, "callback_query": press(qid="")},
           "invalid_field", "result[0].callback_query.id is empty")
bad_update("username_with_spaces_is_refused",
           {"update_id": 8, "callback_query": press(sender={"id": 5, "username": "not a name"})},
           "invalid_field", "result[0].callback_query.from.username 'not a name' is not a Telegram username")
bad_update("command_without_from_is_refused", {"update_id": 12, "message": message("/status", sender=False)},
           "missing_field", "result[0].message.from is missing")
bad_update("text_over_4096_characters_is_refused", {"update_id": 12, "message": message("/" + "a" * 4096)},
           "invalid_field", "result[0].message.text is 4097 characters long")
bad_update("callback_query_that_is_not_an_object_is_refused", {"update_id": 13, "callback_query": [1]},
           "invalid_field", "result[0].callback_query an array is not an object")
case("update_that_is_not_an_object_is_skipped", envelope([1]),
     batch(skips=[skipped(0, 0, "invalid_field", "result[0] 1 is not an Update object")], next_offset=None))


def main():
    if GOLDEN.exists():
        for child in GOLDEN.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
    GOLDEN.mkdir(exist_ok=True)
    for name, (body, expected) in sorted(CASES.items()):
        folder = GOLDEN / name
        folder.mkdir()
        (folder / "input.json").write_bytes(body)
        (folder / "expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n")
    print(f"{len(CASES)} cases in {GOLDEN}")


if __name__ == "__main__":
    main()
