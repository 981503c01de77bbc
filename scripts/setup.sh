#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Set up AgentBay Desktop on Debian 12: install what is missing, build, then either
# start the app ("run") or run every test ("test"); "fuzz TARGET SECONDS" runs scripts/fuzz.sh.
set -euo pipefail

mode=${1:-run}
case "$mode" in
run | test | fuzz) ;;
*)
    echo "usage: $0 run|test|fuzz" >&2
    exit 2
    ;;
esac

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

packages=(
    cmake ninja-build g++ pkg-config git clang-format
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev libvterm-dev
    qt6-tools-dev qt6-l10n-tools
    qt6-qpa-plugins libqt6svg6 qt6-image-formats-plugins libgl-dev
    bubblewrap slirp4netns libseccomp-dev python3 xvfb xauth libssl-dev
    desktop-file-utils appstream dbus gnome-keyring
)

# The fuzz targets (scripts/fuzz.sh) need clang and its libFuzzer runtime; nothing else does.
[ "$mode" = fuzz ] && packages+=(clang-14 libclang-rt-14-dev)

# The SDK end-to-end test (tests/sdk) runs the official TypeScript SDK with Node and npm;
# a Node from elsewhere (with its own npm) is used as it is.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "Installing missing packages: ${missing[*]}"
    sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[ "$mode" = fuzz ] && exec ./scripts/fuzz.sh "${@:2}"

preset=release
[ "$mode" = test ] && preset=ci
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"

if [ "$mode" = test ]; then
    cd "build/$preset"
    exec ctest --output-on-failure -j2 --timeout 300
fi

app="build/$preset/app/agentbay-desktop"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: starting AgentBay Desktop on a virtual X display (xvfb-run)."
    exec xvfb-run -a -s '-screen 0 1280x800x24' "$app" "${@:2}"
fi
exec "$app" "${@:2}"
