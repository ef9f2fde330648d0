"""The Mermaid fence: escaped HTML and protected labels, in the form the build renders."""

from __future__ import annotations

import html

import markdown
import pytest

from curriculum.diagram_page import FENCE_HTML
from curriculum.mermaid_fence import fence_mermaid, protect_labels


def render(source: str) -> str:
    md = markdown.Markdown(
        extensions=["pymdownx.superfences"],
        extension_configs={"pymdownx.superfences": {"custom_fences": [{"name": "mermaid", "class": "mermaid", "format": fence_mermaid}]}},
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


@pytest.mark.parametrize(
    ("fence", "host"),
    [
        ("```mermaid", '<div class="mermaid"><template shadowrootmode="open"><svg>'),
        ("```{.mermaid .wide}", '<div class="mermaid wide"><template shadowrootmode="open"><svg>'),
        ("``` { .mermaid #flow }", '<div id="flow" class="mermaid"><template shadowrootmode="open"><svg>'),
    ],
)
def test_every_form_of_the_fence_becomes_a_diagram_keeping_its_id_and_classes(fence: str, host: str) -> None:
    from curriculum.diagram_page import replace_fences
    from curriculum.diagrams import Rendered

    class Drawn:  # a renderer that draws every diagram as an empty SVG
        def render(self, sources: list[str]) -> list[Rendered]:
            return [Rendered("<svg></svg>") for _ in sources]

    md = markdown.Markdown(
        extensions=["pymdownx.superfences", "attr_list"],
        extension_configs={"pymdownx.superfences": {"custom_fences": [{"name": "mermaid", "class": "mermaid", "format": fence_mermaid}]}},
    )
    result = replace_fences(md.convert(f"{fence}\nflowchart LR\n  A --> B\n```"), Drawn())
    assert result.html.startswith(host) and "<pre" not in result.html and not result.failures


def test_a_diagram_mermaid_rejects_stays_a_code_block_material_leaves_alone() -> None:
    from curriculum.diagram_page import replace_fences
    from curriculum.diagrams import Rendered

    class Rejects:
        def render(self, sources: list[str]) -> list[Rendered]:
            return [Rendered(None, "Parse error on line 2") for _ in sources]

    result = replace_fences('<pre id="flow" class="mermaid wide"><code>flowchart LR\n  A --&gt;</code></pre>', Rejects())
    assert result.html == '<pre id="flow" class="cur-diagram-error wide"><code>flowchart LR\n  A --&gt;</code></pre>'
    assert result.failures == [("flowchart LR\n  A -->", "Parse error on line 2")]


def test_a_rejected_diagram_is_found_at_its_fence_line_in_whichever_page_holds_it() -> None:
    from curriculum.diagram_page import locate

    whole_day = "# Whole day\n\n<!-- cur:whole-day -->\n"
    session = '# S\n\n!!! note\n\n    ``` { .mermaid #flow }\n    flowchart LR\n      A["x < y"] -->\n    ```\n'
    source = protect_labels('flowchart LR\n  A["x < y"] -->')
    # The page being built first; a diagram it only includes is found in its own page.
    assert locate(source, [("day-2/whole-day.md", whole_day), ("day-2/s.md", session)]) == ("day-2/s.md", 5)
    assert locate("flowchart LR\n  B --> C", [("day-2/s.md", session)]) is None


@pytest.mark.parametrize(
    "preamble",
    [
        "---\ntitle: Orders\nconfig:\n  flowchart:\n    curve: linear\n---\n",
        "%%{init: {'flowchart': {'curve': 'linear'}}}%%\n",
        "%%{\n  init: {\n    'flowchart': {'curve': 'linear'}\n  }\n}%%\n",
        "---\ntitle: Orders\n---\n%% a comment\n%%{init: {'theme': 'base'}}%%\n\n",
    ],
)
def test_labels_are_protected_after_front_matter_and_init_directives(preamble: str) -> None:
    protected = protect_labels(preamble + 'flowchart LR\n  A["List<T> & more"] --> B')
    assert protected == preamble + 'flowchart LR\n  A["List&lt;T&gt; & more"] --> B'


def test_front_matter_itself_is_left_as_written() -> None:
    source = '---\ntitle: "A <b> title"\n---\nflowchart LR\n  A["x<y"] --> B'
    assert protect_labels(source).startswith('---\ntitle: "A <b> title"\n---\n')
