"""CONTRIBUTING.md's copy-paste session template really is a valid session page.

A template that the model refuses would teach every new author a mistake, so
it is read out of CONTRIBUTING.md, validated with the curriculum model, and
built as a page of the small fixture site with the real configuration.
"""

from __future__ import annotations

import re
from pathlib import Path

from curriculum import model
from curriculum.source import split_front_matter
from sitebuild import ROOT, build, copy_fixture

TEMPLATE = re.compile(r"### A session page to copy\n.*?\n````markdown\n(.*?)\n````\n", re.DOTALL)


def session_template() -> str:
    match = TEMPLATE.search((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    assert match, "CONTRIBUTING.md has no ````markdown block under 'A session page to copy'"
    return match.group(1) + "\n"


def test_template_passes_the_curriculum_model() -> None:
    text = session_template()
    meta, key_lines, body_start, problems = split_front_matter(text)
    assert not problems
    assert model.page_kind(meta) == "session"
    session, problems = model.parse_session_meta(meta, key_lines)
    assert session is not None and not problems, problems
    body = model.scan_session_body(text.splitlines()[body_start - 1 :], body_start)
    assert model.session_structure_problems(session, body) == []


def test_template_builds_as_a_page_of_the_site(tmp_path: Path) -> None:
    config = copy_fixture("broken", tmp_path / "source")
    page = session_template().replace("  - pipelines.md", "  - other.md").replace("(pipelines.md)", "(other.md)")
    (tmp_path / "source" / "docs" / "session.md").write_text(page, encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8") + "  - session.md\n", encoding="utf-8")
    result = build(config, tmp_path / "site", site_url="http://127.0.0.1:8000/")
    assert result.returncode == 0 and not result.warnings, result.output
    html = (tmp_path / "site" / "session" / "index.html").read_text(encoding="utf-8")
    assert 'class="mermaid"' in html and "cur-facilitator" in html and "cur-question" in html
