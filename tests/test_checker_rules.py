"""Each checker rule family: a broken fixture site fails it, the good one passes.

The good site (tests/fixtures/checker/good) passes every rule; each overlay
(a sibling folder) replaces a few of its files to break one family. Every
site is built and checked once per module; diagrams are parsed by one
shared Chromium.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from checker_sites import FIXTURES, MERMAID, Result, make_site, run
from curriculum.checker.mermaid import MermaidParser, Unavailable


@pytest.fixture(scope="module")
def mermaid_parser() -> Iterator[MermaidParser | None]:
    try:
        parser = MermaidParser(MERMAID)
    except Unavailable as error:
        pytest.fail(str(error))
    yield parser
    parser.close()


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory, mermaid_parser: MermaidParser) -> Callable[[str | None], Result]:
    results: dict[str | None, Result] = {}

    def get(overlay: str | None) -> Result:
        if overlay not in results:
            config = make_site(tmp_path_factory.mktemp("checker") / "site", overlay)
            results[overlay] = run(config, parser=mermaid_parser)
        return results[overlay]

    return get


def test_good_fixture_has_no_findings(checked: Callable[[str | None], Result]) -> None:
    result = checked(None)
    assert [f.text() for f in result.findings] == []
    assert result.site.counts["diagrams"] == 1
    assert result.site.counts["links"] >= 6
    assert len(result.site.pages) == 4


def test_links(checked: Callable[[str | None], Result]) -> None:
    result = checked("links-bad")
    page = "docs/index.md"
    assert ("docs/index.md", 7) in result.at("L101")  # missing page
    assert ("docs/index.md", 7) in result.at("L102")  # missing anchor, same page
    assert ("docs/index.md", 8) in result.at("L103")  # missing anchor, other page
    assert set(result.at("L104")) == {(page, 8), (page, 12)}  # missing file, missing image
    assert result.at("L105") == [(page, 9), (page, 9)]  # 'here' and 'this'
    http = [f for f in result.findings if f.code == "L106"]
    assert [(f.line, f.severity) for f in http] == [(10, "warning")]
    assert result.codes() == {"L101", "L102", "L103", "L104", "L105", "L106"}


def test_link_columns_point_at_the_link(checked: Callable[[str | None], Result]) -> None:
    finding = next(f for f in checked("links-bad").findings if f.code == "L101")
    line = (checked("links-bad").site.docs_dir / "index.md").read_text().splitlines()[finding.line - 1]
    assert line[finding.col - 1 :].startswith("day-2/missing.md") or line[finding.col - 1 :].startswith("](day-2/missing.md")


def test_images(checked: Callable[[str | None], Result]) -> None:
    result = checked("images-bad")
    assert result.at("I101") == [("docs/index.md", 9)]  # <img> without alt
    assert result.at("I102") == [("docs/index.md", 11)]  # empty alt, not decorative
    assert result.codes() == {"I101", "I102"}  # the decorative one (line 13) passes


def test_headings(checked: Callable[[str | None], Result]) -> None:
    result = checked("headings-bad")
    assert result.at("H102") == [("docs/index.md", 11)]
    assert result.at("H104") == [("docs/index.md", 13)]
    assert result.at("H103") == [("docs/index.md", 15)]
    assert result.at("H101") == [("docs/index.md", 17)]
    assert result.codes() == {"H101", "H102", "H103", "H104"}


def test_navigation(checked: Callable[[str | None], Result]) -> None:
    result = checked("nav-bad")
    assert result.at("N101") == [("docs/glossary.md", 1)]
    config = (FIXTURES / "nav-bad" / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    missing = next(number for number, line in enumerate(config, 1) if "ghost.md" in line)
    assert result.at("N102") == [("mkdocs.yml", missing)]
    assert result.codes() == {"N101", "N102"}


def test_session_metadata(checked: Callable[[str | None], Result]) -> None:
    result = checked("session-meta-bad")
    page = "docs/day-2/session.md"
    assert result.at("S104") == [(page, 5)]  # duration: ninety
    assert result.at("S109") == [(page, 6)]  # two objectives
    assert result.at("S108") == [(page, 7)]  # "Understand ..."
    assert result.at("S105") == [(page, 12)]  # last_reviewed: last week
    assert result.at("S102") == [(page, 13)]  # unknown key 'level'
    assert any("'level'" in f.message for f in result.findings if f.code == "S102")


def test_session_body(checked: Callable[[str | None], Result]) -> None:
    result = checked("session-body-bad")
    page = "docs/day-2/session.md"
    assert {"S201", "S203", "S206", "S207", "S208", "S211", "S213"} <= result.codes(page)
    assert result.at("S201") == [(page, 17)]
    assert result.at("S207") == [(page, 31)]
    review = [f for f in result.findings if f.code == "S110"]
    assert [(f.line, f.severity) for f in review] == [(14, "warning")]


def test_schedule(checked: Callable[[str | None], Result]) -> None:
    result = checked("schedule-bad")
    assert result.at("D111") == [("docs/day-2/index.md", 8)]  # overrun, on 'end:'
    (overrun,) = [f for f in result.findings if f.code == "D111"]
    assert overrun.message.endswith("the sessions' 'duration' lines: day-2/session.md:5 (60 min)")  # once, though scheduled twice
    assert result.at("D110") == [("docs/day-2/index.md", 16)]  # scheduled twice
    assert result.codes() == {"D110", "D111"}


def test_diagrams(checked: Callable[[str | None], Result]) -> None:
    result = checked("diagrams-bad")
    page = "docs/day-2/session.md"
    syntax = [f for f in result.findings if f.code == "M101"]
    assert [(f.path, f.line) for f in syntax] == [(page, 25)]  # the diagram's last line: Mermaid names the end of the diagram
    assert "fence opens on line 21" in syntax[0].message
    assert "Parse error" in syntax[0].message  # Mermaid's own words
    assert result.at("M102") == [(page, 28)]
    assert result.at("M103") == [(page, 28)]
    assert result.site.counts["diagrams"] == 2


def test_glossary(checked: Callable[[str | None], Result]) -> None:
    result = checked("glossary-bad")
    unused = [f for f in result.findings if f.code == "G101"]
    assert [(f.path, f.line, f.severity) for f in unused] == [("docs/includes/abbreviations.md", 3, "warning")]
    undefined = [f for f in result.findings if f.code == "G102"]
    assert [(f.line, f.col) for f in undefined] == [(8, 7)]  # GDPR; not SQL in code, not OK
    assert "GDPR" in undefined[0].message


def test_hygiene(checked: Callable[[str | None], Result]) -> None:
    result = checked("hygiene-bad")
    found = sorted((f.path, f.line, f.message.split("'")[1]) for f in result.findings if f.code == "P101")
    assert found == [
        ("docs/assets/extra.js", 2, "FIXME"),  # the site's own scripts too (not vendored ones)
        ("docs/index.md", 3, "TBD"),
        ("docs/index.md", 10, "TODO"),
        ("docs/index.md", 12, "Lorem ipsum"),
        ("docs/index.md", 12, "coming soon"),
    ]
    assert result.codes() == {"P101"}


def test_bad_yaml_front_matter(checked: Callable[[str | None], Result]) -> None:
    result = checked("input-yaml")
    assert result.at("F103") == [("docs/index.md", 3)]


def test_independent_defects_are_all_reported_in_one_run(checked: Callable[[str | None], Result]) -> None:
    """Four pages, four unrelated defects: each is reported, and nothing they cause is.

    The glossary page's front matter is not YAML, which must not stop the
    build before the links are checked; the session page is not UTF-8, which
    must not make the day page's schedule "name a page that is not a valid
    session", nor its glossary term "used on no page".
    """
    result = checked("independent")
    assert [(f.path, f.line, f.code) for f in result.findings] == [
        ("docs/day-2/index.md", 27, "M101"),  # Mermaid's line 5, under the fence on line 22
        ("docs/day-2/session.md", 19, "F101"),
        ("docs/glossary.md", 2, "F103"),
        ("docs/index.md", 13, "L101"),
    ]
    assert result.site.counts["links"] > 0 and result.site.counts["diagrams"] == 1


def test_unclosed_fence(checked: Callable[[str | None], Result]) -> None:
    result = checked("input-fence")
    assert result.at("F104") == [("docs/index.md", 9)]
