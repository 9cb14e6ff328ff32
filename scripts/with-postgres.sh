#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL 15 server on a free loopback port, and stops it
# afterwards whatever happens. The command sees PW_TEST_POSTGRES_URL (an admin URL; tests create
# and drop their own databases).
set -euo pipefail

pg_bin=/usr/lib/postgresql/15/bin
if [ ! -x "$pg_bin/initdb" ]; then
  echo "with-postgres: PostgreSQL 15 is not installed (run scripts/install-deps.sh test)" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/providerwatch-pg.XXXXXX)
port=$(python3 - <<'PY' 2>/dev/null || shuf -i 20000-60000 -n 1
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$dir"
  as_pg=(runuser -u postgres --)
fi

stop() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_pg[@]}" "$pg_bin/initdb" -D "$dir/data" -U providerwatch --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }

export PW_TEST_POSTGRES_URL="postgresql://providerwatch@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL 15 on 127.0.0.1:$port"
"$@"
