"""The Mermaid fence: escaped HTML, protected labels, and still seen by mermaid2."""

from __future__ import annotations

import html

import markdown
import pytest

from curriculum.mermaid_fence import fence_mermaid_custom, protect_labels


def render(source: str) -> str:
    md = markdown.Markdown(
        extensions=["pymdownx.superfences"],
        extension_configs={
            "pymdownx.superfences": {"custom_fences": [{"name": "mermaid", "class": "mermaid", "format": fence_mermaid_custom}]}
        },
    )
    return md.convert(f"```mermaid\n{source}\n```")


def test_mermaid2_recognises_the_fence_by_name() -> None:
    # mermaid2 activates its Material loader only for a function of this name.
    assert fence_mermaid_custom.__name__ == "fence_mermaid_custom"


def test_output_is_pre_mermaid_code_with_escaped_source() -> None:
    out = render('flowchart LR\n  A["a & b"] --> B')
    assert out.startswith('<pre class="mermaid"><code>')
    assert "--&gt;" in out and "&amp;" in out and "-->" not in out


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
