#!/usr/bin/env bash
# The Python client's tests, as CI runs them.
#
#   clients/python/run-tests.sh [URL [TOKEN]]     (or SEEDBANK_URL / SEEDBANK_TOKEN)
#
# Always: the unit tests (a fake service in-process, orders computed by real torch).
# With a URL: waits for the service to answer, then the integration tests against it, the
# run-timeline jobs (real 2-process gloo, accelerate and Lightning jobs killed and resumed,
# run by SEEDBANK_REFERENCE_PYTHON, the reference venv) and the example launcher. Without
# a URL or the venv, those modules skip, or fail under CI=true.
# PYTHON picks the interpreter (default /usr/bin/python3, which has torch).
set -euo pipefail
cd "$(dirname "$0")"

if [ $# -ge 1 ]; then export SEEDBANK_URL="$1"; fi
if [ $# -ge 2 ]; then export SEEDBANK_TOKEN="$2"; fi
PYTHON=${PYTHON:-/usr/bin/python3}
[ -x "$PYTHON" ] || PYTHON=python3
export PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}"

echo "== unit tests ($("$PYTHON" -c 'import sys, torch; print(sys.version.split()[0], "torch", torch.__version__)'))"
units=$(cd tests && ls test_*.py | grep -v -e '^test_integration\.py$' -e '^test_timeline\.py$' | sed 's/\.py$//')
# shellcheck disable=SC2086
(cd tests && "$PYTHON" -m unittest -v $units)

if [ -n "${SEEDBANK_URL:-}" ]; then
  echo "== waiting for $SEEDBANK_URL"
  "$PYTHON" - "$SEEDBANK_URL" "${SEEDBANK_WAIT_SECONDS:-120}" <<'PY'
import sys, time, urllib.error, urllib.request
url, deadline = sys.argv[1].rstrip("/"), time.monotonic() + float(sys.argv[2])
while True:
    try:
        urllib.request.urlopen(url + "/actuator/health/readiness", timeout=5)
        break
    except urllib.error.HTTPError:
        break  # it answers: enough (actuator may need auth)
    except OSError as e:
        if time.monotonic() > deadline:
            sys.exit("service at %s did not answer: %s" % (url, e))
        time.sleep(1)
PY
fi

status=0
echo "== integration tests (SEEDBANK_URL=${SEEDBANK_URL:-unset}, CI=${CI:-unset})"
(cd tests && "$PYTHON" -m unittest -v test_integration) || status=1

echo "== run-timeline jobs (SEEDBANK_REFERENCE_PYTHON=${SEEDBANK_REFERENCE_PYTHON:-unset})"
(cd tests && "$PYTHON" -m unittest -v test_timeline) || status=1

if [ -n "${SEEDBANK_URL:-}" ]; then
  echo "== example launcher"
  "$PYTHON" examples/launcher.py --url "$SEEDBANK_URL" ${SEEDBANK_TOKEN:+--token "$SEEDBANK_TOKEN"} \
    || status=1
fi
exit $status
