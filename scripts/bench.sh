#!/usr/bin/env bash
# The benchmark program (tests/OneDigital.Benchmarks), Release, with its load generator in place:
#
#   scripts/bench.sh --scenario peer --items 100000 [--keep | --reuse FOLDER] ...
#
# Arguments go to the program as they are (`scripts/bench.sh --list` lists the scenarios). The HTTP scenarios load the
# site with wrk, a load generator of its own process, as issue 16's figures were measured: the benchmark's own client
# would share the site's process, so its allocations would count in the site's memory and its CPU in the site's CPU
# per request. Debian's wrk is installed when missing and this user may install packages; otherwise the program
# falls back to its own client and says so in its log.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >&2 && apt-get install -y -qq wrk >&2 || echo "bench.sh: apt-get install wrk failed; the benchmark's own client loads the site" >&2
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq >&2 && sudo apt-get install -y -qq wrk >&2 || echo "bench.sh: apt-get install wrk failed; the benchmark's own client loads the site" >&2
  else
    echo "bench.sh: wrk is not installed and only root can install it (apt-get install wrk); the benchmark's own client loads the site" >&2
  fi
fi

exec dotnet run -c Release --project tests/OneDigital.Benchmarks -- "$@"
