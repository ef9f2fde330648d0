"""The Day 2 lab: its data, its reference solution, and the answer forms in the page.

The reference solution (curriculum.lab) must reproduce the reviewed answer key
from the shipped files; the starter scripts run on the standard library alone;
a missing or broken data file, or a stated answer the solution does not
reproduce, stops the build with one line naming the file and line. In the
browser, the page accepts the reference answers and rejects a wrong one,
passes axe in both palettes, and prints as a worksheet.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from axerun import axe_results
from curriculum import lab
from sitebuild import ROOT, build, copy_fixture

DATA = ROOT / "docs" / "day-2" / "lab"
LAB = "/day-2/lab/"


def test_the_reference_solution_reproduces_the_answer_key_from_the_shipped_files() -> None:
    key = lab.answer_key(DATA)
    stated = json.loads((DATA / lab.ANSWER_KEY).read_text(encoding="utf-8"))
    assert key == stated
    lab.check_stated(DATA, key)  # raises on any difference
    # The teaching the files were written for.
    assert key["orders.FF-20484.status"] == "out_for_delivery", "the late event must not win"
    assert key["orders.duplicate_events"] and key["orders.late_events"]
    assert key["orders.FF-20483.status"] == "cancelled"
    assert key["supplier.decision"] == "reject-file" and len(key["supplier.misplaced_columns"]) == 2
    assert len(key["supplier.invalid_row_lines"]) == 1
    assert len(key["erasure.customer_ids"]) == 2, "the second account differs only by capitals"
    assert "special" in {v for k, v in key.items() if k.startswith("customers.class.")}


@pytest.mark.parametrize("script", ["orders_state.py", "check_supplier.py", "erasure_scope.py"])
def test_starter_scripts_run_on_the_standard_library_alone(script: str, tmp_path: Path) -> None:
    for path in DATA.iterdir():
        if path.name != lab.ANSWER_KEY:
            shutil.copy(path, tmp_path)
    # -I -S: no site-packages, no environment; only what a fresh Python has.
    result = subprocess.run([sys.executable, "-I", "-S", script], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def _copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "lab"
    shutil.copytree(DATA, folder)
    return folder


def test_a_missing_or_broken_file_or_a_wrong_stated_answer_is_one_line(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    (folder / lab.CUSTOMERS).unlink()
    with pytest.raises(lab.LabError) as missing:
        lab.answer_key(folder)
    assert (missing.value.path.name, missing.value.line, missing.value.code) == ("customers.csv", 1, "Q201")

    folder = _copy_data(tmp_path / "b")
    lines = (folder / lab.ORDERS).read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4][:-5]
    (folder / lab.ORDERS).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(lab.LabError) as broken:
        lab.answer_key(folder)
    assert (broken.value.path.name, broken.value.line, broken.value.code) == ("orders-cdc.jsonl", 5, "Q202")
    assert "\n" not in str(broken.value)

    folder = _copy_data(tmp_path / "c")
    stated = (folder / lab.ANSWER_KEY).read_text(encoding="utf-8")
    (folder / lab.ANSWER_KEY).write_text(
        stated.replace('"supplier.decision": "reject-file"', '"supplier.decision": "load"'), encoding="utf-8"
    )
    with pytest.raises(lab.LabError) as wrong:
        lab.check_stated(folder, lab.answer_key(folder))
    line = next(n for n, raw in enumerate(stated.splitlines(), start=1) if "supplier.decision" in raw)
    assert (wrong.value.line, wrong.value.code) == (line, "Q203")
    assert 'supplier.decision = "load"' in wrong.value.message and '"reject-file"' in wrong.value.message


def test_a_bad_lab_file_fails_the_build_and_the_checker_with_file_and_line(tmp_path: Path) -> None:
    from curriculum.checker.cli import check

    config = copy_fixture("practice", tmp_path / "source")
    docs = tmp_path / "source" / "docs"
    (docs / "day-3" / "lab.md").write_text("---\ntitle: Lab\n---\n\n# Lab\n\n<!-- cur:lab-task orders -->\n", encoding="utf-8")
    folder = docs / "day-3" / "lab"
    shutil.copytree(DATA, folder)
    config.write_text(config.read_text(encoding="utf-8") + "      - day-3/lab.md\n", encoding="utf-8")
    assert build(config, tmp_path / "good").returncode == 0
    with (folder / lab.SUPPLIER).open("a", encoding="utf-8") as handle:
        handle.write("GV-1040,Butter 250g,2.10\n")  # a row with too few fields, line 9
    result = build(config, tmp_path / "site")
    assert result.returncode != 0
    assert any("docs/day-3/lab/supplier-prices.csv:9: Q202 row has 3 fields, the header 5" in w for w in result.warnings), result.output
    assert "Traceback" not in result.output
    _, findings = check(config)
    assert ("Q202", "docs/day-3/lab/supplier-prices.csv", 9) in {(f.code, f.path, f.line) for f in findings}


# --------------------------------------------------------------------------
# In the browser (the real site)
# --------------------------------------------------------------------------


def _fill(page, task: str, answers: dict[str, object]) -> None:
    form = page.locator(f"form[data-cur-lab-task={task}]")
    for name, value in answers.items():
        field = form.locator(f'[data-cur-lab-field="{name}"]')
        kind = field.get_attribute("data-cur-lab-kind")
        if kind == "checks":
            for box in field.locator("input[type=checkbox]").all():
                box.set_checked(box.get_attribute("value") in [str(v) for v in value])  # type: ignore[attr-defined]
        elif kind == "choice":
            field.locator("select").select_option(str(value))
        else:
            field.locator("input").fill(", ".join(map(str, value)) if isinstance(value, list) else str(value))


def _key(page, task: str) -> dict[str, object]:
    return json.loads(page.locator(f"form[data-cur-lab-task={task}] .cur-lab-task__key").text_content())


def test_the_page_accepts_the_reference_answers_and_rejects_a_wrong_one(site, page) -> None:
    page.goto(site.url(LAB))
    key = lab.answer_key(DATA)
    for task in ("orders", "supplier", "customers", "erasure"):
        answers = _key(page, task)
        assert answers == {name: key[name] for name in answers}, "the page's key is the reference solution's"
        _fill(page, task, answers)
        form = page.locator(f"form[data-cur-lab-task={task}]")
        form.get_by_role("button", name="Check my answers").click()
        page.wait_for_function("f => f.querySelector('.cur-lab-task__status').textContent.length > 0", arg=form.element_handle())
        assert (
            form.locator(".cur-lab-task__status").inner_text()
            == f"{len(answers)} of {len(answers)} answers right. Well done: this task is complete."
        )
    form = page.locator("form[data-cur-lab-task=orders]")
    count = len(_key(page, "orders"))
    # The naive answer: the last line read wins.
    _fill(page, "orders", {"orders.FF-20484.status": "picked", "orders.total_not_cancelled_gbp": "£134.55"})
    form.get_by_role("button", name="Check my answers").click()
    page.wait_for_function(
        "([f, text]) => f.querySelector('.cur-lab-task__status').textContent.startsWith(text)",
        arg=[form.element_handle(), f"{count - 1} of {count} answers right."],
    )
    wrong = form.locator('[data-cur-lab-field="orders.FF-20484.status"] .cur-lab-field__result')
    assert wrong.inner_text() == "Not right"
    money = form.locator('[data-cur-lab-field="orders.total_not_cancelled_gbp"] .cur-lab-field__result')
    assert money.inner_text() == "Right", "a pound sign is accepted"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_lab_passes_axe(site, context_factory, scheme: str) -> None:

    context, _ = context_factory(site.origin, color_scheme=scheme)
    page = context.new_page()
    page.goto(site.url(LAB))
    _fill(page, "orders", {"orders.FF-20484.status": "picked", "orders.FF-20481.status": "delivered"})
    page.locator("form[data-cur-lab-task=orders]").get_by_role("button", name="Check my answers").click()
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_lab_prints_as_a_worksheet(site, page) -> None:
    page.goto(site.url(LAB))
    form = page.locator("form[data-cur-lab-task=orders]")
    _fill(page, "orders", {"orders.FF-20484.status": "picked"})
    form.get_by_role("button", name="Check my answers").click()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert form.locator("select").first.is_visible(), "the answer boxes print"
    for selector in (
        ".cur-lab-field__result",
        ".cur-lab-task__actions",
        ".cur-lab-task__status",
        ".cur-solution__body",
        ".cur-lab-solution",
    ):
        shown = page.locator(selector).evaluate_all("els => els.filter(el => el.checkVisibility()).length")
        assert shown == 0, f"{selector} prints"


def test_the_lab_data_is_downloadable_from_the_page(site) -> None:
    html = (site.root / "day-2" / "lab" / "index.html").read_text(encoding="utf-8")
    for name in (*lab.DATA_FILES, "orders_state.py", "check_supplier.py", "erasure_scope.py"):
        assert f'href="../lab/{name}"' in html or f'href="{name}"' in html, name
        assert (site.root / "day-2" / "lab" / name).is_file(), name
    assert not (site.root / "day-2" / "lab" / lab.ANSWER_KEY).exists(), "the reviewed key is not shipped"
