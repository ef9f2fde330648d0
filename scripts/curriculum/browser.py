"""Which Chromium the project drives, and how: one place for the checker, tests and scripts.

Debian's package puts it at /usr/bin/chromium; ``CHROMIUM`` overrides that
(scripts/test.sh sets it when it falls back to Google Chrome). The flags keep
a headless browser from calling home: on a closed network those background
connections only fail, and they are not the site's requests.
"""

from __future__ import annotations

import os

DEFAULT_CHROMIUM = "/usr/bin/chromium"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def chromium_path() -> str:
    """The browser executable to launch."""
    return os.environ.get("CHROMIUM", DEFAULT_CHROMIUM)
