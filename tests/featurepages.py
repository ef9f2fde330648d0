"""Which real pages the facilitator-feature tests use, read from the curriculum
model rather than hard-coded, since the session pages' wording changes."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from curriculum.catalog import Catalog, load_catalog
from sitebuild import ROOT


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return load_catalog(ROOT / "docs")


def url_path(rel: str) -> str:
    """A docs path as the built site's directory URL path ('day-2/x.md' -> '/day-2/x/')."""
    stem = rel.removesuffix(".md")
    if posixpath.basename(stem) == "index":
        stem = posixpath.dirname(stem)
    return "/" + (stem + "/" if stem else "")


def day_rel() -> str:
    return sorted(catalog().days)[0]


def session_rels() -> list[str]:
    return [rel for rel, _ in catalog().sessions_of(day_rel())]


def session_with(*needles: str) -> str:
    """The first session (schedule order) whose Markdown contains every needle."""
    for rel in session_rels():
        text = catalog().pages[rel].text
        if all(needle in text for needle in needles):
            return rel
    raise AssertionError(f"no session page contains all of {needles}")
