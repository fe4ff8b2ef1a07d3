#!/usr/bin/env bash
# Long fuzzing run: builds the libFuzzer programs with clang (ASan + UBSan) in build/fuzz and runs
# each target for SECONDS (default 300), one after another. New interesting inputs go to a
# scratch corpus (build/fuzz/corpus-new/<target>; the checked-in corpus is only read, unless
# FUZZ_MERGE_INTO_CORPUS=1 merges the new finds into tests/fuzz/corpus/ afterwards). A crash is
# copied to tests/fuzz/crashes/ with the command that reproduces it.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]      e.g. tests/fuzz/run.sh 600 import
#
# Environment: CXX (default clang++-14), JOBS (build parallelism, default 2).
set -euo pipefail

seconds=${1:-300}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(form_loader visit_file import)

root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build/fuzz"
crashes="$root/tests/fuzz/crashes"

# Largest input worth mutating, per target: the shipped form is ~28 KB and an export that
# carries it ~40 KB; visit files are small.
max_len() {
  case $1 in
    form_loader) echo 32768 ;;
    visit_file) echo 4096 ;;
    import) echo 65536 ;;
  esac
}

# shellcheck source=../../.ci/packages.sh
source "$root/.ci/packages.sh"
# shellcheck disable=SC2086
install_missing $SECUREBASE_BUILD_PACKAGES $SECUREBASE_FUZZ_PACKAGES

cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="${CXX:-clang++-14}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSECUREBASE_BUILD_FUZZERS=ON -DSECUREBASE_BUILD_GUI=OFF \
  -DSECUREBASE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target "${targets[@]/%/_fuzz}"

status=0
for target in "${targets[@]}"; do
  scratch="$build/corpus-new/$target"
  artifacts="$build/artifacts/$target"
  mkdir -p "$scratch" "$artifacts"
  log="$build/$target.log"
  echo "== $target: ${seconds}s, log in $log"
  set +e
  # The first directory receives new inputs; the checked-in corpus seeds the run.
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/tests/fuzz/${target}_fuzz" "$scratch" "$root/tests/fuzz/corpus/$target" \
    -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  set -e
  grep -E '^#[0-9]+.*(DONE|pulse)' "$log" | tail -1 || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' \
    "$log" || true
  found=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' \) 2>/dev/null || true)
  if [[ $rc -ne 0 || -n $found ]]; then
    status=1
    mkdir -p "$crashes"
    echo "!! $target failed (exit $rc); see $log"
    for file in $found; do
      cp "$file" "$crashes/${target}-$(basename "$file")"
      echo "   reproduce: $build/tests/fuzz/${target}_fuzz $crashes/${target}-$(basename "$file")"
      echo "   minimise:  $build/tests/fuzz/${target}_fuzz -minimize_crash=1 -runs=10000" \
        "$crashes/${target}-$(basename "$file")"
    done
  fi
done

if [[ ${FUZZ_MERGE_INTO_CORPUS:-0} == 1 ]]; then
  for target in "${targets[@]}"; do
    "$build/tests/fuzz/${target}_fuzz" -merge=1 -max_len="$(max_len "$target")" \
      "$root/tests/fuzz/corpus/$target" "$build/corpus-new/$target" 2>/dev/null
  done
fi
exit $status
