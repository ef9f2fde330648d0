"""scripts/bench.py: how a noisy Lighthouse score is summarised (the rest is measurement).

Lighthouse's performance score moves by several points between runs on a
shared machine; the benchmark reports the run with the median score and the
range, and a page whose runs all failed as failed, never as a score.
"""

from __future__ import annotations

import importlib.util

from sitebuild import ROOT

spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
bench = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
spec.loader.exec_module(bench)  # type: ignore[union-attr]

SCORES = {"accessibility": 100, "best-practices": 100, "seo": 100, "tbt": 120.0, "lcp": 1500.0, "failed": []}


def test_the_median_run_is_reported_with_the_range_and_failures_are_left_out() -> None:
    runs = [{**SCORES, "performance": 80}, {"error": "timed out after 240 s"}, {**SCORES, "performance": 93}, {**SCORES, "performance": 88}]
    chosen = bench.median_run(runs)
    assert chosen["performance"] == 88 and chosen["runs"] == 3 and chosen["spread"] == "80–93"


def test_a_page_whose_runs_all_failed_stays_failed() -> None:
    assert bench.median_run([{"error": "a"}, {"error": "b"}]) == {"error": "b"}


def test_the_table_marks_a_median_under_budget_and_a_failed_page() -> None:
    rows = [
        {"page": "/", "preset": "mobile", **bench.median_run([{**SCORES, "performance": p} for p in (95, 89, 97)])},
        {"page": "/x/", "preset": "desktop", **bench.median_run([{**SCORES, "performance": p} for p in (97, 99, 96)])},
        {"page": "/y/", "preset": "mobile", "error": "no page"},
    ]
    table = bench.table_lighthouse(rows).splitlines()
    assert "median performance of 3" in table[0]
    assert table[4].startswith("| `/` | mobile | 95 | 89–97 |") and table[4].endswith("| ok |  |")
    assert "| `/x/` | desktop | 97 | 96–99 |" in table[5] and "**over budget**" in table[5]
    assert "run failed: no page" in table[6] and "**not measured**" in table[6]
