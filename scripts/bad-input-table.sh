#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The bad-input table of issue 18: runs `sentinel` on bad inputs of every class the hardening
# review listed (secrets, unbounded reads, network without bounds, fail-open numbers, telemetry,
# journal corruption, config loader, bounded growth, smaller ones) and prints one markdown row a
# case: class | input | expected exit | actual exit | seconds | first line of the message | verdict.
#   scripts/bad-input-table.sh [SENTINEL_BINARY]   (default: build/ci/app/cli/sentinel)
# Expected exits are the contract's (DESIGN.md, issue 18): 0 ok, 1 runtime failure, 2 bad input,
# 3 a check said no (a corrupt journal). Verdicts: ok, CRASH (exit >= 128 or a sanitizer report),
# HANG (past the case's deadline), SECRET (a planted secret in stdout, stderr or a file the run
# wrote), WRONG EXIT, MEMORY (a 400 MB answer raised the peak RSS by more than 100 MB over a small
# answer's), LONG ECHO (a 10 MB value echoed instead of an excerpt). Network cases talk to
# loopback stand-ins (python3, 127.0.0.1, a free port). Exit status: 0 when every case is ok.
# BAD_INPUT_KEEP=1 keeps the temporary folder (inputs, outputs) for reproducing a case;
# BAD_INPUT_CLASSES="1 3" runs only the cases of those classes.
# Works with the asan build too (build/asan/app/cli/sentinel): ASan/UBSan/LSan reports are crashes.
set -uo pipefail
export LC_ALL=C.UTF-8
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/ci/app/cli/sentinel}"
[[ "$bin" == /* ]] || bin="$PWD/$bin"
if [[ ! -x "$bin" ]]; then
  echo "bad-input-table.sh: no executable sentinel at $bin (build it, or pass its path)" >&2
  exit 2
fi
command -v python3 >/dev/null || { echo "bad-input-table.sh: python3 is needed for the stand-ins" >&2; exit 2; }

# Deadlines in seconds. Those of the network cases are requirements (notify test ends within its
# --timeout, 60 s by default) and stay; the CPU-bound ones stretch for a sanitizer build.
net=75
slow=1 sanitized=0
grep -qa -m1 __asan_init "$bin" && slow=4 sanitized=1
fast=$((20 * slow))
linear=$((30 * slow)) # the unit test's budget for loading 120,000 watchlist rows

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  if [[ "${BAD_INPUT_KEEP:-0}" == 1 ]]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fx="$work/fixtures"
mkdir -p "$fx"

# Sanitizer builds: leaks on, named third-party leaks suppressed (as scripts/fuzz.sh runs them).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"

timer=()
[[ -x /usr/bin/time ]] && timer=(/usr/bin/time -v -o)
# ASan keeps freed memory in a 256 MB quarantine, which a peak RSS counts as held: it is off where
# the RSS is judged (a large answer read and dropped piece by piece would otherwise look kept).
rss_asan_options="$ASAN_OPTIONS"
[[ $sanitized == 1 ]] && rss_asan_options="$ASAN_OPTIONS:quarantine_size_mb=0"

# ---- planted secrets (each >= 8 characters) --------------------------------------------------
export BI_TELEGRAM_TOKEN="123456789:AAHfakeTokenForBadInputTable0123456789"
export BI_WEBHOOK_SECRET="whsec-BadInputTable-5f3a9c1e77"
export BI_TELEMETRY_TOKEN="scrape-BadInputTable-0d9e4b2a"
export BI_AV_KEY="AVKEYBADINPUTTABLE2024XYZ"
redis_password="redisPass-BadInputTable-9931"
# Searched for in every output; the token's secret half also covers its percent-encoded form.
printf '%s\n' "${BI_TELEGRAM_TOKEN#*:}" "$BI_WEBHOOK_SECRET" "$BI_TELEMETRY_TOKEN" "$BI_AV_KEY" "$redis_password" \
  >"$work/needles"

# ---- loopback stand-ins ----------------------------------------------------------------------
# One HTTP server; the first path segment picks the behaviour, so a Telegram api_base_url or a
# webhook url of http://127.0.0.1:PORT/<mode> selects it (Telegram paths continue /bot<token>/...).
cat >"$work/standin.py" <<'PY'
import http.server, json, sys, time, urllib.parse
MB = 1 << 20
BIG = 400 * MB
OK = json.dumps({"ok": True, "result": {"message_id": 1, "date": 0,
                 "chat": {"id": -100777, "type": "supergroup"}, "text": "test"}}).encode()

def telegram_error(code, description, **extra):
    return json.dumps(dict({"ok": False, "error_code": code, "description": description}, **extra)).encode()

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def do_GET(self):
        self.answer()
    def do_POST(self):
        self.answer()
    def head(self, status, length=None, extra=()):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Connection", "close")
        for key, value in extra:
            self.send_header(key, value)
        self.end_headers()
    def reply(self, status, body, extra=()):
        self.head(status, len(body), extra)
        self.wfile.write(body)
    def answer(self):
        self.close_connection = True
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        mode = self.path.split("/")[1] if "/" in self.path else ""
        try:
            getattr(self, "mode_" + mode, self.mode_ok)()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass
    def mode_ok(self):
        self.reply(200, OK)
    # Telegram errors whose description echoes the request path: the bot token, if unredacted.
    def mode_echo400(self):
        self.reply(400, telegram_error(400, "Bad Request: method not found at " + self.path))
    def mode_echo401(self):
        self.reply(401, telegram_error(401, "Unauthorized: " + self.path + " (also tried " + self.path + ")"))
    def mode_echo404pct(self):
        self.reply(404, telegram_error(404, "Not Found: " + urllib.parse.quote(self.path, safe="")))
    def mode_tg429(self):
        self.reply(429, telegram_error(429, "Too Many Requests: retry after 2147483647",
                                       parameters={"retry_after": 2147483647}))
    def mode_hook429(self):
        self.reply(429, b"{}", [("Retry-After", "2147483647")])
    def mode_hook503(self):
        self.reply(503, b"{}", [("Retry-After", "9" * 30)])
    def mode_drip(self):
        # A correct answer, one byte every 2 s: an inactivity timer never fires.
        self.head(200, len(OK))
        for i in range(len(OK)):
            self.wfile.write(OK[i:i + 1])
            self.wfile.flush()
            time.sleep(2)
    def stream(self, chunked):
        chunk = b"x" * MB
        for _ in range(BIG // MB):
            self.wfile.write(b"%x\r\n%s\r\n" % (MB, chunk) if chunked else chunk)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")
    def mode_big(self):
        self.head(200, BIG)
        self.stream(False)
    def mode_bigchunked(self):
        self.head(200, None, [("Transfer-Encoding", "chunked")])
        self.stream(True)
    def mode_stall(self):
        time.sleep(120)

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()
PY
python3 "$work/standin.py" "$work/port" &
server_pid=$!
for _ in $(seq 100); do [[ -s "$work/port" ]] && break; sleep 0.1; done
[[ -s "$work/port" ]] || { echo "bad-input-table.sh: the loopback stand-in did not start" >&2; exit 1; }
base="http://127.0.0.1:$(cat "$work/port")"

# ---- inputs ----------------------------------------------------------------------------------
watch='watchlist:
  - {symbol: "EUR/USD", market: FX, interval: 5min}
'
config() { # config NAME TEXT: a configuration with a one-row watchlist, then TEXT
  printf '%s%s' "$watch" "$2" >"$fx/$1"
  chmod 600 "$fx/$1"
  echo "$fx/$1"
}
telegram_at() { # telegram_at MODE [MORE]: Telegram enabled against the stand-in's MODE
  config "tg-$1${2:+-more}.yaml" "telegram: {enabled: true, bot_token: \"\${BI_TELEGRAM_TOKEN}\", chat_id: \"-100777\", api_base_url: \"$base/$1\"}
${2:-}"
}
webhook_at() { # webhook_at MODE: the webhook enabled against the stand-in's MODE
  config "hook-$1.yaml" "webhook: {enabled: true, url: \"$base/$1\", secret: \"\${BI_WEBHOOK_SECRET}\"}
"
}
python3 - "$fx" <<'PY'
import os, sys
fx = sys.argv[1]
def write(name, data):
    with open(os.path.join(fx, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
row = lambda i: '  - {symbol: "S%d", market: XNYS, interval: 5min}\n' % i
rows = "watchlist:\n" + "".join(row(i) for i in range(120000))
write("watch120k.yaml", rows)
write("watch120k-dup.yaml", rows + row(0))
write("deep.yaml", "x:" + "".join("\n" + " " * (2 * i) + "k:" for i in range(1, 501)) + " 1\n")
write("twice.yaml", 'mode: approval\nwatchlist:\n  - {symbol: "EUR/USD", market: FX, interval: 5min}\nmode: autonomous\n')
write("twice-nested.yaml", 'watchlist:\n  - {symbol: "EUR/USD", market: FX, interval: 5min}\n'
      'telegram:\n  enabled: false\n  chat_id: "1"\n  enabled: true\n')
write("long-value.yaml", 'watchlist:\n  - {symbol: "EUR/USD", market: ' + "Q" * 10_000_000 + ', interval: 5min}\n')
cal = '{"schema": 1, "version": "x", "markets": [{"name": "X", "time_zone": "UTC", "sessions": [{"days": ["mon"], ' \
      '"open": "00:00", "close": "24:00"}], "holidays": [%s]}]}'
write("cal-schema-1e300.json", '{"schema": 1e300, "version": "x", "markets": []}')
write("cal-month-1e300.json", cal % '{"name": "A", "type": "fixed", "month": 1e300, "day": 1}')
write("cal-offset-minus-1e300.json", cal % '{"name": "A", "type": "easter", "offset_days": -1e300}')
write("cal-from-2e19.json", cal % '{"name": "A", "type": "fixed", "month": 1, "day": 1, "from": 2e19}')
write("cal-nul.json", b'{"schema": 1, "version": "' + b"\0" * 32 + b'", "markets": []}')
write("av-nul.json", b'{"Meta Data": {' + b"\0" * 32 + b"}}")
write("returns-1e308.txt", "".join("1e308\n" if i % 2 else "-1e308\n" for i in range(40)))
write("returns-nan.txt", "0.01\nnan\n0.02\n")
write("returns-ok.txt", "-0.01\n0.02\n0.003\n-0.004\n")
PY
truncate -s 17M "$fx/big.yaml"
mkfifo "$fx/fifo.yaml"
echo "time,close" >"$fx/bars.csv"
mkdir -p "$fx/folder.sqlite"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE notes (text TEXT)"); c.commit()' \
  "$fx/other.sqlite"
# A real journal: one simulated day of the paper platform with approvals.
sim=(--simulate --from 2026-03-02T09:00:00Z --to 2026-03-03T09:00:00Z)
if ! timeout 120 "$bin" run --config "$(config sim.yaml '')" "${sim[@]}" --auto-approve --journal "$fx/journal.sqlite" \
    >"$work/setup.out" 2>"$work/setup.err"; then
  echo "bad-input-table.sh: could not write the journal fixture with 'sentinel run --simulate':" >&2
  head -5 "$work/setup.err" >&2
  exit 1
fi
# The peak RSS of notify test on a small answer, to judge the large ones by.
baseline_rss=""
if [[ ${#timer[@]} -gt 0 ]]; then
  mkdir -p "$work/baseline"
  ASAN_OPTIONS="$rss_asan_options" timeout -k 5 "$net" "${timer[@]}" "$work/baseline.time" "$bin" notify test \
    --config "$(telegram_at ok)" --work-dir "$work/baseline" >/dev/null 2>&1
  baseline_rss=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$work/baseline.time")
fi
damaged_journal() { # damaged_journal NAME: the journal with two data pages in the middle overwritten
  cp "$fx/journal.sqlite" "$fx/$1"
  python3 - "$fx/$1" <<'PY'
import os, sys
pages = os.path.getsize(sys.argv[1]) // 4096
with open(sys.argv[1], "r+b") as f:
    for page in (pages // 2, pages // 2 + 1):
        f.seek(page * 4096)
        f.write(b"\xa5" * 4096)
PY
  echo "$fx/$1"
}
truncated_journal() { # truncated_journal NAME: the journal cut to half its pages
  cp "$fx/journal.sqlite" "$fx/$1"
  truncate -s $(( $(stat -c %s "$fx/journal.sqlite") / 8192 * 4096 )) "$fx/$1"
  echo "$fx/$1"
}

# ---- the runner ------------------------------------------------------------------------------
# The message of a run: for `notify test` each enabled channel's outcome from its JSON report
# (python is started only for those: it is slow to start on a busy machine), else the first
# stderr line that is not a log line (--log-level trace also logs to stderr), else stdout's.
cat >"$work/channels.py" <<'PY'
import json, sys
channels = json.loads(open(sys.argv[1], "rb").read().decode("utf-8", "replace").splitlines()[0])["channels"]
def shown(name, report):
    error = report.get("error", "")
    head = report.get("outcome") if error.startswith(name + ": ") else "%s %s" % (name, report.get("outcome"))
    return "%s: %s" % (head, error) if error else head
print("; ".join(shown(name, report) for name, report in channels.items() if report.get("enabled")))
PY
message_of() { # message_of CASE-DIR
  local text=""
  grep -q '^{"channels"' "$1/stdout" && text=$(python3 "$work/channels.py" "$1/stdout" 2>/dev/null)
  [[ -z "$text" ]] && text=$(grep -a -v -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[^ ]+ \[[a-z_]+\] |^[[:space:]]*$' "$1/stderr" | head -1)
  [[ -z "$text" ]] && text=$(grep -a -m1 -v '^[[:space:]]*$' "$1/stderr")
  [[ -z "$text" ]] && text=$(grep -a -m1 -v '^[[:space:]]*$' "$1/stdout")
  printf '%s' "$text"
}

n=0 crashes=0 hangs=0 secrets=0 wrong=0 memory=0 echoes=0 failed=0
declare -a reproduce=()

dump_sqlite() { # the rows of an SQLite file as text
  if command -v sqlite3 >/dev/null; then
    sqlite3 -readonly "$1" .dump 2>/dev/null
  else
    python3 - "$1" <<'PY' 2>/dev/null
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
    for row in db.execute('SELECT * FROM "%s"' % name.replace('"', '""')):
        print(row)
PY
  fi
}

leaked_into() { # leaked_into CASE-DIR NEEDLES: where a secret appears (stdout, stderr, written files)
  local dir=$1 needles=$2 f rel
  for f in stdout stderr; do grep -qaF -f "$needles" "$dir/$f" && printf '%s ' "$f"; done
  while IFS= read -r -d '' f; do
    rel="${f#"$dir/out/"}"
    grep -qaF -f "$needles" "$f" && printf '%s ' "$rel"
    if [[ "$(head -c 15 "$f")" == "SQLite format 3" ]] && dump_sqlite "$f" | grep -qaF -f "$needles"; then
      printf '%s(rows) ' "$rel"
    fi
  done < <(find "$dir/out" -type f -print0)
}

cell() { # a table cell: the temporary folder shortened, `|` escaped, at most 120 characters
  local text="${1//"$work"/\$TMP}"
  text="${text//$'\r'/}"
  [[ ${#text} -gt 120 ]] && text="${text:0:119}…"
  printf '%s' "${text//|/\\|}"
}

# run_case [--rss] [--max-output BYTES] [--needle TEXT] [--starved] CLASS EXPECTED DEADLINE INPUT -- SENTINEL-ARGS...
# Runs sentinel with SENTINEL-ARGS (@OUT@ stands for the case's output folder, also its working
# folder and HOME) under `timeout DEADLINE` and prints the row. --rss judges the peak RSS against
# a small answer's; --max-output bounds what is printed; --needle adds a secret to search for;
# --starved runs sentinel on one CPU at nice 19 (a busy machine: its threads drain slowly).
run_case() {
  local rss=0 max_output="" extra=() wrap=()
  while [[ "$1" == --* ]]; do
    case "$1" in
      --rss) rss=1; shift ;;
      --starved) wrap=(nice -n 19); command -v taskset >/dev/null && wrap=(taskset -c 0 nice -n 19); shift ;;
      --max-output) max_output=$2; shift 2 ;;
      --needle) extra+=("$2"); shift 2 ;;
    esac
  done
  local class=$1 expected=$2 deadline=$3 input=$4
  shift 5
  [[ -n "${BAD_INPUT_CLASSES:-}" && " $BAD_INPUT_CLASSES " != *" $class "* ]] && return 0
  n=$((n + 1))
  local dir="$work/case$n" args=() a
  mkdir -p "$dir/out/home"
  for a in "$@"; do args+=("${a//@OUT@/$dir/out}"); done
  cp "$work/needles" "$dir/needles"
  [[ ${#extra[@]} -gt 0 ]] && printf '%s\n' "${extra[@]}" >>"$dir/needles"
  local start end rc
  start=$(date +%s%N)
  (
    cd "$dir/out" || exit 99
    export HOME="$dir/out/home" XDG_CONFIG_HOME="$dir/out/home/.config" XDG_DATA_HOME="$dir/out/home/.local/share" \
      XDG_CACHE_HOME="$dir/out/home/.cache" XDG_STATE_HOME="$dir/out/home/.local/state" TMPDIR="$dir/out"
    [[ $rss == 1 ]] && export ASAN_OPTIONS="$rss_asan_options"
    local measure=()
    [[ ${#timer[@]} -gt 0 ]] && measure=("${timer[@]}" "$dir/time")
    exec timeout -k 5 "$deadline" "${measure[@]}" "${wrap[@]}" "$bin" "${args[@]}" >"$dir/stdout" 2>"$dir/stderr" </dev/null
  )
  rc=$?
  end=$(date +%s%N)
  local seconds
  seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')

  local verdict="ok" message="" sanitizer peak=""
  sanitizer=$(grep -a -m1 -E 'ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:|AddressSanitizer:DEADLYSIGNAL' "$dir/stderr")
  if [[ -n "$sanitizer" ]]; then
    verdict="CRASH"
  elif [[ $rc -eq 124 ]] || { [[ $rc -eq 137 ]] && [[ $(((end - start) / 1000000000)) -ge $deadline ]]; }; then
    verdict="HANG" # timeout's TERM, or its KILL 5 s later
  elif [[ $rc -ge 128 ]]; then
    verdict="CRASH"
  fi
  local where
  where=$(leaked_into "$dir" "$dir/needles")
  [[ "$verdict" == ok && -n "$where" ]] && verdict="SECRET"
  [[ "$verdict" == ok && "$rc" != "$expected" ]] && verdict="WRONG EXIT"
  if [[ -f "$dir/time" ]]; then
    peak=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$dir/time")
  fi
  if [[ $rss == 1 && -n "$peak" && -n "$baseline_rss" && $verdict == ok && $((peak - baseline_rss)) -gt 100 ]]; then
    verdict="MEMORY"
  fi
  local printed
  printed=$(($(stat -c %s "$dir/stdout") + $(stat -c %s "$dir/stderr")))
  [[ -n "$max_output" && $verdict == ok && $printed -gt $max_output ]] && verdict="LONG ECHO"

  if [[ -n "$sanitizer" ]]; then
    message=$sanitizer
  else
    message=$(message_of "$dir")
  fi
  [[ "$verdict" == HANG ]] && message="(killed after ${deadline} s) $message"
  [[ "$verdict" == SECRET ]] && message="(secret in: ${where% }) $message"
  [[ "$verdict" == "LONG ECHO" ]] && message="(${printed} bytes printed) $message"
  if [[ $rss == 1 ]]; then
    message="[peak RSS ${peak:-n/a} MB${baseline_rss:+, small answer ${baseline_rss} MB}] $message"
  fi
  local shown_rc=$rc
  [[ $rc -eq 124 || $rc -eq 137 ]] && [[ "$verdict" == HANG ]] && shown_rc="timeout"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$class" "$(cell "$input")" "$expected" "$shown_rc" "$seconds" \
    "$(cell "$message")" "$verdict"
  case "$verdict" in
    ok) return 0 ;;
    CRASH) crashes=$((crashes + 1)) ;;
    HANG) hangs=$((hangs + 1)) ;;
    SECRET) secrets=$((secrets + 1)) ;;
    "WRONG EXIT") wrong=$((wrong + 1)) ;;
    MEMORY) memory=$((memory + 1)) ;;
    "LONG ECHO") echoes=$((echoes + 1)) ;;
  esac
  failed=$((failed + 1))
  local command
  command=$(printf '%q ' "${wrap[@]}" "$bin" "${args[@]}")
  reproduce+=("case $n ($verdict): ${command//"$work"/\$TMP}")
}

notify=(notify test --work-dir @OUT@ --log-file @OUT@/sentinel.log --log-level trace)

echo "# Bad-input table"
echo
echo "sentinel: \`$bin\` ($("$bin" --version 2>/dev/null | head -1)); $(date -u +%Y-%m-%dT%H:%M:%SZ); stand-ins on 127.0.0.1"
echo
echo "Classes (issue 18): 1 secrets in outputs, 2 unbounded reads, 3 network without deadline or size cap," \
  "4 fail-open numbers, 5 telemetry on all interfaces, 6 journal corruption, 7 config loader, 8 bounded growth," \
  "9 smaller (stray arguments, NUL bytes, deep nesting). Deadlines: ${fast} s, ${linear} s for 120,000 rows," \
  "45-75 s for network cases (65 s where notify test's 60 s default applies). Planted secrets are searched" \
  "for in stdout, stderr and every file a run wrote (SQLite files also row by row)."
echo
echo "| class | input | expected exit | actual exit | seconds | first line of the message | verdict |"
echo "|---|---|---|---|---|---|---|"
started=$(date +%s)

# 1 Secrets in outputs: a Telegram error that echoes the request path, short or misplaced secrets.
run_case 1 1 $net "notify test; Telegram 400 whose description echoes /bot<token>/sendMessage" -- \
  "${notify[@]}" --config "$(telegram_at echo400)"
run_case 1 1 $net "notify test; Telegram 401 echoing the path twice" -- "${notify[@]}" --config "$(telegram_at echo401)"
run_case 1 1 $net "notify test; Telegram 404 echoing the percent-encoded path" -- \
  "${notify[@]}" --config "$(telegram_at echo404pct)"
run_case 1 1 $net "run (signal-only, live getMe check) against a Telegram 401 echoing the path; journal kept" -- \
  run --duration 30 --config "$(telegram_at echo401 'mode: signal-only
telemetry: {listen: ""}')" --journal @OUT@/journal.sqlite \
  --log-file @OUT@/sentinel.log --log-level trace
run_case 1 2 $fast "config check; cache.redis_url http://desk:<password>@cache.local:6379 (refused URL)" -- \
  config check --config "$(config redis-http.yaml "cache: {backend: redis, redis_url: \"http://desk:$redis_password@cache.local:6379\"}
")"
run_case 1 0 $fast "config check; cache.redis_url redis://:<password>@127.0.0.1:6379/1 (accepted)" -- \
  config check --config "$(config redis-ok.yaml "cache: {backend: redis, redis_url: \"redis://:$redis_password@127.0.0.1:6379/1\"}
")"
run_case --needle 'pw12345' 1 2 $fast "config check; webhook.secret 'pw12345' (shorter than 8) in clear" -- \
  config check --config "$(config short-secret.yaml 'webhook: {enabled: true, url: "https://hooks.example/in", secret: "pw12345"}
')"
run_case --needle 'abcdefghXYZsecretish' 1 2 $fast "config check; telegram.bot_token misshapen, written in clear" -- \
  config check --config "$(config bad-token.yaml 'telegram: {enabled: true, bot_token: "123:abcdefghXYZsecretish", chat_id: "12345"}
')"

# 2 Unbounded reads: every file read is a regular file under a size cap.
run_case 2 2 $fast "config check --config /dev/zero" -- config check --config /dev/zero
run_case 2 2 $fast "config check --calendars /dev/zero" -- config check --calendars /dev/zero
run_case 2 2 $fast "parse alphavantage /dev/zero" -- parse alphavantage /dev/zero
run_case 2 2 $fast "var --method historical --confidence 0.95 /dev/zero" -- \
  var --method historical --confidence 0.95 /dev/zero
run_case 2 2 $fast "config check --config a FIFO nobody writes to" -- config check --config "$fx/fifo.yaml"
run_case 2 2 $fast "config check --config a 17 MiB (sparse) file" -- config check --config "$fx/big.yaml"
run_case 2 2 $fast "config check --config a directory" -- config check --config "$fx"
run_case --max-output 65536 2 2 $fast "config check; a 10 MB market name (quoted as an excerpt?)" -- \
  config check --config "$fx/long-value.yaml"
run_case 2 2 $fast "journal verify --journal /dev/zero" -- journal verify --journal /dev/zero

# 3 Network without a total deadline or size cap.
run_case 3 1 65 "notify test (default --timeout 60); Telegram drips one byte every 2 s" -- \
  "${notify[@]}" --config "$(telegram_at drip)"
run_case 3 1 $fast "notify test --timeout 5; the webhook drips one byte every 2 s" -- \
  "${notify[@]}" --timeout 5 --config "$(webhook_at drip)"
run_case 3 1 $fast "notify test --timeout 5; the webhook accepts and never answers" -- \
  "${notify[@]}" --timeout 5 --config "$(webhook_at stall)"
run_case --rss 3 1 $net "notify test; Telegram answers a 400 MB body (Content-Length announced)" -- \
  "${notify[@]}" --config "$(telegram_at big)"
run_case --rss 3 1 $net "notify test; Telegram answers a 400 MB chunked body (no length)" -- \
  "${notify[@]}" --config "$(telegram_at bigchunked)"
run_case --rss 3 1 $net "notify test; the webhook answers a 400 MB chunked body" -- \
  "${notify[@]}" --config "$(webhook_at bigchunked)"
run_case --rss --starved 3 1 $net "notify test; webhook 400 MB chunked body, sentinel on one CPU at nice 19 (a busy machine)" -- \
  "${notify[@]}" --config "$(webhook_at bigchunked)"
# notify test reports a back-off over 30 s instead of waiting it out: 45 s is past any honoured one.
run_case 3 1 45 "notify test; webhook 429 with Retry-After: 2147483647" -- "${notify[@]}" --config "$(webhook_at hook429)"
run_case 3 1 45 "notify test; webhook 503 with a 30-digit Retry-After" -- "${notify[@]}" --config "$(webhook_at hook503)"
run_case 3 1 45 "notify test; Telegram 429 with retry_after 2147483647" -- "${notify[@]}" --config "$(telegram_at tg429)"

# 4 Fail-open numbers: a figure that is not finite is bad input; gates fail closed.
for method in historical parametric bootstrap; do
  run_case 4 2 $fast "var --method $method on returns of ±1e308" -- \
    var --method $method --confidence 0.95 "$fx/returns-1e308.txt"
done
run_case 4 2 $fast "var on a file with a 'nan' return" -- var --method historical --confidence 0.95 "$fx/returns-nan.txt"
run_case 4 2 $fast "var --confidence nan" -- var --method historical --confidence nan "$fx/returns-ok.txt"
run_case 4 2 $fast "var --horizon-days 1e308" -- \
  var --method parametric --confidence 0.95 --horizon-days 1e308 "$fx/returns-ok.txt"
run_case 4 2 $fast "config check; risk.max_var_pct: .nan" -- \
  config check --config "$(config risk-nan.yaml 'risk: {max_var_pct: .nan}
')"
run_case 4 2 $fast "config check; risk.var_confidence: .inf" -- \
  config check --config "$(config risk-inf.yaml 'risk: {var_confidence: .inf}
')"
run_case 4 2 $fast "config check; risk.max_position_pct: -.inf" -- \
  config check --config "$(config risk-minf.yaml 'risk: {max_position_pct: -.inf}
')"

# 5 Telemetry on all interfaces: refused without allow_remote and a bearer token.
run_case 5 2 $fast "config check; telemetry.listen 0.0.0.0:9464" -- \
  config check --config "$(config tel-any.yaml 'telemetry: {listen: "0.0.0.0:9464"}
')"
run_case 5 2 $fast "config check; telemetry.listen [::]:9464" -- \
  config check --config "$(config tel-any6.yaml 'telemetry: {listen: "[::]:9464"}
')"
run_case 5 2 $fast "config check; 0.0.0.0 with allow_remote but no bearer token" -- \
  config check --config "$(config tel-noauth.yaml 'telemetry: {listen: "0.0.0.0:9464", allow_remote: true}
')"
run_case 5 2 $fast "config check; 0.0.0.0 with a bearer token but no allow_remote" -- \
  config check --config "$(config tel-notallowed.yaml 'telemetry: {listen: "0.0.0.0:9464", bearer_token: "${BI_TELEMETRY_TOKEN}"}
')"
run_case 5 2 $fast "run --duration 5; telemetry.listen 0.0.0.0:9464 (must not serve)" -- \
  run --duration 5 --offline --journal @OUT@/journal.sqlite \
  --config "$(config tel-run.yaml 'telemetry: {listen: "0.0.0.0:9464"}
')"
run_case 5 0 $fast "config check; 0.0.0.0 with allow_remote and bearer token (accepted; token not shown)" -- \
  config check --config "$(config tel-ok.yaml 'telemetry: {listen: "0.0.0.0:9464", allow_remote: true, bearer_token: "${BI_TELEMETRY_TOKEN}"}
')"

# 6 Journal corruption: exit 3 naming the failing pages; what is not a journal is bad input.
run_case 6 3 $fast "journal verify; two data pages overwritten" -- journal verify --journal "$(damaged_journal verify-pages.sqlite)"
run_case 6 3 $fast "journal verify; the file cut to half its pages" -- \
  journal verify --journal "$(truncated_journal verify-half.sqlite)"
run_case 6 2 $fast "journal verify; a directory" -- journal verify --journal "$fx/folder.sqlite"
run_case 6 2 $fast "journal verify; a CSV file" -- journal verify --journal "$fx/bars.csv"
run_case 6 2 $fast "journal verify; an SQLite file without the journal's tables" -- journal verify --journal "$fx/other.sqlite"
run_case 6 3 $fast "run --simulate --journal; two data pages overwritten" -- \
  run --config "$fx/sim.yaml" "${sim[@]}" --journal "$(damaged_journal run-pages.sqlite)"
run_case 6 2 $fast "run --simulate --journal; a directory" -- run --config "$fx/sim.yaml" "${sim[@]}" --journal "$fx/folder.sqlite"
run_case 6 2 $fast "run --simulate --journal; a CSV file" -- run --config "$fx/sim.yaml" "${sim[@]}" --journal "$fx/bars.csv"

# 7 Configuration loader: duplicate keys, nesting, a large watchlist in linear time, calendar numbers.
run_case 7 2 $fast "config check; 'mode' given twice (second: autonomous)" -- config check --config "$fx/twice.yaml"
run_case 7 2 $fast "config check; telegram.enabled given twice inside a block map" -- \
  config check --config "$fx/twice-nested.yaml"
run_case 7 2 $fast "config check; 500 levels of nesting" -- config check --config "$fx/deep.yaml"
run_case 7 0 $linear "config check; a watchlist of 120,000 rows" -- config check --config "$fx/watch120k.yaml"
run_case 7 2 $linear "config check; 120,000 rows and the first listed again at the end" -- \
  config check --config "$fx/watch120k-dup.yaml"
run_case 7 2 $fast "config check --calendars; schema 1e300" -- config check --calendars "$fx/cal-schema-1e300.json"
run_case 7 2 $fast "config check --calendars; a holiday month of 1e300" -- config check --calendars "$fx/cal-month-1e300.json"
run_case 7 2 $fast "config check --calendars; offset_days -1e300" -- \
  config check --calendars "$fx/cal-offset-minus-1e300.json"
run_case 7 2 $fast "sessions --calendars; a holiday rule from the year 2e19" -- \
  sessions --market X --from 2024-01-01 --to 2024-01-31 --calendars "$fx/cal-from-2e19.json"

# 8 Bounded growth: retention settings (at least a day) are checked.
run_case 8 2 $fast "config check; journal.retention.outbox 6h" -- \
  config check --config "$(config ret-outbox.yaml 'journal: {retention: {outbox: 6h}}
')"
run_case 8 2 $fast "config check; journal.retention.alerts 23h" -- \
  config check --config "$(config ret-alerts.yaml 'journal: {retention: {alerts: 23h}}
')"
run_case 8 2 $fast "config check; journal.retention.alerts 0d" -- \
  config check --config "$(config ret-zero.yaml 'journal: {retention: {alerts: 0d}}
')"
run_case 8 2 $fast "config check; journal.retention.alerts forever" -- \
  config check --config "$(config ret-forever.yaml 'journal: {retention: {alerts: forever}}
')"
run_case 8 2 $fast "run --simulate; journal.retention.outbox 12h" -- \
  run "${sim[@]}" --config "$(config ret-run.yaml 'journal: {retention: {outbox: 12h}}
')"

# 9 Smaller: stray arguments, NUL bytes, the deep-nesting message.
run_case 9 2 $fast "--version extra" -- --version extra
run_case 9 2 $fast "market-status --market XNYS --at 2024-03-08T15:00:00Z now" -- \
  market-status --market XNYS --at 2024-03-08T15:00:00Z now
run_case 9 2 $fast "sessions ... XNAS (stray)" -- sessions --market XNYS --from 2024-01-02 --to 2024-01-05 XNAS
run_case 9 2 $fast "freshness ... stale (stray)" -- \
  freshness --market FX --interval 5min --last-bar 2024-03-08T14:55:00Z --at 2024-03-08T15:01:00Z stale
run_case 9 2 $fast "parse alphavantage; a body with NUL bytes" -- parse alphavantage "$fx/av-nul.json"
run_case 9 2 $fast "config check --calendars; a calendar with NUL bytes" -- config check --calendars "$fx/cal-nul.json"
run_case 9 2 $fast "run --config; 500 levels of nesting" -- run --duration 1 --offline --config "$fx/deep.yaml"
run_case 9 2 $fast "an unknown command" -- frobnicate

total=$(( $(date +%s) - started ))
echo
echo "Totals: $n cases, $crashes crashes, $hangs hangs, $secrets secrets echoed, $wrong wrong exits" \
  "($memory over the memory bound, $echoes long echoes); $failed not ok; ${total} s."
if [[ ${#reproduce[@]} -gt 0 ]]; then
  echo
  echo "Not ok (inputs under \$TMP are kept with BAD_INPUT_KEEP=1):"
  echo
  for line in "${reproduce[@]}"; do echo "- \`${line% }\`"; done
fi
[[ $failed -eq 0 ]]
