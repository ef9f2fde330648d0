"""The site's own stylesheets and scripts served as one file each (scripts/curriculum/asset_bundles.py)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from curriculum import asset_bundles
from curriculum.asset_bundles import SCRIPT, STYLESHEET, defer_bundle, join_scripts, join_stylesheets, problems
from sitebuild import ROOT


def test_a_script_that_throws_while_starting_does_not_stop_the_next(browser: Any) -> None:
    joined = join_scripts(
        [
            ("first.js", "(function () { window.order = ['first']; })();"),
            ("broken.js", "(function () { window.order.push('broken'); throw new Error('broken.js failed'); })();"),
            ("last.js", "(function () { window.order.push('last'); })();"),
        ]
    )
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.set_content(f"<!doctype html><title>t</title><script>{joined}</script>")
        page.wait_for_timeout(50)
        assert page.evaluate("window.order") == ["first", "broken", "last"]
        assert any("broken.js failed" in error for error in errors), "the error still reaches the console"
    finally:
        page.close()


def test_joined_files_keep_their_order_and_say_where_they_came_from() -> None:
    css = join_stylesheets([("a.css", "a { color: red; }\n"), ("b.css", "b { color: blue; }")])
    assert css.index("/* a.css */") < css.index("a { color: red; }") < css.index("/* b.css */") < css.index("b { color: blue; }")
    assert "asset_bundles.py" in css.splitlines()[0], "the first line says the file is built"


def test_every_entry_that_cannot_be_joined_is_named_with_its_fix(tmp_path: Path) -> None:
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "other").mkdir(parents=True)
    (tmp_path / "assets" / "stylesheets" / "good.css").write_text("a { background: url(x.png); }", encoding="utf-8")
    (tmp_path / "assets" / "stylesheets" / "import.css").write_text('@import "x.css";', encoding="utf-8")
    (tmp_path / "assets" / "other" / "away.css").write_text("a { background: url(x.png); }", encoding="utf-8")
    (tmp_path / "assets" / "other" / "data.css").write_text("a { background: url(data:image/png;base64,AA); }", encoding="utf-8")
    (tmp_path / "ok.js").write_text("", encoding="utf-8")
    deferred = SimpleNamespace(path="ok.js", defer=True, async_=False, type="")
    found = problems(
        tmp_path,
        [
            "assets/stylesheets/good.css",
            "https://cdn.example/x.css",
            "assets/stylesheets/import.css",
            "assets/other/away.css",
            "assets/other/data.css",
        ],
        ["ok.js", deferred, "missing.js", "//cdn.example/x.js"],
    )
    entries = [entry for entry, _ in found]
    assert entries == [
        "https://cdn.example/x.css",
        "assets/stylesheets/import.css",
        "assets/other/away.css",
        "ok.js",
        "missing.js",
        "//cdn.example/x.js",
    ]
    fixes = [text for _, text in found]
    assert "vendor it under docs/assets/" in fixes[0]
    assert "copy the rules in instead" in fixes[1]
    assert "move it to assets/stylesheets/" in fixes[2]
    assert "has defer" in fixes[3] and "overrides/" in fixes[3]
    assert "fix the path or remove the entry" in fixes[4]
    assert "air-gapped" in fixes[5]


def test_a_bad_entry_stops_the_build_with_one_line_naming_mkdocs_yml_and_the_line(tmp_path: Path) -> None:
    (tmp_path / "docs" / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "docs" / "assets" / "javascripts" / "a.js").write_text("", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nextra_javascript:\n  - assets/javascripts/a.js\n  - assets/javascripts/missing.js\n  - assets/javascripts/gone.js\n",
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError) as raised:
        asset_bundles.on_config(config)
    message = str(raised.value)
    assert "\n" not in message
    assert message == (
        "mkdocs.yml:4: extra_javascript entry 'assets/javascripts/missing.js' is not a file under docs/: "
        "fix the path or remove the entry (and 1 more)"
    )


def test_the_built_site_loads_the_joined_files_alone_and_they_hold_every_listed_file(site: Any) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    stylesheets = [str(entry) for entry in config.extra_css]
    scripts = [str(getattr(entry, "path", entry)) for entry in config.extra_javascript]
    assert len(stylesheets) > 1 and len(scripts) > 1
    docs = ROOT / "docs"
    assert (site.root / STYLESHEET).read_text(encoding="utf-8") == join_stylesheets(
        [(Path(path).name, (docs / path).read_text(encoding="utf-8")) for path in stylesheets]
    )
    assert (site.root / SCRIPT).read_text(encoding="utf-8") == join_scripts(
        [(Path(path).name, (docs / path).read_text(encoding="utf-8")) for path in scripts]
    )
    for path in stylesheets + scripts:
        assert not (site.root / path).exists(), f"{path} is in site.css or site.js; the site should not carry it twice"
    for page in site.html_pages():
        html = (site.root / page.lstrip("/") / "index.html").read_text(encoding="utf-8")
        own_links = re.findall(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/([^"/]+)"', html)
        own_scripts = re.findall(r'<script src="[^"]*assets/javascripts/([^"/]+)"', html)
        assert own_links.count("site.css") == 1 and not set(own_links) & {Path(p).name for p in stylesheets}, page
        assert own_scripts.count("site.js") == 1 and not set(own_scripts) & {Path(p).name for p in scripts}, page


def test_materials_bundle_is_deferred_and_a_changed_tag_is_found() -> None:
    tag = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    assert defer_bundle(f"<body>{tag}</body>") == '<body><script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script></body>'
    assert defer_bundle("<body><script src='bundle.js'></script></body>") is None, "a tag Material changed is reported"


def test_every_page_runs_the_bundle_then_the_site_script_deferred(site: Any) -> None:
    for page in [*site.html_pages(), "/404.html"]:
        html = (
            (site.root / page.lstrip("/")).read_text(encoding="utf-8")
            if page.endswith(".html")
            else (site.root / page.lstrip("/") / "index.html").read_text(encoding="utf-8")
        )
        tags = re.findall(r'<script src="[^"]*/(bundle\.[0-9a-f]+\.min\.js|site\.js|diagrams\.js)"( defer)?></script>', html)
        names = [name.split(".")[0] for name, _ in tags]
        assert names[:2] == ["bundle", "site"] and all(deferred for _, deferred in tags), (page, tags)


def test_no_inline_script_uses_what_the_deferred_bundle_defines(site: Any) -> None:
    """Inline scripts run while the page is parsed, before the deferred bundle: only Material's head helpers."""
    for page in site.html_pages():
        html = (site.root / page.lstrip("/") / "index.html").read_text(encoding="utf-8")
        for attributes, body in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", html, flags=re.DOTALL):
            if "json" in attributes:
                continue
            assert not re.search(r"[A-Za-z_]\w*\$", body), (page, body[:120])
