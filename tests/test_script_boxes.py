"""Tables and questions get a box of their own (scripts/curriculum/script_boxes.py)."""

from __future__ import annotations

from curriculum.script_boxes import BOX_CLOSE, BOX_OPEN, box_blocks

QUIZ = (
    '<div class="cur-quiz" id="q1" data-cur-quiz="q1"><fieldset><div class="inner"><p>Stem</p></div></fieldset>'
    '<div class="cur-quiz__actions" hidden="hidden"><button>Check answer</button></div></div>'
)


def test_a_markdown_table_is_boxed_and_a_table_with_a_class_is_not() -> None:
    html = '<p>Before</p><table><tr><td>1</td></tr></table><table class="cur-agenda"><tr><td>2</td></tr></table>'
    out = box_blocks(html)
    assert (
        out == f'<p>Before</p>{BOX_OPEN}<table><tr><td>1</td></tr></table>{BOX_CLOSE}<table class="cur-agenda"><tr><td>2</td></tr></table>'
    )


def test_a_question_is_boxed_whole_with_the_divs_inside_it() -> None:
    out = box_blocks(f"<h2>Check</h2>{QUIZ}<p>After</p>{QUIZ}")
    assert out == f"<h2>Check</h2>{BOX_OPEN}{QUIZ}{BOX_CLOSE}<p>After</p>{BOX_OPEN}{QUIZ}{BOX_CLOSE}"


def test_a_page_without_tables_or_questions_is_unchanged() -> None:
    html = '<p>Text</p><div class="cur-quiz-score">Not a question</div><div class="admonition"><p>x</p></div>'
    assert box_blocks(html) == html


def test_an_unclosed_question_is_left_as_it_is() -> None:
    html = '<div class="cur-quiz" id="q"><p>never closed'
    assert box_blocks(html) == html
