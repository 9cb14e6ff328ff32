#!/usr/bin/env bash
# Installs what ProviderWatch needs to build, run and test, from Debian packages and npm only.
# Idempotent and fast when everything is already there: it asks dpkg first and only calls
# apt-get for what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build and run.
build_pkgs=(
  g++ make cmake pkg-config ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev
  libkainjow-mustache-dev libsodium-dev libspdlog-dev libfmt-dev libcli11-dev
  prometheus-cpp-dev zlib1g-dev libbrotli-dev brotli libutf8proc-dev libjemalloc-dev
  wbritish hunspell-en-gb
  # Documents (src/documents): Pango and Cairo, librsvg for charts, and the two fonts they embed.
  libpango1.0-dev libcairo2-dev librsvg2-dev fonts-dejavu-core fonts-sil-scheherazade
)
# Node.js may come from elsewhere with npm bundled (Debian's npm would then conflict with it):
# only ask Debian for them when the commands are missing.
command -v node >/dev/null 2>&1 || build_pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || build_pkgs+=(npm)
# Tests: GoogleTest, a PostgreSQL 15 server the store and HTTP suites start themselves, and
# Chromium for the browser journey (driven by playwright-core from npm, never its own download),
# clang-16 with libFuzzer for the fuzz targets, and nginx (with curl and openssl) to run the
# shipped deployment configuration.
test_pkgs=(libgtest-dev libgmock-dev postgresql-15 postgresql-client-15 chromium fonts-liberation poppler-utils
           clang-16 libfuzzer-16-dev libclang-rt-16-dev nginx curl openssl)
# Benchmarks: wrk for load, nginx as the static-file baseline.
bench_pkgs=(libbenchmark-dev wrk nginx curl)

want=("${build_pkgs[@]}")
mode=${1:-run}
case "$mode" in
  run) ;;
  test) want+=("${test_pkgs[@]}") ;;
  bench) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  *) echo "usage: $0 [run|test|bench]" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  # Debian starts services on install; we start our own PostgreSQL and nginx on loopback.
  "${sudo_cmd[@]}" env RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm: govuk-frontend and accessible-autocomplete (assets), and the name lists the redaction
# build reads (cmake/name_lexicon.sh); pinned by package-lock.json.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install-deps: installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
fi

# DuckDB, the baseline the detection engine's benchmark is measured against (make bench only).
if [ "$mode" = bench ] && { [ ! -f bench/duckdb/node_modules/.package-lock.json ] ||
    [ bench/duckdb/package-lock.json -nt bench/duckdb/node_modules/.package-lock.json ]; }; then
  echo "install-deps: installing DuckDB for the benchmark"
  (cd bench/duckdb && npm ci --no-audit --no-fund --loglevel=error)
fi
