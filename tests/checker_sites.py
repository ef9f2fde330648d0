"""Fixture sites for the checker's tests: copy, overlay, run.

``tests/fixtures/checker/good`` is a small site that passes every rule. Each
other folder there is an *overlay*: the files it holds replace the good
site's, to break one rule family. :func:`make_site` copies the good site and
an overlay into a temporary folder, points the "../../../../" paths of
mkdocs.yml at the repository, and links the real vendored assets in (the
build hook checks them against their manifest).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from curriculum.checker.cli import check
from curriculum.checker.findings import Finding
from curriculum.checker.mermaid import MermaidParser
from curriculum.checker.site import Site

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "checker"
TODAY = dt.date(2026, 11, 27)
MERMAID = ROOT / "docs" / "assets" / "vendor" / "mermaid" / "mermaid.min.js"


def make_site(destination: Path, overlay: str | None = None) -> Path:
    """A fixture site in ``destination``; returns its mkdocs.yml."""
    shutil.copytree(FIXTURES / "good", destination)
    if overlay:
        shutil.copytree(FIXTURES / overlay, destination, dirs_exist_ok=True)
    config = destination / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../../", ROOT.as_posix() + "/"), encoding="utf-8")
    (destination / "docs" / "assets" / "vendor").symlink_to(ROOT / "docs" / "assets" / "vendor", target_is_directory=True)
    return config


@dataclass
class Result:
    site: Site
    findings: list[Finding]

    def codes(self, path: str | None = None) -> set[str]:
        return {f.code for f in self.findings if path is None or f.path == path}

    def at(self, code: str) -> list[tuple[str, int]]:
        return [(f.path, f.line) for f in self.findings if f.code == code]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def run(config: Path, parser: MermaidParser | None = None, **options: object) -> Result:
    site, findings = check(config, today=TODAY, parser=parser, **options)  # type: ignore[arg-type]
    return Result(site, findings)


def tree_hash(folder: Path) -> str:
    """A digest of every file's path and bytes (symlinks by target, not followed)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_symlink():
            digest.update(str(path.readlink()).encode())
        elif path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()
