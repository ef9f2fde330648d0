"""Paint a page's first screen whole: the title and its first paragraph in the first frame.

Chromium paints as soon as the parser yields. On a page whose navigation and
table of contents come before a long article, the first yield could fall
before the article: the first frame showed the header alone, and the first
paragraph (the page's largest paint) waited until the end-of-body scripts had
run, about 150 ms later on a laptop and several times that on a phone
(DECISIONS.md, "Reach"). ``<link rel="expect" blocking="render">`` asks the
browser not to paint until a given element is parsed; this hook marks the end
of the article's first paragraph and points such a link at it (see :data:`LINK`).
Browsers without ``rel="expect"`` ignore the link and paint as before.

Registered in mkdocs.yml under ``hooks:`` (``on_post_page``); :func:`mark_first_screen`
is the pure function the tests call.
"""

from __future__ import annotations

import re
from typing import Any

MARKER_ID = "cur-first-screen"
MARKER = f'<span id="{MARKER_ID}"></span>'
#: The link, added by a script in the head. Written as markup it is what the HTML standard
#: allows (``blocking`` on ``rel="expect"``, since 2024), but the W3C Nu checker 26.9.27 still
#: accepts ``blocking`` only with ``rel="stylesheet"``; a link added to the head while the page
#: is parsed blocks rendering the same way. Without JavaScript nothing waits, as before.
LINK = (
    "<script>(function () { var l = document.createElement('link'); l.rel = 'expect'; "
    f"l.href = '#{MARKER_ID}'; l.setAttribute('blocking', 'render'); document.head.appendChild(l); }})();</script>"
)

_ARTICLE = re.compile(r'<article\b[^>]*class="[^"]*\bmd-content__inner\b')
_H1_END = re.compile(r"</h1>")
_P_END = re.compile(r"</p>")


def mark_first_screen(html: str) -> str:
    """``html`` with the marker inside the first paragraph after the article's title, and the link.

    The marker goes inside the paragraph, before ``</p>``, so the paragraph is no
    different as a block (slides, print and the reading order see the same page).
    A page with no article, title or paragraph after it is returned unchanged.
    """
    if MARKER in html:
        return html
    article = _ARTICLE.search(html)
    if not article:
        return html
    title = _H1_END.search(html, article.end())
    if not title:
        return html
    paragraph = _P_END.search(html, title.end())
    head_end = html.find("</head>")
    if not paragraph or head_end < 0 or head_end > article.start():
        return html
    at = paragraph.start()
    html = html[:at] + MARKER + html[at:]
    return html[:head_end] + LINK + "\n" + html[head_end:]


def on_post_page(output: str, page: Any, config: Any) -> str:
    """MkDocs hook: the finished page, its first screen marked."""
    return mark_first_screen(output)
