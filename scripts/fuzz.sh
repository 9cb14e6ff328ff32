#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-16, ASan + UBSan) and runs each for SECONDS seconds, as many
# at once as there are cores (FUZZ_JOBS), from its corpus in fuzz/corpus/ with
# fuzz/dictionary.txt. A crash stops that target with its input saved under build-fuzz/crashes/;
# add that input to tests as a regression and fix the product.
#   scripts/fuzz.sh [SECONDS] [TARGET=SECONDS ...]   (make fuzz: 300; make test: a short smoke)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
declare -A own_time=()
for arg in "${@:2}"; do own_time[${arg%%=*}]=${arg#*=}; done
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  CXX=clang++-16 cmake -S fuzz -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build-fuzz -j2 >/dev/null
mkdir -p build-fuzz/crashes build-fuzz/corpus
# One target per core at a time (libFuzzer runs on one thread): FUZZ_JOBS sets how many.
jobs_at_once=${FUZZ_JOBS:-$(nproc)}
targets=(referrals csv_import form_query cookie redaction render pdf http_request)  # the longest first
run_one() {  # run_one TARGET SECONDS: its log in build-fuzz/TARGET.log, its exit status in .status
  local target=$1 run_for=$2 work="build-fuzz/corpus/$1" status=0
  mkdir -p "$work"
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=fuzz/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 \
    "build-fuzz/fuzz_$target" -max_total_time="$run_for" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict=fuzz/dictionary.txt -artifact_prefix="build-fuzz/crashes/$target-" "$work" "fuzz/corpus/$target" \
    >"build-fuzz/$target.log" 2>&1 || status=$?
  echo "$status" >"build-fuzz/$target.status"
}
running=0
for target in "${targets[@]}"; do
  if [ "$running" -ge "$jobs_at_once" ]; then wait -n || true; running=$((running - 1)); fi
  rm -f "build-fuzz/$target.status"
  run_one "$target" "${own_time[$target]:-$seconds}" &
  running=$((running + 1))
done
wait
failed=0
for target in "${targets[@]}"; do
  if [ "$(cat "build-fuzz/$target.status" 2>/dev/null)" != 0 ]; then
    echo "fuzz: $target FAILED (see build-fuzz/$target.log)"
    tail -30 "build-fuzz/$target.log"
    failed=1
  else
    runs=$(grep -o 'Done [0-9]* runs' "build-fuzz/$target.log" | tail -1 | awk '{print $2}')
    echo "fuzz: $target ran ${runs:-?} inputs in ${own_time[$target]:-$seconds}s, no crash"
  fi
done
exit $failed
