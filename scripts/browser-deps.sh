#!/usr/bin/env bash
# Installs the browser tests' npm packages (tests/browser/node_modules) with
# `npm ci`, only when they are missing or package-lock.json has changed since.
# No install scripts run: vnu-jar's would download a Java we already have.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../tests/browser" && pwd)"
stamp="$dir/node_modules/.caspian-lock.sha256"
want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi
echo "npm ci in tests/browser"
npm ci --prefix "$dir" --ignore-scripts --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
