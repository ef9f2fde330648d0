"""Command line of the site checker (interim: the strict build only)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def main(argv: list[str] | None = None) -> int:
    with tempfile.TemporaryDirectory() as site_dir:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", site_dir],
            capture_output=True, text=True, env=env, check=False,
        )
        for line in (result.stdout + result.stderr).splitlines():
            if line.startswith(("WARNING", "ERROR")):
                print(line)
        print("build ok" if result.returncode == 0 else "build failed")
        return 0 if result.returncode == 0 else 1
