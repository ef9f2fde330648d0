"""Make the theme's markup valid HTML: each built page passes the W3C Nu HTML checker.

Material 9.8 writes three things the Nu checker rejects on every page. They
cannot be fixed in ``overrides/`` without copying whole Material templates
(``base.html``, ``partials/nav-item.html``), which would then have to be
re-copied on every upgrade, so this module rewrites the finished page,
narrowly: each fix matches only the markup Material writes, and leaves the
page unchanged when a later Material writes something else. Registered in
mkdocs.yml under ``hooks:`` (``on_post_page``); :func:`fix_page` is the pure
function the tests call.
"""

from __future__ import annotations

import re
from typing import Any

#: The empty form that the header's checkbox toggles are attached to
#: (``overrides/partials/curriculum/toolbar.html`` renders it).
TOGGLE_FORM_ID = "cur-toggle-state"
_TOGGLE_FORM = re.compile(rf'<form id="{TOGGLE_FORM_ID}"[^>]*></form>\n?')
_FIRST_TOGGLE = '<input class="md-toggle" data-md-toggle="drawer"'

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*>')
_AUTOCOMPLETE_OFF = ' autocomplete="off"'
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')
_TOC_TITLE = '<label class="md-nav__title" for="__toc">'


def fix_checkbox_autocomplete(html: str) -> str:
    """Nu: 'Attribute autocomplete is only allowed when the input type is ...' (not checkbox).

    Material puts ``autocomplete="off"`` on the hidden checkboxes that open
    the navigation drawer and search, so that Firefox does not restore them
    checked (drawer or search open) when a page is reloaded. The same effect
    is valid HTML on the control's form owner: each such checkbox is attached
    (``form=``) to an empty ``<form autocomplete="off">``, when the page has
    it; otherwise the attribute is only dropped. The form is moved to just
    before the first checkbox: Firefox restores a control's state as the
    parser creates it, so its form owner must already exist then.
    """
    form = _TOGGLE_FORM.search(html)
    owner = ""
    if form and _FIRST_TOGGLE in html:
        html = html[: form.start()] + html[form.end() :]
        html = html.replace(_FIRST_TOGGLE, form.group(0).rstrip("\n") + "\n    " + _FIRST_TOGGLE, 1)
        owner = f' form="{TOGGLE_FORM_ID}"'

    def fix(match: re.Match[str]) -> str:
        return match.group(0).replace(_AUTOCOMPLETE_OFF, owner, 1)

    return _CHECKBOX.sub(fix, html)


def fix_empty_tabindex(html: str) -> str:
    """Nu: 'Bad value "" for attribute tabindex on element label'.

    Material's ``nav-item.html`` writes ``tabindex=""`` on a section's label
    when the label should not be focusable. Browsers ignore an empty value,
    so removing it changes nothing for readers and makes the markup valid.
    """
    return _EMPTY_TABINDEX.sub(r"\1", html)


def fix_orphan_toc_label(html: str) -> str:
    """Nu: 'The value of the for attribute of the label element must be the ID of a non-hidden form control'.

    The table of contents' title is a ``<label for="__toc">``; the ``__toc``
    checkbox it toggles exists only where the page has a navigation entry of
    its own (not on a section's index page). Where it is missing the label
    controls nothing, so it loses the ``for``.
    """
    if 'id="__toc"' in html:
        return html
    return html.replace(_TOC_TITLE, '<label class="md-nav__title">')


def fix_page(html: str) -> str:
    """Every fix above, in order."""
    for fix in (fix_checkbox_autocomplete, fix_empty_tabindex, fix_orphan_toc_label):
        html = fix(html)
    return html


def on_post_page(output: str, page: Any, config: Any) -> str:
    """MkDocs hook: the finished page, made valid."""
    return fix_page(output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """MkDocs hook: the theme's static pages (404.html) are not pages, so they come here."""
    return fix_page(output_content) if template_name.endswith(".html") else output_content
