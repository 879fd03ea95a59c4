#!/usr/bin/env bash
# libFuzzer over the mock's request parsing (Fuzz/MockRequest): routing, query/form/JSON/percent-decoding, credential
# and parameter checks. Builds with -sanitize=fuzzer in its own scratch path (.build-fuzz-mock), then fuzzes.
#   scripts/fuzz-mock-request.sh                 # 100,000 inputs
#   RUNS=1000000 scripts/fuzz-mock-request.sh    # longer; RUNS=-1 runs until a crash or Ctrl-C
#   scripts/fuzz-mock-request.sh crash-*         # replay inputs (a crash file, or Fuzz/MockRequest/FailCases/*)
# Crashes are written to Fuzz/MockRequest/Findings/; the growing corpus to .build-fuzz-mock/corpus.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FUZZ="$ROOT/Fuzz/MockRequest"
SCRATCH=${SCRATCH:-$ROOT/.build-fuzz-mock}
RUNS=${RUNS:-100000}

swift build --package-path "$FUZZ" --scratch-path "$SCRATCH" --product FuzzMockRequest \
  -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -enable-testing >&2
BINARY="$SCRATCH/debug/FuzzMockRequest"

if [ $# -gt 0 ]; then
  exec "$BINARY" "$@"
fi
mkdir -p "$SCRATCH/corpus" "$FUZZ/Findings"
exec "$BINARY" "$SCRATCH/corpus" "$FUZZ/Corpus" -dict="$FUZZ/mock-request.dict" -runs="$RUNS" \
  -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$FUZZ/Findings/"
