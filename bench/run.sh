#!/usr/bin/env bash
# Runs the Tilskudd benchmarks (issue 18): builds Release, then measures intake (host vs floor) and
# the timer floor on fresh in-memory Azurites on loopback, prints a Markdown table and writes it to
# bench/results/<date>-<mode>.md.
#   bench/run.sh            quick, about 5 minutes
#   bench/run.sh --full     10 000 orchestrations and more submits (about 25 minutes)
#   bench/run.sh --tune     timer floor over the settings in TuningGrid (BenchPlan.cs)
#   bench/run.sh --decider  BenchmarkDotNet for the case decider (Decide/Evolve, replay), about 4 minutes
# Other options: --only intake|timer|lifecycle|storm|growth|azurite, --storm-n 1000,2000, --storm-park-rate 7 (cases a second the storm expects to park; sets its due instant), --no-before (the timer floor at the current engine defaults only), --azurite-store stock|indexed (bench/azurite/indexed-store.js), --rate-log 10 (every 10 s: requests a second, CPU, the costliest request kinds), --growth-n 0,1000,5000, --azurite-n 0,10000,50000, --baseline <earlier result name> (case-life before/after), --n N, --try "Name=value,Name=value", --levels 1:25,8:120,32:320, --name results-file
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--decider" ]; then
  echo "==> Building the decider bench (Release)"
  dotnet build bench/Tilskudd.Bench.Decider -c Release -nologo -v quiet
  exec dotnet bench/Tilskudd.Bench.Decider/bin/Release/net10.0/Tilskudd.Bench.Decider.dll "${@:2}"
fi

echo "==> Building the bench and Tilskudd.Local (Release)"
dotnet build functions/Tilskudd.Local -c Release -nologo -v quiet
dotnet build bench/Tilskudd.Bench -c Release -nologo -v quiet
exec dotnet bench/Tilskudd.Bench/bin/Release/net10.0/Tilskudd.Bench.dll "$@"
