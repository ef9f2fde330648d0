# Shared set-up for scripts/serve.sh and scripts/test.sh; sourced, not run.
# Creates (or reuses) .venv, installs the locked dependencies when the lock
# or pyproject.toml changed, and installs this project's tooling in place.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$ROOT"
ensure_venv
ensure_packages
