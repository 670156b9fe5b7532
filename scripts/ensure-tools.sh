#!/usr/bin/env bash
# Installs, once, what JourneyBot's run and test commands need on a fresh machine:
# the pinned Node tools in tools/ (npm ci, nothing global) and, with --browser, Debian's Chromium.
# Safe to run again: it only installs what is missing or out of date.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
need_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) need_browser=1 ;;
    *) echo "ensure-tools: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

for tool in dotnet node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ensure-tools: '$tool' is not installed. JourneyBot needs the .NET 10 SDK and Node.js 20 or later." >&2
    exit 1
  fi
done

# ICU: the bot formats dates and numbers in the team's language (English, Spanish, Romanian), which
# .NET does with the system's libicu; without it the runtime stops at start-up.
# (Looked for as files: "ldconfig -p | grep -q" would fail under pipefail when grep stops reading early.)
if ! compgen -G '/usr/lib/*/libicuuc.so.*' >/dev/null && ! compgen -G '/usr/lib/libicuuc.so.*' >/dev/null \
  && ! compgen -G '/lib/*/libicuuc.so.*' >/dev/null; then
  echo "ensure-tools: installing libicu (ICU, for dates and numbers in each language)"
  as_root apt-get update -qq
  icu=$(apt-cache search --names-only '^libicu[0-9]+$' | awk '{print $1}' | sort -V | tail -n 1)
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${icu:-libicu-dev}" >/dev/null
fi

# npm ci when node_modules is missing or older than the lockfile.
stamp="$root/tools/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$root/tools/package-lock.json" -nt "$stamp" ]; then
  echo "ensure-tools: installing the pinned Node tools (tools/package-lock.json)"
  (cd "$root/tools" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Chromium, and an emoji font so the screenshots show the emotion faces as people see them.
if [ "$need_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1; }; then
  echo "ensure-tools: installing Debian's chromium and an emoji font for the browser tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-color-emoji >/dev/null
fi
