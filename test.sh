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
# The README's "Try it" commands are run by a test (ReadmeTryItTests) with curl and jq, as a person runs them.
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
fi

rm -rf TestResults
if [ "${1:-}" = "--date" ]; then
  # The suite on another day: ./test.sh --date '2028-03-01 12:00:00'. Every process of the run (tests, hosts, Azurite,
  # Chromium) sees the machine's clock moved by Debian's faketime. The build runs first on the real clock: MSBuild
  # under libfaketime never hears from its build nodes. No test may read the machine's date to decide what it expects.
  moved_to=${2:?"--date needs a date, e.g. --date '2028-03-01 12:00:00'"}
  shift 2
  if ! command -v faketime >/dev/null; then
    echo "==> Installing faketime (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q faketime
  fi
  dotnet build Tilskudd.Functions.sln -nologo -v quiet
  echo "==> Tests with the clock at $moved_to"
  FAKETIME_DONT_FAKE_MONOTONIC=1 faketime "$moved_to" \
    dotnet test --solution Tilskudd.Functions.sln --no-build --results-directory "$PWD/TestResults" --report-xunit-trx "$@"
else
  dotnet test --solution Tilskudd.Functions.sln --results-directory "$PWD/TestResults" --report-xunit-trx "$@"
fi
