#!/usr/bin/env bash
# Runs a browser test against a real server on a free loopback port, with a fresh SQLite database,
# a moderator, a researcher and a provider account. Usage: run.sh BUILD_DIR [journey|answers]
#   journey (the default): tests/browser/journey.mjs
#   answers: tests/browser/answers.mjs, with an admin account and a second server on the same
#            database acting as if it were three months later (serve --now), for the 8-week clock
set -euo pipefail
build=$(realpath "${1:?usage: $0 BUILD_DIR [journey|answers]}")
script=${2:-journey}
case "$script" in journey | answers) ;; *) echo "usage: $0 BUILD_DIR [journey|answers]"; exit 2 ;; esac
repo=$(cd "$(dirname "$0")/../.." && pwd)
bin="$build/providerwatch"
command -v /usr/bin/chromium >/dev/null || { echo "browser test: /usr/bin/chromium is missing (scripts/install-deps.sh test installs it)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/providerwatch-browser.XXXXXX")
server=
later=
cleanup() {
  for pid in $server $later; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

# The port a server started with --port 0 printed to FILE; the file appears a moment after the
# server is started, so a missing one means not started yet.
listening_port() {
  local port=
  for _ in $(seq 100); do
    port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$1" 2>/dev/null || true)
    [ -n "$port" ] && { echo "$port"; return 0; }
    sleep 0.1
  done
  return 1
}

db="$tmp/browser.db"
"$bin" migrate --db "$db" >/dev/null
"$bin" import registry "$repo/data/registry/work_programme_primes.csv" --db "$db" >/dev/null
password_of() { sed -n 's/^password (shown once): //p'; }
moderator=$("$bin" account create --db "$db" --username moderator --role moderator | password_of)
researcher=$("$bin" account create --db "$db" --username researcher --role researcher | password_of)
# The answers journey imports a file in the browser: its server reloads the registry every second.
reload=60000
[ "$script" = answers ] && reload=1000
"$bin" serve --db "$db" --port 0 --threads 2 --log-level warn --reload-ms "$reload" >"$tmp/out" 2>"$tmp/err" &
server=$!
port=$(listening_port "$tmp/out") || { cat "$tmp/err"; exit 1; }
seetec_id=$(node -e "fetch('http://127.0.0.1:$port/api/v1/search?q=seetec').then(r => r.json()).then(j => console.log(j.results[0].id))")
provider=$("$bin" account create --db "$db" --username seetec --role provider --provider "$seetec_id" | password_of)

if [ "$script" = journey ]; then
  BASE_URL="http://127.0.0.1:$port" ARTEFACTS="$build/artefacts/browser" MODERATOR_PASSWORD="$moderator" \
    PROVIDER_PASSWORD="$provider" RESEARCHER_PASSWORD="$researcher" EXAMPLES="$repo/docs/examples" node "$repo/tests/browser/journey.mjs"
  exit
fi

admin=$("$bin" account create --db "$db" --username admin --role admin | password_of)
# The same database seen about three months on (day 15 of that month), publishing nothing.
later_month=$(date -u -d "$(date -u +%Y-%m-15) +3 months" +%Y-%m)
"$bin" serve --db "$db" --port 0 --threads 2 --log-level warn --now "$later_month" --publish off \
  >"$tmp/later-out" 2>"$tmp/later-err" &
later=$!
later_port=$(listening_port "$tmp/later-out") || { cat "$tmp/later-err"; exit 1; }
BASE_URL="http://127.0.0.1:$port" LATER_URL="http://127.0.0.1:$later_port" ARTEFACTS="$build/artefacts/browser-answers" \
  ADMIN_PASSWORD="$admin" node "$repo/tests/browser/answers.mjs"
