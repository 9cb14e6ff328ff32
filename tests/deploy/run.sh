#!/usr/bin/env bash
# The shipped deployment (deploy/): nginx in front of two ProviderWatch servers, run as shipped
# except for ports, paths and a throw-away certificate. Checks that nginx accepts the
# configuration, logs nothing about visitors, replaces a client's X-Forwarded-For (so a spoofed
# one cannot dodge a rate limit), keeps a client on one server, carries on when one dies, and
# that the systemd unit names only options the server has. Usage: run.sh BUILD_DIR
set -euo pipefail
build=$(realpath "${1:?usage: $0 BUILD_DIR}")
repo=$(cd "$(dirname "$0")/../.." && pwd)
bin="$build/providerwatch"
conf="$repo/deploy/nginx/providerwatch.conf"
unit="$repo/deploy/systemd/providerwatch@.service"
for tool in nginx curl openssl; do
  command -v "$tool" >/dev/null || { echo "deploy test: $tool is missing (scripts/install-deps.sh test installs it)"; exit 1; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/providerwatch-deploy.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "deploy test FAILED: $*"; exit 1; }

# 1. What the file says, read as text.
grep -Eq '^\s*access_log\s+off;' "$conf" || fail "the shipped nginx configuration does not turn the access log off"
if grep -E '^\s*(log_format|access_log)' "$conf" | grep -Eq '\$(remote_addr|binary_remote_addr|http_user_agent|http_x_forwarded_for|realip_remote_addr|msec|time_local|time_iso8601)'; then
  fail "a log line of the shipped nginx configuration names a client address, user agent or time"
fi
grep -Eq 'hash \$remote_addr consistent;' "$conf" || fail "clients are not kept on one server"
grep -Eq 'proxy_set_header X-Forwarded-For \$remote_addr;' "$conf" || fail "X-Forwarded-For is not replaced"
help=$("$bin" serve --help)
for option in $(grep -o -- '--[a-z-]*' "$unit" | sort -u); do
  grep -q -- "$option" <<<"$help" || fail "the systemd unit uses $option, which serve does not have"
done

# 2. Two servers on one database and one secrets file, limits of one codename look-up an hour.
db="$tmp/site.db"
"$bin" migrate --db "$db" >/dev/null
"$bin" import registry "$repo/tests/data/one_area.csv" --db "$db" >/dev/null
"$bin" secrets init "$tmp/secrets" >/dev/null
ports=()
for n in 1 2; do
  "$bin" serve --db "$db" --secrets "$tmp/secrets" --port 0 --threads 1 --trusted-proxy 127.0.0.1 \
    --limit-lookups 1 --publish off --public "$build/public" --no-access-log --log-level warn \
    >"$tmp/out$n" 2>"$tmp/err$n" &
  pids+=($!)
  for _ in $(seq 100); do
    p=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$tmp/out$n" 2>/dev/null || true)
    [ -n "$p" ] && break
    sleep 0.1
  done
  [ -n "$p" ] || { cat "$tmp/err$n"; fail "server $n did not start"; }
  ports+=("$p")
done

# 3. nginx with the shipped file, on a free loopback port, with a self-signed certificate.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=providerwatch.example \
  -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
nport=$((20000 + RANDOM % 10000))
rport=$((nport + 1))
sed -e "s#127.0.0.1:8081#127.0.0.1:${ports[0]}#; s#127.0.0.1:8082#127.0.0.1:${ports[1]}#" \
    -e "s#/var/log/nginx/#$tmp/#" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$nport ssl http2;#; /listen \[::\]:443/d" \
    -e "s#listen 80;#listen 127.0.0.1:$rport;#; /listen \[::\]:80/d" \
    -e "s#/etc/ssl/certs/providerwatch.pem#$tmp/cert.pem#; s#/etc/ssl/private/providerwatch.key#$tmp/key.pem#" \
    "$conf" >"$tmp/providerwatch.conf"
mkdir -p "$tmp/logs" "$tmp/temp"
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root;"
cat >"$tmp/nginx.conf" <<CONF
$user_line
worker_processes 1;
daemon off;
pid $tmp/nginx.pid;
events { worker_connections 256; }
http {
  client_body_temp_path $tmp/temp/body;
  proxy_temp_path $tmp/temp/proxy;
  fastcgi_temp_path $tmp/temp/fastcgi;
  uwsgi_temp_path $tmp/temp/uwsgi;
  scgi_temp_path $tmp/temp/scgi;
  include $tmp/providerwatch.conf;
}
CONF
nginx -t -p "$tmp" -e "$tmp/startup.log" -c "$tmp/nginx.conf" >"$tmp/nginx-t.out" 2>&1 ||
  { cat "$tmp/nginx-t.out"; fail "nginx refuses the shipped configuration"; }
nginx -p "$tmp" -e "$tmp/startup.log" -c "$tmp/nginx.conf" >"$tmp/nginx.out" 2>&1 &
pids+=($!)
site="https://providerwatch.example:$nport"
fetch() { curl -sk --max-time 10 --resolve "providerwatch.example:$nport:127.0.0.1" "$@"; }
for _ in $(seq 50); do fetch -o /dev/null "$site/healthz" && break; sleep 0.1; done
[ "$(fetch -o /dev/null -w '%{http_code}' "$site/")" = 200 ] || fail "the home page does not come through nginx"
[ "$(fetch -o /dev/null -w '%{http_code}' "http://providerwatch.example:$rport/" --resolve "providerwatch.example:$rport:127.0.0.1")" = 301 ] ||
  fail "plain HTTP is not sent to HTTPS"

# 4. One look-up an hour per client: a spoofed X-Forwarded-For must not make a second client.
lookup() {
  local page token
  page=$(fetch "$site/my-codename")
  token=$(grep -o 'name="csrf" value="[0-9a-f.]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"//')
  fetch -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: $1" \
    --data "csrf=$token&codename=maple+river+candle+orbit" "$site/my-codename"
}
first=$(lookup 203.0.113.1)
second=$(lookup 203.0.113.2)
[ "$first" = 400 ] || fail "the first look-up got $first, not 400 (unknown codename)"
[ "$second" = 429 ] || fail "a spoofed X-Forwarded-For got past the limit ($second)"

# 5. Nothing about visitors on disk: no access log anywhere, an empty error log.
found=$(find "$tmp" -name '*access*' -o -name 'providerwatch-error.log' -size +0 | head -1)
[ -z "$found" ] || fail "nginx wrote $found"

# 6. One server dies: the other answers its clients.
kill -KILL "${pids[0]}"
wait "${pids[0]}" 2>/dev/null || true
for _ in 1 2 3; do
  [ "$(fetch -o /dev/null -w '%{http_code}' "$site/healthz")" = 200 ] || fail "nginx did not carry on with the other server"
done
echo "deploy: nginx accepts the shipped configuration, logs nothing about visitors, replaces X-Forwarded-For, and carries on when a server dies"
