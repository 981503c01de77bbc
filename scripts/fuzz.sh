#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fuzz one parser: scripts/fuzz.sh TARGET SECONDS   (TARGET: see `scripts/fuzz.sh list`)
# Builds the fuzz preset (clang, libFuzzer, ASan + UBSan) in build/fuzz and runs the target at
# the lowest CPU priority on one core. New interesting inputs collect in build/fuzz/corpus-TARGET;
# crashes are written to build/fuzz/artifacts/ and make the script fail. Put a crash input into
# tests/fuzz/corpus/TARGET/ once it is fixed: CI replays that folder (fuzz_TARGET_replay).
# Packages: ./scripts/setup.sh fuzz TARGET SECONDS installs clang first. FUZZ_NICE sets the
# run's niceness (default 19: fuzzing in the background never slows the desktop down).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
targets=$(sed -n 's/^ *agentbay_add_fuzzer(\([a-z]*\) .*/\1/p' tests/fuzz/CMakeLists.txt)

if [ "${1:-}" = list ] || [ $# -lt 2 ]; then
    [ "${1:-}" = list ] || echo "usage: $0 TARGET SECONDS" >&2
    echo "targets:" $targets >&2
    [ "${1:-}" = list ]
    exit $?
fi
target=$1
seconds=$2
if ! grep -qx "$target" <<<"$targets"; then
    echo "unknown target '$target'; targets:" $targets >&2
    exit 2
fi
if ! command -v clang++-14 >/dev/null || ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
    echo "clang-14 and libclang-rt-14-dev are needed: ./scripts/setup.sh fuzz $target $seconds" >&2
    exit 2
fi

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
build=build/fuzz
cmake --preset fuzz -B "$build" "${launcher[@]}" >/dev/null
nice -n 19 cmake --build "$build" -j2 --target "fuzz_$target"

scratch="$build/corpus-$target"
artifacts="$build/artifacts"
mkdir -p "$scratch" "$artifacts"
log="$build/fuzz-$target.log"
echo "fuzzing $target for $seconds s (log: $log)"
set +e
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    nice -n "${FUZZ_NICE:-19}" "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/$target-" "$scratch" "tests/fuzz/corpus/$target" >"$log" 2>&1
status=$?
set -e
grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
if [ "$status" -ne 0 ]; then
    grep -E 'ERROR|runtime error|fuzz property|Test unit written' "$log" | head -20 >&2
    echo "FAILED: fuzz_$target found a problem (exit $status); see $log and $artifacts" >&2
    exit 1
fi
echo "OK: fuzz_$target ran $seconds s without a finding; corpus $(ls "$scratch" | wc -l) inputs in $scratch"
