"""The build's own messages (B1xx), and MkDocs warnings mapped to the rules they match.

MkDocs validates links, anchors and the nav itself; when it warns, the
message is turned into the same finding the checker's own rule gives (same
code, located at the link's line in the source), so the two never disagree
and duplicates collapse. Anything not recognised is B101 (an error line) or
B102 (a warning line), with MkDocs' words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..findings import WARNING, Finding
from ..site import Site
from .base import Rule
from .links import ANCHOR_HERE, ANCHOR_THERE, MISSING_FILE, MISSING_PAGE, PAGE_SUFFIXES, UNRECOGNIZED
from .navigation import MISSING as NAV_MISSING
from .navigation import NOT_IN_NAV

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "Build and configuration"

RULES = (
    Rule(
        "B101",
        "build-error",
        "the MkDocs build stopped with an error the checker has no rule for",
        "read MkDocs' message; run 'mkdocs build --strict' to see it in context",
        "the build is the site; a build that stops publishes nothing",
    ),
    Rule(
        "B102",
        "build-warning",
        "MkDocs warned about something the checker has no rule for (fails the strict build)",
        "read MkDocs' message and fix what it names",
        "the strict build fails on every MkDocs warning, so none may pass unexplained",
        WARNING,
    ),
    Rule(
        "C101",
        "config-missing",
        "mkdocs.yml is missing or not valid YAML (the checker stops, exit 2)",
        "run from the repository root or pass --config; fix the YAML at the line named",
        "without the configuration nothing else can be checked",
    ),
    Rule(
        "C102",
        "docs-empty",
        "the docs folder is missing or has no Markdown page",
        "add docs/index.md, or fix 'docs_dir' in mkdocs.yml",
        "a site without pages is a configuration mistake, not an empty site",
    ),
)
BUILD_ERROR, BUILD_WARNING, CONFIG_MISSING, DOCS_EMPTY = RULES

LEVEL = re.compile(r"^(?P<level>WARNING|ERROR)\s+-\s+(?P<message>.*)$")
LINK = re.compile(r"^Doc file '(?P<doc>[^']+)' contains (?:a|an absolute|an unrecognized relative) link '(?P<link>[^']*)'(?P<rest>.*)$")
NAV_REF = re.compile(r"^A reference to '(?P<path>[^']+)' is included in the 'nav' configuration")
NOT_IN_NAV_HEAD = 'The following pages exist in the docs directory, but are not included in the "nav" configuration'
MODEL = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+): (?P<code>[A-Z]\d{3}) (?P<message>.*?)(?: \(and \d+ more: .*\))?$")
DOC_NAMED = re.compile(r"'(?P<doc>[^']+\.md)'")


def _link_finding(site: Site, doc_rel: str, link: str, rest: str) -> Finding | None:
    doc = site.docs.get(doc_rel)
    if doc is None:
        return None
    path = site.display(doc_rel)
    line, col = doc.locate([f"]({link}", link])
    if "absolute link" in rest or "left as is" in rest:
        return UNRECOGNIZED.at(path, line, col, f"link '{link}' was left as written by MkDocs: it is absolute or does not name a .md file")
    if "no such anchor on this page" in rest:
        return ANCHOR_HERE.at(path, line, col, f"link to '{link}': no such heading or id on this page")
    if "does not contain an anchor" in rest:
        return ANCHOR_THERE.at(path, line, col, f"link to '{link}': the target page has no such heading or id")
    if "not found among documentation files" in rest:
        target = link.split("#", 1)[0]
        rule = MISSING_PAGE if Path(target).suffix.lower() in PAGE_SUFFIXES else MISSING_FILE
        return rule.at(path, line, col, f"link to '{target}': no such {'page' if rule is MISSING_PAGE else 'file'}")
    return None


def findings_from_log(site: Site, output: str, rules_by_code: dict[str, Rule]) -> Iterable[Finding]:
    lines = output.splitlines()
    index = 0
    while index < len(lines):
        raw = lines[index]
        index += 1
        match = LEVEL.match(raw)
        if not match:
            continue
        level, message = match.group("level"), match.group("message").strip()
        if message.startswith("Aborted with"):
            continue  # the summary of what is reported line by line (the CLI adds B101 if nothing is)
        if message.startswith(NOT_IN_NAV_HEAD):
            while index < len(lines) and lines[index].startswith("  - "):
                rel = lines[index][4:].strip()
                index += 1
                yield NOT_IN_NAV.at(
                    site.display(rel), 1, 1, f"page '{rel}' is not in the nav", f"add '{rel}' under 'nav:' in {site.config_display}"
                )
            continue
        if link := LINK.match(message):
            finding = _link_finding(site, link.group("doc"), link.group("link"), link.group("rest"))
            if finding:
                yield finding
                continue
        if nav := NAV_REF.match(message):
            yield NAV_MISSING.at(
                site.config_display,
                site.config_line(nav.group("path")),
                1,
                f"nav entry '{nav.group('path')}' names a file that does not exist",
            )
            continue
        if model := MODEL.match(message):
            rule = rules_by_code.get(model.group("code"))
            if rule:
                yield rule.at(model.group("path"), int(model.group("line")), 1, model.group("message"))
                continue
        rule = BUILD_ERROR if level == "ERROR" else BUILD_WARNING
        named = DOC_NAMED.search(message)
        path = site.display(named.group("doc")) if named and named.group("doc") in site.docs else site.config_display
        yield rule.at(path, 1, 1, f"MkDocs: {message}")


def check(site: Site) -> Iterable[Finding]:
    # Registered so its codes are documented; the CLI calls findings_from_log
    # with the build's output (the build runs before the rules).
    return ()
