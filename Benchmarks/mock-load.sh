#!/usr/bin/env bash
# Load on the mock exchange (release build): wrk at 1, 8, 64 and 256 connections against the Binance mock on
# loopback, for two requests: GET /api/v3/ping, and a signed POST /api/v3/order whose HMAC the mock verifies.
# Prints req/s, p50/p99 latency and the mock's RSS (sampled from /proc every 0.5 s: start, max, end).
#   Benchmarks/mock-load.sh        (DURATION=seconds per step, default 10; CONFIG=release|debug, default release;
#                                   SCRATCH=build dir, default .build-bench (release) or .build (debug);
#                                   WORK=dir, default /tmp/specgen-mock-load; CONNECTIONS="1 8 64 256")
# Needs wrk (apt-get install wrk), openssl and python3. Loopback traffic only.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CONFIG=${CONFIG:-release}
if [ "$CONFIG" = release ]; then SCRATCH=${SCRATCH:-$ROOT/.build-bench}; else SCRATCH=${SCRATCH:-$ROOT/.build}; fi
WORK=${WORK:-/tmp/specgen-mock-load}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-1 8 64 256}
THREADS=${THREADS:-2}
KEY=bench-key
SECRET=bench-secret-$(date +%s)
mkdir -p "$WORK"
log() { echo "== $*" >&2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

log "building specgen ($CONFIG)"
swift build -c "$CONFIG" --package-path "$ROOT" --scratch-path "$SCRATCH" --product specgen >&2
SPECGEN="$SCRATCH/$CONFIG/specgen"

printf '%s\n' "$SECRET" > "$WORK/secret"
rm -f "$WORK/port"
# --max-connections above the largest step: at the default limit (256) the mock sheds idle keep-alive connections,
# which measures shedding, not throughput.
"$SPECGEN" mock "$ROOT/specs/binance-spot.yaml" --port 0 --port-file "$WORK/port" --api-key "$KEY" --max-connections 1024 \
  --secret-file "$WORK/secret" > "$WORK/mock.log" 2>&1 &
MOCK=$!
trap 'kill $MOCK 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT=$(cat "$WORK/port")
URL="http://127.0.0.1:$PORT"
log "mock (pid $MOCK) on $URL"

cat > "$WORK/order.lua" <<'LUA'
wrk.method = "POST"
wrk.body = os.getenv("ORDER_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-MBX-APIKEY"] = os.getenv("ORDER_KEY")
LUA

rss() { awk '/^VmRSS/ {print $2}' "/proc/$MOCK/status"; }

run_step() { # name connections [wrk args…]
  local name=$1 connections=$2; shift 2
  local threads=$(( connections < THREADS ? connections : THREADS ))
  local samples="$WORK/rss-$name-$connections.txt"
  rss > "$samples"
  ( while kill -0 $MOCK 2>/dev/null; do rss >> "$samples"; sleep 0.5; done ) &
  local sampler=$!
  wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency "$@" > "$WORK/wrk-$name-$connections.txt"
  kill $sampler 2>/dev/null || true; wait $sampler 2>/dev/null || true
  rss >> "$samples"
  python3 - "$WORK/wrk-$name-$connections.txt" "$samples" "$name" "$connections" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rss = [int(line) for line in open(sys.argv[2]) if line.strip()]
def latency(p):
    m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
socket = re.search(r"Socket errors: (.*)", text)
print(f"| {sys.argv[3]} | {sys.argv[4]} | {rps:,.0f} | {latency(50):.2f} | {latency(99):.2f} | "
      f"{rss[0] / 1024:.0f} / {max(rss) / 1024:.0f} / {rss[-1] / 1024:.0f} | "
      f"{errors.group(1) if errors else 0}{' (' + socket.group(1) + ')' if socket else ''} |")
PY
}

echo "| request | connections | req/s | p50 ms | p99 ms | RSS MiB start / max / end | non-2xx |"
echo "| --- | ---: | ---: | ---: | ---: | --- | --- |"
for connections in $CONNECTIONS; do
  run_step ping "$connections" "$URL/api/v3/ping"
done
for connections in $CONNECTIONS; do
  # Signed afresh for each step: recvWindow=60000 keeps the timestamp valid for the whole step.
  BODY="symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=20000&newOrderRespType=ACK&recvWindow=60000&timestamp=$(date +%s%3N)"
  SIGNATURE=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $NF}')
  ORDER_BODY="$BODY&signature=$SIGNATURE" ORDER_KEY=$KEY run_step signed-order "$connections" -s "$WORK/order.lua" "$URL/api/v3/order"
done
kill -INT $MOCK; wait $MOCK 2>/dev/null || true
tail -1 "$WORK/mock.log" >&2
