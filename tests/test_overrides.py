"""Theme files copied from Material stay copies of the installed Material.

``overrides/partials/search.html`` is Material's search partial with one
change: the search dialog gets an accessible name (axe rule
aria-dialog-name, WCAG 4.1.2). When a Material upgrade changes the original,
this test fails, so the copy is re-made from the new original instead of
silently keeping the old markup.
"""

from __future__ import annotations

import re
from pathlib import Path

import material

from sitebuild import ROOT

HEADER_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)
#: The one intended difference: the dialog's accessible name.
DIALOG_NAME = """ role="dialog" aria-label="{{ lang.t('search') }}">"""


def material_partial(name: str) -> str:
    return (Path(material.__file__).parent / "templates" / "partials" / name).read_text(encoding="utf-8")


def test_search_partial_is_materials_plus_the_dialog_name() -> None:
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    original = material_partial("search.html")
    assert ours.count(DIALOG_NAME) == 1, "the copy no longer names the search dialog"
    assert HEADER_COMMENT.sub("", ours.replace(DIALOG_NAME, ' role="dialog">')) == HEADER_COMMENT.sub("", original), (
        "Material's partials/search.html differs from the copy in overrides/: copy the installed original again and re-add "
        "the dialog's aria-label"
    )
