#!/usr/bin/env bash
# Full-page screenshots of every page type (375 px and 1280 px, light and dark)
# into a folder, for a person to look at.
#
#   scripts/screenshots.sh [OUT_DIR]        (default: screenshots/)
#
# The caspian binary is $CASPIAN_BIN, or target/debug/caspian (built here with
# `cargo build` when CASPIAN_BIN is not set). Chromium: /usr/bin/chromium, or
# $CHROMIUM_BIN.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$repo/screenshots}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$repo"

if [[ -z "${CASPIAN_BIN:-}" ]]; then
  cargo build --quiet
fi
"$repo/scripts/browser-deps.sh"
node "$repo/scripts/screenshots.mjs" "$out"
