#!/usr/bin/env bash
# Installs cfn-guard and AWS's Control Tower rules (the npm package @cdklabs/cdk-validator-cfnguard,
# which ships both) into infra/cfnguard/node_modules with `npm ci`, from the committed
# package-lock.json, once: it does nothing while the installed tree is newer than the lock file.
# Called by the infra tests (ControlTowerTest) when the folder is missing. Needs Node.js >= 20 and
# npm; says so in one line otherwise.
set -euo pipefail
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../infra/cfnguard" && pwd)
marker="$dir/node_modules/.package-lock.json" # written by npm ci when it has installed everything
min_node=20

installed() { [ -f "$marker" ] && [ ! "$dir/package-lock.json" -nt "$marker" ]; }
installed && exit 0

command -v node >/dev/null ||
  { echo "widgets: Node.js $min_node or newer is needed for cfn-guard's rules (infra tests); install it (e.g. 'apt-get install nodejs npm')." >&2; exit 1; }
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || true)
major=${major//[^0-9]/}
[ "${major:-0}" -ge "$min_node" ] ||
  { echo "widgets: Node.js $min_node or newer is needed for cfn-guard's rules (infra tests), found $(node --version 2>/dev/null || echo none); install a newer one." >&2; exit 1; }
command -v npm >/dev/null ||
  { echo "widgets: npm is needed to install cfn-guard (infra tests); install it (e.g. 'apt-get install npm')." >&2; exit 1; }

install() {
  installed && return 0 # another process installed it while this one waited for the lock
  echo "widgets: installing cfn-guard and the Control Tower rules into ${dir}/node_modules (npm ci, once)..." >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2) ||
    { echo "widgets: 'npm ci' in $dir failed (see above); is the npm registry reachable?" >&2; exit 1; }
}

# Builds running side by side install once, one after the other.
if command -v flock >/dev/null; then
  exec 9>"$dir/.install.lock"
  flock 9
fi
install
