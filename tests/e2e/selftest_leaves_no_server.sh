#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The app's --self-test (what `scripts/setup.sh run --self-test` ends in) starts agentbay-local
# on the default Local profile, proves one refresh, and quits: the server it started, and every
# process of that server, must be gone after it (the quit policy's default).
# usage: selftest_leaves_no_server.sh AGENTBAY_DESKTOP
set -euo pipefail

app=$1
home=$(mktemp -d)
mkdir -m 700 "$home/run"

# Processes whose environment names this HOME: the app, its agentbay-local and their helpers.
left_behind() {
    local environ
    for environ in /proc/[0-9]*/environ; do
        if tr '\0' '\n' <"$environ" 2>/dev/null | grep -qxF "HOME=$home"; then
            echo "${environ%/environ}"
        fi
    done
}
cleanup() {
    local proc
    for proc in $(left_behind); do
        kill -KILL "${proc#/proc/}" 2>/dev/null || true
    done
    rm -rf "$home"
}
trap cleanup EXIT

status=0
output=$(env HOME="$home" XDG_RUNTIME_DIR="$home/run" QT_QPA_PLATFORM=offscreen "$app" --self-test 2>&1) || status=$?
if [ "$status" != 0 ] || ! grep -q "self-test: OK" <<<"$output"; then
    echo "the self-test failed (exit $status):" >&2
    echo "$output" >&2
    exit 1
fi
echo "$output"

# The server was asked to stop as the app quit; it ends its sessions first. Waited for as an
# event (the processes gone), with a bound generous for a loaded machine.
for _ in $(seq 300); do
    [ -z "$(left_behind)" ] && exit 0
    sleep 0.1
done
echo "still running 30 s after the self-test quit:" >&2
for proc in $(left_behind); do
    echo "  ${proc#/proc/}: $(tr '\0' ' ' <"$proc/cmdline" 2>/dev/null)" >&2
done
exit 1
