#!/usr/bin/env bash
# Builds the DocC documentation with warnings as errors: ClientRuntime's catalog (articles) and the generated
# libraries' overview pages (Generated/<Module>/<Module>.docc). Every symbol link must resolve.
#   scripts/docs.sh                  ClientRuntime and every generated library
#   scripts/docs.sh BinanceSpot …    only these targets
# Output: .build/plugins/Swift-DocC/outputs/<Target>.doccarchive
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(ClientRuntime)
    for catalog in Generated/*/*.docc; do targets+=("$(basename "$catalog" .docc)"); done
fi
for target in "${targets[@]}"; do
    echo "== $target"
    swift package generate-documentation --target "$target" --warnings-as-errors
done
