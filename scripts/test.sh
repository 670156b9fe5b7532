#!/usr/bin/env bash
# Runs every JourneyBot test: unit, pipeline (real HTTP on loopback) and end-to-end (the bot,
# Microsoft 365 Agents Playground and headless Chromium). Installs what is missing first.
# Screenshots and logs of the run land in .test-artifacts/.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/ensure-tools.sh" --browser

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p .test-artifacts
rm -f .test-artifacts/summary.txt
dotnet build JourneyBot.sln -c Release -warnaserror --nologo -v quiet

set +e
# A hang fails the run after 25 minutes instead of holding CI for its whole 90.
dotnet test --solution JourneyBot.sln -c Release --no-build --timeout 25m --results-directory .test-artifacts/results 2>&1 \
  | tee .test-artifacts/test-output.log
status=${PIPESTATUS[0]}
set -e

# Where the screenshots are and what sizes were measured (written by the tests).
if [ -f .test-artifacts/summary.txt ]; then
  echo; echo "Artifacts and measurements of this run:"; sort .test-artifacts/summary.txt | sed 's/^/  /'; echo
fi

# The failed tests by name, last, where a CI page that shows only the end of the output still has them.
if grep -qE '^failed ' .test-artifacts/test-output.log; then
  # Each with the first lines of its message (not the stack), so that a failure seen only on CI can be read.
  echo "Failed tests:"
  awk '/^failed /{print "  " $0; n=8; next}
       n>0 && /^  / && !/^ +at / && !/^  from /{print "    " substr($0, 1, 300); n--; next}
       n>0 && !/^  /{n=0}' .test-artifacts/test-output.log
fi

# One plain closing line for CI, summed over the test applications.
passed=$(grep -E '^\s+succeeded: [0-9]+' .test-artifacts/test-output.log | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' .test-artifacts/test-output.log | awk '{s+=$2} END {print s+0}')
echo "${passed} passed, ${failed} failed"
exit "$status"
