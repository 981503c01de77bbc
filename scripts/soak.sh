#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Soak agentbay-local: scripts/soak.sh MINUTES [CSV]
# Create/call/pause/resume/delete cycles against a fresh agentbay-local on 127.0.0.1 (the
# release build's binary; SOAK_BUILD_DIR picks another build, built here if missing), with
# the server's RSS, open fds, processes and session cgroups sampled each minute into CSV
# (default build/soak-<date>.csv), then a summary line. Figures: docs/SOAK.md.
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 MINUTES [CSV]" >&2
    exit 2
fi
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
build=${SOAK_BUILD_DIR:-build/release}
server="$build/app/agentbay-local"
if [ ! -x "$server" ]; then
    echo "building agentbay-local (release) in $build"
    cmake --preset release -B "$build" >/dev/null
    cmake --build "$build" -j2 --target agentbay-local
fi
csv=${2:-build/soak-$(date +%Y%m%d-%H%M%S).csv}
mkdir -p "$(dirname "$csv")"
echo "soak: $1 minutes against $server, samples in $csv"
exec python3 scripts/soak.py "$1" --server "$server" --csv "$csv"
