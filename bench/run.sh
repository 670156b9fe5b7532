#!/usr/bin/env bash
# Runs JourneyBot's load benchmark: many concurrent mapping sessions, Teams-shaped, through the real
# bot process over HTTP, against Azurite and a local mock connector, all on 127.0.0.1.
#
#   bench/run.sh                      the standard matrix: C = 1, 8, 32, 64 (5 s warm-up, 15 s measured each),
#                                     then the curves: 200, 1,000 and 10,000 held sessions; 1, 2 and 4 bot
#                                     processes on one Azurite; maps of 10, 200 and 2,000 items; three runs of
#                                     each, reported as median and spread (an hour or more)
#   bench/run.sh --quick              C = 8 and 32, 5 s each after a 2 s warm-up, 200 held sessions, 1 and 2
#                                     instances, maps of 10 and 2,000 items, one run (a few minutes)
#   bench/run.sh --profile            one session turn by turn: storage and connector calls per kind of turn
#   bench/run.sh --help               every option (--concurrency, --duration, --warmup, --held-sessions, --bot-dll, --json-only, …)
#
# Prints one JSON line per configuration (and per map size and operation) as it finishes, then the
# tables; progress goes to stderr.
# Exit code 1 when any configuration had errors. Logs of the bot and Azurite: .data/bench-load/.
# BENCH_ARTIFACTS_PATH=<dir> builds with `dotnet build --artifacts-path <dir>`, away from bin/ and obj/,
# for running while someone else builds the same tree.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/ensure-tools.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

build=(-c Release --nologo -v quiet)
if [ -n "${BENCH_ARTIFACTS_PATH:-}" ]; then
  build+=(--artifacts-path "$BENCH_ARTIFACTS_PATH")
  bot="$BENCH_ARTIFACTS_PATH/bin/JourneyBot.Web/release/JourneyBot.Web.dll"
  generator="$BENCH_ARTIFACTS_PATH/bin/JourneyBot.Bench.Load/release/JourneyBot.Bench.Load.dll"
else
  bot="$root/src/JourneyBot.Web/bin/Release/net10.0/JourneyBot.Web.dll"
  generator="$root/bench/JourneyBot.Bench.Load/bin/Release/net10.0/JourneyBot.Bench.Load.dll"
fi

echo "bench: building the bot and the load generator (Release)" >&2
dotnet build src/JourneyBot.Web "${build[@]}" >&2
dotnet build bench/JourneyBot.Bench.Load "${build[@]}" >&2

# The generator starts and stops Azurite and the bot itself; exec so that Ctrl+C reaches it directly.
exec dotnet "$generator" --bot-dll "$bot" "$@"
