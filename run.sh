#!/usr/bin/env bash
# Runs Tilskudd on this machine: installs what it needs (Azurite from npm, pinned by the lock
# file; NuGet packages), starts Azurite unless something already listens on the storage ports,
# and starts Tilskudd.Local on http://127.0.0.1:7071. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Letters are PDF set in DejaVu Sans from Debian's fonts-dejavu-core, copied into the build output.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  echo "==> Installing fonts-dejavu-core (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q fonts-dejavu-core
fi

echo "==> Building Tilskudd.Local"
dotnet build functions/Tilskudd.Local -c Debug -nologo -v quiet

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
azurite_pid=""
if listening 10000 || listening 10001 || listening 10002; then
  echo "==> Storage ports 10000-10002 are in use: using what listens there as storage"
else
  mkdir -p .azurite
  echo "==> Starting Azurite (data in .azurite/, log in .azurite/azurite.log)"
  node_modules/.bin/azurite --silent --location .azurite --debug .azurite/azurite.log \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --skipApiVersionCheck --loose --disableTelemetry &
  azurite_pid=$!
  trap '[ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null' EXIT
  for _ in $(seq 1 50); do listening 10002 && break; sleep 0.2; done
fi

cat <<'TXT'
==> Starting Tilskudd.Local
    Rounds:          http://127.0.0.1:7071/api/rounds
    Mail sent:       http://127.0.0.1:7071/dev/mail
    Apply (curl):    see README.md, "Try it"
TXT
ASPNETCORE_ENVIRONMENT=Development dotnet run --no-build --no-launch-profile --project functions/Tilskudd.Local
