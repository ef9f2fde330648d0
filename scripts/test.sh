#!/usr/bin/env bash
# Set everything up, then run every check: ruff (lint and format) and mypy,
# the site checker (which runs the strict build) and the whole pytest suite,
# browser tests included.
source "$(dirname "${BASH_SOURCE[0]}")/sh/bootstrap.sh"
ensure_chromium

echo "== lint, format, types =="
"$VENV/bin/ruff" check --quiet scripts tests || die "ruff found problems: run '.venv/bin/ruff check scripts tests' (add --fix for the fixable ones)"
"$VENV/bin/ruff" format --check --quiet scripts tests || die "files are not formatted: run '.venv/bin/ruff format scripts tests'"
"$VENV/bin/mypy" --python-executable "$VENV/bin/python" || die "mypy found type errors (above)"

echo "== site checker =="
"$VENV/bin/python" scripts/check_site.py

echo "== pytest =="
status=0
"$VENV/bin/python" -m pytest "$@" || status=$?
exit_with_pytest_status "$status"   # scripts/sh/lib.sh: 5 (no tests) is a failure
