#!/usr/bin/env bash
# Installs what the tests need (a virtualenv with diplokg and its test extra; Debian's
# chromium for the browser tests, raptor2-utils' rapper for the RDF syntax checks,
# virtuoso-opensource's virtuoso-t for the remote-store tests, util-linux's unshare for the
# full-disk test and iproute2's ip for the cluster test's network hosts) and runs the whole
# test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource)
command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
      || echo "tests/run.sh: could not install ${missing[*]}; the tests that use them will fail" >&2
  else
    echo "tests/run.sh: missing ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
  fi
fi
exec .venv/bin/python -m pytest "$@"
