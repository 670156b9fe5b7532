#!/usr/bin/env bash
# Writes JourneyBot's Teams app package: manifest.json filled in for one deployment, zipped with
# the two icons. Options and their environment variables: manifest/package.sh --help, or
# manifest/README.md. The last line printed is the path of the zip.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The working directory is left as it is, so a relative --output means what the user meant; the
# packager finds manifest/ from its own location. The build says nothing unless it fails.
exec dotnet run --project "$root/tools/JourneyBot.AppPackage" -c Release -v quiet -- package "$@"
