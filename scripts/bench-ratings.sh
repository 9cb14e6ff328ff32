#!/usr/bin/env bash
# Durable rating submissions per second over HTTP, with group commit against a baseline of one
# transaction (and one fsync) per rating, in the same run on the same machine; and ratings that
# make a codename (argon2id on the slow-work pool), with /healthz timed meanwhile; on a database
# that already holds a generated year of data.
#
#   scripts/bench-ratings.sh build/providerwatch
#
# Goal: at least 20,000 ratings/s without a codename on SQLite with group commit. Everything on
# 127.0.0.1, in a temporary directory, stopped on exit. Missed goals print "GOAL MISSED". Every
# request must succeed: a run with any non-2xx answer or socket error prints no figure and the
# bench exits 1.
set -euo pipefail
bin=$(realpath "${1:?usage: $0 PATH/TO/providerwatch}")
repo=$(cd "$(dirname "$0")/.." && pwd)
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-256}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/providerwatch-bench-ratings.XXXXXX")
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# A realistic year of data first (`providerwatch generate`: 40 contracts, 2,000 offices, a million
# ratings, 50,000 stories), copied afresh for each run: writes land in indexes of a real size.
ratings=${BENCH_RATINGS:-1000000}
"$bin" migrate --db "$tmp/base.db" >/dev/null
"$bin" generate --db "$tmp/base.db" --ratings "$ratings" --seed 1 >"$tmp/generate.log" 2>&1 ||
  { cat "$tmp/generate.log" >&2; echo "bench-ratings: generate failed" >&2; exit 1; }

run() {  # run NAME WRITE_BATCH GET_CODENAME [CONNECTIONS]: prints "requests/s healthz-p99-ms"
  local name=$1 batch=$2 codename=$3 conns=${4:-$connections} db="$tmp/$1.db"
  cp "$tmp/base.db" "$db"
  # One load generator is one client address: the rate limits (--limit-writes) are off here.
  "$bin" serve --db "$db" --port 0 --threads 2 --no-access-log --log-level warn --write-batch "$batch" \
    --limit-writes 0 --limit-lookups 0 >"$tmp/$name.out" 2>"$tmp/$name.err" &
  server_pid=$!
  local port=
  for _ in $(seq 100); do
    port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$tmp/$name.out" 2>/dev/null || true)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$tmp/$name.err" >&2; echo "bench-ratings: server did not start" >&2; exit 1; }
  local form token area body
  form=$(curl -s "http://127.0.0.1:$port/providers/1/rate")
  token=$(sed -n 's/.*name="csrf" value="\([0-9a-f.]*\)".*/\1/p' <<<"$form" | head -1)
  area=$(sed -n 's/.*name="area" type="radio" value="\([0-9]*\)".*/\1/p' <<<"$form" | head -1)
  body="stars=4&respect=5&payment_group=esa&get_codename=$codename&csrf=$token${area:+&area=$area}"
  # One request first, checked by hand: the form must be what the site accepts.
  local first
  first=$(curl -s -o /dev/null -w '%{http_code}' --data "$body" "http://127.0.0.1:$port/providers/1/rate")
  [ "$first" = 200 ] || { echo "bench-ratings: a rating got $first, not 200: the form is out of date" >&2; exit 1; }
  cat >"$tmp/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA
  # One wrk thread: it shares the machine's cores with the server, and its second thread took
  # CPU from the server without adding load. /healthz meanwhile, one probe every 20 ms.
  # One curl process, one connection, 50 probes a second: forking a curl per probe took CPU
  # from the server.
  local probes=()
  for _ in $(seq 3000); do probes+=("http://127.0.0.1:$port/healthz"); done
  curl -s --rate 50/s -o /dev/null -w '%{time_total}\n' "${probes[@]}" >"$tmp/$name.healthz" 2>/dev/null &
  local prober=$!
  timeout 120 wrk -t1 -c"$conns" -d"$duration" -s "$tmp/post.lua" "http://127.0.0.1:$port/providers/1/rate" \
    >"$tmp/$name.wrk" 2>&1
  kill "$prober" 2>/dev/null; wait "$prober" 2>/dev/null || true
  kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  local rps non2xx errors p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/$name.wrk")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$tmp/$name.wrk")
  errors=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$tmp/$name.wrk")
  if [ -z "$rps" ] || [ "${non2xx:-0}" != 0 ] || [ "${errors:-0}" != 0 ]; then
    cat "$tmp/$name.wrk" >&2
    echo "bench-ratings: $name: ${non2xx:-?} non-2xx answers, ${errors:-?} socket errors: no figure" >&2
    exit 1
  fi
  p99=$(sort -n "$tmp/$name.healthz" | awk '{ v[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f", v[i] * 1000 }')
  echo "$rps $p99"
}

echo "bench-ratings: POST /providers/1/rate, $connections connections, $duration each, SQLite (WAL, synchronous=FULL),"
echo "  on $(tail -n1 "$tmp/generate.log" | sed 's/^generated //; s/ over .*//')"
read -r group_rps group_p99 < <(run group 1024 no) || exit 1
read -r single_rps single_p99 < <(run single 1 no) || exit 1
# A codename costs argon2id: a few connections are enough to keep the slow-work pool full.
read -r codename_rps codename_p99 < <(run codename 1024 yes 8) || exit 1
ratio=$(awk -v a="$group_rps" -v b="$single_rps" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
printf '%-44s %12s %16s\n' "" "ratings/s" "healthz p99 ms"
printf '%-44s %12s %16s\n' "group commit (batches up to 1024)" "$group_rps" "$group_p99"
printf '%-44s %12s %16s\n' "one transaction per rating" "$single_rps" "$single_p99"
printf '%-44s %12s %16s\n' "with a new codename (group commit, argon2id)" "$codename_rps" "$codename_p99"
echo "ratio group/single: $ratio"
if awk -v r="$group_rps" 'BEGIN { exit !(r >= 20000) }'; then
  echo "goal met:    $group_rps durable ratings/s >= 20000 with group commit"
else
  echo "GOAL MISSED: $group_rps durable ratings/s with group commit (goal 20000)"
fi
if awk -v p="$codename_p99" 'BEGIN { exit !(p < 50) }'; then
  echo "goal met:    /healthz p99 $codename_p99 ms < 50 ms while codenames are made"
else
  echo "GOAL MISSED: /healthz p99 $codename_p99 ms while codenames are made (goal under 50 ms)"
fi
