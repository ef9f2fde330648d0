"""The ```mermaid fence: the source escaped, and labels that render as written.

Two problems are solved here (see DECISIONS.md for the measurements):

1. The fence writes ``<pre class="mermaid"><code>`` with the diagram source
   HTML-escaped (pymdownx's ``fence_code_format``), so ``a & b`` or ``-->``
   never reach the page as markup. The build then swaps each such block for
   its SVG (:mod:`curriculum.diagrams`).
2. Flowchart node labels are inserted as HTML and, under Mermaid's ``strict``
   security level, sanitised: ``"List<T>"`` renders as ``List``. Inside a
   double-quoted flowchart or state label, :func:`protect_labels` turns ``<``,
   ``>`` and inner ``"`` into HTML entities (``<br>`` is kept as a line
   break), so the label renders exactly as the author typed it. The
   diagram type is found after any YAML front matter (``---`` ... ``---``)
   and ``%%`` comments or ``%%{init}%%`` directives, one line or several.
"""

from __future__ import annotations

import re
from typing import Any

from pymdownx.superfences import fence_code_format

#: Diagram types whose labels Mermaid renders as (sanitised) HTML.
HTML_LABEL_DIAGRAMS = re.compile(r"^\s*(flowchart|graph|stateDiagram(-v2)?)\b")
#: A quoted label: opened after a shape bracket, '|' or 'state ', closed before one.
QUOTED_LABEL = re.compile(
    r'(?P<open>[\[\(\{\|>/]|\bstate\s+|--\s*)"(?P<text>.*?)"(?P<close>[\]\)\}\|/]|\s+as\b|\s*-->|\s*---|\s*==>|\s*-\.->)'
)
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
PLACEHOLDER = "\x00br\x00"


def _entities(text: str) -> str:
    text = LINE_BREAK.sub(PLACEHOLDER, text)
    text = text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return text.replace(PLACEHOLDER, "<br>")


def preamble_length(lines: list[str]) -> int:
    """How many leading lines are front matter, blank lines, comments or directives."""
    index = 0
    if lines and lines[0].strip() == "---":
        closing = next((n for n in range(1, len(lines)) if lines[n].strip() == "---"), None)
        if closing is not None:
            index = closing + 1
    while index < len(lines):
        stripped = lines[index].strip()
        if stripped.startswith("%%{"):
            # A directive may span lines: it ends at the first line closing it with '}%%'.
            while index < len(lines) and not lines[index].rstrip().endswith("}%%"):
                index += 1
        elif stripped and not stripped.startswith("%%"):
            break
        index += 1
    return index


def protect_labels(source: str) -> str:
    """Make quoted labels of HTML-label diagrams render as written."""
    lines = source.splitlines()
    start = preamble_length(lines)
    if start >= len(lines) or not HTML_LABEL_DIAGRAMS.match(lines[start]):
        return source
    out = lines[:start]
    for line in lines[start:]:
        stripped = line.lstrip()
        if stripped.startswith(("%%", "accTitle", "accDescr")):
            out.append(line)
            continue
        out.append(QUOTED_LABEL.sub(lambda m: f'{m.group("open")}"{_entities(m.group("text"))}"{m.group("close")}', line))
    return "\n".join(out)


def fence_mermaid(source: str, language: str, css_class: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
    """Render ``<pre class="mermaid"><code>`` with labels protected and the source HTML-escaped."""
    return fence_code_format(protect_labels(source), language, css_class, options, md, **kwargs)


#: Diagram types whose SVG would lack the ``accTitle:``/``accDescr:`` text: Mermaid 11 rejects the
#: lines in a mindmap, and accepts but does not draw them in a timeline.
NO_ACC_GRAMMAR = re.compile(r"^\s*(mindmap|timeline)\b")
ACC_LINE = re.compile(r"^\s*(?P<key>accTitle|accDescr)\s*:\s*(?P<text>.*?)\s*$")


def lift_accessibility(source: str) -> tuple[str, dict[str, str]]:
    """For a diagram type without accessibility lines: the source with them turned into comments, and their text.

    Authors write ``accTitle:`` and ``accDescr:`` in every diagram; for a
    mindmap or a timeline the build gives Mermaid the source with those lines as ``%%``
    comments (so line numbers hold) and puts their text into the SVG itself
    (:func:`add_accessibility`), as Mermaid does for the other types.
    """
    lines = source.splitlines()
    start = preamble_length(lines)
    if start >= len(lines) or not NO_ACC_GRAMMAR.match(lines[start]):
        return source, {}
    found: dict[str, str] = {}
    out = []
    for line in lines:
        if match := ACC_LINE.match(line):
            found.setdefault(match.group("key"), match.group("text"))
            out.append("%%")
        else:
            out.append(line)
    return "\n".join(out), found


def add_accessibility(svg: str, lifted: dict[str, str], svg_id: str) -> str:
    """``svg`` with a ``<title>`` and ``<desc>`` from :func:`lift_accessibility`'s text, named by ARIA as Mermaid does."""
    if not lifted:
        return svg
    import html

    children, attrs = "", ""
    for key, tag, aria in (("accTitle", "title", "aria-labelledby"), ("accDescr", "desc", "aria-describedby")):
        if key in lifted:
            children += f'<{tag} id="{tag}-{svg_id}">{html.escape(lifted[key])}</{tag}>'
            attrs += f' {aria}="{tag}-{svg_id}"'
    end = svg.index(">") + 1
    return svg[: end - 1] + attrs + svg[end - 1 : end] + children + svg[end:]
