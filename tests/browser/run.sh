#!/usr/bin/env bash
# Runs a browser test against a real server on a free loopback port, with a fresh SQLite database,
# a moderator, a researcher and a provider account. Usage: run.sh BUILD_DIR [journey|answers|standards|staff]
#   journey (the default): tests/browser/journey.mjs
#   answers: tests/browser/answers.mjs, with an admin account and a second server on the same
#            database acting as if it were three months later (serve --now), for the 8-week clock
#   standards: tests/browser/standards.mjs, after 700 one-star ratings of Seetec and 700 five-star
#            ratings of Working Links (each from another client behind the trusted proxy) and two
#            publications, so that Seetec is below standard and under recovery measures
#   staff: tests/browser/staff.mjs, with the moderators' key for staff reports (made here)
set -euo pipefail
build=$(realpath "${1:?usage: $0 BUILD_DIR [journey|answers|standards|staff]}")
script=${2:-journey}
case "$script" in journey | answers | standards | staff) ;; *) echo "usage: $0 BUILD_DIR [journey|answers|standards|staff]"; exit 2 ;; esac
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
# The league table's filter by prime or sub-contractor needs a sub-contractor to leave out.
if [ "$script" = standards ]; then
  "$bin" import providers "$repo/tests/data/test_subcontractors.csv" --db "$db" >/dev/null
  # Enough providers for the league table to run to a second page.
  "$bin" import providers "$repo/tests/data/league_subcontractors.csv" --db "$db" >/dev/null
fi
password_of() { sed -n 's/^password (shown once): //p'; }
moderator=$("$bin" account create --db "$db" --username moderator --role moderator | password_of)
researcher=$("$bin" account create --db "$db" --username researcher --role researcher | password_of)
# The answers journey imports a file in the browser: its server reloads the registry every second.
# The standards journey publishes from the command line (the server only picks the snapshots up)
# and rates from many clients behind a proxy on 127.0.0.1, each client with its own rate limit.
reload=60000
options=()
[ "$script" = answers ] && reload=1000
# It runs in December 2026 whatever the date, so the two publications after it end the award's year.
[ "$script" = standards ] && reload=1000 && options=(--publish off --trusted-proxy 127.0.0.1 --now 2026-12)
if [ "$script" = staff ]; then
  printf 'a passphrase for the browser test\n' >"$tmp/passphrase"
  "$bin" staff-key init "$tmp/staff.key" --passphrase-file "$tmp/passphrase" >/dev/null
  options=(--staff-key "$tmp/staff.key" --staff-key-passphrase-file "$tmp/passphrase")
fi
"$bin" serve --db "$db" --port 0 --threads 2 --log-level warn --reload-ms "$reload" "${options[@]}" >"$tmp/out" 2>"$tmp/err" &
server=$!
port=$(listening_port "$tmp/out") || { cat "$tmp/err"; exit 1; }
seetec_id=$(node -e "fetch('http://127.0.0.1:$port/api/v1/search?q=seetec').then(r => r.json()).then(j => console.log(j.results[0].id))")
provider=$("$bin" account create --db "$db" --username seetec --role provider --provider "$seetec_id" | password_of)

if [ "$script" = journey ]; then
  BASE_URL="http://127.0.0.1:$port" ARTEFACTS="$build/artefacts/browser" MODERATOR_PASSWORD="$moderator" \
    PROVIDER_PASSWORD="$provider" RESEARCHER_PASSWORD="$researcher" EXAMPLES="$repo/docs/examples" node "$repo/tests/browser/journey.mjs"
  exit
fi

if [ "$script" = staff ]; then
  BASE_URL="http://127.0.0.1:$port" ARTEFACTS="$build/artefacts/browser-staff" MODERATOR_PASSWORD="$moderator" \
    RESEARCHER_PASSWORD="$researcher" node "$repo/tests/browser/staff.mjs"
  exit
fi

if [ "$script" = standards ]; then
  # Ratings through the rate form, as a participant sends them: the form's token and its first
  # area, then the rating, each from another address in X-Forwarded-For.
  BASE_URL="http://127.0.0.1:$port" node --input-type=module - 'Seetec:1:700' 'Working Links:5:700' <<'EOF'
const base = process.env.BASE_URL
const jobs = []
for (const spec of process.argv.slice(2)) {
  const [name, stars, count] = spec.split(':')
  const found = await (await fetch(`${base}/api/v1/search?q=${encodeURIComponent(name)}`)).json()
  const provider = found.results.find((r) => r.kind === 'provider' && r.name === name)
  if (!provider) throw new Error(`no provider ${name} in the registry`)
  for (let i = 0; i < Number(count); i++) jobs.push([provider.id, stars])
}
let clients = 0
const rate = async (id, stars) => {
  const url = `${base}/providers/${id}/rate`
  const form = await (await fetch(url)).text()
  const csrf = form.match(/name="csrf" value="([0-9a-f.]+)"/)?.[1]
  const area = form.match(/name="area" type="radio" value="([0-9]+)"/)?.[1]
  if (!csrf || !area) throw new Error(`no token or area on ${url}`)
  const n = ++clients
  const sent = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.${n >> 16 & 255}.${n >> 8 & 255}.${n & 255}` },
    body: `csrf=${csrf}&stars=${stars}&get_codename=no&area=${area}`
  })
  const page = await sent.text()
  if (sent.status !== 200) throw new Error(`rating ${url} from client ${n}: ${sent.status} ${page.slice(0, 300)}`)
}
await Promise.all(Array.from({ length: 8 }, async () => { for (let job; (job = jobs.shift());) await rate(...job) }))
EOF
  # Two publications in a row, for the two months after December 2026, each waited for on the
  # server: a status changes only when two publications agree; the first decides 2026's award.
  for month in 2027-01 2027-02; do
    snapshot=$("$bin" publish --db "$db" --now "$month" | sed -n 's/^published snapshot \([0-9]*\) .*/\1/p')
    [ -n "$snapshot" ] || { echo "publish --now $month published no snapshot"; exit 1; }
    for tries in $(seq 100); do
      grep -q "\"snapshot\":$snapshot," <<<"$(curl -s "http://127.0.0.1:$port/api/v1/areas/1")" && break
      [ "$tries" = 100 ] && { echo "the server did not load snapshot $snapshot"; exit 1; }
      sleep 0.1
    done
  done
  BASE_URL="http://127.0.0.1:$port" ARTEFACTS="$build/artefacts/browser-standards" BELOW='Seetec' WELL_RATED='Working Links' \
    PERIOD='January 2027' AWARD_YEAR=2026 node "$repo/tests/browser/standards.mjs"
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
