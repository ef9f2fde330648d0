"""Bad input fails the build with the file named.

``tests/fixtures/broken/`` is a two-page site that inherits the real
``mkdocs.yml``; it builds cleanly as it is (the control case below). Each test
breaks one thing in a temporary copy, runs ``mkdocs build --strict`` as a
maintainer would, and checks that the build fails and that one line of the
output names the file at fault.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from sitebuild import BuildResult, build, copy_fixture


def build_broken(tmp_path: Path, breakage: Callable[[Path], None]) -> BuildResult:
    config = copy_fixture("broken", tmp_path / "source")
    breakage(tmp_path / "source")
    return build(config, tmp_path / "site", site_url="http://127.0.0.1:8000/")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def assert_fails_naming(result: BuildResult, *names: str) -> str:
    """The build failed, and one WARNING/ERROR line names every one of ``names``."""
    assert result.returncode != 0, f"the build passed but should have failed:\n{result.output}"
    lines = [line for line in result.output.splitlines() if line.startswith(("WARNING", "ERROR")) or "Error:" in line]
    matching = [line for line in lines if all(name in line for name in names)]
    assert matching, f"no error line names {names}:\n{result.output}"
    assert "Traceback" not in result.output, result.output
    return matching[0]


def test_the_unbroken_fixture_builds(tmp_path: Path) -> None:
    result = build_broken(tmp_path, lambda source: None)
    assert result.returncode == 0, result.output
    assert not result.warnings, result.warnings


def test_broken_page_link(tmp_path: Path) -> None:
    result = build_broken(tmp_path, lambda s: append(s / "docs" / "other.md", "\nSee [the plan](plan.md).\n"))
    line = assert_fails_naming(result, "other.md", "plan.md")
    assert "not found" in line


def test_broken_anchor_on_the_same_page(tmp_path: Path) -> None:
    result = build_broken(tmp_path, lambda s: append(s / "docs" / "other.md", "\nJump [up](#no-such-heading).\n"))
    line = assert_fails_naming(result, "other.md", "#no-such-heading")
    assert "anchor" in line


def test_broken_anchor_on_another_page(tmp_path: Path) -> None:
    result = build_broken(tmp_path, lambda s: append(s / "docs" / "index.md", "\nRead [more](other.md#gone).\n"))
    line = assert_fails_naming(result, "index.md", "other.md#gone")
    assert "anchor" in line


def test_nav_entry_for_a_missing_file(tmp_path: Path) -> None:
    result = build_broken(tmp_path, lambda s: append(s / "mkdocs.yml", "  - Missing: missing-page.md\n"))
    assert_fails_naming(result, "missing-page.md", "nav")


def test_page_missing_from_the_nav(tmp_path: Path) -> None:
    def add_orphan(source: Path) -> None:
        (source / "docs" / "orphan.md").write_text("# Orphan\n\nNo nav entry points here.\n", encoding="utf-8")

    result = build_broken(tmp_path, add_orphan)
    assert result.returncode != 0, result.output
    # MkDocs lists omitted pages on the lines after the warning.
    assert 'not included in the "nav"' in result.output and "  - orphan.md" in result.output, result.output


BROKEN_DIAGRAM = """
```mermaid
flowchart LR
  accTitle: Broken
  accDescr: An arrow with no target.
  A -->
```
"""


def test_broken_diagram_names_the_file_and_the_line_mermaid_names(tmp_path: Path) -> None:
    result = build_broken(tmp_path, lambda s: append(s / "docs" / "other.md", "\n" + BROKEN_DIAGRAM))
    line = assert_fails_naming(result, "docs/other.md:", "M101", "Mermaid cannot parse this diagram")
    fence_line = (tmp_path / "source" / "docs" / "other.md").read_text(encoding="utf-8").splitlines().index("```mermaid") + 1
    # Mermaid fails at the end of the diagram ("got 'EOF'"): its last line, 'A -->', four lines under the fence.
    assert f"docs/other.md:{fence_line + 4}: M101" in line, line
    assert "check_site.py" in line
    # The page still builds, with the source as a plain code block Material leaves alone
    # (class "mermaid" would make it fetch Mermaid from a CDN to retry).
    html = (tmp_path / "site" / "other" / "index.html").read_text(encoding="utf-8")
    assert 'class="cur-diagram-error"' in html and 'class="mermaid"' not in html


def test_missing_vendored_file(tmp_path: Path) -> None:
    result = build_broken(tmp_path, lambda s: (s / "docs" / "assets" / "vendor" / "mermaid" / "mermaid.min.js").unlink())
    line = assert_fails_naming(result, "mermaid/mermaid.min.js", "missing")
    assert "scripts/vendor_assets.py" in line


def test_vendored_file_that_does_not_match_its_hash(tmp_path: Path) -> None:
    result = build_broken(tmp_path, lambda s: append(s / "docs" / "assets" / "vendor" / "iframe-worker" / "index.js", "\n// edited\n"))
    line = assert_fails_naming(result, "iframe-worker/index.js", "SHA-256")
    assert "scripts/vendor_assets.py" in line


def test_missing_vendor_manifest(tmp_path: Path) -> None:
    result = build_broken(tmp_path, lambda s: (s / "docs" / "assets" / "vendor" / "manifest.json").unlink())
    assert_fails_naming(result, "manifest.json", "missing")


@pytest.mark.parametrize("manifest_key", ["mermaid"])
def test_manifest_names_a_file_the_hook_checks(tmp_path: Path, manifest_key: str) -> None:
    """The manifest the fixture copies is the real one, so the cases above test the real entries."""
    config = copy_fixture("broken", tmp_path / "source")
    manifest = json.loads((config.parent / "docs" / "assets" / "vendor" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest[manifest_key]["file"] == "mermaid/mermaid.min.js"
