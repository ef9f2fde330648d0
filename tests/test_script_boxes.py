"""Tables are built in Material's wrapper and questions in a box (scripts/curriculum/script_boxes.py)."""

from __future__ import annotations

import pytest

from curriculum.script_boxes import BOX_CLOSE, BOX_OPEN, TABLE_CLOSE, TABLE_OPEN, box_blocks

QUIZ = (
    '<div class="cur-quiz" id="q1" data-cur-quiz="q1"><fieldset><div class="inner"><p>Stem</p></div></fieldset>'
    '<div class="cur-quiz__actions" hidden="hidden"><button>Check answer</button></div></div>'
)


def test_a_markdown_table_is_built_wrapped_and_a_table_with_a_class_is_not() -> None:
    html = '<p>Before</p><table>\n<tr><td>1</td></tr>\n</table><table class="cur-agenda"><tr><td>2</td></tr></table>'
    out = box_blocks(html)
    assert out == (f'<p>Before</p>{TABLE_OPEN}\n<tr><td>1</td></tr>\n{TABLE_CLOSE}<table class="cur-agenda"><tr><td>2</td></tr></table>')
    assert TABLE_OPEN.startswith('<div class="md-typeset__scrollwrap" tabindex="0"><div class="md-typeset__table">')
    assert TABLE_OPEN.endswith('<table class="cur-table">')


def test_a_question_is_boxed_whole_with_the_divs_inside_it() -> None:
    out = box_blocks(f"<h2>Check</h2>{QUIZ}<p>After</p>{QUIZ}")
    assert out == f"<h2>Check</h2>{BOX_OPEN}{QUIZ}{BOX_CLOSE}<p>After</p>{BOX_OPEN}{QUIZ}{BOX_CLOSE}"


def test_a_page_without_tables_or_questions_is_unchanged() -> None:
    html = '<p>Text</p><div class="cur-quiz-score">Not a question</div><div class="admonition"><p>x</p></div>'
    assert box_blocks(html) == html


def test_an_unclosed_question_is_left_as_it_is() -> None:
    html = '<div class="cur-quiz" id="q"><p>never closed'
    assert box_blocks(html) == html


#: Before the page is parsed: every table taken out of the page (the parser only adds; moving
#: a table takes it out first).
WATCH_TABLES = """
window.__tableMoves = [];
new MutationObserver(records => {
  for (const record of records)
    for (const node of record.removedNodes)
      if (node.nodeType === 1 && (node.matches('table') || node.querySelector('table')))
        window.__tableMoves.push(node.outerHTML.slice(0, 80));
}).observe(document, { childList: true, subtree: true });
"""

#: A copy of the page's first built table as Material would draw it (a bare table, wrapped by
#: its renderTable), then every computed style of the two that differs.
COMPARE_WITH_MATERIAL = """() => {
  const built = document.querySelector('.md-content table.cur-table').closest('.md-typeset__scrollwrap');
  const copy = built.cloneNode(true);
  copy.querySelector('table').removeAttribute('class');
  built.after(copy);
  const a = [built, ...built.querySelectorAll('*')], b = [copy, ...copy.querySelectorAll('*')];
  const differences = [];
  a.forEach((element, i) => {
    const x = getComputedStyle(element), y = getComputedStyle(b[i]);
    for (const name of x) if (x.getPropertyValue(name) !== y.getPropertyValue(name))
      differences.push(`${element.tagName} ${name}: ${x.getPropertyValue(name)} (Material: ${y.getPropertyValue(name)})`);
  });
  copy.remove();
  return [a.length, differences];
}"""


@pytest.mark.browser
def test_material_leaves_the_built_tables_where_they_are(site, page) -> None:
    """No table is taken out of the page and put back at start-up (Material moved each one)."""
    page.add_init_script(WATCH_TABLES)
    page.goto(site.url("/day-2/whole-day/"), wait_until="load")
    page.wait_for_timeout(300)
    tables = page.locator(".md-content table").count()
    assert tables > 10
    assert (
        page.locator(".md-content .md-typeset__scrollwrap > .md-typeset__table > table.cur-table").count()
        == tables - page.locator(".md-content table[class]:not(.cur-table)").count()
    )
    assert page.locator(".md-typeset__table .md-typeset__table").count() == 0, "a table was wrapped twice"
    moved = page.evaluate("window.__tableMoves")
    assert moved == [], f"tables moved at start-up: {moved[:3]}"


@pytest.mark.browser
@pytest.mark.parametrize("media", ["screen", "print"])
def test_a_built_table_looks_exactly_as_material_draws_one(site, page, media: str) -> None:
    page.emulate_media(media=media)
    page.goto(site.url("/day-2/lifecycle/"), wait_until="load")
    elements, differences = page.evaluate(COMPARE_WITH_MATERIAL)
    assert elements > 20
    assert differences == [], "\n".join(differences[:10])
