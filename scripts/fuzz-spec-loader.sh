#!/usr/bin/env bash
# Long libFuzzer runs over the spec loader (Fuzz/SpecLoaderFuzzer).
#
#   scripts/fuzz-spec-loader.sh                 # 100,000 inputs
#   scripts/fuzz-spec-loader.sh -runs=2000000   # any libFuzzer flags
#   FUZZ_CONFIG=release scripts/fuzz-spec-loader.sh -max_total_time=3600
#
# Builds with -sanitize=fuzzer into .build-fuzz (never the normal .build), seeds the corpus with specs/ and the
# regression inputs, and keeps what it finds in .build-fuzz/spec-loader/: corpus/ grows between runs, crashes go to
# artifacts/. A crash is fixed in the loader and its input becomes a regression test in Tests/SpecModelTests.
set -euo pipefail
cd "$(dirname "$0")/.."

config="${FUZZ_CONFIG:-debug}"
work=.build-fuzz/spec-loader
mkdir -p "$work/corpus" "$work/artifacts"

echo "building SpecLoaderFuzzer ($config, -sanitize=fuzzer) …"
SPECGEN_FUZZ=1 swift build --scratch-path .build-fuzz -c "$config" --product SpecLoaderFuzzer \
    -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link >"$work/build.log" 2>&1 || {
    tail -30 "$work/build.log"
    exit 1
}

# Seeds: the real specs whole, and each cut into pieces the size of -max_len, so mutations reach every section.
for spec in specs/*.yaml specs/history/*.yaml; do
    [ -f "$spec" ] || continue
    name=$(basename "$spec" .yaml)
    cp "$spec" "$work/corpus/seed-$name.yaml"
    split -b 8192 -d "$spec" "$work/corpus/seed-$name-part-"
done

args=(-runs=100000)
for arg in "$@"; do [[ "$arg" == -runs=* || "$arg" == -max_total_time=* ]] && args=(); done
start=$(date +%s)
set +e
".build-fuzz/$config/SpecLoaderFuzzer" "$work/corpus" -artifact_prefix="$work/artifacts/" -max_len=16384 \
    -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 "${args[@]}" "$@" 2>&1 | tee "$work/last-run.log" | grep -E "^(#[0-9]+ +(pulse|DONE|INITED)|stat::|==|SUMMARY|Done|malformed)" 
status=${PIPESTATUS[0]}
set -e
echo "exit $status after $(($(date +%s) - start)) s; crashes kept: $(find "$work/artifacts" -type f | wc -l) (in $work/artifacts)"
exit "$status"
