"""The Mermaid fence: escaped HTML and protected labels, in the form the build renders."""

from __future__ import annotations

import html

import markdown
import pytest

from curriculum.diagrams import FENCE_HTML
from curriculum.mermaid_fence import fence_mermaid, protect_labels


def render(source: str) -> str:
    md = markdown.Markdown(
        extensions=["pymdownx.superfences"],
        extension_configs={
            "pymdownx.superfences": {"custom_fences": [{"name": "mermaid", "class": "mermaid", "format": fence_mermaid}]}
        },
    )
    return md.convert(f"```mermaid\n{source}\n```")


def test_output_is_pre_mermaid_code_with_escaped_source() -> None:
    out = render('flowchart LR\n  A["a & b"] --> B')
    assert out.startswith('<pre class="mermaid"><code>')
    assert "--&gt;" in out and "&amp;" in out and "-->" not in out


def test_the_build_finds_what_the_fence_writes() -> None:
    # curriculum.diagrams swaps exactly these blocks for SVG; the source round-trips.
    out = render('flowchart LR\n  A["a & b"] --> B')
    match = FENCE_HTML.search(out)
    assert match and html.unescape(match.group("source")).strip() == 'flowchart LR\n  A["a &amp; b"] --> B'.replace("&amp;", "&")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('A["List<T>"] --> B', 'A["List&lt;T&gt;"] --> B'),
        ('A["He said "hi""] --> B', 'A["He said &quot;hi&quot;"] --> B'),
        ('A["one<br>two"] --> B', 'A["one<br>two"] --> B'),
        ('A -->|"x > y"| B', 'A -->|"x &gt; y"| B'),
        ('A(("a<b")) --> B{"c>d"}', 'A(("a&lt;b")) --> B{"c&gt;d"}'),
        ("A[plain] --> B", "A[plain] --> B"),
    ],
)
def test_quoted_flowchart_labels_are_protected(line: str, expected: str) -> None:
    assert protect_labels(f"flowchart LR\n  {line}") == f"flowchart LR\n  {expected}"


def test_state_labels_are_protected() -> None:
    source = 'stateDiagram-v2\n  state "Raw <landing>" as raw'
    assert protect_labels(source).endswith('state "Raw &lt;landing&gt;" as raw')


def test_other_diagrams_and_acc_lines_are_left_alone() -> None:
    sequence = 'sequenceDiagram\n  A->>B: get "<id>"'
    assert protect_labels(sequence) == sequence
    flow = 'flowchart LR\n  accDescr: "a <b>" thing\n  A --> B'
    assert protect_labels(flow) == flow


def test_round_trip_through_html_gives_mermaid_the_protected_source() -> None:
    out = render('flowchart LR\n  A["List<T> & co"] --> B')
    code = out.removeprefix('<pre class="mermaid"><code>').removesuffix("</code></pre>")
    assert html.unescape(code).strip() == 'flowchart LR\n  A["List&lt;T&gt; & co"] --> B'
