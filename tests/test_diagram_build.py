"""Diagrams rendered by the build (curriculum.diagrams): the cache, and a build without a browser.

Each test builds the two-page ``tests/fixtures/broken/`` site with one
diagram added, in a subprocess as a maintainer would, with a cache folder of
its own (``CURRICULUM_DIAGRAM_CACHE``) so what it proves does not depend on
earlier builds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import BuildResult, build, copy_fixture

DIAGRAM = """
```mermaid
flowchart LR
  accTitle: Two steps
  accDescr: Collect, then load.
  A["Collect"] --> B["Load"]
```
"""


def build_with_diagram(tmp_path: Path, name: str) -> BuildResult:
    config = copy_fixture("broken", tmp_path / name)
    page = config.parent / "docs" / "other.md"
    page.write_text(page.read_text(encoding="utf-8") + DIAGRAM, encoding="utf-8")
    return build(config, tmp_path / f"{name}-site", site_url="http://127.0.0.1:8000/")


def test_a_cached_diagram_needs_no_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURRICULUM_DIAGRAM_CACHE", str(tmp_path / "cache"))
    first = build_with_diagram(tmp_path, "first")
    assert first.returncode == 0, first.output
    assert "Rendered 1 diagram(s) to SVG" in first.output
    assert len(list((tmp_path / "cache").glob("*.svg"))) == 1

    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-such-browser"))
    second = build_with_diagram(tmp_path, "second")
    assert second.returncode == 0, second.output  # served from the cache: no browser started
    assert "Rendered" not in second.output
    html = (tmp_path / "second-site" / "other" / "index.html").read_text(encoding="utf-8")
    assert '<div class="mermaid"><template shadowrootmode="open"><svg' in html
    assert 'pre class="mermaid"' not in html


def test_without_a_browser_the_build_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURRICULUM_DIAGRAM_CACHE", str(tmp_path / "empty-cache"))
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-such-browser"))
    result = build_with_diagram(tmp_path, "site")
    assert result.returncode != 0
    lines = [line for line in result.output.splitlines() if "cannot be rendered" in line]
    assert len(lines) == 1, result.output
    assert "docs/other.md" in lines[0] and "apt-get install chromium" in lines[0]
    assert "Traceback" not in result.output


def test_an_unwritable_cache_does_not_fail_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CURRICULUM_DIAGRAM_CACHE", str(blocker / "cache"))  # cannot be created
    result = build_with_diagram(tmp_path, "site")
    assert result.returncode == 0, result.output
    assert "Diagram cache not written" in result.output and "CURRICULUM_DIAGRAM_CACHE" in result.output
    assert "<template shadowrootmode" in (tmp_path / "site-site" / "other" / "index.html").read_text(encoding="utf-8")
