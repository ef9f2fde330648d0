"""Diagrams rendered by the build (curriculum.diagrams): the cache, and a build without a browser.

Each test builds the two-page ``tests/fixtures/broken/`` site with one
diagram added, in a subprocess as a maintainer would, with a cache folder of
its own (``CURRICULUM_DIAGRAM_CACHE``) so what it proves does not depend on
earlier builds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import ROOT, BuildResult, build, copy_fixture

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


REJECTED = """
```mermaid
flowchart LR
  accTitle: Broken
  accDescr: An edge to nowhere.
  A["Collect"] -->
```
"""

GANTT = """
```mermaid
gantt
  accTitle: A plan
  accDescr: Two tasks, one after the other.
  dateFormat YYYY-MM-DD
  section Build
  First task :a1, 2020-01-01, 30d
  Second task :after a1, 20d
```
"""


def build_with(tmp_path: Path, name: str, diagram: str, strict: bool = True) -> BuildResult:
    config = copy_fixture("broken", tmp_path / name)
    page = config.parent / "docs" / "other.md"
    page.write_text(page.read_text(encoding="utf-8") + diagram, encoding="utf-8")
    return build(config, tmp_path / f"{name}-site", site_url="http://127.0.0.1:8000/", strict=strict)


def test_a_rejected_diagram_is_cached_so_later_builds_start_no_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURRICULUM_DIAGRAM_CACHE", str(tmp_path / "cache"))
    first = build_with(tmp_path, "first", REJECTED)
    assert first.returncode != 0 and "M101 Mermaid cannot parse this diagram" in first.output, first.output
    assert len(list((tmp_path / "cache").glob("*.error"))) == 1

    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-such-browser"))
    second = build_with(tmp_path, "second", REJECTED)
    # The same one-line report, from the cache: no "cannot be rendered" (which would mean a browser was wanted).
    assert "docs/other.md" in second.output and "M101 Mermaid cannot parse this diagram" in second.output, second.output
    assert "cannot be rendered" not in second.output and "Chromium is missing" not in second.output, second.output


def test_a_gantt_chart_has_no_today_marker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CURRICULUM_DIAGRAM_CACHE", str(tmp_path / "cache"))
    result = build_with(tmp_path, "site", GANTT)
    assert result.returncode == 0, result.output
    html = (tmp_path / "site-site" / "other" / "index.html").read_text(encoding="utf-8")
    svg = html.split('<template shadowrootmode="open">', 1)[1].split("</template>", 1)[0]
    assert "Second task" in svg
    assert '<g class="today">' not in svg and 'class="today"' not in svg.split("</style>", 1)[1], "the build date would be frozen in"


def test_the_cache_key_covers_the_font_the_render_script_and_local_images(tmp_path: Path) -> None:
    import shutil

    from curriculum.diagram_sources import inline_images
    from curriculum.diagrams import FONT_FILES, MERMAID_SCRIPT, DiagramRenderer

    docs = tmp_path / "docs"
    for rel in (MERMAID_SCRIPT, *FONT_FILES.values()):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "docs" / rel, docs / rel)
    (docs / "a.png").write_bytes(b"one")
    source = 'flowchart LR\n  A@{ img: "a.png" }'

    def key() -> str:
        return DiagramRenderer(docs / MERMAID_SCRIPT, tmp_path / "cache").key(inline_images(source, docs, "page.md"))

    before = key()
    (docs / "a.png").write_bytes(b"two")
    after_image = key()
    font = docs / FONT_FILES[400]
    font.write_bytes(font.read_bytes() + b"\0")
    after_font = key()
    assert len({before, after_image, after_font}) == 3


def test_preview_without_a_browser_shows_uncached_diagrams_as_marked_source(tmp_path: Path) -> None:
    import html
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    config = copy_fixture("broken", tmp_path / "src")
    page = config.parent / "docs" / "other.md"
    page.write_text(page.read_text(encoding="utf-8") + DIAGRAM, encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        CURRICULUM_DIAGRAM_CACHE=str(tmp_path / "empty-cache"),
        CHROMIUM=str(tmp_path / "no-such-browser"),
        PATH=str(empty),  # no browser on PATH either
        SITE_URL=f"http://127.0.0.1:{port}/",
    )
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=config.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        body = ""
        for _ in range(120):  # the preview's first build, then it serves
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/other/", timeout=2) as response:
                    body = response.read().decode("utf-8")
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.5)
        assert server.poll() is None, "the preview stopped instead of serving"
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert 'class="cur-diagram-preview"' in body, output
    assert "Diagram not drawn in this preview" in body and "is not an executable file" in body  # the browser lookup's own words
    box = body.split('<div class="cur-diagram-preview"', 1)[1].split("</div>", 1)[0]
    assert "--&gt;" in box and 'A["Collect"] --> B["Load"]' in html.unescape(box)  # the source as written, escaped
    assert 'class="mermaid"' not in box  # Material's bundle would fetch Mermaid to draw it
    told = [line for line in output.splitlines() if "Preview: diagrams not in the cache" in line]
    assert len(told) == 1 and "is not an executable file" in told[0], output
    assert "Traceback" not in output


def test_the_stylesheets_name_the_vendored_font_the_build_measures_in() -> None:
    from curriculum.diagrams import DIAGRAM_STYLESHEET, EXTRA_THEME_CSS, FONT_FAMILY, FONT_FILES

    css = (ROOT / "docs" / DIAGRAM_STYLESHEET).read_text(encoding="utf-8")
    for weight, rel in FONT_FILES.items():
        assert f'font-weight: {weight};\n  font-display: swap;\n  src: url("../{rel.relative_to("assets").as_posix()}")' in css
    assert css.count(f'font-family: "{FONT_FAMILY}"') == len(FONT_FILES)
    assert f"--md-mermaid-font-family: '{FONT_FAMILY}'" in EXTRA_THEME_CSS


@pytest.mark.parametrize("damage", ["missing", "altered"])
def test_a_missing_or_altered_font_fails_the_build_in_one_line(tmp_path: Path, damage: str) -> None:
    config = copy_fixture("broken", tmp_path / "src")
    font = config.parent / "docs" / "assets" / "vendor" / "inter" / "inter-latin-700-normal.woff2"
    if damage == "missing":
        font.unlink()
    else:
        font.write_bytes(font.read_bytes()[:-1])
    result = build(config, tmp_path / "site")
    assert result.returncode != 0
    lines = [line for line in result.output.splitlines() if "inter-latin-700-normal.woff2" in line]
    assert len(lines) == 1 and "python scripts/vendor_assets.py" in lines[0], result.output
    assert "Traceback" not in result.output
