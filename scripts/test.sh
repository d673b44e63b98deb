#!/usr/bin/env bash
# Set up a fresh machine for marsad's tests and run them: the README's test command and
# what .ci/run calls. Installs Python packages (pip) and, when missing, Debian's chromium
# (browser tests) and a Java runtime (Spark local-mode tests).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "warning: ${need_apt[*]} missing and not root; browser/Spark tests will be skipped" >&2
  fi
fi

python3 -m pip install -q --disable-pip-version-check -e ".[dev,spark]"

# Spark resolves the host name at start; keep everything on loopback.
export SPARK_LOCAL_IP=127.0.0.1

python3 -m ruff check src tests bench scripts
python3 -m mypy
set +e
python3 -m pytest -q "$@"
rc=$?
set -e
# pytest exits 5 when it collected no test: that is a failure of this suite, not a pass.
if [ $rc -eq 5 ]; then
  echo "pytest collected no tests" >&2
  exit 1
fi
exit $rc
