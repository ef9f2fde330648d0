"""Glossary (G1xx): the terms of ``docs/includes/abbreviations.md`` against the pages.

- G101 (warning): a glossary term no page uses. It harms no reader, so it
  does not fail the run; ``--strict`` makes it fail.
- G102 (error): an abbreviation (a token of two or more capital letters,
  digits allowed after the first, e.g. GDPR, ETL, B2B; a plural 's' is
  ignored) used in a page's text but not defined in the glossary, so it gets
  no tooltip and no glossary entry. Code blocks, inline code, link targets,
  HTML tags and comments are not text. :data:`ALLOWLIST` lists the few
  capitalised words that are not abbreviations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from curriculum import glossary

from ..findings import WARNING, Finding
from ..site import Site
from .base import Rule

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "Glossary"

RULES = (
    Rule(
        "G101",
        "term-unused",
        "a glossary term is used on no page",
        "use the term in the page that teaches it, or delete its line from docs/includes/abbreviations.md",
        "an unused term misleads no reader, but the glossary should teach what the pages use",
        WARNING,
    ),
    Rule(
        "G102",
        "abbreviation-undefined",
        "an abbreviation is used but missing from the glossary",
        "append '*[ABBR]: Definition.' to docs/includes/abbreviations.md",
        "an undefined abbreviation gets no tooltip and no glossary entry, and new starters do not know it",
    ),
)
UNUSED, UNDEFINED = RULES

#: Capitalised words that are not abbreviations (kept short on purpose);
#: placeholders (TODO, TBD, ...) are the hygiene rule's (P101).
ALLOWLIST = frozenset({"OK", "AM", "PM", "II", "III", "IV", "VI", "TODO", "TBD", "FIXME", "XXX"})
UPPER_PAIR = re.compile(r"[A-Z][A-Z0-9]*[A-Z]")
ABBREVIATION = re.compile(r"(?<![\w/.@#&:-])([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*|[A-Z]{2,})(?:s)?(?![\w@-])")
#: Parts of a prose line that are not text: link targets, HTML tags, attribute lists, ++keys++, URLs.
NOT_TEXT = re.compile(
    r"\]\([^)]*\)|\]\[[^\]]*\]|<[^>]+>|\{[:#.][^}]*\}|\{\s*[\w-]+=[^}]*\}|\+\+[^+]+\+\+|https?://\S+|^\s*\[[^\]]+\]:\s*\S+.*$|^\*\[[^\]]+\]:.*$"
)


def _text_lines(site: Site, rel: str) -> Iterable[tuple[int, str]]:
    doc = site.docs[rel]
    source = site.source(rel)
    for number, line in enumerate(doc.prose, start=1):
        if line.strip():
            yield number, NOT_TEXT.sub(lambda m: " " * len(m.group(0)), line)
    # Front matter text the build renders into the page (session header).
    if source is not None:
        meta = source.meta
        for key in ("title", "summary"):
            if isinstance(meta.get(key), str):
                yield source.key_lines.get(key, 1), meta[key]
        for index, item in enumerate(meta.get("objectives") or [], start=1):
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                yield source.key_lines.get(f"objectives[{index}]", 1), item["text"]


def check(site: Site) -> Iterable[Finding]:
    terms_file = site.docs_dir / glossary.ABBREVIATIONS_FILE
    if not terms_file.is_file():
        return
    terms_rel = glossary.ABBREVIATIONS_FILE.as_posix()
    if terms_rel in site.sources and site.sources[terms_rel].problems:
        return  # not UTF-8: reported as F101
    terms = glossary.read_terms(terms_file)
    defined = {t.term for t in terms}
    # One alternation for all terms, longest first, as the abbr extension matches.
    any_term = re.compile(r"\b(" + "|".join(re.escape(t) for t in sorted(defined, key=len, reverse=True)) + r")\b") if defined else None
    used: set[str] = set()
    glossary_pages = {rel for rel, doc in site.docs.items() if any(m.name == "glossary" for m in doc.scan.markers)}
    for rel in site.pages:
        if rel in glossary_pages:
            continue
        reported: set[str] = set()
        lines = list(_text_lines(site, rel))
        whole = "\n".join(text for _, text in lines)
        if any_term is not None:
            used.update(any_term.findall(whole))
        tokens = {m.group(1) for m in ABBREVIATION.finditer(whole)}
        if not tokens - defined - ALLOWLIST:
            continue
        for number, text in lines:
            if not UPPER_PAIR.search(text):
                continue
            for match in ABBREVIATION.finditer(text):
                token = match.group(1)
                if token in defined or token in ALLOWLIST or token in reported:
                    continue
                if not any(ch.isalpha() for ch in token[1:]):
                    continue
                reported.add(token)
                yield UNDEFINED.at(
                    site.display(rel),
                    number,
                    match.start(1) + 1,
                    f"abbreviation '{token}' is not in the glossary",
                    f"append '*[{token}]: <definition>.' to {site.display(terms_rel)}",
                )
    if any(page.unreadable for page in site.sources.values()):
        return  # a page that cannot be read (F101) may use any term: "used on no page" cannot be known
    for term in terms:
        if term.term not in used:
            yield UNUSED.at(site.display(terms_rel), term.line, 1, f"glossary term '{term.term}' is used on no page")
