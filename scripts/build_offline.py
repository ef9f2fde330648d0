"""Build the offline copy of the site: a zip that opens from file://.

    .venv/bin/python scripts/build_offline.py [OUTPUT.zip]

Builds the site strictly with Material's offline plugin turned on (``OFFLINE=true``,
see mkdocs.yml): plain ``.html`` URLs instead of folders, the search index
inlined as a script, and the vendored iframe-worker shim (``extra.polyfills``)
so search runs from disk. Diagrams are SVG in the pages (rendered by the
build), so they show without a network and without Mermaid. The zip holds one
folder, ``onboarding-offline/``; unpack it and open ``index.html``.

The default output is ``site-offline.zip`` at the repository root. The Pages
deploy writes it into the built site as ``onboarding-offline.zip``, which the
facilitator guide links to (``<!-- cur:offline-link -->``).
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

from curriculum import building

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "site-offline.zip"
FOLDER = "onboarding-offline"


def build(site_dir: Path) -> None:
    result = building.build(ROOT / "mkdocs.yml", site_dir, offline=True)
    if not result.ok:
        raise SystemExit(
            "build_offline.py: the offline build failed: " + ("; ".join(result.warnings) or "see 'mkdocs build --strict' output")
        )


def write_zip(site_dir: Path, output: Path) -> int:
    output.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and path.suffix != ".gz":
                archive.write(path, f"{FOLDER}/{path.relative_to(site_dir).as_posix()}")
                count += 1
    return count


def main(argv: list[str]) -> int:
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    output = Path(argv[0]).resolve() if argv else DEFAULT_OUTPUT
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        build(site_dir)
        count = write_zip(site_dir, output)
    print(f"{output}: {count} files, {output.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
