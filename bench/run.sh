#!/usr/bin/env bash
# Builds the server (Release, without the npm web client, which the benchmark does not need) and runs the
# benchmark against it. Arguments go to the benchmark, e.g.  bench/run.sh --events 50000 --batch 200 --concurrency 4
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
dotnet build -c Release src/GamifyHub.Server -p:BuildWebClient=false -nologo -v:q
exec dotnet run -c Release --project bench/GamifyHub.Bench -- "$@"
