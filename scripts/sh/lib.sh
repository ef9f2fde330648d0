# Functions shared by scripts/serve.sh and scripts/test.sh (through
# bootstrap.sh). Sourcing this file only defines them, so tests can call one
# at a time (tests/test_setup_scripts.py).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.venv"
export NO_MKDOCS_2_WARNING=1   # Material 9.8 prints an end-of-life banner on every build

die() { printf '%s\n' "$*" >&2; exit 1; }

as_root() {
  # Run a command as root when we are root or sudo works without a prompt.
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

ensure_venv() {
  [ -x "$VENV/bin/python" ] && return 0
  local python
  python="$(find_python)" || die "Python 3.11 or newer is needed: install it (Debian/Ubuntu: sudo apt-get install python3; macOS: brew install python or python.org) and run this again."
  if ! "$python" -m venv "$VENV" >/dev/null 2>&1; then
    rm -rf "$VENV"
    local pkg="python3-venv"
    if command -v apt-get >/dev/null && as_root true; then
      as_root apt-get update -qq >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null 2>&1 \
        || die "Could not install $pkg: run 'sudo apt-get install $pkg' and run this again."
      "$python" -m venv "$VENV" || die "Could not create .venv with $python: run '$python -m venv .venv' to see why."
    else
      die "Python's venv module is missing: run 'sudo apt-get install $pkg' and run this again."
    fi
  fi
}

ensure_packages() {
  local stamp="$VENV/.installed" want
  # Python hashes the two files: macOS has no sha256sum.
  want="$("$VENV/bin/python" -c 'import hashlib, sys; print(hashlib.sha256(b"".join(open(f, "rb").read() for f in sys.argv[1:])).hexdigest())' \
    "$ROOT/requirements.lock" "$ROOT/pyproject.toml")"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  echo "Installing the locked Python packages into .venv ..."
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$ROOT/requirements.lock" \
    || die "pip could not install requirements.lock: check your connection to the package index and run this again."
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e "$ROOT" \
    || die "pip could not install this project's tooling (pyproject.toml): run '.venv/bin/pip install -e .' to see why."
  echo "$want" > "$stamp"
}

find_browser() {
  # Prints the browser's path, or one line on stderr saying what to install.
  # The list of install locations lives only in scripts/curriculum/browser.py.
  CHROMIUM="${CHROMIUM:-}" PYTHONPATH="$ROOT/scripts${PYTHONPATH:+:$PYTHONPATH}" "$VENV/bin/python" -m curriculum.browser
}

ensure_chromium() {
  # CHROMIUM if set, else Chrome, Chromium or Edge where they are usually
  # installed (find_browser). With none and apt-get as root (Debian, CI),
  # install Debian's chromium; otherwise stop with find_browser's one line.
  local found
  if found="$(find_browser 2>/dev/null)"; then
    CHROMIUM="$found"; export CHROMIUM; return 0
  fi
  if [ -z "${CHROMIUM:-}" ] && command -v apt-get >/dev/null && as_root true; then
    echo "Installing Chromium from the Debian packages (about 500 MB) ..."
    as_root apt-get update -qq >/dev/null 2>&1 || true   # a failed update shows up as a failed install
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
      || die "Could not install Chromium: run 'sudo apt-get install chromium' and run this again."
  fi
  found="$(find_browser)" || exit 1   # find_browser has said what to install
  CHROMIUM="$found"; export CHROMIUM
}


# pytest's exit status as this project reads it: 5 means "no tests were
# collected", which here is a failure (a broken test path or -k), not a pass.
exit_with_pytest_status() {
  local status="$1"
  if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests: that is a failure here, not a pass." >&2
    exit 1
  fi
  exit "$status"
}
