#!/usr/bin/env python3
"""Check the site: run the strict build and report what is broken.

Entry point kept at this path for maintainers (``python scripts/check_site.py``);
the implementation lives in the ``curriculum.checker`` package.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from curriculum.checker.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
