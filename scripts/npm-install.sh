#!/usr/bin/env bash
# Installs the Node.js packages of one folder of this tree into its node_modules with `npm ci`, from
# its committed package-lock.json, once: it does nothing while the installed tree is newer than the
# lock file. Builds running side by side install one after the other. Needs Node.js >= 20 and npm;
# says so in one line otherwise.
#   scripts/npm-install.sh DIR WHAT    e.g. local/dynalite "the local DynamoDB (dynalite)"
# WHAT names the packages in the messages. dynalite-install.sh and cfnguard-install.sh call this.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 DIR WHAT" >&2; exit 2; }
dir=$(cd "$1" && pwd)
what=$2
marker="$dir/node_modules/.package-lock.json" # written by npm ci when it has installed everything
min_node=20

installed() { [ -f "$marker" ] && [ ! "$dir/package-lock.json" -nt "$marker" ]; }
installed && exit 0

command -v node >/dev/null ||
  { echo "widgets: Node.js $min_node or newer is needed for $what; install it (e.g. 'apt-get install nodejs npm')." >&2; exit 1; }
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || true)
major=${major#v}
major=${major%%.*}
major=${major//[^0-9]/}
[ "${major:-0}" -ge "$min_node" ] ||
  { echo "widgets: Node.js $min_node or newer is needed for $what, found $(node --version 2>/dev/null || echo none); install a newer one." >&2; exit 1; }
command -v npm >/dev/null ||
  { echo "widgets: npm is needed to install $what; install it (e.g. 'apt-get install npm')." >&2; exit 1; }

install() {
  installed && return 0 # another process installed it while this one waited for the lock
  echo "widgets: installing $what into ${dir}/node_modules (npm ci, once)..." >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2) ||
    { echo "widgets: 'npm ci' in $dir failed (see above); is the npm registry reachable?" >&2; exit 1; }
}

if command -v flock >/dev/null; then
  exec 9>"$dir/.install.lock"
  flock 9
fi
install
