# Writes golden cases. Expected values are typed here by hand (UTC conversions worked out in
# the comments), not taken from the parser.
import json, os, shutil, sys
from zoneinfo import ZoneInfo
from datetime import datetime, timezone
# usage: make_golden.py OUT_DIR RECORDED_DIR
root = sys.argv[1]
src = sys.argv[2]
G = os.path.join(root, 'golden')
def case(name, inp, expected, raw=False):
    d = os.path.join(G, name); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 'input.json'), 'wb' if raw else 'w') as f:
        if raw: f.write(inp)
        else: f.write(inp if isinstance(inp, str) else json.dumps(inp, indent=4))
    with open(os.path.join(d, 'expected.json'), 'w') as f:
        json.dump(expected, f, indent=4); f.write('\n')
def recorded(name, fname, expected):
    case(name, open(os.path.join(src, fname)).read(), expected)
def bar(t, o, h, l, c, v=0, ext=False):
    return {"open_time": t, "open": o, "high": h, "low": l, "close": c, "volume": v, "extended_hours": ext}
def bars(fn, sym, iv, tz, bs, issues=()):
    return {"type": "bars", "function": fn, "symbol": sym, "interval": iv, "time_zone": tz,
            "bars": list(bs), "issues": [{"row": r, "rule": k} for r, k in issues]}
def err(kind): return {"error_kind": kind}

# --- recorded bodies -------------------------------------------------------------------------
# FX is labelled in UTC: instants unchanged.
recorded('recorded_fx_intraday_5min', 'crazzyghost_fx_intraday_5min.json', bars('FX_INTRADAY', 'EUR/USD', '5min', 'UTC', [
    bar('2020-05-06T21:50:00Z', 1.0793, 1.0796, 1.0792, 1.0795),
    bar('2020-05-06T21:55:00Z', 1.0795, 1.0795, 1.0792, 1.0794)]))
recorded('recorded_fx_daily', 'crazzyghost_fx_daily.json', bars('FX_DAILY', 'EUR/USD', 'daily', 'UTC', [
    bar('2020-05-05T00:00:00Z', 1.0904, 1.0926, 1.0825, 1.0840),
    bar('2020-05-06T00:00:00Z', 1.0839, 1.0844, 1.0780, 1.0794)]))
# The 2020 crypto format lists the market's currency (CNY, from "4. Market Code") and USD;
# the market's own currency is taken. UTC dates: midnight UTC.
recorded('recorded_digital_currency_daily_2020_format', 'crazzyghost_digital_currency_daily_2020_format.json',
         bars('DIGITAL_CURRENCY_DAILY', 'BTC/CNY', 'daily', 'UTC', [
    bar('2020-05-03T00:00:00Z', 63347.312058, 64952.92, 61507.5912, 62793.659016, 90126.065643),
    bar('2020-05-04T00:00:00Z', 62793.588415, 63089.75961, 62092.449884, 62286.885038, 2328.295447)]))
# US/Eastern in May is EDT (UTC-4): 2020-05-08 14:00 EDT = 18:00Z; inside 09:30-16:00 → regular.
recorded('recorded_time_series_intraday_5min_us_eastern', 'crazzyghost_time_series_intraday_5min.json',
         bars('TIME_SERIES_INTRADAY', 'IBM', '5min', 'US/Eastern', [
    bar('2020-05-08T18:00:00Z', 121.685, 121.80, 121.685, 121.78, 29277),
    bar('2020-05-08T18:05:00Z', 121.79, 121.86, 121.7225, 121.74, 31454)]))
# RSI dates in US/Eastern: midnight EDT = 04:00Z. "5: Time Period" is a JSON number.
recorded('recorded_rsi_weekly_us_eastern', 'crazzyghost_rsi.json', {
    "type": "indicator", "symbol": "USDEUR", "indicator": "RSI", "interval": "weekly", "issues": [],
    "points": [{"time": "2020-04-24T04:00:00Z", "values": {"RSI": 0.9118}},
               {"time": "2020-04-29T04:00:00Z", "values": {"RSI": 0.9120}}]})
# 100 one-minute MSFT bars on 2017-12-18, US/Eastern in December is EST (UTC-5):
# 14:56 EST = 19:56Z. Computed with Python's zoneinfo, independently of the C++ parser.
raw = json.load(open(os.path.join(src, 'romeltorres_mock_time_series.json')))
ny = ZoneInfo('America/New_York'); ms = []
for k, v in raw['Time Series (1min)'].items():
    t = datetime.strptime(k, '%Y-%m-%d %H:%M:%S').replace(tzinfo=ny).astimezone(timezone.utc)
    ms.append(bar(t.strftime('%Y-%m-%dT%H:%M:%SZ'), float(v['1. open']), float(v['2. high']), float(v['3. low']),
                  float(v['4. close']), float(v['5. volume'])))
ms.sort(key=lambda b: b['open_time'])
assert ms[-1]['open_time'] == '2017-12-18T19:56:00Z' and len(ms) == 100
recorded('recorded_msft_1min_100_bars_est', 'romeltorres_mock_time_series.json',
         bars('TIME_SERIES_INTRADAY', 'MSFT', '1min', 'US/Eastern', ms))
recorded('recorded_error_apikey_missing', 'error_apikey_missing.json', err('invalid_api_key'))
recorded('recorded_error_invalid_api_call', 'error_invalid_api_call_fx_daily.json', err('invalid_call'))
recorded('recorded_information_daily_quota', 'information_rate_limit_25_per_day.json', err('quota_exhausted'))
recorded('recorded_note_per_minute_limit', 'note_rate_limit_5_per_minute_legacy.json', err('rate_limited'))

# --- crafted cases ---------------------------------------------------------------------------
def ibm(rows, tz='US/Eastern', interval='5min'):
    meta = {"1. Information": "Intraday (%s) open, high, low, close prices and volume" % interval, "2. Symbol": "IBM",
            "3. Last Refreshed": "2020-05-08 14:05:00", "4. Interval": interval, "5. Output Size": "Compact"}
    if tz: meta["6. Time Zone"] = tz
    return '{\n    "Meta Data": %s,\n    "Time Series (%s)": {\n%s\n    }\n}\n' % (
        json.dumps(meta, indent=8), interval,
        ',\n'.join('        "%s": %s' % (k, json.dumps(v)) for k, v in rows))
def r(o, h, l, c, v="1000"): return {"1. open": o, "2. high": h, "3. low": l, "4. close": c, "5. volume": v}
GOOD = ('2020-05-08 14:00:00', r("121.00", "122.00", "120.00", "121.50"))
GOODBAR = bar('2020-05-08T18:00:00Z', 121.0, 122.0, 120.0, 121.5, 1000)

case('nan_and_infinite_values_are_dropped', ibm([
    ('2020-05-08 14:15:00', r("NaN", "122.00", "120.00", "121.50")),
    ('2020-05-08 14:10:00', r("121.00", "Infinity", "120.00", "121.50")),
    ('2020-05-08 14:05:00', r("121.00", "122.00", "120.00", "121.50", "nan")),
    GOOD]), bars('TIME_SERIES_INTRADAY', 'IBM', '5min', 'US/Eastern', [GOODBAR], [
    ('2020-05-08 14:15:00', 'not_finite'), ('2020-05-08 14:10:00', 'not_finite'), ('2020-05-08 14:05:00', 'not_finite')]))
case('high_below_low_is_dropped', ibm([
    ('2020-05-08 14:05:00', r("121.00", "119.00", "120.00", "119.50")), GOOD]),
    bars('TIME_SERIES_INTRADAY', 'IBM', '5min', 'US/Eastern', [GOODBAR], [('2020-05-08 14:05:00', 'high_below_low')]))
case('open_or_close_outside_high_low_is_dropped', ibm([
    ('2020-05-08 14:10:00', r("123.00", "122.00", "120.00", "121.00")),
    ('2020-05-08 14:05:00', r("121.00", "122.00", "120.00", "119.99")), GOOD]),
    bars('TIME_SERIES_INTRADAY', 'IBM', '5min', 'US/Eastern', [GOODBAR],
         [('2020-05-08 14:10:00', 'open_outside_range'), ('2020-05-08 14:05:00', 'close_outside_range')]))
case('non_positive_prices_and_negative_volume_are_dropped', ibm([
    ('2020-05-08 14:15:00', r("0", "122.00", "120.00", "121.00")),
    ('2020-05-08 14:10:00', r("121.00", "122.00", "-1.00", "121.00")),
    ('2020-05-08 14:05:00', r("121.00", "122.00", "120.00", "121.00", "-5")), GOOD]),
    bars('TIME_SERIES_INTRADAY', 'IBM', '5min', 'US/Eastern', [GOODBAR], [
        ('2020-05-08 14:15:00', 'non_positive_price'), ('2020-05-08 14:10:00', 'non_positive_price'),
        ('2020-05-08 14:05:00', 'negative_volume')]))
case('missing_and_unreadable_fields_are_dropped', ibm([
    ('2020-05-08 14:10:00', {"1. open": "121.00", "2. high": "122.00", "4. close": "121.00", "5. volume": "10"}),
    ('2020-05-08 14:05:00', r("121.00", "None", "120.00", "121.00")),
    ('2020-05-08 14:04:00', "not an object"),
    ('yesterday', r("121.00", "122.00", "120.00", "121.00")), GOOD]),
    bars('TIME_SERIES_INTRADAY', 'IBM', '5min', 'US/Eastern', [GOODBAR], [
        ('2020-05-08 14:10:00', 'missing_field'), ('2020-05-08 14:05:00', 'not_a_number'),
        ('2020-05-08 14:04:00', 'not_an_object'), ('yesterday', 'invalid_timestamp')]))
# Literal duplicate key (both copies dropped: the JSON reader keeps only one of them);
# "14:10" and "14:10:00" are the same instant with equal values → one kept (18:10Z);
# "14:15:00" and "14:15" disagree → both dropped.
case('duplicate_timestamps_are_dropped_with_reasons', ibm([
    ('2020-05-08 14:20:00', r("121.00", "122.00", "120.00", "121.50")),
    ('2020-05-08 14:20:00', r("131.00", "132.00", "130.00", "131.50")),
    ('2020-05-08 14:15:00', r("121.00", "122.00", "120.00", "121.50")),
    ('2020-05-08 14:15', r("121.10", "122.00", "120.00", "121.50")),
    ('2020-05-08 14:10:00', r("121.00", "122.00", "120.00", "121.50")),
    ('2020-05-08 14:10', r("121.00", "122.00", "120.00", "121.50")), GOOD]),
    bars('TIME_SERIES_INTRADAY', 'IBM', '5min', 'US/Eastern', [GOODBAR, bar('2020-05-08T18:10:00Z', 121.0, 122.0, 120.0, 121.5, 1000)], [
        ('2020-05-08 14:20:00', 'duplicate_timestamp'), ('2020-05-08 14:15:00', 'conflicting_duplicate'),
        ('2020-05-08 14:15', 'conflicting_duplicate'), ('2020-05-08 14:10', 'duplicate_timestamp')]))
# Newest first is the order; 14:20 after 14:05 is out of order. Kept: 14:10 (18:10Z), 14:05, 14:00.
case('out_of_order_row_is_dropped', ibm([
    ('2020-05-08 14:10:00', r("121.00", "122.00", "120.00", "121.50")),
    ('2020-05-08 14:05:00', r("121.00", "122.00", "120.00", "121.50")),
    ('2020-05-08 14:20:00', r("121.00", "122.00", "120.00", "121.50")), GOOD]),
    bars('TIME_SERIES_INTRADAY', 'IBM', '5min', 'US/Eastern', [GOODBAR,
        bar('2020-05-08T18:05:00Z', 121.0, 122.0, 120.0, 121.5, 1000), bar('2020-05-08T18:10:00Z', 121.0, 122.0, 120.0, 121.5, 1000)],
        [('2020-05-08 14:20:00', 'out_of_order')]))
# Golden "now" is 2025-06-01T00:00:00Z: a 2030 bar is in the future.
case('future_timestamps_are_dropped', ibm([
    ('2030-01-02 10:00:00', r("121.00", "122.00", "120.00", "121.50")), GOOD]),
    bars('TIME_SERIES_INTRADAY', 'IBM', '5min', 'US/Eastern', [GOODBAR], [('2030-01-02 10:00:00', 'future_timestamp')]))
case('no_usable_row_is_an_error', ibm([
    ('2020-05-08 14:05:00', r("121.00", "119.00", "120.00", "119.50")),
    ('2020-05-08 14:00:00', r("NaN", "122.00", "120.00", "121.50"))]), err('no_usable_rows'))
case('empty_series_is_an_error', ibm([]), err('no_usable_rows'))
# JSON numbers instead of strings.
case('number_typed_fields_are_read', ibm([
    ('2020-05-08 14:05:00', {"1. open": 121.25, "2. high": 122, "3. low": 120.5, "4. close": 121.75, "5. volume": 31454}),
    GOOD]), bars('TIME_SERIES_INTRADAY', 'IBM', '5min', 'US/Eastern', [GOODBAR,
        bar('2020-05-08T18:05:00Z', 121.25, 122.0, 120.5, 121.75, 31454)]))
# Without seconds: 14:05 EDT = 18:05Z.
case('timestamps_without_seconds_are_read', ibm([
    ('2020-05-08 14:05', r("121.00", "122.00", "120.00", "121.50")),
    ('2020-05-08 14:00', r("121.00", "122.00", "120.00", "121.50"))]),
    bars('TIME_SERIES_INTRADAY', 'IBM', '5min', 'US/Eastern', [GOODBAR, bar('2020-05-08T18:05:00Z', 121.0, 122.0, 120.0, 121.5, 1000)]))
# Across the spring change (2024-03-10) and the autumn change (2024-11-03), 60min bars:
#  Fri 2024-03-08 15:00 EST (UTC-5) = 20:00Z, regular
#  Mon 2024-03-11 08:00 EDT (UTC-4) = 12:00Z, pre-market → extended
#  Mon 2024-03-11 09:30 EDT = 13:30Z, regular
#  Mon 2024-03-11 16:00 EDT = 20:00Z, post-market → extended
#  Fri 2024-11-01 15:00 EDT = 19:00Z, regular
#  Mon 2024-11-04 09:30 EST = 14:30Z, regular
#  Mon 2024-11-04 19:00 EST = 2024-11-05 00:00Z, post-market → extended
case('dst_changes_in_us_eastern_convert_to_utc', ibm([
    ('2024-11-04 19:00:00', r("10.00", "11.00", "9.00", "10.50")),
    ('2024-11-04 09:30:00', r("10.00", "11.00", "9.00", "10.50")),
    ('2024-11-01 15:00:00', r("10.00", "11.00", "9.00", "10.50")),
    ('2024-03-11 16:00:00', r("10.00", "11.00", "9.00", "10.50")),
    ('2024-03-11 09:30:00', r("10.00", "11.00", "9.00", "10.50")),
    ('2024-03-11 08:00:00', r("10.00", "11.00", "9.00", "10.50")),
    ('2024-03-08 15:00:00', r("10.00", "11.00", "9.00", "10.50"))], interval='60min'),
    bars('TIME_SERIES_INTRADAY', 'IBM', '60min', 'US/Eastern', [
        bar('2024-03-08T20:00:00Z', 10, 11, 9, 10.5, 1000),
        bar('2024-03-11T12:00:00Z', 10, 11, 9, 10.5, 1000, True),
        bar('2024-03-11T13:30:00Z', 10, 11, 9, 10.5, 1000),
        bar('2024-03-11T20:00:00Z', 10, 11, 9, 10.5, 1000, True),
        bar('2024-11-01T19:00:00Z', 10, 11, 9, 10.5, 1000),
        bar('2024-11-04T14:30:00Z', 10, 11, 9, 10.5, 1000),
        bar('2024-11-05T00:00:00Z', 10, 11, 9, 10.5, 1000, True)]))
# 02:30 on 2024-03-10 does not exist in New York. 03:00 EDT = 07:00Z (extended: Sunday).
case('local_time_in_dst_gap_is_dropped', ibm([
    ('2024-03-10 03:00:00', r("10.00", "11.00", "9.00", "10.50")),
    ('2024-03-10 02:30:00', r("10.00", "11.00", "9.00", "10.50"))], interval='30min'),
    bars('TIME_SERIES_INTRADAY', 'IBM', '30min', 'US/Eastern', [bar('2024-03-10T07:00:00Z', 10, 11, 9, 10.5, 1000, True)],
         [('2024-03-10 02:30:00', 'nonexistent_local_time')]))
# No time zone in the metadata: equities default to US/Eastern with an issue saying so.
case('missing_time_zone_assumes_documented_default', ibm([GOOD], tz=None),
     bars('TIME_SERIES_INTRADAY', 'IBM', '5min', 'US/Eastern', [GOODBAR], [('Meta Data', 'assumed_time_zone')]))
case('unknown_time_zone_is_an_error', ibm([GOOD], tz='Mars/Olympus_Mons'), err('unknown_time_zone'))
case('html_error_page_is_typed', '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n', err('html_body'))
full = open(os.path.join(src, 'crazzyghost_time_series_intraday_5min.json')).read()
case('json_cut_in_half_is_truncated', full[:len(full) // 2], err('truncated_body'))
case('empty_body_is_typed', '', err('empty_body'))
case('plain_text_is_malformed', 'Service temporarily unavailable, try again\n', err('malformed_body'))
case('unknown_json_shape_is_typed', {"Some Other Thing": {"a": 1}}, err('unexpected_shape'))
case('information_premium_endpoint', {"Information": "Thank you for using Alpha Vantage! This is a premium endpoint. You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly unlock all premium endpoints"}, err('premium_endpoint'))
case('information_burst_limit', {"Information": "Thank you for using Alpha Vantage! Please consider spreading out your free API requests more sparingly (1 request per second). You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to lift the free key rate limit (25 requests per day) and instantly unlock all premium endpoints"}, err('burst_limited'))
case('information_daily_limit_with_echoed_key', {"Information": "We have detected your API key as ABCDEF123456 and our standard API rate limit is 25 requests per day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly remove all daily rate limits."}, err('quota_exhausted'))
case('information_demo_key', {"Information": "The **demo** API key is for demo purposes only. Please claim your free API key at (https://www.alphavantage.co/support/#api-key) to explore our full API offerings. It takes fewer than 20 seconds."}, err('invalid_api_key'))

# New (2024) crypto daily format: plain "1. open" in the market currency (USD).
case('digital_currency_daily_2024_format', {
    "Meta Data": {"1. Information": "Daily Prices and Volumes for Digital Currency", "2. Digital Currency Code": "BTC",
                  "3. Digital Currency Name": "Bitcoin", "4. Market Code": "USD", "5. Market Name": "United States Dollar",
                  "6. Last Refreshed": "2024-05-10 00:00:00", "7. Time Zone": "UTC"},
    "Time Series (Digital Currency Daily)": {
        "2024-05-10": {"1. open": "63055.19000000", "2. high": "63470.00000000", "3. low": "60187.12000000", "4. close": "60799.99000000", "5. volume": "1317.60719637"},
        "2024-05-09": {"1. open": "61187.42000000", "2. high": "63421.00000000", "3. low": "60769.84000000", "4. close": "63049.96000000", "5. volume": "1484.97452684"}}},
    bars('DIGITAL_CURRENCY_DAILY', 'BTC/USD', 'daily', 'UTC', [
        bar('2024-05-09T00:00:00Z', 61187.42, 63421.0, 60769.84, 63049.96, 1484.97452684),
        bar('2024-05-10T00:00:00Z', 63055.19, 63470.0, 60187.12, 60799.99, 1317.60719637)]))
# CRYPTO_INTRADAY, UTC, without seconds in "Last Refreshed".
case('crypto_intraday_5min', {
    "Meta Data": {"1. Information": "Crypto Intraday (5min) Time Series", "2. Digital Currency Code": "ETH",
                  "3. Digital Currency Name": "Ethereum", "4. Market Code": "USD", "5. Market Name": "United States Dollar",
                  "6. Last Refreshed": "2024-05-10 13:55:00", "7. Interval": "5min", "8. Output Size": "Compact", "9. Time Zone": "UTC"},
    "Time Series Crypto (5min)": {
        "2024-05-10 13:55:00": {"1. open": "2921.50", "2. high": "2925.00", "3. low": "2919.10", "4. close": "2922.00", "5. volume": "154"},
        "2024-05-10 13:50:00": {"1. open": "2918.00", "2. high": "2922.30", "3. low": "2917.00", "4. close": "2921.50", "5. volume": "201"}}},
    bars('CRYPTO_INTRADAY', 'ETH/USD', '5min', 'UTC', [
        bar('2024-05-10T13:50:00Z', 2918.0, 2922.3, 2917.0, 2921.5, 201),
        bar('2024-05-10T13:55:00Z', 2921.5, 2925.0, 2919.1, 2922.0, 154)]))
case('global_quote', {"Global Quote": {"01. symbol": "IBM", "02. open": "166.8100", "03. high": "167.5900", "04. low": "165.9100",
    "05. price": "167.1500", "06. volume": "3360123", "07. latest trading day": "2024-05-10", "08. previous close": "167.1500",
    "09. change": "0.0000", "10. change percent": "0.0000%"}}, {"type": "quote", "symbol": "IBM", "price": 167.15,
    "open": 166.81, "high": 167.59, "low": 165.91, "previous_close": 167.15, "change": 0.0, "change_percent": 0.0,
    "volume": 3360123, "latest_trading_day": "2024-05-10"})
case('global_quote_empty_means_unknown_symbol', {"Global Quote": {}}, err('invalid_call'))
# Exchange rate refreshed 2024-05-10 14:01:02 UTC.
case('currency_exchange_rate', {"Realtime Currency Exchange Rate": {"1. From_Currency Code": "EUR", "2. From_Currency Name": "Euro",
    "3. To_Currency Code": "USD", "4. To_Currency Name": "United States Dollar", "5. Exchange Rate": "1.07820000",
    "6. Last Refreshed": "2024-05-10 14:01:02", "7. Time Zone": "UTC", "8. Bid Price": "1.07818000", "9. Ask Price": "1.07823000"}},
    {"type": "exchange_rate", "from": "EUR", "to": "USD", "rate": 1.0782, "bid": 1.07818, "ask": 1.07823,
     "refreshed_at": "2024-05-10T14:01:02Z"})
case('currency_exchange_rate_without_bid_ask', {"Realtime Currency Exchange Rate": {"1. From_Currency Code": "BTC",
    "3. To_Currency Code": "USD", "5. Exchange Rate": 61012.5, "6. Last Refreshed": "2024-05-10 14:01", "7. Time Zone": "UTC",
    "8. Bid Price": "-", "9. Ask Price": "-"}},
    {"type": "exchange_rate", "from": "BTC", "to": "USD", "rate": 61012.5, "bid": None, "ask": None,
     "refreshed_at": "2024-05-10T14:01:00Z"})
# MACD intraday in US/Eastern: 2024-05-10 15:30 EDT = 19:30Z; 15:00 = 19:00Z; the 14:30 row has a NaN.
case('macd_intraday_us_eastern', {"Meta Data": {"1: Symbol": "IBM", "2: Indicator": "Moving Average Convergence/Divergence (MACD)",
    "3: Last Refreshed": "2024-05-10 15:30:00", "4: Interval": "30min", "5.1: Fast Period": 12, "5.2: Slow Period": 26,
    "5.3: Signal Period": 9, "6: Series Type": "close", "7: Time Zone": "US/Eastern"},
    "Technical Analysis: MACD": {
        "2024-05-10 15:30": {"MACD_Signal": "0.1021", "MACD": "0.1500", "MACD_Hist": "0.0479"},
        "2024-05-10 15:00": {"MACD_Signal": "0.0900", "MACD": "0.1200", "MACD_Hist": "0.0300"},
        "2024-05-10 14:30": {"MACD_Signal": "NaN", "MACD": "0.1100", "MACD_Hist": "0.0200"}}},
    {"type": "indicator", "symbol": "IBM", "indicator": "MACD", "interval": "30min",
     "points": [{"time": "2024-05-10T19:00:00Z", "values": {"MACD": 0.12, "MACD_Hist": 0.03, "MACD_Signal": 0.09}},
                {"time": "2024-05-10T19:30:00Z", "values": {"MACD": 0.15, "MACD_Hist": 0.0479, "MACD_Signal": 0.1021}}],
     "issues": [{"row": "2024-05-10 14:30", "rule": "not_finite"}]})
# News: time_published is read as UTC (ADR 0021). The second item's score is out of range.
case('news_sentiment', {"items": "2", "sentiment_score_definition": "x <= -0.35: Bearish; ...", "feed": [
    {"title": "IBM beats estimates", "url": "https://example.com/a", "time_published": "20240510T133000",
     "authors": ["A. Writer"], "summary": "...", "source": "Example Wire", "overall_sentiment_score": 0.21,
     "overall_sentiment_label": "Somewhat-Bullish", "ticker_sentiment": [
         {"ticker": "IBM", "relevance_score": "0.91", "ticker_sentiment_score": "0.305", "ticker_sentiment_label": "Somewhat-Bullish"}]},
    {"title": "Broken item", "url": "https://example.com/b", "time_published": "20240510T120000", "source": "X",
     "overall_sentiment_score": "7.5", "overall_sentiment_label": "Bullish", "ticker_sentiment": []}]},
    {"type": "news_sentiment", "items": [{"title": "IBM beats estimates", "url": "https://example.com/a", "source": "Example Wire",
        "published_at": "2024-05-10T13:30:00Z", "sentiment_score": 0.21, "sentiment_label": "Somewhat-Bullish",
        "tickers": [{"ticker": "IBM", "relevance": 0.91, "score": 0.305, "label": "Somewhat-Bullish"}]}],
     "issues": [{"row": "feed[1]", "rule": "score_out_of_range"}]})
# Economic indicators: {"name", "interval", "unit", "data": [{"date", "value"}]}, newest first on
# the wire, oldest first in the output. Dates are calendar dates, not instants.
def econ(name, interval, unit, points, issues=()):
    return {"type": "economic_series", "name": name, "interval": interval, "unit": unit,
            "points": [{"date": d, "value": v} for d, v in points],
            "issues": [{"row": r, "rule": k} for r, k in issues]}
recorded('recorded_federal_funds_rate_monthly', 'crazzyghost_federal_funds_rate.json',
         econ('Effective Federal Funds Rate', 'monthly', 'percent', [('2022-03-01', 0.2), ('2022-04-01', 0.33)]))
recorded('recorded_cpi_monthly', 'crazzyghost_cpi.json',
         econ('Consumer Price Index for all Urban Consumers', 'monthly', 'index 1982-1984=100',
              [('2022-02-01', 283.716), ('2022-03-01', 287.504)]))
# "." is how the source marks a month without a value; it is dropped, never read as 0. "now" is
# 2025-06-01, so 2025-07-01 lies in the future. 2025-02-01 appears twice: both copies go.
case('economic_series_bad_values_are_dropped', {"name": "Effective Federal Funds Rate", "interval": "monthly",
     "unit": "percent", "data": [
        {"date": "2025-07-01", "value": "4.33"},
        {"date": "2025-05-01", "value": "."},
        {"date": "2025-04-01", "value": "4.33"},
        {"date": "2025-03-01"},
        {"date": "2025-02-01", "value": "4.33"},
        {"date": "2025-02-01", "value": "4.48"},
        {"date": "2025-13-01", "value": "4.48"},
        {"date": "2025-01-01", "value": "Infinity"},
        {"date": "2024-12-01", "value": 4.48}]},
     econ('Effective Federal Funds Rate', 'monthly', 'percent', [('2024-12-01', 4.48), ('2025-04-01', 4.33)],
          [('data[0]', 'future_timestamp'), ('data[1]', 'not_a_number'), ('data[3]', 'missing_field'),
           ('data[4]', 'duplicate_timestamp'), ('data[5]', 'duplicate_timestamp'), ('data[6]', 'invalid_timestamp'),
           ('data[7]', 'not_finite')]))
case('economic_series_without_a_usable_value_is_an_error', {"name": "Consumer Price Index for all Urban Consumers",
     "interval": "monthly", "unit": "index 1982-1984=100", "data": [{"date": "2025-04-01", "value": "."}]},
     err('no_usable_rows'))
print('ok', len(os.listdir(G)))
