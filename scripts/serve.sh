#!/usr/bin/env bash
# Set everything up, then serve the site on http://127.0.0.1:8000 with live reload.
source "$(dirname "${BASH_SOURCE[0]}")/sh/bootstrap.sh"
ensure_chromium   # the build renders the Mermaid diagrams to SVG in it
exec "$VENV/bin/mkdocs" serve --dev-addr 127.0.0.1:8000 --livereload "$@"
