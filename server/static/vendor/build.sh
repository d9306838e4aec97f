#!/usr/bin/env bash
# Rebuilds the vendored front-end libraries of server/static/vendor/ from the npm registry, at
# the exact versions of npm/package-lock.json, and writes each bundle's licence notice.
#
#   bash server/static/vendor/build.sh            # install exactly the locked versions, rebuild
#   bash server/static/vendor/build.sh --update   # re-resolve npm/package.json, rewrite the lock
#
# Needs node and npm. Nothing here runs at serve time: the app serves the built files only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/npm/package.json" "$here/npm/licenses.mjs" "$work/"
cp -r "$here/npm/entries" "$work/"
cd "$work"
if [ "${1:-}" = "--update" ] || [ ! -f "$here/npm/package-lock.json" ]; then
  npm install --ignore-scripts --no-audit --no-fund --package-lock-only
  cp package-lock.json "$here/npm/package-lock.json"
else
  cp "$here/npm/package-lock.json" .
fi
# --ignore-scripts: no install script of any package runs (the bundles need none).
npm ci --ignore-scripts --no-audit --no-fund

strip_map() { sed -i -e '/^\/\/# sourceMappingURL=/d' -e 's#/\*\# sourceMappingURL=[^*]*\*/##' "$1"; }

# YASGUI (editor YASQE + results YASR): the package's own built files.
mkdir -p "$here/yasgui"
cp node_modules/@zazuko/yasgui/build/yasgui.min.js node_modules/@zazuko/yasgui/build/yasgui.min.css "$here/yasgui/"
strip_map "$here/yasgui/yasgui.min.js"
strip_map "$here/yasgui/yasgui.min.css"
node licenses.mjs "$here/yasgui/LICENSES.txt" --deps @zazuko/yasgui

# vis-network and vis-timeline: their peer builds bundled with their dependencies into one
# script each (global visNetwork / visTimeline); the stylesheets are copied, not injected.
for lib in vis-network vis-timeline; do
  global=$(node -p "'$lib'.replace(/-(.)/, (_, c) => c.toUpperCase())")
  mkdir -p "$here/$lib"
  node_modules/.bin/esbuild "entries/$lib.js" --bundle --minify --format=iife --global-name="$global" \
    --target=es2019 --legal-comments=none --metafile="$lib.meta.json" --outfile="$here/$lib/$lib.min.js"
  node licenses.mjs "$here/$lib/LICENSES.txt" --meta "$lib.meta.json"
done
cp node_modules/vis-network/styles/vis-network.min.css "$here/vis-network/"
cp node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css "$here/vis-timeline/"
strip_map "$here/vis-network/vis-network.min.css"
strip_map "$here/vis-timeline/vis-timeline-graph2d.min.css"

node -e '
const lock = require("./package-lock.json").packages;
const top = Object.keys(require("./package.json").dependencies);
console.log(top.map((n) => n + " " + lock["node_modules/" + n].version).join("\n"));
' > "$here/VERSIONS.txt"
echo "vendored:"; cat "$here/VERSIONS.txt"
