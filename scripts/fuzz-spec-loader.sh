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
root=$(pwd)
work=.build-fuzz/spec-loader
package=.build-fuzz/package
mkdir -p "$work/corpus" "$work/artifacts" "$package/Sources"

# A package of its own (SpecModel + Yams + the fuzz entry point, sources linked in): the main package's build-tool
# plugin would otherwise build specgen, NIO and Hummingbird with the fuzzer's instrumentation.
ln -sfn "$root/Sources/SpecModel" "$package/Sources/SpecModel"
ln -sfn "$root/Fuzz/SpecLoaderFuzzer" "$package/Sources/SpecLoaderFuzzer"
cat >"$package/Package.swift" <<'MANIFEST'
// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "SpecGenFuzz",
    dependencies: [.package(url: "https://github.com/jpsim/Yams", from: "6.2.2")],
    targets: [
        .target(name: "SpecModel", dependencies: ["Yams"]),
        .executableTarget(name: "SpecLoaderFuzzer", dependencies: ["SpecModel"], swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ],
    swiftLanguageModes: [.v6]
)
MANIFEST

echo "building SpecLoaderFuzzer ($config, -sanitize=fuzzer) …"
swift build --package-path "$package" --scratch-path .build-fuzz/build -c "$config" --product SpecLoaderFuzzer \
    -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link >"$work/build.log" 2>&1 || {
    tail -30 "$work/build.log"
    exit 1
}
fuzzer=$(swift build --package-path "$package" --scratch-path .build-fuzz/build -c "$config" --show-bin-path)/SpecLoaderFuzzer

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
"$fuzzer" "$work/corpus" -artifact_prefix="$work/artifacts/" -max_len=16384 \
    -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 "${args[@]}" "$@" 2>&1 | tee "$work/last-run.log" | grep -E "^(#[0-9]+ +(pulse|DONE|INITED)|stat::|==|SUMMARY|Done|malformed)" 
status=${PIPESTATUS[0]}
set -e
echo "exit $status after $(($(date +%s) - start)) s; crashes kept: $(find "$work/artifacts" -type f | wc -l) (in $work/artifacts)"
exit "$status"
