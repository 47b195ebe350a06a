#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes tests/data/coinbase/golden/<case>/case.json (and input.* for hand-written inputs).
# The expected values are typed here by hand from the bodies (instants worked out in comments),
# never copied from the parser's output. Run: python3 tests/data/coinbase/make_golden.py
import json, os, shutil

here = os.path.dirname(os.path.abspath(__file__))
golden = os.path.join(here, "golden")
readme = open(os.path.join(golden, "README.md")).read() if os.path.exists(os.path.join(golden, "README.md")) else None
shutil.rmtree(golden, ignore_errors=True)
os.makedirs(golden)
if readme is not None:
    with open(os.path.join(golden, "README.md"), "w") as f:
        f.write(readme)

def case(name, spec, input_text=None, input_ext="json"):
    folder = os.path.join(golden, name)
    os.makedirs(folder)
    if input_text is not None:
        with open(os.path.join(folder, "input." + input_ext), "w") as f:
            f.write(input_text)
    with open(os.path.join(folder, "case.json"), "w") as f:
        json.dump(spec, f, indent=2)
        f.write("\n")

def bar(t, o, h, l, c, v):
    return {"open_time": t, "open": o, "high": h, "low": l, "close": c, "volume": v, "extended_hours": False}

# ---- recorded bodies ---------------------------------------------------------------------------
# 1712192400 = 2024-04-04T01:00:00Z, 1712188800 = 2024-04-04T00:00:00Z.
older = bar("2024-04-04T00:00:00Z", 65984.18, 66387.77, 65857.35, 66314.59, 358.74851052)
newer = bar("2024-04-04T01:00:00Z", 66312.4, 66331.99, 66055.14, 66181.6, 355.82896243)
case("recorded_candles_newest_still_forming", {
    "parser": "candles", "input": "market_product_candles_ONE_HOUR.json", "now": "2024-04-04T01:30:00Z",
    "expected": {"granularity": "ONE_HOUR", "granularity_inferred": True, "closed": [older], "forming": newer}})
case("recorded_candles_closed_exactly_when_interval_ends", {
    "parser": "candles", "input": "market_product_candles_ONE_HOUR.json", "now": "2024-04-04T02:00:00Z",
    "expected": {"granularity": "ONE_HOUR", "granularity_inferred": True, "closed": [older, newer], "forming": None}})
case("recorded_candles_with_given_granularity", {
    "parser": "candles", "input": "market_product_candles_ONE_HOUR.json", "now": "2024-04-05T00:00:00Z",
    "granularity": "60min",
    "expected": {"granularity": "ONE_HOUR", "granularity_inferred": False, "closed": [older, newer], "forming": None}})
case("recorded_candles_with_wrong_granularity_are_misaligned", {
    "parser": "candles", "input": "market_product_candles_ONE_HOUR.json", "now": "2024-04-05T00:00:00Z",
    "granularity": "TWO_HOUR", "error_kind": "misaligned_candle", "message_contains": "candles[0]"})
case("recorded_candles_one_second_before_now_is_future", {
    "parser": "candles", "input": "market_product_candles_ONE_HOUR.json", "now": "2024-04-04T00:59:59Z",
    "error_kind": "future_candle"})

# 1775521800 = 2026-04-07T00:30:00Z
case("recorded_ws_candles_update", {
    "parser": "ws", "input": "ws_candles_update.json",
    "expected": {"channel": "candles", "client_id": "", "timestamp": "2026-04-07T14:30:05.000Z", "sequence_num": 3,
                 "events": [{"type": "update", "candles": [dict(product_id="BTC-USD", **bar(
                     "2026-04-07T00:30:00Z", 68900.0, 68950.0, 68850.0, 68920.5, 42.15))]}]}})
case("recorded_ws_heartbeats_counter_as_number", {
    "parser": "ws", "input": "ws_heartbeats.json",
    "expected": {"channel": "heartbeats", "client_id": "", "timestamp": "2026-04-07T14:30:10.000Z", "sequence_num": 0,
                 "events": [{"current_time": "2026-04-07T14:30:10.000Z", "counter": 42}]}})
case("recorded_ws_subscriptions_ack", {
    "parser": "ws", "input": "ws_subscriptions_ack.json",
    "expected": {"channel": "subscriptions", "client_id": "", "timestamp": "2026-04-07T14:30:00.000Z", "sequence_num": 0,
                 "events": [{"subscriptions": {"level2": ["BTC-USD"], "market_trades": ["BTC-USD", "ETH-USD"]}}]}})
case("recorded_ws_ticker_snapshot", {
    "parser": "ws", "input": "ws_ticker_snapshot.json",
    "expected": {"channel": "ticker", "client_id": "", "timestamp": "2026-04-07T14:30:03.000Z", "sequence_num": 12,
                 "events": [{"type": "snapshot", "tickers": [{
                     "product_id": "BTC-USD", "price": "68900.50", "volume_24_h": "15328.12345678",
                     "best_bid": "68900.00", "best_bid_quantity": "1.50000000",
                     "best_ask": "68901.00", "best_ask_quantity": "0.50000000"}]}]}})

order_filled = {
    "order_id": "01b6e467-b659-432f-9490-c7cefe949564", "client_order_id": "a0f970a2-05fa-4e1f-9517-f6702c33cfd1",
    "product_id": "ADA-USDT", "side": "sell", "status": "FILLED", "order_type": "MARKET",
    "time_in_force": "IMMEDIATE_OR_CANCEL", "configuration": "market_market_ioc", "base_size": "10",
    "quote_size": None, "limit_price": None, "created_time": "2023-11-26T10:19:47.423Z", "filled_size": "10",
    "average_filled_price": "0.392", "filled_value": "3.92", "total_fees": "0.03136",
    "reject_reason": "REJECT_REASON_UNSPECIFIED", "final": True}
case("recorded_orders_batch_keeps_client_order_id", {
    "parser": "orders", "input": "orders_historical_batch_filled_market.json",
    "expected": {"orders": [order_filled], "has_next": True, "cursor": "748478308"}})
case("recorded_single_order_open_limit", {
    "parser": "order", "input": "orders_historical_get_order.json",
    "expected": {"order_id": "0000-000000-000000", "client_order_id": "11111-000000-000000", "product_id": "BTC-USD",
                 "side": "buy", "status": "OPEN", "order_type": "LIMIT", "time_in_force": "GOOD_UNTIL_CANCELLED",
                 "configuration": "limit_limit_gtc", "base_size": "0.001", "quote_size": None, "limit_price": "10000.00",
                 "created_time": "2021-05-31T09:59:59.000Z", "filled_size": "0.001", "average_filled_price": "50",
                 "filled_value": "10000", "total_fees": "5.00", "reject_reason": "REJECT_REASON_UNSPECIFIED",
                 "final": False}})
case("recorded_create_order_success", {
    "parser": "create_order", "input": "orders_create_success.json",
    "expected": {"accepted": True, "order_id": "venue-100", "client_order_id": "client-100", "product_id": "BTC-USD",
                 "side": "buy", "rejection": None}})
case("recorded_create_order_200_with_failure_is_a_rejection", {
    "parser": "create_order", "input": "orders_create_failure_insufficient_fund.json",
    "expected": {"accepted": False, "order_id": "", "client_order_id": "", "product_id": "", "side": None,
                 "rejection": {"error": "INSUFFICIENT_FUND", "message": "Insufficient balance", "details": "available=0",
                               "preview_failure_reason": "", "new_order_failure_reason": ""}}})
case("recorded_fills", {
    "parser": "fills", "input": "orders_historical_fills.json",
    "expected": {"fills": [{"entry_id": "dc7424ac5193601ae273cf704ece1667987d8c0b1077faa5fe3213e8e9efbd30",
                            "trade_id": "19fc7eee-f4b4-40a7-8104-033da1db5311",
                            "order_id": "01b6e467-b659-432f-9490-c7cefe949564", "product_id": "ADA-USDT",
                            "side": "sell", "price": "0.392", "size": "10", "commission": "0.03136",
                            "liquidity_indicator": "TAKER", "size_in_quote": False,
                            "trade_time": "2023-11-26T10:19:47.504Z"}], "cursor": "114994851"}})
case("recorded_accounts_available_balances", {
    "parser": "accounts", "input": "accounts_list.json",
    "expected": {"accounts": [
        {"uuid": "8bfc20d7-f7c6-4422-bf07-8243ca4169fe", "name": "BTC Wallet", "currency": "BTC",
         "available": "1.23456789", "hold": "0.00500000", "active": True, "ready": True},
        {"uuid": "9cfc20d7-f7c6-4422-bf07-8243ca4169ff", "name": "USD Wallet", "currency": "USD",
         "available": "10000.50", "hold": "450.00", "active": True, "ready": True}],
        "has_next": False, "cursor": ""}})
case("recorded_401_plain_text_is_unauthorized", {
    "parser": "http", "input": "error_401_unauthorized.txt", "status": 401,
    "expected": {"error_kind": "unauthorized", "retry_after_s": None}, "message_contains": "Unauthorized"})
case("recorded_429_json_with_retry_after", {
    "parser": "http", "input": "error_429_rate_limit_exceeded.json", "status": 429, "retry_after": "30",
    "expected": {"error_kind": "rate_limited", "retry_after_s": 30}, "message_contains": "rate_limit_exceeded: Too many requests"})
case("recorded_product_body_is_not_a_candles_answer", {
    "parser": "candles", "input": "market_product_BTC-USD.json", "now": "2026-04-07T00:00:00Z",
    "error_kind": "missing_field", "message_contains": "body.candles"})
case("recorded_rest_ticker_is_not_a_ws_message", {
    "parser": "ws", "input": "market_product_ticker.json", "error_kind": "missing_field", "message_contains": "message.channel"})

# ---- hand-written inputs -----------------------------------------------------------------------
# market_trades: no recording exists; the shape is Coinbase's documented example (SOURCES.md).
case("documented_market_trades_snapshot", {
    "parser": "ws",
    "expected": {"channel": "market_trades", "client_id": "", "timestamp": "2023-02-09T20:19:35.396Z", "sequence_num": 0,
                 "events": [{"type": "snapshot", "trades": [
                     {"trade_id": "000000000", "product_id": "ETH-USD", "price": "1260.01", "size": "0.3",
                      "side": "buy", "time": "2019-08-14T20:42:27.265Z"}]}]}},
    json.dumps({"channel": "market_trades", "client_id": "", "timestamp": "2023-02-09T20:19:35.39625135Z",
                "sequence_num": 0, "events": [{"type": "snapshot", "trades": [
                    {"trade_id": "000000000", "product_id": "ETH-USD", "price": "1260.01", "size": "0.3",
                     "side": "BUY", "time": "2019-08-14T20:42:27.265Z"}]}]}, indent=2))
case("heartbeat_counter_as_string_is_accepted", {
    "parser": "ws",
    "expected": {"channel": "heartbeats", "client_id": "", "timestamp": "2026-04-07T14:30:10.000Z", "sequence_num": 7,
                 "events": [{"current_time": "2026-04-07T14:30:10.123Z", "counter": 43}]}},
    '{"channel":"heartbeats","client_id":"","timestamp":"2026-04-07T14:30:10Z","sequence_num":7,'
    '"events":[{"current_time":"2026-04-07 14:30:10.123456789+00:00","heartbeat_counter":"43"}]}')

def candles(rows):
    return json.dumps({"candles": [dict(zip(["start", "low", "high", "open", "close", "volume"], r)) for r in rows]})

good = ["1712192400", "66055.14", "66331.99", "66312.4", "66181.6", "355.82896243"]
older_row = ["1712188800", "65857.35", "66387.77", "65984.18", "66314.59", "358.74851052"]
def with_field(i, v):
    r = list(older_row); r[i] = v; return r

def bad_candle(name, index, value, kind, contains):
    """candles[1] (the older one) has `value` in field `index`."""
    case(name, {"parser": "candles", "now": "2024-04-05T00:00:00Z", "error_kind": kind, "message_contains": contains},
         candles([good, with_field(index, value)]))

def raw_candle(name, index, raw, kind, contains):
    """As bad_candle, with `raw` written into the JSON unquoted (a wrong type)."""
    text = candles([good, with_field(index, "@@")]).replace('"@@"', raw)
    case(name, {"parser": "candles", "now": "2024-04-05T00:00:00Z", "error_kind": kind, "message_contains": contains}, text)

bad_candle("non_numeric_open_names_field_and_index", 3, "abc", "invalid_number", "candles[1].open 'abc'")
bad_candle("empty_close_is_not_a_number", 4, "", "invalid_number", "candles[1].close")
bad_candle("nan_high_is_rejected", 2, "NaN", "invalid_number", "candles[1].high")
bad_candle("infinity_low_is_rejected", 1, "Infinity", "invalid_number", "candles[1].low")
bad_candle("trailing_junk_after_price_is_rejected", 3, "65984.18x", "invalid_number", "'x' after the number")
bad_candle("leading_blank_is_rejected", 4, " 66314.59", "invalid_number", "candles[1].close")
bad_candle("exponent_is_rejected", 5, "3.5e2", "invalid_number", "candles[1].volume")
bad_candle("hex_is_rejected", 5, "0x10", "invalid_number", "candles[1].volume")
bad_candle("huge_price_is_rejected", 2, "1" + "0" * 20, "invalid_number", "10^15 or more")
bad_candle("price_with_more_digits_than_a_double_holds_is_rejected", 3, "65984.1800000000001", "invalid_number",
           "significant digits")
bad_candle("negative_volume_is_rejected", 5, "-1", "invalid_bar", "candles[1]: volume is -1")
bad_candle("zero_low_is_rejected", 1, "0", "invalid_bar", "candles[1]: low is 0")
bad_candle("high_below_low_is_rejected", 2, "65000", "invalid_bar", "candles[1]: high 65000 is below low 65857.35")
bad_candle("close_above_high_is_rejected", 4, "70000", "invalid_bar", "outside low")
bad_candle("start_not_digits_is_rejected", 0, "2024-04-04T00:00:00Z", "invalid_timestamp", "candles[1].start")
bad_candle("negative_start_is_rejected", 0, "-3600", "invalid_timestamp", "candles[1].start")
raw_candle("price_as_json_number_is_wrong_type", 3, "65984.18", "wrong_type", "candles[1].open is a number")
raw_candle("start_as_json_number_is_wrong_type", 0, "1712188800", "wrong_type", "candles[1].start is a number")
raw_candle("null_volume_is_missing", 5, "null", "missing_field", "candles[1].volume is missing")
case("missing_volume_is_missing_field", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "error_kind": "missing_field", "message_contains": "candles[0].volume"},
     '{"candles":[{"start":"1712192400","low":"1","high":"2","open":"1.5","close":"1.5"}]}')
case("candle_not_an_object_is_wrong_type", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "error_kind": "wrong_type", "message_contains": "candles[0] is not an object"}, '{"candles":["1712192400"]}')
case("candles_not_an_array_is_wrong_type", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "error_kind": "wrong_type", "message_contains": "body.candles"}, '{"candles":{}}')
case("oldest_first_candles_are_unsorted", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "error_kind": "unsorted_candles", "message_contains": "candles[1]"},
     candles([["1712188800", "1", "2", "1.5", "1.5", "1"], ["1712192400", "1", "2", "1.5", "1.5", "1"]]))
case("duplicate_start_is_rejected", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "error_kind": "duplicate_candle", "message_contains": "candles[0] and candles[1]"},
     candles([["1712192400", "1", "2", "1.5", "1.5", "1"], ["1712192400", "1", "2", "1.5", "1.5", "1"]]))
# 14400, 10800, 5400: smallest spacing 3600 (ONE_HOUR), but 5400 is off the hour grid.
case("spacing_off_the_inferred_grid_is_inconsistent", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "error_kind": "inconsistent_spacing", "message_contains": "candles[2]"},
     candles([["14400", "1", "2", "1.5", "1.5", "1"], ["10800", "1", "2", "1.5", "1.5", "1"], ["5400", "1", "2", "1.5", "1.5", "1"]]))
case("spacing_that_is_no_granularity_is_inconsistent", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "error_kind": "inconsistent_spacing", "message_contains": "100 s"},
     candles([["1712192500", "1", "2", "1.5", "1.5", "1"], ["1712192400", "1", "2", "1.5", "1.5", "1"]]))
# Coinbase leaves out candles without trades: 03:00, 02:00, 00:00 is ONE_HOUR with a gap.
case("gap_without_trades_keeps_the_smallest_spacing", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "expected": {"granularity": "ONE_HOUR", "granularity_inferred": True, "forming": None, "closed": [
         bar("1970-01-01T00:00:00Z", 1.5, 2, 1, 1.5, 0), bar("1970-01-01T02:00:00Z", 1.5, 2, 1, 1.5, 1),
         bar("1970-01-01T03:00:00Z", 1.5, 2, 1, 1.5, 2)]}},
     candles([["10800", "1", "2", "1.5", "1.5", "2"], ["7200", "1", "2", "1.5", "1.5", "1"], ["0", "1", "2", "1.5", "1.5", "0"]]))
case("single_candle_without_granularity_is_unknown", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "error_kind": "unknown_granularity"}, candles([good]))
case("single_candle_with_granularity_is_read", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "granularity": "ONE_HOUR", "expected": {"granularity": "ONE_HOUR", "granularity_inferred": False, "forming": None,
     "closed": [newer]}}, candles([good]))
case("no_candles_is_an_empty_answer", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "expected": {"granularity": None, "granularity_inferred": False, "closed": [], "forming": None}}, '{"candles":[]}')
case("html_page_instead_of_candles", {"parser": "candles", "now": "2024-04-05T00:00:00Z", "error_kind": "html_body"},
     "<!DOCTYPE html><html><head><title>429 Too Many Requests</title></head><body>slow down</body></html>", "html")
case("candles_cut_in_half_are_truncated", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "error_kind": "truncated_body"}, candles([good])[:60])
case("empty_candles_body", {"parser": "candles", "now": "2024-04-05T00:00:00Z", "error_kind": "empty_body"}, "")
case("candles_body_that_is_an_array", {"parser": "candles", "now": "2024-04-05T00:00:00Z",
     "error_kind": "unexpected_shape"}, "[]")

def ws(channel, events, seq=5, extra=None):
    d = {"channel": channel, "client_id": "", "timestamp": "2026-04-07T14:30:05.000000Z", "sequence_num": seq, "events": events}
    if extra: d.update(extra)
    return json.dumps(d)
case("ws_unknown_channel_is_typed", {"parser": "ws", "error_kind": "unknown_channel", "message_contains": "level2"},
     ws("level2", []))
case("ws_error_message_is_typed", {"parser": "ws", "error_kind": "ws_error", "message_contains": "authentication failure"},
     '{"type":"error","message":"authentication failure"}')
case("ws_missing_sequence_num", {"parser": "ws", "error_kind": "missing_field", "message_contains": "message.sequence_num"},
     '{"channel":"heartbeats","client_id":"","timestamp":"2026-04-07T14:30:05Z","events":[]}')
case("ws_negative_sequence_num", {"parser": "ws", "error_kind": "invalid_number", "message_contains": "message.sequence_num"},
     ws("heartbeats", [], -1))
case("ws_fractional_sequence_num", {"parser": "ws", "error_kind": "invalid_number", "message_contains": "message.sequence_num"},
     ws("heartbeats", [], 1.5))
case("ws_bad_timestamp", {"parser": "ws", "error_kind": "invalid_timestamp", "message_contains": "message.timestamp"},
     ws("heartbeats", []).replace("2026-04-07T14:30:05.000000Z", "yesterday"))
case("ws_ticker_price_not_a_number", {"parser": "ws", "error_kind": "invalid_number",
     "message_contains": "events[0].tickers[0].price"},
     ws("ticker", [{"type": "update", "tickers": [{"product_id": "BTC-USD", "price": "abc", "volume_24_h": "1"}]}]))
case("ws_candle_event_type_unknown", {"parser": "ws", "error_kind": "unexpected_shape", "message_contains": "bogus"},
     ws("candles", [{"type": "bogus", "candles": []}]))
case("ws_candle_with_junk_close", {"parser": "ws", "error_kind": "invalid_number",
     "message_contains": "events[0].candles[0].close"},
     ws("candles", [{"type": "update", "candles": [{"start": "1775521800", "high": "2", "low": "1", "open": "1.5",
                                                    "close": "1.5.0", "volume": "1", "product_id": "BTC-USD"}]}]))
case("ws_trade_side_unknown", {"parser": "ws", "error_kind": "unexpected_shape", "message_contains": "HOLD"},
     ws("market_trades", [{"type": "update", "trades": [{"trade_id": "1", "product_id": "ETH-USD", "price": "1",
                                                          "size": "1", "side": "HOLD", "time": "2019-08-14T20:42:27.265Z"}]}]))
case("ws_events_not_an_array", {"parser": "ws", "error_kind": "wrong_type", "message_contains": "message.events"},
     ws("heartbeats", {}))
case("ws_heartbeat_counter_negative", {"parser": "ws", "error_kind": "invalid_number", "message_contains": "heartbeat_counter"},
     ws("heartbeats", [{"current_time": "2026-04-07 14:30:10.000000000+00:00", "heartbeat_counter": -4}]))

case("create_order_success_without_order_id", {"parser": "create_order", "error_kind": "missing_field",
     "message_contains": "body.success_response.order_id"},
     '{"success":true,"success_response":{"client_order_id":"k1","product_id":"BTC-USD","side":"BUY"}}')
case("create_order_success_as_string_is_wrong_type", {"parser": "create_order", "error_kind": "wrong_type",
     "message_contains": "body.success"}, '{"success":"true","order_id":"x"}')
case("create_order_failure_without_reason", {"parser": "create_order", "error_kind": "missing_field",
     "message_contains": "no reason"}, '{"success":false,"failure_reason":"","error_response":{}}')
case("historical_order_filled_size_not_a_number", {"parser": "order", "error_kind": "invalid_number",
     "message_contains": "body.order.filled_size"},
     json.dumps({"order": {"order_id": "o", "client_order_id": "k", "product_id": "BTC-USD", "side": "BUY",
                           "status": "OPEN", "created_time": "2021-05-31T09:59:59Z", "filled_size": "ten",
                           "order_configuration": {"market_market_ioc": {"base_size": "1"}}}}))
case("historical_order_without_client_order_id", {"parser": "order", "error_kind": "missing_field",
     "message_contains": "body.order.client_order_id"},
     json.dumps({"order": {"order_id": "o", "product_id": "BTC-USD", "side": "BUY", "status": "OPEN",
                           "created_time": "2021-05-31T09:59:59Z", "filled_size": "0",
                           "order_configuration": {"market_market_ioc": {"base_size": "1"}}}}))
case("orders_batch_entry_not_an_object", {"parser": "orders", "error_kind": "wrong_type", "message_contains": "orders[0]"},
     '{"orders":[7],"has_next":false,"cursor":""}')
case("fill_price_with_junk", {"parser": "fills", "error_kind": "invalid_number", "message_contains": "fills[0].price"},
     json.dumps({"fills": [{"entry_id": "e", "trade_id": "t", "order_id": "o", "product_id": "ADA-USDT", "side": "SELL",
                            "price": "0.392USD", "size": "10", "commission": "0", "trade_time": "2023-11-26T10:19:47.504Z"}],
                 "cursor": ""}))
case("account_balance_in_another_currency", {"parser": "accounts", "error_kind": "unexpected_shape",
     "message_contains": "accounts[0].available_balance is in USD"},
     json.dumps({"accounts": [{"uuid": "u", "name": "BTC Wallet", "currency": "BTC", "active": True, "ready": True,
                               "available_balance": {"value": "1", "currency": "USD"},
                               "hold": {"value": "0", "currency": "BTC"}}], "has_next": False, "cursor": ""}))
case("account_negative_hold", {"parser": "accounts", "error_kind": "invalid_number", "message_contains": "accounts[0].hold"},
     json.dumps({"accounts": [{"uuid": "u", "name": "BTC Wallet", "currency": "BTC", "active": True, "ready": True,
                               "available_balance": {"value": "1", "currency": "BTC"},
                               "hold": {"value": "-0.5", "currency": "BTC"}}], "has_next": False, "cursor": ""}))

# HTML 429 (coinbase-samples/advanced-trade-sdk-go#18 describes one); Retry-After far too long is clamped to 3600 s.
case("html_429_with_huge_retry_after_is_clamped", {"parser": "http", "status": 429, "retry_after": "999999999",
     "expected": {"error_kind": "rate_limited", "retry_after_s": 3600}, "message_contains": "an HTML page"},
     "<html><head><title>429 Too Many Requests</title></head><body><center><h1>429 Too Many Requests</h1></center></body></html>\n",
     "html")
case("http_403_missing_scopes", {"parser": "http", "status": 403,
     "expected": {"error_kind": "permission_denied", "retry_after_s": None}, "message_contains": "Missing required scopes"},
     '{"error":"PERMISSION_DENIED","error_details":"Missing required scopes","message":"Missing required scopes"}')
case("http_400_too_many_candles", {"parser": "http", "status": 400,
     "expected": {"error_kind": "api_error", "retry_after_s": None}, "message_contains": "INVALID_ARGUMENT"},
     '{"error":"INVALID_ARGUMENT","error_details":"start and end argument is invalid - number of candles requested should be less than 300 ","message":"start and end argument is invalid - number of candles requested should be less than 300 "}')
case("http_502_empty_body", {"parser": "http", "status": 502,
     "expected": {"error_kind": "http_error", "retry_after_s": None}, "message_contains": "an empty body"}, "", "txt")
