"""The diagram rules about what a diagram loads and how wide it is (M104, M105, M106).

Each test writes diagrams into the checker's good fixture site and runs the
real checker (its strict build included), as a maintainer would: external
and missing images and icon-pack icons are errors at their own line, in the
checker and in the build alike; a local image is drawn into the SVG; a
diagram too wide for the content column is a warning with a hint.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker_sites import make_site, run
from curriculum.diagram_sources import inline_images, references

HEAD = "## How data flows\n\nA CDC feed reads the log, then an ETL job loads the warehouse.\n"


def with_diagrams(tmp_path: Path, *diagrams: str) -> tuple[Path, dict[str, int]]:
    """The good site with ``diagrams`` in its session page; returns mkdocs.yml and each diagram's fence line."""
    config = make_site(tmp_path / "site")
    page = config.parent / "docs" / "day-2" / "session.md"
    text = page.read_text(encoding="utf-8")
    before, after = text.split(HEAD, 1)
    lines: dict[str, int] = {}
    body = HEAD
    for diagram in diagrams:
        body += "\n"
        lines[diagram.splitlines()[0]] = len((before + body).splitlines()) + 1
        body += f"```mermaid\n{diagram}\n```\n"
    page.write_text(before + body + after, encoding="utf-8")
    return config, lines


EXTERNAL = """flowchart LR
  accTitle: External image
  accDescr: A node whose picture is on another host.
  A@{ img: "https://example.com/logo.png", label: "Logo", w: 40, h: 40 }
  B[<img src='https://example.com/b.png'> B] --> A"""
MISSING = """flowchart TB
  accTitle: Missing image
  accDescr: A node whose picture is not in the docs folder.
  A@{ img: "../assets/nowhere.png", label: "Nowhere", w: 40, h: 40 }"""
LOCAL = """flowchart RL
  accTitle: Local image
  accDescr: A node drawn with a picture from the docs folder.
  A@{ img: "../assets/pipeline.svg", label: "Pipeline", w: 40, h: 40, constraint: "on" }"""
ICONS = """flowchart BT
  accTitle: Icons
  accDescr: A node with a Font Awesome icon.
  A["fa:fa-car Car"] --> B@{ icon: "logos:aws", label: "Cloud" }"""
MINDMAP = """mindmap
  accTitle: A mindmap with an icon
  accDescr: One root with an icon.
  root((Data))
    Sources
    ::icon(fa fa-book)"""


def test_images_and_icons_are_errors_at_their_own_lines_in_the_checker_and_the_build(tmp_path: Path) -> None:
    config, fences = with_diagrams(tmp_path, EXTERNAL, MISSING, LOCAL, ICONS, MINDMAP)
    result = run(config)
    page = "docs/day-2/session.md"
    external, missing, icons, mindmap = (fences[d.splitlines()[0]] for d in (EXTERNAL, MISSING, ICONS, MINDMAP))
    assert sorted(result.at("M104")) == [(page, external + 4), (page, external + 5), (page, missing + 4)]
    assert sorted(result.at("M105")) == [(page, icons + 4), (page, icons + 4), (page, mindmap + 6)]
    messages = " ".join(f.message for f in result.findings if f.code in ("M104", "M105"))
    for named in (
        "https://example.com/logo.png",
        "https://example.com/b.png",
        "../assets/nowhere.png",
        "fa:fa-car",
        "logos:aws",
        "fa fa-book",
    ):
        assert named in messages, (named, messages)
    assert "M101" not in result.codes(), [f.text() for f in result.findings]
    assert result.site.build_failed, "the strict build must fail on these errors too"
    for line in (f"{page}:{external + 4}: M104", f"{page}:{icons + 4}: M105"):
        assert line in result.site.build_output, result.site.build_output


def test_a_local_image_is_drawn_into_the_svg(tmp_path: Path) -> None:
    config, _ = with_diagrams(tmp_path, LOCAL)
    site_dir = tmp_path / "built"
    result = run(config, site_dir=None)
    assert not result.errors, [f.text() for f in result.errors]
    from sitebuild import build

    built = build(config, site_dir)
    assert built.returncode == 0, built.output
    html = (site_dir / "day-2" / "session" / "index.html").read_text(encoding="utf-8")
    assert '<image href="data:image/svg+xml;base64,' in html
    assert "pipeline.svg" not in html.split("<template", 1)[1].split("</template>", 1)[0]


def test_a_local_file_that_is_not_an_image_is_an_image_error_not_a_parse_error(tmp_path: Path) -> None:
    config, fences = with_diagrams(tmp_path, MISSING.replace("nowhere.png", "broken.png"))
    (config.parent / "docs" / "assets" / "broken.png").write_text("not a picture", encoding="utf-8")
    result = run(config)
    line = fences["flowchart TB"] + 4
    assert result.at("M104") == [("docs/day-2/session.md", line)], [f.text() for f in result.findings]
    assert "could not be loaded or decoded" in next(f.message for f in result.findings if f.code == "M104")
    assert "M101" not in result.codes()


WIDE = "flowchart LR\n  accTitle: A long chain\n  accDescr: Twelve steps in a row.\n" + "\n".join(
    f'  S{n}["Step number {n}"] --> S{n + 1}["Step number {n + 1}"]' for n in range(1, 12)
)


def test_a_diagram_too_wide_for_the_column_is_a_warning_with_a_hint(tmp_path: Path) -> None:
    config, fences = with_diagrams(tmp_path, WIDE, LOCAL)
    result = run(config)
    wide = [f for f in result.findings if f.code == "M106"]
    assert [(f.path, f.line, f.severity) for f in wide] == [("docs/day-2/session.md", fences["flowchart LR"], "warning")]
    assert "% of its size" in wide[0].message and "flowchart TB" in wide[0].hint
    assert not result.errors, [f.text() for f in result.errors]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ('  A@{ img: "http://example.com/a.png" }', "external-image"),
        ("  A@{ img: '//cdn.example.com/a.png' }", "external-image"),
        ("  A[<img src=https://example.com/a.png>]", "external-image"),
        ("  A[fab:fa-github GitHub]", "icon"),
        ("  service db(logos:aws-rds)[Database]", "icon"),
    ],
)
def test_references_find_each_form(line: str, kind: str, tmp_path: Path) -> None:
    assert [r.kind for r in references(f"flowchart LR\n{line}", tmp_path, "page.md")] == [kind]


def test_built_in_architecture_icons_quoted_img_text_and_acc_lines_are_fine(tmp_path: Path) -> None:
    source = (
        "architecture-beta\n  accDescr: mentions fa:fa-car and icon: x in prose\n"
        "  service db(database)[Database]\n  service s(server)[Server]\n"
        '  A["<img src=https://example.com/a.png> is text"]'
    )
    assert references(source.replace("&lt;", "<").replace('"<img', '"&lt;img'), tmp_path, "page.md") == []


def test_inline_images_resolves_relative_and_docs_rooted_paths(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.png").write_bytes(b"\x89PNG")
    for url in ("../assets/a.png", "/assets/a.png"):
        out = inline_images(f'flowchart LR\n  A@{{ img: "{url}" }}', tmp_path, "day-2/page.md")
        assert 'img: "data:image/png;base64,iVBORw=="' in out, out
    outside = inline_images('flowchart LR\n  A@{ img: "../../secret.png" }', tmp_path, "day-2/page.md")
    assert "data:" not in outside
