"""The curriculum model: metadata, schedule and body rules, without MkDocs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from curriculum import model
from curriculum.catalog import load_catalog
from curriculum.source import split_front_matter

GOOD_SESSION: dict[str, Any] = {
    "title": "Pipelines",
    "kind": "session",
    "summary": "How data moves.",
    "duration": 60,
    "objectives": [
        {"id": "trace", "text": "Trace one record from source to dashboard."},
        {"id": "name-parts", "text": "Identify the components of a pipeline."},
        {"id": "map-needs", "text": "Map each stage to the customer need it serves."},
    ],
    "owner": "Data Platform team",
    "last_reviewed": dt.date(2026, 11, 1),
}


def codes(problems: list[model.Problem]) -> list[str]:
    return sorted(p.code for p in problems)


def test_a_complete_session_is_valid() -> None:
    meta, problems = model.parse_session_meta(GOOD_SESSION)
    assert problems == []
    assert meta is not None and meta.duration == 60
    assert meta.objective_ids == {"trace", "name-parts", "map-needs"}


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"duration": "ninety"}, "S104"),
        ({"duration": 0}, "S104"),
        ({"duration": 1.5}, "S104"),
        ({"last_reviewed": "last week"}, "S105"),
        ({"colour": "blue"}, "S102"),
        ({"summary": ""}, "S103"),
        ({"objectives": GOOD_SESSION["objectives"][:2]}, "S109"),
    ],
)
def test_bad_metadata_names_its_problem(change: dict, code: str) -> None:
    _meta, problems = model.parse_session_meta({**GOOD_SESSION, **change})
    assert code in codes(problems)


def test_missing_keys_are_each_reported() -> None:
    meta, problems = model.parse_session_meta({"title": "x", "kind": "session"})
    assert meta is None
    missing = {p.message.split("'")[1] for p in problems if p.code == "S101"}
    assert missing == {"summary", "duration", "objectives", "owner", "last_reviewed"}


@pytest.mark.parametrize("text", ["Understand pipelines.", "Know the stages.", "Learn about CDC.", "be aware of risks"])
def test_unmeasurable_objectives_are_refused(text: str) -> None:
    objectives = [*GOOD_SESSION["objectives"][:2], {"id": "vague", "text": text}]
    _, problems = model.parse_session_meta({**GOOD_SESSION, "objectives": objectives})
    assert "S108" in codes(problems)


def test_objective_ids_must_be_unique_slugs() -> None:
    objectives = [*GOOD_SESSION["objectives"], {"id": "trace", "text": "Explain again."}, {"id": "Bad Id", "text": "Explain."}]
    _, problems = model.parse_session_meta({**GOOD_SESSION, "objectives": objectives})
    assert codes(problems).count("S107") == 2


def test_review_warning_after_the_interval() -> None:
    meta, _ = model.parse_session_meta(GOOD_SESSION)
    assert meta is not None
    assert model.review_problem(meta, dt.date(2026, 12, 1)) is None
    warning = model.review_problem(meta, dt.date(2027, 11, 1))
    assert warning is not None and warning.severity == "warning" and warning.code == "S110"


def schedule(blocks: list[dict], start: str = "09:00", end: str = "12:00") -> model.Schedule:
    parsed, problems = model.parse_schedule({"start": start, "end": end, "blocks": blocks}, {})
    assert problems == [], problems
    assert parsed is not None
    return parsed


def test_agenda_clock_times_follow_durations() -> None:
    meta, _ = model.parse_session_meta(GOOD_SESSION)
    assert meta is not None
    rows, problems = model.build_agenda(
        schedule([{"session": "a.md"}, {"break": "Coffee", "minutes": 15}, {"item": "Wrap-up", "minutes": 30}]),
        {"a.md": meta},
    )
    assert problems == []
    assert [(r.start.strftime("%H:%M"), r.end.strftime("%H:%M"), r.title) for r in rows] == [
        ("09:00", "10:00", "Pipelines"),
        ("10:00", "10:15", "Coffee"),
        ("10:15", "10:45", "Wrap-up"),
    ]


def test_an_overrunning_day_is_an_error_that_says_when_it_would_end() -> None:
    meta, _ = model.parse_session_meta(GOOD_SESSION)
    assert meta is not None
    _, problems = model.build_agenda(schedule([{"session": "a.md"}, {"lunch": "Lunch", "minutes": 60}], end="10:30"), {"a.md": meta})
    assert codes(problems) == ["D111"]
    assert "would end at 11:00" in problems[0].message


def test_schedule_naming_a_missing_or_repeated_session() -> None:
    meta, _ = model.parse_session_meta(GOOD_SESSION)
    assert meta is not None
    _, problems = model.build_agenda(
        schedule([{"session": "a.md"}, {"session": "a.md"}, {"session": "ghost.md"}], end="17:00"), {"a.md": meta}
    )
    assert codes(problems) == ["D109", "D110"]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ({"start": "9am", "end": "17:00", "blocks": [{"break": "x", "minutes": 5}]}, "D105"),
        ({"start": "09:00", "end": "17:00", "blocks": [{"break": "x", "minutes": -5}]}, "D108"),
        ({"start": "09:00", "end": "17:00", "blocks": [{"break": "x", "minutes": "ten"}]}, "D108"),
        ({"start": "09:00", "end": "17:00", "blocks": [{"session": "a.md", "minutes": 5}]}, "D106"),
        ({"start": "09:00", "end": "17:00", "blocks": []}, "D106"),
        ({"start": "17:00", "end": "09:00", "blocks": [{"break": "x", "minutes": 5}]}, "D105"),
    ],
)
def test_bad_schedules(raw: dict, code: str) -> None:
    parsed, problems = model.parse_schedule(raw, {})
    assert parsed is None
    assert code in codes(problems)


def test_unquoted_clock_times_read_by_yaml_as_minutes_still_work() -> None:
    # YAML 1.1 reads 09:00 (unquoted) as the base-60 integer 540.
    parsed, problems = model.parse_schedule({"start": 540, "end": 1020, "blocks": [{"break": "x", "minutes": 5}]}, {})
    assert problems == [] and parsed is not None and parsed.start == dt.time(9, 0)


BODY = """\
## Teaching

Text.

/// activity | Do it
    minutes: 10
    output: a list

Steps.
///

/// facilitator
Ask the room.
///

## Knowledge check

/// question | One?
    objective: trace

**Answer:** yes.
///

/// question | Two?
    objective: name-parts

**Answer:** yes.
///

/// question | Three?
    objective: map-needs

**Answer:** yes.
///

```markdown
## Not a heading (inside a fence)
```

## Key takeaways

- a
- b
- c
"""


def structure_codes(body: str) -> list[str]:
    meta, _ = model.parse_session_meta(GOOD_SESSION)
    assert meta is not None
    return codes(model.session_structure_problems(meta, model.scan_session_body(body.splitlines())))


def test_a_complete_body_has_no_structure_problems() -> None:
    assert structure_codes(BODY) == []


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("## Knowledge check", "## Quiz", "S205"),
        ("    objective: map-needs", "    objective: nonsense", "S207"),
        ("    output: a list\n", "", "S204"),
        ("/// facilitator\nAsk the room.\n///", "", "S213"),
        ("- c\n", "", "S211"),
        ("## Teaching", "# A second title", "S201"),
    ],
)
def test_each_structure_rule(old: str, new: str, code: str) -> None:
    assert code in structure_codes(BODY.replace(old, new))


def test_takeaways_before_the_knowledge_check_is_an_order_problem() -> None:
    head, _tail = BODY.split("## Key takeaways")
    reordered = head.replace("## Knowledge check", "## Key takeaways\n\n- a\n- b\n- c\n\n## Knowledge check")
    assert "S212" in structure_codes(reordered)


def test_unclosed_fence_is_found() -> None:
    body = model.scan_session_body(["## A", "```python", "x = 1"], first_line=5)
    assert body.unclosed_fence_line == 6


def test_front_matter_keys_keep_their_lines() -> None:
    text = "---\ntitle: X\nschedule:\n  start: '09:00'\n  blocks:\n    - session: a.md\n---\nbody\n"
    _meta, lines, body_start, problems = split_front_matter(text)
    assert problems == []
    assert lines["title"] == 2 and lines["schedule.start"] == 4 and lines["schedule.blocks[1]"] == 6
    assert body_start == 8


def test_invalid_yaml_is_a_problem_with_a_line() -> None:
    _, _, _, problems = split_front_matter("---\ntitle: [unclosed\nowner: x\n---\n")
    assert [p.code for p in problems] == ["F103"]
    assert problems[0].line >= 2


def test_catalog_reports_non_utf8_and_unscheduled_sessions(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "day").mkdir(parents=True)
    (docs / "latin1.md").write_bytes("caf\xe9".encode("latin-1"))
    (docs / "day" / "index.md").write_text(
        "---\ntitle: Day\nkind: day\nday: 1\nsummary: A day.\nschedule:\n  start: '09:00'\n  end: '10:00'\n"
        "  blocks:\n    - break: Coffee\n      minutes: 10\n---\n",
        encoding="utf-8",
    )
    front = "\n".join(
        f"{k}: {v!r}" if k != "objectives" else "objectives:\n" + "\n".join(f"  - id: {o['id']}\n    text: {o['text']}" for o in v)
        for k, v in GOOD_SESSION.items()
        if k != "last_reviewed"
    )
    (docs / "day" / "a.md").write_text(f"---\n{front}\nlast_reviewed: 2026-11-01\n---\n", encoding="utf-8")
    catalog = load_catalog(docs)
    assert [p.code for p in catalog.problems["latin1.md"]] == ["F101"]
    assert [p.code for p in catalog.problems["day/index.md"]] == ["D112"]
    assert "day/a.md" in catalog.sessions


def test_block_options_that_are_not_yaml_are_reported() -> None:
    # pymdownx.blocks reads the options as YAML; on failure the block is left as raw text.
    broken = BODY.replace("    output: a list", "    output: a list: one per hub")
    assert "S214" in structure_codes(broken)
    quoted = BODY.replace("    output: a list", '    output: "a list: one per hub"')
    assert "S214" not in structure_codes(quoted)


def test_a_scheduled_page_with_problems_of_its_own_is_not_reported_again_by_the_schedule(tmp_path: Path) -> None:
    """An invalid session page and an unreadable one each get their own problem, and the day names neither."""
    docs = tmp_path / "docs"
    (docs / "day").mkdir(parents=True)
    (docs / "day" / "index.md").write_text(
        "---\ntitle: Day\nkind: day\nday: 1\nsummary: A day.\nschedule:\n  start: '09:00'\n  end: '10:00'\n"
        "  blocks:\n    - session: bad.md\n    - session: latin1.md\n    - session: missing.md\n---\n",
        encoding="utf-8",
    )
    (docs / "day" / "bad.md").write_text("---\ntitle: Bad\nkind: session\nduration: soon\n---\n", encoding="utf-8")
    (docs / "day" / "latin1.md").write_bytes("---\ntitle: caf\xe9\nkind: session\n---\n".encode("latin-1"))
    catalog = load_catalog(docs)
    assert "S104" in [p.code for p in catalog.problems["day/bad.md"]]
    assert [p.code for p in catalog.problems["day/latin1.md"]] == ["F101"]
    day = catalog.problems["day/index.md"]
    assert [(p.code, p.line) for p in day] == [("D109", 12)]  # only the page that does not exist
    assert "missing.md" in day[0].message


def test_an_overrun_names_every_session_duration_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "day").mkdir(parents=True)
    (docs / "day" / "index.md").write_text(
        "---\ntitle: Day\nkind: day\nday: 1\nsummary: A day.\nschedule:\n  start: '09:00'\n  end: '09:30'\n"
        "  blocks:\n    - session: a.md\n---\n",
        encoding="utf-8",
    )
    front = "\n".join(
        f"{k}: {v!r}" if k != "objectives" else "objectives:\n" + "\n".join(f"  - id: {o['id']}\n    text: {o['text']}" for o in v)
        for k, v in GOOD_SESSION.items()
        if k != "last_reviewed"
    )
    (docs / "day" / "a.md").write_text(f"---\n{front}\nlast_reviewed: 2026-11-01\n---\n", encoding="utf-8")
    (overrun,) = load_catalog(docs).problems["day/index.md"]
    assert (overrun.code, overrun.line) == ("D111", 8)  # the 'end:' line
    assert overrun.message.endswith("the sessions' 'duration' lines: day/a.md:5 (60 min)")
