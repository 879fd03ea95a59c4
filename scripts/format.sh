#!/usr/bin/env bash
# Formats or lints the Swift sources with the project's .swift-format (lineLength 170).
#   scripts/format.sh          rewrite Sources, Tests and Generated in place
#   scripts/format.sh --lint   report every finding and exit 1 if there is one (what .ci/run runs)
# Generated/ is formatted as the generator writes it; after formatting, `specgen generate --check` must still pass
# (a template that writes unformatted code is fixed in the template, not in Generated/).
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Sources Tests Generated Package.swift Plugins)
case "${1:-}" in
    --lint) exec swift format lint --strict --recursive --parallel "${paths[@]}" ;;
    "") exec swift format format --in-place --recursive --parallel "${paths[@]}" ;;
    *) echo "usage: scripts/format.sh [--lint]" >&2; exit 2 ;;
esac
