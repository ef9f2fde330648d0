"""The palette (overrides/partials/javascripts/palette.html): applied while the header is parsed,
switched by its toggle, and kept in Material's own storage key, as Material's component did."""

from __future__ import annotations

from typing import Any

SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"
SHOWN = "() => [...document.querySelectorAll('[data-cur-palette] label')].filter(l => !l.hidden).map(l => l.htmlFor)"
METAS = """() => ({
  scheme: document.querySelector('meta[name=color-scheme]').content,
  theme: document.querySelector('meta[name=theme-color]').content,
  header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
})"""


def _stored(page) -> Any:
    """Material's "__palette" entry, whatever the scope prefix (the site's base path)."""
    return page.evaluate(
        "() => { const k = Object.keys(localStorage).find(k => k.endsWith('.__palette')); return k ? JSON.parse(localStorage.getItem(k)) : null; }"
    )


def _hex(rgb: str) -> str:
    return "#" + "".join(f"{int(part):02x}" for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])


def test_the_first_palette_follows_the_system_and_nothing_is_stored_until_the_reader_chooses(site, page_factory) -> None:
    for system, expected, scheme in (("light", "default", "light"), ("dark", "slate", "dark")):
        page = page_factory(site.origin, color_scheme=system)
        page.goto(site.url("/"), wait_until="load")
        assert page.evaluate(SCHEME) == expected, f"system {system}"
        assert page.evaluate(SHOWN) == ["__palette_1"], "the automatic palette's button shows"
        assert _stored(page) is None
        metas = page.evaluate(METAS)
        assert metas["scheme"] == scheme and metas["theme"] == _hex(metas["header"]), metas
        assert page.locator("[data-md-component=palette]").count() == 0, "Material's palette component must not mount"
        page.emulate_media(color_scheme="light" if system == "dark" else "dark")  # the system changes
        page.wait_for_function(f"() => document.body.getAttribute('data-md-color-scheme') !== '{expected}'")


def test_the_toggle_cycles_the_palettes_and_the_choice_is_kept(site, page_factory) -> None:
    page = page_factory(site.origin, color_scheme="light")
    page.goto(site.url("/"), wait_until="load")
    # automatic -> light -> dark -> automatic (palettes 0, 1, 2 of mkdocs.yml), one click each.
    page.locator("label[for='__palette_1']").click()
    assert page.evaluate(SCHEME) == "default" and page.evaluate(SHOWN) == ["__palette_2"]
    assert _stored(page)["index"] == 1
    page.locator("label[for='__palette_2']").click()
    assert page.evaluate(SCHEME) == "slate" and page.evaluate(SHOWN) == ["__palette_0"]
    assert page.evaluate(METAS)["scheme"] == "dark"
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    page.goto(site.url("/day-2/"), wait_until="load")  # another page: the choice holds
    assert page.evaluate(SCHEME) == "slate" and page.evaluate(SHOWN) == ["__palette_0"]
    page.locator("label[for='__palette_0']").click()
    assert page.evaluate(SCHEME) == "default", "back to automatic, on a light system"
    assert _stored(page)["index"] == 0


def test_a_stored_choice_applies_before_the_first_paint(site, page_factory) -> None:
    page = page_factory(site.origin, color_scheme="light")
    page.goto(site.url("/"), wait_until="load")
    page.locator("label[for='__palette_1']").click()
    page.locator("label[for='__palette_2']").click()  # dark, stored
    # Set before the article is parsed, so no content is ever painted in the other palette.
    page.add_init_script(
        """new MutationObserver((records, observer) => {
             if (document.querySelector('article')) {
               window.__schemeAtArticle = document.body.getAttribute('data-md-color-scheme');
               observer.disconnect();
             }
           }).observe(document, {childList: true, subtree: true});"""
    )
    page.goto(site.url("/day-2/lifecycle/"), wait_until="load")
    assert page.evaluate("window.__schemeAtArticle") == "slate"
