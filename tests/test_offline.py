"""The offline copy.

scripts/build_offline.py builds a zip; unpacked, it opens from file:// with
search returning results and diagrams rendering, and the browser makes no
request other than file:// (the context refuses and records any other).
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from featurepages import session_with
from sitebuild import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("offline")
    output = root / "copy.zip"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_offline.py"), str(output)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(output) as archive:
        archive.extractall(root / "unpacked")
    yield root / "unpacked" / "onboarding-offline"


def test_zip_holds_plain_html_pages_and_no_remote_scripts(offline_copy: Path) -> None:
    assert (offline_copy / "index.html").is_file()
    assert (offline_copy / "search" / "search_index.js").is_file()
    for html in offline_copy.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        # What a page loads (scripts, stylesheets, images); <link rel="canonical"> only names the page.
        remote = re.findall(r'<script[^>]+src="(https?:[^"]+)"', text)
        remote += re.findall(r'<link[^>]+rel="(?:stylesheet|preload|icon)"[^>]+href="(https?:[^"]+)"', text)
        remote += re.findall(r'<img[^>]+src="(https?:[^"]+)"', text)
        assert not remote, f"{html.name}: {remote}"
        assert "unpkg.com" not in text
    # From file:// a page cannot fetch a diagram's file: the whole-day page keeps its diagrams in it.
    whole_day = (offline_copy / "day-2" / "whole-day.html").read_text(encoding="utf-8")
    assert "shadowrootmode" in whole_day and "data-cur-diagram=" not in whole_day
    assert "iframe-worker" in (offline_copy / "index.html").read_text(encoding="utf-8"), "search from file:// needs the shim"


def test_offline_copy_searches_and_draws_with_no_network(offline_copy: Path, context_factory) -> None:
    context, traffic = context_factory("file://")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    session = session_with("```mermaid").removesuffix(".md") + ".html"
    page.goto((offline_copy / session).as_uri())
    page.wait_for_function(
        "[...document.querySelectorAll('.mermaid')].length > 0 && [...document.querySelectorAll('.mermaid')]"
        ".every(h => h.shadowRoot && h.shadowRoot.querySelector('svg'))",
        timeout=20_000,
    )
    page.keyboard.press("/")
    page.keyboard.type("pipeline")
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    assert page.locator(".md-search-result__item").count() > 0
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert first and ".html" in first  # links work without a server
    assert not errors, errors
    assert traffic.requested, "no requests were seen at all"
    assert all(url.startswith("file://") for url in traffic.requested), [u for u in traffic.requested if not u.startswith("file://")]
    assert not traffic.offsite


def test_offline_copy_holds_the_lab_data_and_checks_answers_from_disk(offline_copy: Path, context_factory) -> None:
    from curriculum import lab

    folder = offline_copy / "day-2" / "lab"
    for name in (*lab.DATA_FILES, "orders_state.py", "check_supplier.py", "erasure_scope.py"):
        assert (folder / name).is_file(), name
    assert not (folder / lab.ANSWER_KEY).exists()
    context, traffic = context_factory("file://")
    page = context.new_page()
    page.goto((offline_copy / "day-2" / "lab.html").as_uri())
    href = page.locator("a", has_text="orders-cdc.jsonl").first.get_attribute("href")
    assert href == "lab/orders-cdc.jsonl"
    form = page.locator("form[data-cur-lab-task=orders]")
    form.locator('[data-cur-lab-field="orders.FF-20484.status"] select').select_option("out_for_delivery")
    form.get_by_role("button", name="Check my answers").click()
    result = form.locator('[data-cur-lab-field="orders.FF-20484.status"] .cur-lab-field__result')
    page.wait_for_function("el => el.textContent === 'Right'", arg=result.element_handle())
    assert all(url.startswith("file://") for url in traffic.requested)
