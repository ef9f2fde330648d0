"""Material's table rules, restated for tables the build has already wrapped.

Material styles a Markdown table by the selector ``table:not([class])`` and,
once the page has loaded, moves each such table into a scrolling wrapper. On
a long page that move is the most expensive thing the bundle does at start-up:
every row leaves the layout and comes back. The site builds its tables inside
that wrapper already (:mod:`curriculum.script_boxes`) with
``class="cur-table"``, which the bundle leaves where it is; this module
restates Material's table rules for that class, from the installed theme's own
stylesheet, so that a wrapped table looks exactly as Material would draw it.

The rules live in ``docs/assets/stylesheets/curriculum.css`` between two
marker comments, so a reader sees them where the site's styles are; the test
suite derives them again from the installed Material and fails, naming this
command, when the two differ (after a Material upgrade)::

    .venv/bin/python scripts/curriculum/table_styles.py --write
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import material

#: Material's selector for a Markdown table, and the class the built tables carry instead.
MATERIAL_SELECTOR = "table:not([class])"
TABLE_CLASS = "cur-table"

BEGIN = "/* BEGIN Material's table rules for table.cur-table (scripts/curriculum/table_styles.py --write; do not edit) */"
END = "/* END Material's table rules */"

STYLESHEET = Path(__file__).resolve().parents[2] / "docs" / "assets" / "stylesheets" / "curriculum.css"


def material_stylesheet() -> Path:
    """The installed Material's main stylesheet (its name carries a content hash)."""
    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    found = sorted(folder.glob("main.*.min.css"))
    if len(found) != 1:
        raise SystemExit(f"{folder}: expected one main.*.min.css, found {len(found)}; reinstall mkdocs-material")
    return found[0]


def _blocks(css: str) -> list[tuple[str, str]]:
    """Top-level ``(prelude, body)`` pairs of a minified stylesheet, comments removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    blocks: list[tuple[str, str]] = []
    depth = 0
    start = 0
    prelude = ""
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude = css[start:index].strip()
                start = index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append((prelude, css[start:index]))
                start = index + 1
        elif char == ";" and depth == 0:
            start = index + 1  # a statement such as @charset or @import
    return blocks


def _rule(selector: str, body: str, indent: str = "") -> str:
    selectors = ",\n".join(indent + part.replace(MATERIAL_SELECTOR, f"table.{TABLE_CLASS}") for part in selector.split(","))
    declarations = "".join(
        f"{indent}  {name.strip()}: {value.strip()};\n" for name, _, value in (part.partition(":") for part in body.split(";") if part)
    )
    return f"{selectors} {{\n{declarations}{indent}}}\n"


def table_rules(css: str) -> str:
    """Every rule of ``css`` that names ``table:not([class])``, restated for ``table.cur-table``.

    Rules keep their order and their media queries, so the cascade among them is
    Material's; only the one selector changes, and its specificity with it stays
    the same (a class counts as much as an attribute test).
    """
    out: list[str] = []
    for prelude, body in _blocks(css):
        if prelude.startswith("@media"):
            inner = [_rule(selector, rule, "  ") for selector, rule in _blocks(body) if MATERIAL_SELECTOR in selector]
            if inner:
                out.append(f"{prelude} {{\n{''.join(inner)}}}\n")
        elif MATERIAL_SELECTOR in prelude and not prelude.startswith("@"):
            out.append(_rule(prelude, body))
    return "".join(out)


def current_block(stylesheet: str) -> str | None:
    """The rules between the markers in the site's stylesheet, or None when the markers are missing."""
    begin = stylesheet.find(BEGIN)
    end = stylesheet.find(END)
    if begin < 0 or end < begin:
        return None
    return stylesheet[begin + len(BEGIN) : end].strip("\n") + "\n"


def write(stylesheet_path: Path, rules: str) -> None:
    text = stylesheet_path.read_text(encoding="utf-8")
    if current_block(text) is None:
        raise SystemExit(f"{stylesheet_path}: the markers are missing; add these two lines where the rules belong:\n{BEGIN}\n{END}")
    begin = text.index(BEGIN) + len(BEGIN)
    end = text.index(END)
    stylesheet_path.write_text(text[:begin] + "\n" + rules + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"replace the rules between the markers in {STYLESHEET.name}")
    args = parser.parse_args(argv)
    rules = table_rules(material_stylesheet().read_text(encoding="utf-8"))
    if args.write:
        write(STYLESHEET, rules)
        print(f"{STYLESHEET}: Material's table rules written ({rules.count('{') - rules.count('@media')} rules)")
    else:
        sys.stdout.write(rules)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
