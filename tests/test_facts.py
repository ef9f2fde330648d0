"""The running example's facts: one file, inline markers, the reference page, and bad input.

The fixture site (tests/fixtures/facts-site/) uses every fact shape and puts
markers in prose, a table cell, an admonition, a glossary definition, a
Mermaid label and a diagram's accTitle/accDescr, plus a marker in inline code
and in a code fence that must stay as written. Each bad-input case is a copy
with one thing broken: the build fails with one line naming the file, line
and fix (never a traceback) and writes nothing into the sources.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from checker_sites import run, tree_hash
from curriculum import fact_checks, facts
from sitebuild import BuildResult, build, copy_fixture

FIXTURE = "facts-site"


def article(site: Path, page: str) -> str:
    text = (site / page).read_text(encoding="utf-8")
    return text[text.index("<article") : text.index("</article>")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("facts")
    config = copy_fixture(FIXTURE, root / "source")
    result = build(config, root / "site")
    assert result.returncode == 0 and not result.warnings, result.output
    yield root / "site"
    shutil.rmtree(root, ignore_errors=True)


def test_markers_become_values_in_prose_tables_admonitions_and_the_glossary(built: Path) -> None:
    home = article(built, "index.html")
    assert "The supplier feed arrives by 06:00 every day" in home
    assert "<td>Feed by 06:00</td>" in home
    assert "goes out within 5 minutes" in home
    # The glossary line appended to every page carries the value in its tooltip.
    assert 'title="A promise to a customer, such as a feed delivered by 06:00."' in home
    assert "such as a feed delivered by 06:00." in article(built, "glossary/index.html")


def test_markers_in_code_stay_as_written(built: Path) -> None:
    home = article(built, "index.html")
    assert "<code>&lt;!-- cur:fact service-levels.supplier-feed --&gt;</code>" in home
    assert "&lt;!-- cur:fact systems.order-db --&gt;" in home
    for page in ("day-1/session/index.html", "guide/index.html", "glossary/index.html", "at-a-glance/index.html"):
        assert "cur:fact" not in (built / page).read_text(encoding="utf-8"), page


def test_diagram_labels_and_accessible_text_carry_the_values(built: Path) -> None:
    session = article(built, "day-1/session/index.html")
    svg = session[session.index('class="mermaid"') :]
    assert re.search(r"<title[^>]*>The feed by 06:00</title>", svg)
    assert "sent by 06:00." in svg
    assert "Order database" in svg and "by 06:00" in svg


def test_reference_page_lists_every_fact_with_where_it_is_used(built: Path) -> None:
    page = article(built, "at-a-glance/index.html")
    loaded = facts.load_facts(Path(__file__).parent / "fixtures" / FIXTURE / "docs" / facts.FACTS_FILE)
    assert set(re.findall(r'<tr id="fact-([a-z0-9-]+)">', page)) == {re.sub(r"[^a-z0-9]+", "-", key) for key in loaded.facts}
    assert '<h2 id="facts-service-levels">Service levels' in page  # a group's own title
    row = page[page.index('id="fact-service-levels-supplier-feed"') :].split("</tr>", 1)[0]
    assert "The time the supplier feed is delivered by" in row and "<td>06:00</td>" in row
    assert '<a href="../day-1/session/#from-order-to-feed">How the feed is made › From order to feed (diagram)</a> (3×)' in row
    assert '<a href="../glossary/#term-sla">Glossary: SLA</a>' in row
    assert '<a href="../">Home</a> (2×)' in row
    unused = page[page.index('id="fact-volumes-unused-fact"') :].split("</tr>", 1)[0]
    assert "not used yet" in unused


def test_checker_reports_an_unused_fact_as_a_warning(tmp_path: Path) -> None:
    config = copy_fixture(FIXTURE, tmp_path / "source")
    result = run(config)
    assert [f.text() for f in result.errors] == []
    unused = [f for f in result.findings if f.code == "K103"]
    assert [(f.path, f.line, f.severity) for f in unused] == [("docs/data/running-example.yml", 12, "warning")]
    assert "volumes.unused-fact" in unused[0].message


# --------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------


def broken_build(tmp_path: Path, mutate: Callable[[Path], None]) -> tuple[BuildResult, Path]:
    config = copy_fixture(FIXTURE, tmp_path / "source")
    docs = tmp_path / "source" / "docs"
    mutate(docs)
    before = tree_hash(docs)
    result = build(config, tmp_path / "site")
    assert tree_hash(docs) == before, "the build wrote into the sources"
    assert result.returncode != 0
    assert "Traceback" not in result.output, result.output
    return result, docs


def error_lines(result: BuildResult) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("ERROR")]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unknown_key_fails_the_build_at_its_line_with_a_suggestion(tmp_path: Path) -> None:
    def typo(docs: Path) -> None:
        replace_in(
            docs / "day-1" / "session.md",
            "leaves by <!-- cur:fact service-levels.supplier-feed -->",
            "leaves by <!-- cur:fact service-levels.suplier-feed -->",
        )

    result, docs = broken_build(tmp_path, typo)
    line = next(n for n, text in enumerate((docs / "day-1" / "session.md").read_text().splitlines(), 1) if "suplier" in text)
    assert any(
        f"docs/day-1/session.md:{line}: K102 unknown fact 'service-levels.suplier-feed' (did you mean 'service-levels.supplier-feed'?"
        in text
        for text in error_lines(result)
    ), result.output
    checked = run(tmp_path / "source" / "mkdocs.yml")
    assert ("docs/day-1/session.md", line) in checked.at("K102")
    finding = next(f for f in checked.findings if f.code == "K102")
    assert finding.col == (docs / "day-1" / "session.md").read_text().splitlines()[line - 1].index("<!--") + 1


def test_fact_file_that_is_not_yaml_fails_the_build_at_its_line(tmp_path: Path) -> None:
    def bad_yaml(docs: Path) -> None:
        replace_in(docs / "data" / "running-example.yml", "  loader: batch file loader", "  loader: [batch file loader")

    result, _ = broken_build(tmp_path, bad_yaml)
    errors = error_lines(result)
    assert any(
        re.search(r"docs/data/running-example\.yml:\d+: K101 the fact file is not valid YAML: .+ \(check indentation", e) for e in errors
    ), result.output


def test_malformed_fact_is_reported_at_its_key(tmp_path: Path) -> None:
    def no_value(docs: Path) -> None:
        replace_in(docs / "data" / "running-example.yml", '    value: "06:00"\n', '    when: "06:00"\n')

    result, _ = broken_build(tmp_path, no_value)
    assert any(
        "docs/data/running-example.yml:4: K101 fact 'service-levels.supplier-feed' has unknown key 'when'" in e for e in error_lines(result)
    )


def test_fact_a_diagram_label_cannot_carry_fails_the_build(tmp_path: Path) -> None:
    def long_value(docs: Path) -> None:
        replace_in(
            docs / "data" / "running-example.yml",
            "order-db: Order database",
            "order-db: Order database; the primary store of every order we take",
        )

    result, docs = broken_build(tmp_path, long_value)
    line = next(n for n, text in enumerate((docs / "day-1" / "session.md").read_text().splitlines(), 1) if 'DB[("' in text)
    assert any(
        f"docs/day-1/session.md:{line}: K104 fact 'systems.order-db' ('Order database; the primary store of every order we take') cannot go in this diagram"
        in e
        for e in error_lines(result)
    ), result.output


def test_marker_in_front_matter_fails_the_build(tmp_path: Path) -> None:
    def in_title(docs: Path) -> None:
        replace_in(docs / "index.md", "title: Home", "title: Home of <!-- cur:fact business-name -->")

    result, _ = broken_build(tmp_path, in_title)
    assert any(
        "docs/index.md:2: K105 fact marker 'business-name' in front matter is not replaced (write the value in the front matter" in e
        for e in error_lines(result)
    ), result.output


# --------------------------------------------------------------------------
# The pieces
# --------------------------------------------------------------------------


def test_find_uses_knows_prose_quoted_and_unquoted_labels_and_skips_code() -> None:
    lines = [
        "By <!-- cur:fact a.b --> and `<!-- cur:fact a.code -->`.",
        "```mermaid",
        "flowchart LR",
        "  accDescr: by <!-- cur:fact a.acc -->",
        '  A["x <!-- cur:fact a.quoted -->"] --> B[<!-- cur:fact a.bare -->]',
        "```",
        "```text",
        "<!-- cur:fact a.example -->",
        "```",
        "``` { .yaml .cur-facts }",
        "deadline: <!-- cur:fact a.in-example -->",
        "```",
    ]
    uses = facts.find_uses(lines, first_line=10)
    assert [(u.key, u.line, u.place) for u in uses] == [
        ("a.b", 10, "prose"),
        ("a.acc", 13, "diagram-acc"),
        ("a.quoted", 14, "diagram-quoted"),
        ("a.bare", 14, "diagram"),
        ("a.in-example", 20, "prose"),
    ]
    values = {key: facts.Fact(key, key.upper(), "", 1) for key in ("a.example", "a.in-example", "a.code")}
    substituted = facts.substitute(lines, values)
    assert substituted[7] == "<!-- cur:fact a.example -->" and substituted[10] == "deadline: A.IN-EXAMPLE"
    assert "`<!-- cur:fact a.code -->`" in substituted[0]
    assert uses[0].col == 4


def test_diagram_limits() -> None:
    assert fact_checks.diagram_problem("06:00", "diagram") is None
    assert fact_checks.diagram_problem("within 5 (five) minutes", "diagram-quoted") is None
    assert "'('" in (fact_checks.diagram_problem("5 (five)", "diagram") or "")
    assert "'#'" in (fact_checks.diagram_problem("order #5", "diagram-quoted") or "")
    assert "characters long" in (fact_checks.diagram_problem("x" * (fact_checks.DIAGRAM_MAX_CHARS + 1), "diagram-quoted") or "")
    assert fact_checks.diagram_problem("x" * 200, "diagram-acc") is None


def test_values_are_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "facts.yml"
    path.write_text("times:\n  feed: 06:00\n  answer: yes\n  rate:\n    value: 0.50\n    about: Per parcel\n", encoding="utf-8")
    loaded = facts.load_facts(path)
    assert not loaded.problems
    assert {k: f.value for k, f in loaded.facts.items()} == {"times.feed": "06:00", "times.answer": "yes", "times.rate": "0.50"}
    assert loaded.facts["times.rate"].about == "Per parcel" and loaded.facts["times.rate"].line == 4
