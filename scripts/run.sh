#!/usr/bin/env bash
# Runs JourneyBot locally: Azurite (Azure Table Storage, data kept in .data/azurite) on
# $AZURITE_PORT (default 10002), the bot on 127.0.0.1:$BOT_PORT (default 3978) and Microsoft 365
# Agents Playground on $PLAYGROUND_PORT (default 56150), a Teams look-alike in your browser.
# No Azure account is needed: the bot runs without authentication, which it only allows when no
# MicrosoftAppId is configured. Ctrl+C stops everything this script started.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bot_port=${BOT_PORT:-3978}
playground_port=${PLAYGROUND_PORT:-56150}
azurite_port=${AZURITE_PORT:-10002}
cd "$root"

"$root/scripts/ensure-tools.sh"

# Whether a service could listen on port $1 at address $2 (default: every address, which is how
# Agents Playground listens; it quietly moves to a random port when it cannot).
port_free() {
  node -e 'const s = require("net").createServer(); s.once("error", () => process.exit(1));
    s.listen(Number(process.argv[1]), process.argv[2] || undefined, () => s.close(() => process.exit(0)));' "$1" "${2:-}"
}
# How to free port $1: what holds it, when the system tells (ss shows other users' programs only to root).
port_help() {
  local holder
  holder=$(ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n 1) || true
  echo "run: port $1 is already in use${holder:+ by $holder}. Stop what uses it (an earlier scripts/run.sh: Ctrl+C in its terminal;" >&2
  echo "     to see what it is: ss -ltnp 'sport = :$1'), or choose another port: $2=<port> $0" >&2
}
for check in "BOT_PORT:$bot_port:127.0.0.1" "PLAYGROUND_PORT:$playground_port:" "AZURITE_PORT:$azurite_port:127.0.0.1"; do
  IFS=: read -r name port address <<<"$check"
  if ! port_free "$port" "$address"; then
    port_help "$port" "$name"
    exit 1
  fi
done

mkdir -p "$root/.data"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "run: building the bot"
dotnet build src/JourneyBot.Web -c Debug --nologo -v quiet

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "run: stopped"
}
trap stop INT TERM EXIT

# Azurite keeps the maps on disk in .data/azurite, so a restart keeps them.
mkdir -p "$root/.data/azurite"
(cd "$root/tools" && exec node node_modules/azurite/dist/src/table/main.js --tableHost 127.0.0.1 --tablePort "$azurite_port" \
  --location "$root/.data/azurite" --skipApiVersionCheck --disableTelemetry --silent) >"$root/.data/azurite.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  if grep -q "successfully started" "$root/.data/azurite.log" 2>/dev/null; then break; fi
  sleep 0.5
done
grep -q "successfully started" "$root/.data/azurite.log" || { echo "run: Azurite did not start; see .data/azurite.log" >&2; exit 1; }

tables="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"

# Links to the full map are signed with a key kept beside the data, so they survive restarts.
[ -s "$root/.data/maplinks.key" ] || head -c 32 /dev/urandom | base64 > "$root/.data/maplinks.key"

# The built app itself, not `dotnet run`, so that stopping it stops the bot and nothing lingers.
(cd src/JourneyBot.Web && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$bot_port" \
  ConnectionStrings__Tables="$tables" MapLinks__BaseUrl="http://127.0.0.1:$bot_port" \
  MapLinks__SigningKeys__0="$(cat "$root/.data/maplinks.key")" exec dotnet bin/Debug/net10.0/JourneyBot.Web.dll) &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$bot_port/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$bot_port/healthz" >/dev/null || { echo "run: the bot did not start" >&2; exit 1; }

# Run from playground/, where .m365agentsplayground.yml defines the team, chats and people.
(cd "$root/playground" && TEAMSAPPTESTER_BROWSER=none exec "$root/tools/node_modules/.bin/agentsplayground" \
  -e "http://127.0.0.1:$bot_port/api/messages" -c msteams --dt -p "$playground_port" \
  --service-url "http://127.0.0.1:$playground_port/_connector") >"$root/.data/playground.log" 2>&1 &
pids+=($!)

# It tells the bot to answer at --service-url, on the port asked for; if that port was taken in
# the meantime it listens elsewhere (saying so only in playground/devTools/), and every reply of
# the bot would go to whatever holds the port. Insist on the port it was given.
listening=""
for _ in $(seq 1 120); do
  listening=$(grep -m 1 -o '^Listening on [0-9]*' "$root/.data/playground.log" 2>/dev/null | grep -o '[0-9]*$') && break
  kill -0 "${pids[-1]}" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$listening" ]; then
  echo "run: Agents Playground did not start; see .data/playground.log" >&2
  exit 1
fi
if [ "$listening" != "$playground_port" ]; then
  echo "run: Agents Playground could not listen on port $playground_port and moved to $listening, where the bot's replies would not reach it." >&2
  port_help "$playground_port" PLAYGROUND_PORT
  exit 1
fi
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$playground_port/" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$playground_port/" >/dev/null || { echo "run: Agents Playground does not answer; see .data/playground.log" >&2; exit 1; }

cat <<MSG

  JourneyBot is running at http://127.0.0.1:$bot_port/api/messages
  Open Agents Playground:   http://127.0.0.1:$playground_port
  Maps are stored in Azurite (Azure Table Storage) under .data/azurite

  In a channel the bot reads only posts that mention it. Open "General" (Shoe Co) under
  Teams Channel, type @ and pick JourneyBot from the menu that opens, then write
  "start My first map" and press Post. Typed "@JourneyBot" text is not a mention: the bot
  never sees that post. In Personal Chat no mention is needed.
  Yellow "not supported yet in Microsoft 365 Agents playground" lines are expected: see
  Troubleshooting in README.md.

  The bot's logs follow. Ctrl+C stops the bot and the Playground.

MSG
wait -n "${pids[@]}"
