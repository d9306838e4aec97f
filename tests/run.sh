#!/usr/bin/env bash
# Installs what the tests need (a virtualenv with diplokg and its test extra; Debian's
# chromium for the browser tests) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "tests/run.sh: could not install chromium; browser tests will fail" >&2
  else
    echo "tests/run.sh: chromium is missing (sudo apt-get install chromium)" >&2
  fi
fi
exec .venv/bin/python -m pytest "$@"
