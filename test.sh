#!/usr/bin/env bash
# Runs all tests: installs Azurite (the fixtures start their own, in memory, on free loopback
# ports), restores, builds and runs every test project. TRX results land in TestResults/.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The browser tests (tests/Tilskudd.Web.Tests) drive Debian's Chromium; Playwright's own download is never used.
if [ ! -x /usr/bin/chromium ]; then
  echo "==> Installing Chromium (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q chromium
fi

# Letters are PDF set in DejaVu Sans (Debian's fonts-dejavu-core, copied into the build output); the letter
# tests turn page 1 into a PNG and read the text back with poppler-utils (pdftoppm, pdftotext).
missing=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
fi

rm -rf TestResults
dotnet test --solution Tilskudd.Functions.sln --results-directory "$PWD/TestResults" --report-xunit-trx "$@"
