#!/usr/bin/env bash
# Benchmarks a built ProviderWatch against nginx serving the same pages as static files, on a
# realistic year of data (`providerwatch generate`: 40 contracts, 400 sub-contractors, 2,000
# offices, 1 million ratings, 50,000 stories, 25,000 complaints and 25,000 suggestions;
# BENCH_RATINGS and BENCH_STORIES scale it).
#
#   scripts/bench.sh build/providerwatch
#
# 1. Publication: the time `providerwatch publish` takes for the whole snapshot (goal <= 10 s).
# 2. Every public page type: wrk -t2 -c64 -d10s --latency with a made-up query parameter on
#    every request (which the page cache ignores, as it keys a page by the parameters the page
#    reads), then against a second server with the page cache off (every request computes its
#    page), then against nginx (2 workers) serving the identical bytes. Goals per page and per
#    way: at least half of nginx's requests/s, p99 at most 10 ms. All SQLite, 2 worker threads.
# 3. /healthz during a flood of provider pages computed every time: every probe under 50 ms.
# 4. The server's resident memory with the snapshot loaded, and after the runs.
# 5. Idle-connection tolerance: with 2,000 idle keep-alive connections held open, a fresh
#    connection gets GET /healthz answered in under 50 ms (bench/idle_connections.cpp, built as
#    idle_connections beside the providerwatch binary).
#
# Everything listens on 127.0.0.1 only, lives in a temporary directory, and is stopped on exit.
# A request that fails (socket error, non-2xx) makes the bench fail: no figure from failed
# requests is printed as if it counted. Missed goals are reported as "GOAL MISSED" lines.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 PATH/TO/providerwatch" >&2
  exit 2
fi
bin=$(realpath "$1")
idle_tool="$(dirname "$bin")/idle_connections"
repo=$(cd "$(dirname "$0")/.." && pwd)

# Tunables (environment), defaults as the goals are stated.
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-64}
wrk_threads=${BENCH_WRK_THREADS:-2}
idle_count=${BENCH_IDLE:-2000}
idle_probes=${BENCH_PROBES:-20}
ratings=${BENCH_RATINGS:-1000000}
stories=${BENCH_STORIES:-50000}

die() { echo "bench: $*" >&2; exit 1; }
[ -x "$bin" ] || die "no executable at $bin (run: make build)"
[ -x "$idle_tool" ] || die "no executable at $idle_tool (build the idle_connections target)"
for tool in wrk nginx curl timeout; do
  command -v "$tool" >/dev/null || die "$tool not found (run: scripts/install-deps.sh bench)"
done

# 2,000 idle connections need 2,000 descriptors in the server and as many in the client.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((idle_count + 512)) ]; then
  echo "bench: warning: open-file limit $(ulimit -n) is low for $idle_count idle connections" >&2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/providerwatch-bench.XXXXXX")
server_pid=""
computed_pid=""
nginx_pid=""

stop_pid() {  # stop_pid PID SIGNAL: signal it, wait up to 15 s, then SIGKILL.
  local pid=$1 sig=$2
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill "-$sig" "$pid" 2>/dev/null || true
  for _ in $(seq 150); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "bench: pid $pid did not stop on SIG$sig within 15 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$server_pid" TERM
  stop_pid "$computed_pid" TERM
  stop_pid "$nginx_pid" QUIT
  # nginx workers exit with their master; make sure none is left behind.
  if [ -f "$tmp/nginx.pid" ]; then stop_pid "$(cat "$tmp/nginx.pid" 2>/dev/null || true)" TERM; fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# providerwatch
db="$tmp/bench.db"
"$bin" migrate --db "$db" >"$tmp/migrate.log" 2>&1 || { cat "$tmp/migrate.log" >&2; die "migrate failed"; }
echo "bench: generating $ratings ratings and $stories stories (seed 1)"
"$bin" generate --db "$db" --ratings "$ratings" --stories "$stories" --seed 1 >"$tmp/generate.log" 2>&1 ||
  { cat "$tmp/generate.log" >&2; die "generate failed"; }
tail -n1 "$tmp/generate.log"
publish_start=$(date +%s.%N)
"$bin" publish --db "$db" >"$tmp/publish.log" 2>&1 || { cat "$tmp/publish.log" >&2; die "publish failed"; }
publish_s=$(awk -v a="$publish_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
echo "bench: $(cat "$tmp/publish.log") in $publish_s s"

# start_server NAME [OPTIONS...]: serves $db on a free port; sets started_pid and started_port.
start_server() {
  local name=$1
  shift
  "$bin" serve --db "$db" --port 0 --bind 127.0.0.1 --threads 2 --no-access-log --log-level warn --publish off "$@" \
    >"$tmp/$name.out" 2>"$tmp/$name.err" &
  started_pid=$!
  started_port=""
  for _ in $(seq 300); do
    started_port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' "$tmp/$name.out" | head -n1)
    [ -n "$started_port" ] && break
    kill -0 "$started_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$started_port" ]; then
    cat "$tmp/$name.out" "$tmp/$name.err" >&2
    die "providerwatch ($name) did not report a listening port"
  fi
}
start_server server
server_pid=$started_pid
port=$started_port
pw_url="http://127.0.0.1:$port"
# A second server with its page cache off: every request computes its page.
start_server computed --cache-ms 0
computed_pid=$started_pid
computed_url="http://127.0.0.1:$started_port"
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status"; }
rss_loaded=$(rss_kb)

# One page of each public type, found through the search API as a visitor would.
first_url() {  # first_url QUERY KIND: the first /KIND/N address the search API returns
  curl -fsS --max-time 10 "$pw_url/api/v1/search?q=$1" | grep -o "\"url\":\"/$2/[0-9]*\"" | head -n1 |
    sed 's/.*:"\(.*\)"/\1/'
}
prime=$(first_url generated+prime+01 providers)
sub=$(first_url generated+sub-contractor+0001 providers)
office=$(first_url office+0001 offices)
[ -n "$prime" ] && [ -n "$sub" ] && [ -n "$office" ] || die "could not find the generated pages through the search API"
pages=("$prime" "$sub" "$office" /areas/1 /sanctions/figures /league-table /standards /award "/api/v1$prime" "/api/v1$office"
  /api/v1/areas/1 /api/v1/league-table)
mkdir -p "$tmp/www"
for page in "${pages[@]}"; do
  mkdir -p "$tmp/www$(dirname "$page")"
  curl -fsS --max-time 10 -o "$tmp/www$page" "$pw_url$page" || die "GET $page from providerwatch failed"
done

# ---------------------------------------------------------------------------------------------
# nginx: the same bytes as a static file, two workers, everything under $tmp.
mkdir -p "$tmp/nginx-temp"
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
start_nginx() {  # start_nginx PORT: returns 0 once nginx answers on PORT.
  local nport=$1 user_line=""
  [ "$(id -u)" -eq 0 ] && user_line="user root;"
  cat >"$tmp/nginx.conf" <<EOF
$user_line
worker_processes 2;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  client_body_temp_path $tmp/nginx-temp/body;
  proxy_temp_path $tmp/nginx-temp/proxy;
  fastcgi_temp_path $tmp/nginx-temp/fastcgi;
  uwsgi_temp_path $tmp/nginx-temp/uwsgi;
  scgi_temp_path $tmp/nginx-temp/scgi;
  server {
    listen 127.0.0.1:$nport;
    root $tmp/www;
  }
}
EOF
  nginx -p "$tmp" -e "$tmp/nginx-error.log" -c "$tmp/nginx.conf" >"$tmp/nginx.out" 2>&1 &
  nginx_pid=$!
  for _ in $(seq 100); do
    if ! kill -0 "$nginx_pid" 2>/dev/null; then
      wait "$nginx_pid" 2>/dev/null || true
      nginx_pid=""
      return 1
    fi
    curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$nport/sanctions/figures" 2>/dev/null && return 0
    sleep 0.1
  done
  stop_pid "$nginx_pid" QUIT
  nginx_pid=""
  return 1
}
nginx_port=""
for _ in $(seq 10); do
  candidate=$((20000 + RANDOM % 12000))  # below the usual ephemeral range
  [ "$candidate" -eq "$port" ] && continue
  port_in_use "$candidate" && continue
  if start_nginx "$candidate"; then nginx_port=$candidate; break; fi
done
if [ -z "$nginx_port" ]; then
  cat "$tmp/nginx.out" "$tmp/nginx-error.log" 2>/dev/null >&2 || true
  die "could not start nginx on a free loopback port"
fi
nginx_url="http://127.0.0.1:$nginx_port"
for page in "${pages[@]}"; do
  curl -fsS --max-time 10 -o "$tmp/nginx-copy" "$nginx_url$page" || die "GET $page from nginx failed"
  cmp -s "$tmp/nginx-copy" "$tmp/www$page" || die "nginx does not serve the same bytes as providerwatch for $page"
done

echo "bench: providerwatch $pw_url (2 threads), nginx $nginx_url (2 workers), ${#pages[@]} page types"

# ---------------------------------------------------------------------------------------------
# wrk
# Prints: "requests_per_s p99_ms socket_errors non_2xx_3xx total_requests"
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
      if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
      if (v ~ /m$/)  { sub(/m$/, "", v);  return v * 60000 }
      if (v ~ /s$/)  { sub(/s$/, "", v);  return v * 1000 }
      return v + 0
    }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "99%" { p99 = ms($2) }
    /requests in/ { total = $1 }
    /Socket errors:/ {
      n = split($0, parts, /[,:]/)
      for (i = 2; i <= n; i++) { split(parts[i], kv, " "); errs += kv[2] }
    }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    END { printf "%s %.3f %d %d %s\n", (rps == "" ? 0 : rps), p99, errs, non2xx, (total == "" ? 0 : total) }
  ' "$1"
}
# A new query string on every request, unique across wrk's threads: the page cache never answers.
cat >"$tmp/uncached.lua" <<'LUA'
local threads = 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
local counter = 0
function request()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?uncached=" .. id .. "-" .. counter)
end
LUA
run_wrk() {  # run_wrk NAME URL
  local name=$1 url=$2
  # A short warm-up so both sides start with warm caches and established code paths.
  timeout 30 wrk -t"$wrk_threads" -c"$connections" -d2s -s "$tmp/uncached.lua" "$url" >/dev/null 2>&1 || true
  echo "bench: wrk -t$wrk_threads -c$connections -d$duration --latency (uncached) $url"
  if ! timeout 120 wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency -s "$tmp/uncached.lua" "$url" \
      >"$tmp/wrk-$name.txt" 2>&1; then
    cat "$tmp/wrk-$name.txt" >&2
    die "wrk against $name failed"
  fi
  sed 's/^/  | /' "$tmp/wrk-$name.txt"
}
# checked_wrk NAME: the run's "rps p99" once every request succeeded, else the bench fails.
checked_wrk() {
  local rps p99 err non2xx total
  read -r rps p99 err non2xx total < <(parse_wrk "$tmp/wrk-$1.txt")
  [ "$err" -eq 0 ] && [ "$non2xx" -eq 0 ] && [ "$total" -gt 0 ] ||
    die "$1 requests failed on $page ($err socket errors, $non2xx non-2xx of $total): no figure"
  echo "$rps $p99"
}
results=()  # "page bytes new_rps new_p99 computed_rps computed_p99 nginx_rps nginx_p99"
for page in "${pages[@]}"; do
  run_wrk providerwatch "$pw_url$page"
  run_wrk computed "$computed_url$page"
  run_wrk nginx "$nginx_url$page"
  kill -0 "$server_pid" 2>/dev/null && kill -0 "$computed_pid" 2>/dev/null ||
    die "providerwatch exited during the wrk runs on $page"
  results+=("$page $(wc -c <"$tmp/www$page") $(checked_wrk providerwatch) $(checked_wrk computed) $(checked_wrk nginx)")
done

# /healthz while 64 connections ask for provider pages computed every time (the cache-off server).
timeout 60 wrk -t"$wrk_threads" -c"$connections" -d12s -s "$tmp/uncached.lua" "$computed_url$prime" >"$tmp/wrk-flood.txt" 2>&1 &
flood_pid=$!
sleep 2
: >"$tmp/health-times.txt"
for _ in $(seq 50); do
  curl -s --max-time 5 -o /dev/null -w '%{http_code} %{time_total}\n' "$computed_url/healthz" >>"$tmp/health-times.txt" ||
    echo "000 5" >>"$tmp/health-times.txt"
  sleep 0.1
done
wait "$flood_pid" || true
stop_pid "$computed_pid" TERM
computed_pid=""
health_ok=$(awk '$1 == 200' "$tmp/health-times.txt" | wc -l)
health_max_ms=$(awk '{ v = $2 * 1000; if (v > m) m = v } END { printf "%.1f", m }' "$tmp/health-times.txt")
health_median_ms=$(awk '{ print $2 * 1000 }' "$tmp/health-times.txt" | sort -n |
  awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] }')
rss_after=$(rss_kb)

# Nothing else needs nginx; stop it before the idle-connection test.
stop_pid "$nginx_pid" QUIT
nginx_pid=""

# ---------------------------------------------------------------------------------------------
# Idle connections: silent (connected, nothing sent) and after one keep-alive request.
idle_run() {  # idle_run MODE
  local mode=$1
  echo "bench: idle_connections 127.0.0.1 $port $idle_count $idle_probes /healthz $mode"
  if ! timeout 120 "$idle_tool" 127.0.0.1 "$port" "$idle_count" "$idle_probes" /healthz "$mode" \
      >"$tmp/idle-$mode.txt" 2>&1; then
    cat "$tmp/idle-$mode.txt" >&2
    die "idle_connections ($mode) failed"
  fi
  sed 's/^/  | /' "$tmp/idle-$mode.txt"
}
idle_run silent
sleep 1  # let the server see the 2,000 closes
idle_run request
kill -0 "$server_pid" 2>/dev/null || die "providerwatch exited during the idle-connection test"
health_after=$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$pw_url/healthz" || true)

field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p; s/^$1=\([^[:space:]]*\).*/\1/p" "$2" | tail -n1; }

# ---------------------------------------------------------------------------------------------
missed=0
goal() {  # goal OK-EXPR TEXT
  if awk "BEGIN { exit !($1) }"; then
    echo "goal met:    $2"
  else
    echo "GOAL MISSED: $2"
    missed=$((missed + 1))
  fi
}
echo
echo "=== ProviderWatch bench summary ($ratings ratings, $stories stories; $connections connections, $wrk_threads wrk threads, $duration each, uncached) ==="
echo "publication of the whole snapshot: $publish_s s"
echo "server resident memory: $((rss_loaded / 1024)) MB with the snapshot loaded, $((rss_after / 1024)) MB after the runs"
echo "new query string: a made-up parameter on every request (the page cache keys a page by the parameters it reads)"
echo "computed: the page cache off, every request computes its page from the read model and the registry"
printf '%-24s %7s %11s %8s %11s %8s %11s %8s\n' page bytes "new q req/s" "p99 ms" "computed/s" "p99 ms" "nginx req/s" "p99 ms"
for row in "${results[@]}"; do
  read -r page bytes new_rps new_p99 com_rps com_p99 ng_rps ng_p99 <<<"$row"
  printf '%-24s %7s %11s %8s %11s %8s %11s %8s\n' "$page" "$bytes" "$new_rps" "$new_p99" "$com_rps" "$com_p99" "$ng_rps" "$ng_p99"
done
echo "/healthz during a flood of computed provider pages: $health_ok/50 answered 200, median $health_median_ms ms, max $health_max_ms ms"
for mode in silent request; do
  f="$tmp/idle-$mode.txt"
  echo "idle $mode: $(field idle_open "$f") of $idle_count idle connections open" \
    "($(field idle_still_open "$f") still open after probes); /healthz on a fresh connection:" \
    "median $(field median_ms "$f") ms, max $(field max_ms "$f") ms," \
    "$(field probes_ok "$f")/$(field probes "$f") probes ok"
done
echo "/healthz after the idle test: HTTP $health_after"
echo
goal "$publish_s <= 10" "publication of the whole snapshot in $publish_s s <= 10 s"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
for row in "${results[@]}"; do
  read -r page bytes new_rps new_p99 com_rps com_p99 ng_rps ng_p99 <<<"$row"
  goal "$(ratio "$new_rps" "$ng_rps") >= 0.5" "$page, new query string: providerwatch/nginx requests/s $(ratio "$new_rps" "$ng_rps") >= 0.5"
  goal "$new_p99 <= 10" "$page, new query string: p99 $new_p99 ms <= 10 ms at $connections connections"
  goal "$(ratio "$com_rps" "$ng_rps") >= 0.5" "$page, computed: providerwatch/nginx requests/s $(ratio "$com_rps" "$ng_rps") >= 0.5"
  goal "$com_p99 <= 10" "$page, computed: p99 $com_p99 ms <= 10 ms at $connections connections"
done
goal "$health_ok == 50 && $health_max_ms < 50" "/healthz during the flood: max $health_max_ms ms < 50 ms ($health_ok/50 ok)"
for mode in silent request; do
  f="$tmp/idle-$mode.txt"
  open=$(field idle_open "$f"); ok=$(field probes_ok "$f"); n=$(field probes "$f")
  goal "${open:-0} == $idle_count" "all $idle_count idle connections ($mode) established (${open:-0})"
  goal "${ok:-0} == ${n:-1}" "every /healthz probe ($mode) answered 2xx (${ok:-0}/${n:-?})"
  goal "$(field max_ms "$f") < 50" "/healthz with $idle_count idle connections ($mode): max $(field max_ms "$f") ms < 50 ms (median $(field median_ms "$f") ms)"
done
goal "$health_after == 200" "providerwatch still answers /healthz after the idle test (HTTP $health_after)"
if grep -qv '^[[:space:]]*$' "$tmp/server.err" 2>/dev/null; then
  echo "providerwatch stderr (warnings and errors during the bench):"
  sed 's/^/  | /' "$tmp/server.err" | tail -n 20
fi
echo
if [ "$missed" -eq 0 ]; then echo "bench: all goals met"; else echo "bench: $missed goal(s) missed"; fi
