#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Flake hunt: scripts/stress-tests.sh N [BUILD_DIR]
# Runs the whole ctest suite N times (ctest -j2, as CI does) while stress-ng keeps both cores
# and the disk busy, then prints the failures per test and one summary line. BUILD_DIR is a
# configured and built tree (default build/ci, what ./scripts/setup.sh test builds); the
# `fuzz` label (long fuzz runs) is left out. Exits non-zero when any run had a failure.
# Logs: <BUILD_DIR>/stress/run-K.log. STRESS_JOBS changes ctest's -j; STRESS_CTEST_ARGS adds
# ctest arguments (e.g. "-R tst_sessionsandbox" to hammer one test).
set -euo pipefail

if [ $# -lt 1 ] || ! [ "$1" -ge 1 ] 2>/dev/null; then
    echo "usage: $0 N [BUILD_DIR]" >&2
    exit 2
fi
runs=$1
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$top" && realpath -m "${2:-build/ci}")
jobs=${STRESS_JOBS:-2}
if [ ! -f "$build/CTestTestfile.cmake" ]; then
    echo "$build is not a built tree: ./scripts/setup.sh test builds build/ci" >&2
    exit 2
fi
if ! command -v stress-ng >/dev/null; then
    echo "Installing stress-ng"
    sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends stress-ng
fi

logs="$build/stress"
mkdir -p "$logs"
scratch=$(mktemp -d)
# Load on both cores: two CPU hogs, one process syncing to disk and one writing files, for as
# long as the runs take.
stress-ng --cpu 2 --io 1 --hdd 1 --hdd-bytes 64M --temp-path "$scratch" --timeout 0 --quiet &
stressor=$!
cleanup() {
    kill -INT "$stressor" 2>/dev/null || true
    wait "$stressor" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

declare -A failures=()
failed_runs=0
start=$(date +%s)
for ((run = 1; run <= runs; run++)); do
    log="$logs/run-$run.log"
    run_start=$(date +%s)
    set +e
    # shellcheck disable=SC2086 # STRESS_CTEST_ARGS is a list of arguments
    (cd "$build" && ctest -j"$jobs" --timeout 300 --output-on-failure -LE '^fuzz$' ${STRESS_CTEST_ARGS:-}) >"$log" 2>&1
    status=$?
    set -e
    # ctest's own list: "  12 - tst_name (Failed)" lines after "The following tests FAILED:".
    failed=$(sed -n '/The following tests FAILED:/,$p' "$log" | sed -n 's/^[[:space:]]*[0-9]* - \([^ ]*\) .*/\1/p')
    summary=$(grep -E 'tests passed, [0-9]+ tests failed' "$log" || echo "ctest exited $status")
    echo "run $run/$runs: $summary ($(($(date +%s) - run_start)) s)"
    if [ "$status" -ne 0 ]; then
        failed_runs=$((failed_runs + 1))
        for test in $failed; do
            failures[$test]=$((${failures[$test]:-0} + 1))
            echo "    failed: $test"
        done
    fi
done

echo
if ((${#failures[@]})); then
    echo "failures per test:"
    for test in "${!failures[@]}"; do
        printf '  %3d/%d  %s\n' "${failures[$test]}" "$runs" "$test"
    done | sort -rn
fi
echo "stress summary: $((runs - failed_runs))/$runs runs green, $failed_runs with failures," \
    "$(($(date +%s) - start)) s under stress-ng (cpu 2, io 1, hdd 1); logs in $logs"
[ "$failed_runs" -eq 0 ]
