"""Material's table rules restated for the built tables (scripts/curriculum/table_styles.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum import table_styles

SAMPLE = (
    '/* a comment { with braces } */@charset "utf-8";'
    ".md-typeset table:not([class]){display:inline-block;border:.05rem solid var(--x)}"
    ".md-typeset p{margin:0}"
    "@media print{.md-typeset table:not([class]){display:table}.md-typeset p{color:red}}"
    "@media screen{.md-typeset h1{margin:0}}"
    ".md-typeset table:not([class]) td>:first-child,.md-typeset table:not([class]) th>:first-child{margin-top:0}"
)


def test_only_the_rules_naming_material_s_table_selector_are_restated_in_order() -> None:
    assert table_styles.table_rules(SAMPLE) == (
        ".md-typeset table.cur-table {\n  display: inline-block;\n  border: .05rem solid var(--x);\n}\n"
        "@media print {\n  .md-typeset table.cur-table {\n    display: table;\n  }\n}\n"
        ".md-typeset table.cur-table td>:first-child,\n.md-typeset table.cur-table th>:first-child {\n  margin-top: 0;\n}\n"
    )


def test_the_site_stylesheet_holds_the_installed_materials_rules() -> None:
    material = table_styles.table_rules(table_styles.material_stylesheet().read_text(encoding="utf-8"))
    assert material.count("{") >= 10, "Material's stylesheet no longer names table:not([class]): see DECISIONS.md 11"
    block = table_styles.current_block(table_styles.STYLESHEET.read_text(encoding="utf-8"))
    assert block is not None, f"{table_styles.STYLESHEET}: the BEGIN/END markers of the table rules are missing"
    assert block == material, (
        f"{table_styles.STYLESHEET}: the table rules differ from the installed Material's; "
        "run .venv/bin/python scripts/curriculum/table_styles.py --write"
    )


def test_write_replaces_only_what_is_between_the_markers(tmp_path: Path) -> None:
    sheet = tmp_path / "curriculum.css"
    sheet.write_text(f"a {{ b: c; }}\n{table_styles.BEGIN}\nold\n{table_styles.END}\nd {{ e: f; }}\n", encoding="utf-8")
    table_styles.write(sheet, "new {\n}\n")
    assert sheet.read_text(encoding="utf-8") == f"a {{ b: c; }}\n{table_styles.BEGIN}\nnew {{\n}}\n{table_styles.END}\nd {{ e: f; }}\n"
    assert table_styles.current_block(sheet.read_text(encoding="utf-8")) == "new {\n}\n"


def test_write_without_the_markers_says_which_lines_to_add(tmp_path: Path) -> None:
    sheet = tmp_path / "curriculum.css"
    sheet.write_text("a { b: c; }\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        table_styles.write(sheet, "new {}\n")
    assert "the markers are missing" in str(stop.value) and table_styles.BEGIN in str(stop.value)
