#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs tests/sdk/flows.ts with the official TypeScript SDK against a fresh agentbay-local.
# usage: run_flows.sh AGENTBAY_LOCAL SDK_SOURCE_DIR WORK_DIR FLOWS_TS
#   The SDK is copied into WORK_DIR (never edited where it lives) and installed there once
#   per package.json; agentbay-local starts on a random loopback port with its own data
#   folder; the flows get only AGENTBAY_ENDPOINT (host:port, so https), AGENTBAY_API_KEY and
#   NODE_EXTRA_CA_CERTS, from `agentbay-local --print-env`. Then the same flows run over plain
#   http against the same server (AGENTBAY_SDK_PROTOCOL=http, no CA at all).
# Environment: AGENTBAY_SDK_EXPECTED_FAILURES (comma-separated flow names, see flows.ts).
set -euo pipefail

local_bin=$1
sdk_source=$2
work=$3
flows=$4

if [ ! -f "$sdk_source/package.json" ]; then
    echo "The official TypeScript SDK is not at $sdk_source (expected ../shared/sdk beside the source tree)." >&2
    exit 1
fi
sdk_source=$(cd "$sdk_source" && pwd)
for tool in node npm; do
    if ! command -v "$tool" >/dev/null; then
        echo "$tool is missing: install nodejs and npm (scripts/setup.sh does)." >&2
        exit 1
    fi
done

mkdir -p "$work"
sdk="$work/sdk"
stamp="$sdk/node_modules/.agentbay-installed"
# Installed again when the SDK's package.json or this script (which picks the packages) changes.
want=$(cat "$sdk_source/package.json" "$0" | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    rm -rf "$sdk"
    mkdir -p "$sdk"
    cp -r "$sdk_source/src" "$sdk_source/tsconfig.json" "$sdk/"
    chmod -R u+w "$sdk" # the SDK's own copy may come without write bits
    # Only what the SDK's sources load at run time, at the SDK's own version ranges: its
    # "dependencies" and the three dev dependencies src/ imports (zod, zod-to-json-schema,
    # dotenv), plus tsx to run flows.ts. Its test, lint and docs tool chains (jest, babel,
    # eslint, typedoc: 650 more packages) are never loaded, and a registry mirror that lags
    # behind on one of them failed the whole install.
    (
        cd "$sdk"
        export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
        node -e '
            const sdk = require(process.argv[1]);
            const deps = { ...sdk.dependencies };
            for (const name of ["zod", "zod-to-json-schema", "dotenv"])
                deps[name] = sdk.devDependencies[name];
            deps["tsx"] = "^4.7.0";
            deps["@alicloud/tea-typescript"] = "^1.8.0";
            const manifest = { name: "agentbay-sdk-flows", private: true, dependencies: deps };
            require("fs").writeFileSync("package.json", JSON.stringify(manifest, null, 2) + "\n");
        ' "$sdk_source/package.json"
        npm install --legacy-peer-deps --ignore-scripts --no-audit --no-fund --loglevel=error
    )
    echo "$want" >"$stamp"
else
    # The SDK's sources may have changed without its package.json.
    rm -rf "$sdk/src"
    cp -r "$sdk_source/src" "$sdk/"
    chmod -R u+w "$sdk/src"
fi
cp "$flows" "$sdk/flows.ts"

data=$(mktemp -d "$work/data.XXXXXX")
out="$data/stdout"
server_pid=
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$data"
}
trap cleanup EXIT

"$local_bin" --port 0 --data-dir "$data/server" >"$out" 2>"$data/stderr" &
server_pid=$!
for _ in $(seq 100); do
    grep -q "listening on" "$out" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
if ! grep -q "listening on" "$out"; then
    echo "agentbay-local did not start:" >&2
    cat "$data/stderr" >&2
    exit 1
fi

# Exactly what a user pastes: the export lines of --print-env.
eval "$("$local_bin" --print-env --data-dir "$data/server")"
echo "agentbay-local at $AGENTBAY_ENDPOINT (https with its local CA)"

cd "$sdk"
status=0
env -i PATH="$PATH" HOME="$data" \
    AGENTBAY_ENDPOINT="$AGENTBAY_ENDPOINT" AGENTBAY_API_KEY="$AGENTBAY_API_KEY" \
    NODE_EXTRA_CA_CERTS="$NODE_EXTRA_CA_CERTS" \
    AGENTBAY_SDK_EXPECTED_FAILURES="${AGENTBAY_SDK_EXPECTED_FAILURES:-}" \
    LOG_LEVEL=ERROR DISABLE_COLORS=true \
    node node_modules/.bin/tsx flows.ts || status=$?
echo "agentbay-local at http://$AGENTBAY_ENDPOINT (plain http, no CA)"
env -i PATH="$PATH" HOME="$data" \
    AGENTBAY_ENDPOINT="$AGENTBAY_ENDPOINT" AGENTBAY_API_KEY="$AGENTBAY_API_KEY" \
    AGENTBAY_SDK_PROTOCOL=http \
    AGENTBAY_SDK_EXPECTED_FAILURES="${AGENTBAY_SDK_EXPECTED_FAILURES:-}" \
    LOG_LEVEL=ERROR DISABLE_COLORS=true \
    node node_modules/.bin/tsx flows.ts || status=$?

# Stopped here rather than in the trap, so that what it reports on the way out counts.
kill -TERM "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=
if grep -qE "ERROR: (Address|Leak)Sanitizer|runtime error: " "$data/stderr"; then
    echo "agentbay-local reported a sanitizer finding:" >&2
    grep -A30 -E "ERROR: (Address|Leak)Sanitizer|runtime error: " "$data/stderr" | head -n 80 >&2
    status=1
fi
if [ "$status" != 0 ]; then
    echo "--- agentbay-local log (last 40 lines) ---" >&2
    tail -n 40 "$data/stderr" >&2
fi
exit "$status"
