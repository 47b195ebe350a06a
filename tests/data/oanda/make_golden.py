#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the OANDA golden cases: the inputs made here (golden/<case>/input.*, beside the
recorded ones copied byte for byte, see SOURCES.md) and every case's expected.json.

The expected outputs are computed here from the wire format as OANDA documents it (Python's
json and float(), which rounds a decimal text to the nearest double, as the C++ parser must),
not copied from the C++ parser, so the two implementations check each other.
Run: python3 tests/data/oanda/make_golden.py   (from anywhere)
"""
import json, os, copy
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden")
INTERVALS = {"M1": "1min", "M5": "5min", "M15": "15min", "M30": "30min", "H1": "60min", "D": "daily"}


def iso(text):
    """RFC 3339 with nanoseconds -> Qt's ISO form (milliseconds only when not zero)."""
    date, frac = text.rstrip("Z").split(".") if "." in text else (text.rstrip("Z"), "")
    ms = int((frac + "000")[:3]) if frac else 0
    return date + ("." + "%03d" % ms if ms else "") + "Z"


def dec(text):
    return float(text)


def bar(candle, comp):
    p = candle[comp]
    return {"open_time": iso(candle["time"]), "open": dec(p["o"]), "high": dec(p["h"]), "low": dec(p["l"]),
            "close": dec(p["c"]), "volume": float(candle["volume"]), "extended_hours": False}


def candles(body):
    first = body["candles"][0] if body["candles"] else {"mid": 0}
    comp = next(c for c in ("mid", "bid", "ask") if c in first)
    closed = [bar(c, comp) for c in body["candles"] if c["complete"]]
    live = [bar(c, comp) for c in body["candles"] if not c["complete"]]
    g = body["granularity"]
    return {"type": "bars", "function": "oanda_candles", "symbol": body.get("instrument", ""),
            "interval": INTERVALS[g], "granularity": g, "price": comp, "time_zone": "UTC",
            "bars": closed, "live_bar": live[0] if live else None, "issues": []}


def levels(side):
    return [{"price": dec(l["price"]), "liquidity": float(l["liquidity"])} for l in side]


def price(p):
    tradeable = p["tradeable"] if "tradeable" in p else p["status"] == "tradeable"
    return {"type": "price", "instrument": p["instrument"], "time": iso(p["time"]), "tradeable": tradeable,
            "bids": levels(p["bids"]), "asks": levels(p["asks"]),
            "closeout_bid": dec(p["closeoutBid"]) if "closeoutBid" in p else None,
            "closeout_ask": dec(p["closeoutAsk"]) if "closeoutAsk" in p else None}


def stream_line(line):
    m = json.loads(line)
    if m["type"] == "HEARTBEAT":
        return {"type": "heartbeat", "time": iso(m["time"])}
    return price(m)


def pricing(body):
    return {"type": "pricing", "time": iso(body["time"]) if "time" in body else None,
            "prices": [price(p) for p in body["prices"]]}


def order(body):
    out = {"type": "order", "order_id": "", "transaction_id": "", "client_order_id": "", "instrument": "",
           "units": None, "price": None, "trade_id": "", "reason": "", "error_code": "", "error_message": "",
           "last_transaction_id": body.get("lastTransactionID", "")}
    create = body.get("orderCreateTransaction", {})
    key = create.get("clientExtensions", {}).get("id", "")
    if "orderFillTransaction" in body:
        f = body["orderFillTransaction"]
        out.update(outcome="filled", rejection=False, order_id=f["orderID"], transaction_id=f["id"],
                   instrument=f["instrument"], units=dec(f["units"]), price=dec(f["price"]),
                   trade_id=f.get("tradeOpened", {}).get("tradeID", ""), client_order_id=f.get("clientOrderID") or key)
    elif "orderCancelTransaction" in body:
        c = body["orderCancelTransaction"]
        out.update(outcome="cancelled", rejection=True, order_id=c["orderID"], transaction_id=c["id"],
                   reason=c["reason"], instrument=create.get("instrument", ""),
                   units=dec(create["units"]) if "units" in create else None,
                   client_order_id=c.get("clientOrderID") or key)
    else:
        r = body["orderRejectTransaction"]
        key = r.get("clientExtensions", {}).get("id", "")
        out.update(outcome="rejected", rejection=True, transaction_id=r["id"], instrument=r.get("instrument", ""),
                   units=dec(r["units"]) if "units" in r else None, reason=r.get("rejectReason") or body.get("errorCode", ""),
                   error_code=body.get("errorCode", ""), error_message=body.get("errorMessage", ""),
                   client_order_id=r.get("clientOrderID") or key)
    return out


def summary(body):
    a = body["account"]
    return {"type": "account_summary", "account_id": a["id"], "currency": a["currency"], "balance": dec(a["balance"]),
            "nav": dec(a["NAV"]), "unrealized_pl": dec(a["unrealizedPL"]), "margin_used": dec(a["marginUsed"]),
            "margin_available": dec(a["marginAvailable"]), "open_position_count": float(a["openPositionCount"]),
            "open_trade_count": float(a["openTradeCount"]), "last_transaction_id": body.get("lastTransactionID", "")}


def positions(body):
    def side(s):
        return {"units": dec(s["units"]), "average_price": dec(s["averagePrice"]) if "averagePrice" in s else None}
    return {"type": "positions", "positions": [
        {"instrument": p["instrument"], "long": side(p["long"]), "short": side(p["short"]),
         "unrealized_pl": dec(p["unrealizedPL"])} for p in body["positions"]]}


COMPUTE = {"candles": candles, "pricing": pricing, "order": order, "account_summary": summary, "positions": positions}

# Recorded bodies: (case, parser, HTTP status, expected error kind or None).
RECORDED = [
    ("recorded_candles_m5_mid_de30_eur", "candles", 200, None),
    ("recorded_candles_h1_mid_eur_usd", "candles", 200, None),
    ("recorded_pricing_eur_usd_eur_jpy", "pricing", 200, None),
    ("recorded_pricing_single_non_tradeable", "pricing", 200, None),
    ("recorded_account_summary", "account_summary", 200, None),
    ("recorded_open_positions", "positions", 200, None),
    ("recorded_order_fill", "order", 201, None),
    ("recorded_order_fill_fullprice", "order", 201, None),
    ("recorded_order_cancelled_market_halted", "order", 201, None),
    ("recorded_order_cancelled_sl_on_fill_loss", "order", 201, None),
    ("recorded_order_rejected_400_price_precision", "order", 400, None),
    ("recorded_position_close_rejected_400", "error", 400, "invalid_request"),
    ("recorded_error_400_invalid_instrument", "order", 400, "invalid_request"),
    ("recorded_error_401_insufficient_authorization", "account_summary", 401, "unauthorized"),
]


def read(case, name="input.json"):
    with open(os.path.join(GOLDEN, case, name), encoding="utf-8") as f:
        return f.read()


def write(case, expected, text=None, name="input.json"):
    folder = os.path.join(GOLDEN, case)
    os.makedirs(folder, exist_ok=True)
    if text is not None:
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")


def main():
    for case, parser, status, kind in RECORDED:
        exp = {"parser": parser, "http_status": status}
        if kind:
            exp["error_kind"] = kind
        else:
            exp["output"] = COMPUTE[parser](json.loads(read(case)))
        write(case, exp)

    lines = read("recorded_pricing_stream", "input.ndjson").splitlines()
    write("recorded_pricing_stream", {"parser": "stream", "lines": [{"output": stream_line(l)} for l in lines]})

    # ---- made here, each to exercise one rule -------------------------------------------------
    h1 = json.loads(read("recorded_candles_h1_mid_eur_usd"))

    def candles_case(name, body, kind=None, contains=None, raw=None):
        text = raw if raw is not None else json.dumps(body, indent=2) + "\n"
        exp = {"parser": "candles", "http_status": 200}
        if kind:
            exp["error_kind"] = kind
            exp["message_contains"] = contains
        else:
            exp["output"] = candles(body)
        write(name, exp, text)

    b = copy.deepcopy(h1)
    b["candles"][-1]["complete"] = False
    candles_case("incomplete_last_candle_is_the_live_bar_not_a_closed_one", b)

    b = copy.deepcopy(h1)
    b["candles"][3]["complete"] = False
    candles_case("incomplete_candle_before_the_newest_is_an_error", b, "out_of_order", "candles[3]")

    b = copy.deepcopy(h1)
    for c in b["candles"]:
        m = c.pop("mid")
        c["bid"] = {k: "%.5f" % (float(v) - 0.00007) for k, v in m.items()}
    candles_case("bid_candles_are_read_when_the_body_carries_no_mid", b)

    b = copy.deepcopy(h1)
    for c in b["candles"]:
        m = c.pop("mid")
        c["ask"] = {k: "%.5f" % (float(v) + 0.00007) for k, v in m.items()}
    candles_case("ask_candles_are_read_when_the_body_carries_no_mid", b)

    # Sunday 2017-01-01 22:00Z: the FX week opens on Sunday evening; the candle stays.
    b = copy.deepcopy(h1)
    b["candles"][0]["time"] = "2017-01-01T22:00:00.000000000Z"
    candles_case("sunday_candle_is_kept_as_the_broker_labels_it", b)

    b = copy.deepcopy(h1)
    b["granularity"] = "D"
    for i, c in enumerate(b["candles"]):
        c["time"] = "2017-01-%02dT22:00:00.000000000Z" % (i + 1)
    candles_case("daily_candles_keep_the_brokers_day_alignment", b)

    b = copy.deepcopy(h1)
    b["candles"] = []
    candles_case("no_candles_is_an_empty_series", b)

    def bad(name, mutate, kind, contains):
        body = copy.deepcopy(h1)
        mutate(body)
        candles_case(name, body, kind, contains)

    def setp(field, value, i=2):
        return lambda body: body["candles"][i]["mid"].__setitem__(field, value)

    bad("non_numeric_price_string_names_field_and_index", setp("h", "abc"), "invalid_field", "candles[2].mid.h")
    bad("price_with_trailing_junk_is_an_error", setp("c", "1.04662x"), "invalid_field", "candles[2].mid.c")
    bad("empty_price_string_is_an_error", setp("o", ""), "invalid_field", "candles[2].mid.o")
    bad("nan_text_is_not_a_price", setp("l", "NaN"), "invalid_field", "candles[2].mid.l")
    bad("infinity_text_is_not_a_price", setp("h", "Infinity"), "invalid_field", "candles[2].mid.h")
    bad("exponent_notation_is_not_oanda_decimal", setp("o", "1.04e0"), "invalid_field", "candles[2].mid.o")
    bad("price_with_spaces_is_an_error", setp("o", " 1.04577"), "invalid_field", "candles[2].mid.o")
    bad("huge_price_is_an_error", setp("h", "9" * 20), "invalid_field", "candles[2].mid.h")
    bad("overlong_price_text_is_an_error", setp("h", "1." + "0" * 40), "invalid_field", "candles[2].mid.h")
    bad("price_as_json_number_is_a_wrong_type", setp("h", 1.04712), "invalid_field", "candles[2].mid.h")
    bad("negative_price_is_an_invalid_bar", setp("l", "-1.0"), "invalid_bar", "candles[2]")
    bad("high_below_low_is_an_invalid_bar", setp("h", "1.00000"), "invalid_bar", "candles[2]")
    bad("missing_close_is_a_missing_field", lambda b: b["candles"][4]["mid"].pop("c"), "missing_field", "candles[4].mid.c")
    bad("missing_mid_is_a_missing_field", lambda b: b["candles"][5].pop("mid"), "missing_field", "candles[5].mid")
    bad("missing_time_is_a_missing_field", lambda b: b["candles"][1].pop("time"), "missing_field", "candles[1].time")
    bad("missing_complete_is_a_missing_field", lambda b: b["candles"][1].pop("complete"), "missing_field", "candles[1].complete")
    bad("complete_as_a_string_is_a_wrong_type", lambda b: b["candles"][1].__setitem__("complete", "true"), "invalid_field", "candles[1].complete")
    bad("fractional_volume_is_an_error", lambda b: b["candles"][1].__setitem__("volume", 1.5), "invalid_field", "candles[1].volume")
    bad("negative_volume_is_an_error", lambda b: b["candles"][1].__setitem__("volume", -3), "invalid_field", "candles[1].volume")
    bad("time_without_zone_is_an_error", lambda b: b["candles"][1].__setitem__("time", "2017-01-03T01:00:00"), "invalid_field", "candles[1].time")
    bad("impossible_date_is_an_error", lambda b: b["candles"][1].__setitem__("time", "2017-02-30T01:00:00.000000000Z"), "invalid_field", "candles[1].time")
    bad("candles_out_of_order_are_an_error", lambda b: b["candles"][2].__setitem__("time", b["candles"][0]["time"]), "out_of_order", "candles[2]")
    bad("candle_that_is_not_an_object_is_an_error", lambda b: b["candles"].__setitem__(3, "x"), "invalid_field", "candles[3]")
    bad("candles_not_an_array_is_a_wrong_type", lambda b: b.__setitem__("candles", {}), "invalid_field", "candles")
    bad("unsupported_granularity_is_typed", lambda b: b.__setitem__("granularity", "H4"), "unsupported_granularity", "H4")
    bad("missing_granularity_without_a_hint_is_an_error", lambda b: b.pop("granularity"), "missing_field", "granularity")
    candles_case("cut_off_body_is_truncated", None, "truncated_body", "ends early", raw=json.dumps(h1)[:700])
    candles_case("html_page_is_typed", None, "html_body", "HTML", raw="<html><head><title>502 Bad Gateway</title></head></html>\n")
    candles_case("empty_body_is_typed", None, "empty_body", "empty", raw="")
    candles_case("json_array_is_an_unexpected_shape", None, "unexpected_shape", "not an object", raw="[1, 2]\n")

    # Stream lines: good, then one bad line of each kind.
    rec = read("recorded_pricing_stream", "input.ndjson").splitlines()
    good = json.loads(rec[2])
    def line(m):
        return json.dumps(m, separators=(",", ":"))
    bad_lines = [
        (line({"type": "HEARTBEAT", "time": "2016-10-27T08:38:44.327443673Z"}), None),
        (line({"type": "TRANSACTION", "time": "2016-10-27T08:38:44Z"}), ("unknown_message", "TRANSACTION")),
        (line({"time": "2016-10-27T08:38:44Z"}), ("missing_field", "type")),
        (line({"type": "HEARTBEAT"}), ("missing_field", "time")),
        (line(dict(good, bids=[{"price": "1.0917x", "liquidity": 10000000}])), ("invalid_field", "bids[0].price")),
        (line(dict(good, asks=[{"price": "NaN", "liquidity": 10000000}])), ("invalid_field", "asks[0].price")),
        (line(dict(good, bids=[{"price": 1.09177, "liquidity": 10000000}])), ("invalid_field", "bids[0].price")),
        (line(dict(good, closeoutBid="")), ("invalid_field", "closeoutBid")),
        (line({k: v for k, v in good.items() if k != "instrument"}), ("missing_field", "instrument")),
        (line({k: v for k, v in good.items() if k != "status"}), ("missing_field", "tradeable")),
        (line(dict(good, tradeable="yes")), ("invalid_field", "tradeable")),
        (line(good)[:120], ("truncated_body", "ends early")),
        ("not json at all", ("malformed_body", "not valid JSON")),
        ("", ("empty_body", "empty")),
    ]
    out = []
    for text, err in bad_lines:
        out.append({"output": stream_line(text)} if err is None else {"error_kind": err[0], "message_contains": err[1]})
    write("stream_lines_each_bad_line_is_typed", {"parser": "stream", "lines": out},
          "\n".join(t for t, _ in bad_lines) + "\n", "input.ndjson")

    # Answers made here: bad fields in the account, position and order parsers.
    acc = json.loads(read("recorded_account_summary"))
    a2 = copy.deepcopy(acc); a2["account"]["balance"] = "1e5"
    write("account_balance_in_exponent_form_is_an_error",
          {"parser": "account_summary", "http_status": 200, "error_kind": "invalid_field", "message_contains": "account.balance"},
          json.dumps(a2, indent=2) + "\n")
    a3 = copy.deepcopy(acc); del a3["account"]["NAV"]
    write("account_without_nav_is_an_error",
          {"parser": "account_summary", "http_status": 200, "error_kind": "missing_field", "message_contains": "account.NAV"},
          json.dumps(a3, indent=2) + "\n")
    pos = json.loads(read("recorded_open_positions"))
    p2 = copy.deepcopy(pos); del p2["positions"][1]["short"]["averagePrice"]
    write("short_position_without_average_price_is_an_error",
          {"parser": "positions", "http_status": 200, "error_kind": "missing_field", "message_contains": "positions[1].short.averagePrice"},
          json.dumps(p2, indent=2) + "\n")
    p3 = copy.deepcopy(pos); p3["positions"][0]["long"]["units"] = "-10"
    write("long_side_with_negative_units_is_an_error",
          {"parser": "positions", "http_status": 200, "error_kind": "invalid_field", "message_contains": "positions[0].long.units"},
          json.dumps(p3, indent=2) + "\n")
    fill = json.loads(read("recorded_order_fill_fullprice"))
    f2 = copy.deepcopy(fill); f2["orderFillTransaction"]["price"] = "1.16555.1"
    write("fill_price_with_two_points_is_an_error",
          {"parser": "order", "http_status": 201, "error_kind": "invalid_field", "message_contains": "orderFillTransaction.price"},
          json.dumps(f2, indent=2) + "\n")
    halted = json.loads(read("recorded_order_cancelled_market_halted"))
    write("cancel_transaction_in_a_400_answer_is_an_unexpected_shape",
          {"parser": "order", "http_status": 400, "error_kind": "unexpected_shape", "message_contains": "cancel"},
          json.dumps(halted, indent=2) + "\n")


if __name__ == "__main__":
    main()
