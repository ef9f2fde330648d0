#!/usr/bin/env bash
# Set everything up, then run every check: the site checker (which runs the
# strict build) and the whole pytest suite, browser tests included.
source "$(dirname "${BASH_SOURCE[0]}")/sh/bootstrap.sh"
ensure_chromium

echo "== site checker =="
"$VENV/bin/python" scripts/check_site.py

echo "== pytest =="
status=0
"$VENV/bin/python" -m pytest "$@" || status=$?
exit_with_pytest_status "$status"   # scripts/sh/lib.sh: 5 (no tests) is a failure
