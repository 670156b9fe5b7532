#!/usr/bin/env bash
# Runs JourneyBot's BenchmarkDotNet micro-benchmarks (bench/JourneyBot.Bench.Micro) in Release.
#
#   bench/micro.sh                          every benchmark, BenchmarkDotNet's default job (about half an hour)
#   bench/micro.sh --quick                  every benchmark with the short job (a few minutes; rough figures)
#   bench/micro.sh --filter '*MapCard*'     any BenchmarkDotNet argument passes through (--filter, --job, --list flat, …)
#   bench/micro.sh --quick --filter '*Turn*'
#
# Results (Markdown, CSV, HTML and the log) land in bench/artifacts/micro/ unless --artifacts is given.
# BENCH_ARTIFACTS_PATH=<dir> builds with `dotnet build --artifacts-path <dir>`, away from bin/ and obj/,
# for running while someone else builds the same tree.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
project="$root/bench/JourneyBot.Bench.Micro"

args=()
quick=false
filtered=false
artifacts=false
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true; continue ;;
    -f | --filter | --filter=*) filtered=true ;;
    -a | --artifacts | --artifacts=*) artifacts=true ;;
    *) ;;
  esac
  args+=("$arg")
done

# ShortRun: one launch, 3 warm-up and 3 measured iterations. Enough to compare orders of magnitude.
if $quick; then args=(--job short "${args[@]}"); fi
# Without a filter BenchmarkDotNet asks which benchmarks to run; a script must not wait for an answer.
if ! $filtered; then args+=(--filter '*'); fi
if ! $artifacts; then args+=(--artifacts "$root/bench/artifacts/micro"); fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -n "${BENCH_ARTIFACTS_PATH:-}" ]; then
  dotnet build "$project" -c Release --nologo -v quiet --artifacts-path "$BENCH_ARTIFACTS_PATH"
  program="$BENCH_ARTIFACTS_PATH/bin/JourneyBot.Bench.Micro/release/JourneyBot.Bench.Micro.dll"
else
  dotnet build "$project" -c Release --nologo -v quiet
  program="$project/bin/Release/net10.0/JourneyBot.Bench.Micro.dll"
fi

# BenchmarkDotNet finds the project to generate its runner from by searching the working directory.
cd "$project"
exec dotnet "$program" "${args[@]}"
