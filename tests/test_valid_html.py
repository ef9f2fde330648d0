"""The theme's markup made valid HTML (scripts/curriculum/valid_html.py).

The W3C Nu HTML checker itself needs Java and an npm package, so it runs in
``scripts/bench.py --only html`` (README, "Accessibility and speed"); these
tests hold each fix to the markup Material writes and check the built site
for the three errors the checker found, so CI catches a regression without
Java.
"""

from __future__ import annotations

import re

from curriculum.valid_html import TOGGLE_FORM_ID, fix_checkbox_autocomplete, fix_empty_tabindex, fix_orphan_toc_label, fix_page

# Material 9.8.1's markup, as built.
TOGGLES = (
    '<body dir="ltr">\n'
    '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
)
SEARCH_INPUT = '<input type="text" class="md-search__input" name="query" autocomplete="off" required>'
FORM = f'<form id="{TOGGLE_FORM_ID}" autocomplete="off" hidden></form>\n'


def test_checkboxes_are_attached_to_the_autocomplete_off_form_placed_before_them() -> None:
    html = fix_checkbox_autocomplete(TOGGLES + "<header>" + FORM + "</header>" + SEARCH_INPUT)
    assert html.count('autocomplete="off"') == 2, "only the form's and the text input's remain"
    assert SEARCH_INPUT in html
    assert html.count(f'form="{TOGGLE_FORM_ID}"') == 2
    assert html.index(f'<form id="{TOGGLE_FORM_ID}"') < html.index('id="__drawer"'), "Firefox needs the form owner before the control"
    assert html.count(f'<form id="{TOGGLE_FORM_ID}"') == 1


def test_without_the_form_the_attribute_is_only_dropped() -> None:
    html = fix_checkbox_autocomplete(TOGGLES)
    assert "autocomplete" not in html and "form=" not in html
    assert 'type="checkbox" id="__drawer">' in html


def test_an_empty_tabindex_is_removed_and_a_real_one_kept() -> None:
    html = '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">x</label><label tabindex="0">y</label>'
    assert fix_empty_tabindex(html) == '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">x</label><label tabindex="0">y</label>'


def test_the_toc_title_loses_for_only_where_no_toc_checkbox_exists() -> None:
    label = '<label class="md-nav__title" for="__toc">'
    assert fix_orphan_toc_label(label) == '<label class="md-nav__title">'
    with_toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + label
    assert fix_orphan_toc_label(with_toggle) == with_toggle


def test_other_markup_is_left_alone() -> None:
    html = '<p title="x" tabindex="-1">text</p><input type="email" autocomplete="off"><label for="__drawer"></label>'
    assert fix_page(html) == html


def test_no_built_page_has_the_three_errors_the_nu_checker_found(site) -> None:
    pages = sorted(site.root.rglob("*.html"))
    assert any(p.name == "404.html" for p in pages), "the 404 page is checked too"
    for path in pages:
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(site.root).as_posix()
        checkbox_autocomplete = [m for m in re.findall(r"<input\b[^>]*>", html) if 'type="checkbox"' in m and "autocomplete" in m]
        assert not checkbox_autocomplete, f"{name}: {checkbox_autocomplete[0]}"
        assert 'tabindex=""' not in html, name
        if 'id="__toc"' not in html:
            assert 'for="__toc"' not in html, name
        assert html.index(f'<form id="{TOGGLE_FORM_ID}"') < html.index('id="__drawer"'), name
        assert html.count(f'form="{TOGGLE_FORM_ID}"') == 2, name
