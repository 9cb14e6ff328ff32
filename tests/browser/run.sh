#!/usr/bin/env bash
# Runs tests/browser/journey.mjs against a real server on a free loopback port, with a fresh
# SQLite database, a moderator and a provider account. Usage: run.sh BUILD_DIR
set -euo pipefail
build=$(realpath "${1:?usage: $0 BUILD_DIR}")
repo=$(cd "$(dirname "$0")/../.." && pwd)
bin="$build/providerwatch"
command -v /usr/bin/chromium >/dev/null || { echo "browser test: /usr/bin/chromium is missing (scripts/install-deps.sh test installs it)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/providerwatch-browser.XXXXXX")
server=
cleanup() { [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

db="$tmp/browser.db"
"$bin" migrate --db "$db" >/dev/null
"$bin" import registry "$repo/data/registry/work_programme_primes.csv" --db "$db" >/dev/null
password_of() { sed -n 's/^password (shown once): //p'; }
moderator=$("$bin" account create --db "$db" --username moderator --role moderator | password_of)
researcher=$("$bin" account create --db "$db" --username researcher --role researcher | password_of)
"$bin" serve --db "$db" --port 0 --threads 2 --log-level warn >"$tmp/out" 2>"$tmp/err" &
server=$!
for _ in $(seq 100); do
  port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$tmp/out" 2>/dev/null || true)
  [ -n "${port:-}" ] && break
  sleep 0.1
done
[ -n "${port:-}" ] || { cat "$tmp/err"; exit 1; }
seetec_id=$(node -e "fetch('http://127.0.0.1:$port/api/v1/search?q=seetec').then(r => r.json()).then(j => console.log(j.results[0].id))")
provider=$("$bin" account create --db "$db" --username seetec --role provider --provider "$seetec_id" | password_of)
BASE_URL="http://127.0.0.1:$port" ARTEFACTS="$build/artefacts/browser" MODERATOR_PASSWORD="$moderator" \
  PROVIDER_PASSWORD="$provider" RESEARCHER_PASSWORD="$researcher" EXAMPLES="$repo/docs/examples" node "$repo/tests/browser/journey.mjs"
