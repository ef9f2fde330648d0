#!/usr/bin/env bash
# Set everything up, then run every check: the site checker (which runs the
# strict build) and the whole pytest suite, browser tests included.
source "$(dirname "${BASH_SOURCE[0]}")/sh/bootstrap.sh"
ensure_chromium

echo "== site checker =="
"$VENV/bin/python" scripts/check_site.py

echo "== pytest =="
set +e
"$VENV/bin/python" -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here, not a pass." >&2
  exit 1
fi
exit "$status"
