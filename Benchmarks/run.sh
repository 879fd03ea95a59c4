#!/usr/bin/env bash
# Runs every SpecGen benchmark against swift-openapi-generator on the same API and prints one table.
#   Benchmarks/run.sh   (RUNS=N generation runs, default 10; WORK=dir, default /tmp/specgen-bench;
#                        SCRATCH=build dir of the root package, default .build-bench; SIZES="50 200 800"
#                        endpoints for the compile scaling rows, SCALING_RUNS builds of each, default 3;
#                        LINT_SIZES="2000 24000" for the lint rows)
#                        ONLY="generation lint compile bench scaling": run just these sections, appending to the
#                        results of an earlier run in the same WORK instead of starting afresh)
# Needs the local package mirror (swift-openapi-generator 1.14.3, swift-openapi-runtime 1.13.4) and python3.
# hyperfine (apt-get install hyperfine) is used for generation times when installed, else a loop.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/Benchmarks"
WORK=${WORK:-/tmp/specgen-bench}
RUNS=${RUNS:-10}
COMPILE_RUNS=${COMPILE_RUNS:-3}
SCRATCH=${SCRATCH:-$ROOT/.build-bench}
SPEC="$ROOT/specs/binance-spot.yaml"
SOG_VERSION=1.14.3
SOG_MIRROR=${SOG_MIRROR:-/opt/swift-packages/apple/swift-openapi-generator.git}
RESULTS="$WORK/results.tsv"
mkdir -p "$WORK"
[ -n "${ONLY:-}" ] || : > "$RESULTS"
wanted() { [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $1 "* ]]; }
ROOT_ID=$(basename "$ROOT" | tr '[:upper:]' '[:lower:]')
log() { echo "== $*" >&2; }
record() { printf '%s\t%s\t%s\n' "$1" "$2" "${3:-}" >> "$RESULTS"; }

log "building specgen (release)"
swift build -c release --package-path "$ROOT" --scratch-path "$SCRATCH" --product specgen >&2
swift build -c release --package-path "$ROOT" --scratch-path "$SCRATCH" --product specgen-generate >&2
SPECGEN="$SCRATCH/release/specgen"

SOG_SRC="$WORK/swift-openapi-generator"
# SOG_BIN: an already built swift-openapi-generator $SOG_VERSION (skips the ten-minute build).
SOG=${SOG_BIN:-$SOG_SRC/.build/release/swift-openapi-generator}
if [ ! -x "$SOG" ]; then
  log "building swift-openapi-generator $SOG_VERSION from the mirror (once; cached in $SOG_SRC)"
  rm -rf "$SOG_SRC"
  git clone -q "$SOG_MIRROR" "$SOG_SRC"
  git -C "$SOG_SRC" -c advice.detachedHead=false checkout -q "$SOG_VERSION"
  swift build -c release --package-path "$SOG_SRC" --product swift-openapi-generator >&2
fi

log "exporting OpenAPI"
OPENAPI="$WORK/binance-spot.openapi.yaml"
"$SPECGEN" export openapi "$SPEC" --output "$OPENAPI"
# OpenAPIKit (swift-openapi-generator 1.14.3) rejects the boolean schema `items: false` that closes a positional
# model's `prefixItems` (OpenAPI 3.1); without it the document means the same to a reader that ignores prefixItems.
for_sog() { sed '/^ *items: false$/d' "$1" > "${1%.yaml}.sog.yaml"; echo "${1%.yaml}.sog.yaml"; }
OPENAPI=$(for_sog "$OPENAPI")
printf 'generate: [types, client]\naccessModifier: public\n' > "$WORK/openapi-generator-config.yaml"
SPECGEN_CMD="cd '$ROOT' && '$SPECGEN' generate --quiet --spec '$SPEC' --output '$WORK/gen-specgen'"
# The build plugin's generator: the same generation in the small executable a package build runs.
PLUGIN_CMD="cd '$ROOT' && '$SCRATCH/release/specgen-generate' --quiet --spec '$SPEC' --output '$WORK/gen-plugin'"
SOG_CMD="'$SOG' generate --config '$WORK/openapi-generator-config.yaml' --output-directory '$WORK/gen-openapi' '$OPENAPI' >/dev/null 2>&1"

# --- 1. generation time (output removed before every run so both write everything)
time_command() { # name prepare command [runs]
  local name=$1 prepare=$2 command=$3 runs=${4:-$RUNS}
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup 1 --runs "$runs" --prepare "$prepare" --export-json "$WORK/$name.json" "$command" >&2
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["median"]*1000)' "$WORK/$name.json"
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(sys.argv[2] + ".cpu", (r["user"] + r["system"]) * 1000, "ms", sep="\t")' "$WORK/$name.json" "${name/-/.}" >> "$RESULTS"
  else
    local times=()
    bash -c "$prepare; $command"
    for _ in $(seq "$runs"); do
      bash -c "$prepare"
      local start end
      start=$(date +%s%N); bash -c "$command"; end=$(date +%s%N)
      times+=("$(( (end - start) / 1000 ))")
    done
    python3 -c 'import statistics,sys; print(statistics.median(map(int, sys.argv[1:])) / 1000)' "${times[@]}"
  fi
}
if wanted generation; then
log "generation time ($RUNS runs each)"
record gen.specgen "$(time_command gen-specgen "rm -rf '$WORK/gen-specgen'" "$SPECGEN_CMD")" ms
record gen.plugin "$(time_command gen-plugin "rm -rf '$WORK/gen-plugin'" "$PLUGIN_CMD")" ms
mkdir -p "$WORK/gen-openapi"
record gen.openapi "$(time_command gen-openapi "rm -rf '$WORK/gen-openapi'; mkdir -p '$WORK/gen-openapi'" "$SOG_CMD")" ms
fi

# --- 1b. loading + lint against spec size: synthetic specs of LINT_SIZES endpoints (copies of dfx-spot's
# endpoints; the script keeps 24,000 of them under the loader's 8 MB limit), LINT_RUNS runs each.
wanted lint && for n in ${LINT_SIZES:-2000 24000}; do
  log "lint time: $n endpoints"
  python3 "$ROOT/scripts/synthetic-spec.py" "$n" "$ROOT/specs/dfx-spot.yaml" > "$WORK/lint-$n.yaml"
  record "lint.$n" "$(time_command "lint-$n" true "'$SPECGEN' lint '$WORK/lint-$n.yaml' >/dev/null" "${LINT_RUNS:-3}")" ms
done
# The same load + lint counted in instructions (callgrind), which other load on the machine does not change:
# inside LintCount.callgrindBody only, after the harness has loaded the spec once (process start not counted).
if command -v valgrind >/dev/null && wanted lint; then
  log "callgrind instruction counts of load + lint"
  swift build -c release --package-path "$BENCH" --product SpecGenBench >&2
  objcopy --strip-debug "$BENCH/.build/release/SpecGenBench" "$WORK/SpecGenBench-nodebug"
  for n in ${LINT_SIZES:-2000 24000}; do
    valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind-lint-$n.out" --toggle-collect='*callgrindBody*' \
      "$WORK/SpecGenBench-nodebug" "$WORK/lint-$n.yaml" count lint 1 2>/dev/null
    awk -v n="$n" '/^totals:/ {print "ir.lint." n "\t" $2 "\tIr"}' "$WORK/callgrind-lint-$n.out" >> "$RESULTS"
  done
fi

# --- 2. clean compile time and peak memory of the generated module (debug), deps built beforehand
make_package() { # dir dependency-line product-line
  local dir=$1
  mkdir -p "$dir/Sources/Gen"
  rm -f "$dir"/Sources/Gen/*.swift
  cat > "$dir/Package.swift" <<MANIFEST
// swift-tools-version:6.1
import PackageDescription
let package = Package(
    name: "Compile", platforms: [.macOS(.v14)],
    dependencies: [$2],
    targets: [.target(name: "Gen", dependencies: [$3])],
    swiftLanguageModes: [.v6])
MANIFEST
}
compile_deps() { # dir dependency-target config [warm]: built untimed; with warm, the module itself too
  local target=$2
  [ -z "${4:-}" ] || target=Gen
  swift build -c "$3" --package-path "$1" --target "$target" >&2
}
compile_once() { # name dir config run: one timed clean compile of the Gen target
  local name=$1 dir=$2 config=$3 run=$4
  # Sources newer than their objects and no objects, module or dependency records: every file recompiles.
  touch "$dir"/Sources/Gen/*.swift
  rm -f "$dir"/.build/"$config"/Gen.build/*.o "$dir"/.build/"$config"/Gen.build/*.swiftdeps \
    "$dir"/.build/"$config"/Gen.build/*.priors "$dir"/.build/"$config"/Modules/Gen.*
  /usr/bin/time -v -o "$WORK/time-$name-$run.txt" swift build -c "$config" --package-path "$dir" --target Gen >/dev/null
}
compile_summary() { # name dir config runs: SwiftPM's no-op time, then the medians less it
  local name=$1 dir=$2 config=$3 runs=$4
  /usr/bin/time -v -o "$WORK/time-$name-0.txt" swift build -c "$config" --package-path "$dir" --target Gen >/dev/null
  python3 - "$WORK" "$name" "$runs" <<'PY' >> "$RESULTS"
import re, statistics, sys
work, name, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def read(run):
    text = open(f"{work}/time-{name}-{run}.txt").read()
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1).split(":")
    wall = sum(float(p) * 60 ** i for i, p in enumerate(reversed(clock)))
    cpu = sum(float(re.search(rf"{k} time \(seconds\): (\S+)", text).group(1)) for k in ("User", "System"))
    return wall, int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)), cpu
timed = [read(run) for run in range(1, runs + 1)]
noop = read(0)
print(f"compile.{name}\t{statistics.median(w for w, _, _ in timed) - noop[0]:.2f}\ts")
print(f"cpu.{name}\t{statistics.median(c for _, _, c in timed) - noop[2]:.2f}\ts")
print(f"noop.{name}\t{noop[0]:.2f}\ts")
print(f"memory.{name}\t{statistics.median(r for _, r, _ in timed) / 1024:.0f}\tMiB")
PY
}
# Both generators' modules in one configuration, their runs taken in turn (SpecGen, swift-openapi-generator,
# SpecGen, …) so that a machine that slows down during the step slows both alike.
compile_pair() { # specgen-dir openapi-dir config runs [suffix] [warm]
  local specgen=$1 openapi=$2 config=$3 runs=$4 suffix=${5:-} warm=${6:-}
  # warm: one untimed build of the module itself first. After a dependency has changed, the first build of Gen
  # did more than compile it (29 s instead of 16 s on 2026-11-30); the scaling rows reuse these packages as built.
  compile_deps "$specgen" ClientRuntimeURLSession "$config" "$warm"  # and ClientRuntime, which it depends on
  compile_deps "$openapi" OpenAPIRuntime "$config" "$warm"
  for run in $(seq "$runs"); do
    compile_once "specgen$suffix" "$specgen" "$config" "$run"
    compile_once "openapi$suffix" "$openapi" "$config" "$run"
  done
  compile_summary "specgen$suffix" "$specgen" "$config" "$runs"
  compile_summary "openapi$suffix" "$openapi" "$config" "$runs"
}
if wanted compile; then
log "compile time of the generated Binance module"
make_package "$WORK/compile-specgen" ".package(path: \"$ROOT\")" ".product(name: \"ClientRuntime\", package: \"$ROOT_ID\")"
cp "$WORK"/gen-specgen/BinanceSpot/*.swift "$WORK/compile-specgen/Sources/Gen/"
make_package "$WORK/compile-openapi" '.package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4")' '.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")'
cp "$WORK"/gen-openapi/*.swift "$WORK/compile-openapi/Sources/Gen/"
compile_pair "$WORK/compile-specgen" "$WORK/compile-openapi" debug "$COMPILE_RUNS" "" warm
log "compile time of the generated Binance module (release)"
compile_pair "$WORK/compile-specgen" "$WORK/compile-openapi" release "$COMPILE_RUNS" -release warm
wc -l "$WORK"/gen-specgen/BinanceSpot/*.swift | tail -1 | awk '{print "lines.specgen\t" $1 "\tlines"}' >> "$RESULTS"
wc -l "$WORK"/gen-openapi/*.swift | tail -1 | awk '{print "lines.openapi\t" $1 "\tlines"}' >> "$RESULTS"
fi

# --- 3 and 4. signing and decoding (release), with swift-openapi-generator's types copied in
if wanted bench; then
log "building the benchmark harness (release)"
rm -rf "$BENCH/Sources/OpenAPITypes"
mkdir -p "$BENCH/Sources/OpenAPITypes"
cp "$WORK"/gen-openapi/Types*.swift "$BENCH/Sources/OpenAPITypes/"
swift build -c release --package-path "$BENCH" --product SpecGenBench >&2
log "running sign and decode benchmarks"
"$BENCH/.build/release/SpecGenBench" "$SPEC" sign decode | awk -F'\t' '{print $1 "\t" $2 "\tns\t" $3}' >> "$RESULTS"
fi

# Instruction counts of the decode cases (the same whatever else the machine does): CG_ITERATIONS decodes each,
# counted inside DecodeBench.callgrindBody only (fixtures, spec loading and the warm-up decode are not counted).
if command -v valgrind >/dev/null && wanted bench; then
  log "callgrind instruction counts of decoding"
  cases="decode.orders.specgen decode.orders.specgen-jsondecoder decode.orders.plain"
  cases="$cases decode.exchangeInfo.specgen decode.exchangeInfo.specgen-jsondecoder decode.exchangeInfo.plain"
  [ -f "$BENCH/Sources/OpenAPITypes/Types.swift" ] && cases="$cases decode.orders.openapi decode.exchangeInfo.openapi"
  # valgrind 3.19 cannot read the DWARF 5 debug info Swift 6.3 writes: count a copy without it (symbols stay).
  objcopy --strip-debug "$BENCH/.build/release/SpecGenBench" "$WORK/SpecGenBench-nodebug"
  for name in $cases; do
    valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind-$name.out" --toggle-collect='*callgrindBody*' \
      "$WORK/SpecGenBench-nodebug" "$SPEC" count "$name" "${CG_ITERATIONS:-3}" 2>/dev/null
    awk -v name="$name" -v n="${CG_ITERATIONS:-3}" '/^totals:/ {print "ir." name "\t" $2 / n "\tIr"}' \
      "$WORK/callgrind-$name.out" >> "$RESULTS"
  done
fi

# Instruction counts of the signing path: runs of N and 2N calls, the difference divided by N (process start, spec
# loading and client set-up cancel out). The count cases run on one thread, which valgrind needs here. Under
# valgrind BoringSSL hashes without the SHA extensions, so the HMAC's share is larger than on the bare machine.
if command -v valgrind >/dev/null && wanted bench; then
  log "callgrind instruction counts of signing"
  n=${CG_SIGN_CALLS:-2000}
  for name in prepare send raw-hmac floor floor-validated params-validate; do
    for calls in "$n" $((2 * n)); do
      SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind-sign-$name-$calls.out" \
        "$WORK/SpecGenBench-nodebug" "$SPEC" count "$name" "$calls" >/dev/null 2>&1
    done
    awk -v name="$name" -v n="$n" '/^totals:/ {t[FNR == NR] = $2} END {print "ir.sign." name "\t" (t[0] - t[1]) / n "\tIr"}' \
      "$WORK/callgrind-sign-$name-$n.out" "$WORK/callgrind-sign-$name-$((2 * n)).out" >> "$RESULTS"
  done
fi

# --- 5. scaling (last: the longest step): synthetic specs of SIZES endpoints made from the real one (copies with new ids and paths),
# each compiled once (debug) for both generators.
wanted scaling && for n in ${SIZES:-50 200 800}; do
  log "scaling: $n endpoints"
  python3 "$ROOT/scripts/synthetic-spec.py" "$n" "$SPEC" > "$WORK/spec-$n.yaml"
  rm -rf "$WORK/gen-specgen-$n" "$WORK/gen-openapi-$n"
  (cd "$ROOT" && "$SPECGEN" generate --quiet --spec "$WORK/spec-$n.yaml" --output "$WORK/gen-specgen-$n")
  "$SPECGEN" export openapi "$WORK/spec-$n.yaml" --output "$WORK/openapi-$n.yaml"
  mkdir -p "$WORK/gen-openapi-$n"
  "$SOG" generate --config "$WORK/openapi-generator-config.yaml" --output-directory "$WORK/gen-openapi-$n" \
    "$(for_sog "$WORK/openapi-$n.yaml")" >/dev/null 2>&1
  # The same two packages as the rows above (their dependencies are built): only the module's files change. Median
  # of SCALING_RUNS builds, as for the rows above: a single build can be the slow first one (23.2 s instead of 8-9 s
  # for SpecGen's 50 endpoints on 2026-11-30, SwiftPM re-running every dependency's compiler driver).
  rm -f "$WORK"/compile-specgen/Sources/Gen/*.swift "$WORK"/compile-openapi/Sources/Gen/*.swift
  cp "$WORK"/gen-specgen-$n/BinanceSpot/*.swift "$WORK/compile-specgen/Sources/Gen/"
  cp "$WORK"/gen-openapi-$n/*.swift "$WORK/compile-openapi/Sources/Gen/"
  compile_pair "$WORK/compile-specgen" "$WORK/compile-openapi" debug "${SCALING_RUNS:-3}" "-$n"
done

python3 "$BENCH/table.py" "$RESULTS" | tee "$WORK/table.md"
