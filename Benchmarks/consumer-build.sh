#!/usr/bin/env bash
# Cold builds of two fresh consumer packages of this checkout, one after the other on the same machine:
#   library: a target that imports the generated BinanceSpot library;
#   plugin:  a target with its own copy of specs/binance-spot.yaml and the SpecGenPlugin build plugin.
# Both compile ClientRuntime and the same generated client; the difference is the plugin's generator.
#   Benchmarks/consumer-build.sh   (WORK=dir, default /tmp/specgen-consumers; CONFIG=debug|release, default debug)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/specgen-consumers}
CONFIG=${CONFIG:-debug}
PKG=$(basename "$ROOT")   # a path dependency is known by its folder's name
rm -rf "$WORK"
mkdir -p "$WORK"

manifest() { # name target-dependency plugin-lines
  cat <<SWIFT
// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "$1",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "$ROOT")],
    targets: [
        .executableTarget(
            name: "App",
            dependencies: [$2]$3
        )
    ]
)
SWIFT
}

mkdir -p "$WORK/library/Sources/App" "$WORK/plugin/Sources/App"
manifest LibraryConsumer ".product(name: \"BinanceSpot\", package: \"$PKG\"), .product(name: \"ClientRuntime\", package: \"$PKG\")" '' \
  > "$WORK/library/Package.swift"
printf 'import BinanceSpot\nimport ClientRuntime\n\nlet request = PingRequest()\nprint(type(of: request))\n' \
  > "$WORK/library/Sources/App/main.swift"
manifest PluginConsumer ".product(name: \"ClientRuntime\", package: \"$PKG\")" ",
            exclude: [\"binance-spot.yaml\"],
            plugins: [.plugin(name: \"SpecGenPlugin\", package: \"$PKG\")]" > "$WORK/plugin/Package.swift"
cp "$ROOT/specs/binance-spot.yaml" "$WORK/plugin/Sources/App/"
printf 'import ClientRuntime\n\nlet request = PingRequest()\nprint(type(of: request))\n' > "$WORK/plugin/Sources/App/main.swift"

printf '| consumer | cold `swift build -c %s` (s) | peak RSS of the build (MiB) |\n| --- | --- | --- |\n' "$CONFIG"
for name in library plugin; do
  ( cd "$WORK/$name" && swift package resolve >/dev/null 2>&1 )   # resolution (cloning) is not timed
  /usr/bin/time -f '%e %M' -o "$WORK/$name.time" swift build -c "$CONFIG" --package-path "$WORK/$name" \
    > "$WORK/$name.log" 2>&1 || { echo "$name build failed; see $WORK/$name.log" >&2; exit 1; }
  read -r seconds kib < "$WORK/$name.time"
  printf '| %s | %s | %s |\n' "$name" "$seconds" "$((kib / 1024))"
done
lib=$(cut -d' ' -f1 "$WORK/library.time"); plug=$(cut -d' ' -f1 "$WORK/plugin.time")
python3 -c "import sys; print(f'plugin / library: {float(sys.argv[2]) / float(sys.argv[1]):.2f}x (goal <= 1.2x)')" "$lib" "$plug"
