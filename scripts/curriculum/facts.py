"""The running example's facts: one data file, inline markers, and their checks.

The example business's systems, teams, service levels, rates, volumes and
schedules are written once, in :data:`FACTS_FILE` (YAML, under the docs
folder), and pages insert them with an inline marker an unbuilt page still
reads cleanly::

    Feed delivered by <!-- cur:fact service-levels.supplier-feed -->.

The marker is the site's own ``<!-- cur:NAME -->`` form, used inline: in
prose, table cells, admonitions, glossary definitions and Mermaid labels.
The build replaces it before any Markdown is parsed (:mod:`curriculum.facts_markdown`),
so a diagram receives the value as if typed. Fenced code (other than
Mermaid, and fences given the class ``.cur-facts``, for an example that
quotes the facts) and inline code are left alone, so documentation can show
a marker.

Everything here is pure: it takes text and returns values and
:class:`~curriculum.model.Problem` records.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import scanner
from .rules import Problem, Rule

#: The fact file, relative to the docs folder (excluded from the published site).
FACTS_FILE = Path("data") / "running-example.yml"

#: ``<!-- cur:fact group.name -->`` anywhere on a line.
MARKER = re.compile(r"<!--\s*cur:fact\b\s*(?P<key>[^\s>]*)\s*-->")
KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")
SEGMENT = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
#: A code fence with this class (```` ```{ .yaml .cur-facts } ````) takes facts too.
FACTS_CLASS = re.compile(r"(?<![\w-])\.cur-facts(?![\w-])")
INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")


FILE_BAD = Rule(
    "K101",
    "fact-file",
    "the fact file (docs/data/running-example.yml) is not valid YAML or a fact is malformed (fails the build)",
    "fix the file at the line named: 'group:' then 'name: value', or 'name:' with 'value:' and 'about:'",
    "every page takes its figures from this file, so a file that cannot be read leaves no page right",
)
RULES = (FILE_BAD,)


@dataclass(frozen=True)
class Fact:
    key: str  # dotted path, e.g. "service-levels.supplier-feed"
    value: str
    about: str  # what the fact is, for the reference page
    line: int  # line of its key in the fact file

    @property
    def group(self) -> str:
        return self.key.split(".", 1)[0]


@dataclass
class FactFile:
    facts: dict[str, Fact] = field(default_factory=dict)
    #: group key -> its title on the reference page (from ``title:`` or the key).
    groups: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    exists: bool = True

    def suggest(self, key: str) -> str | None:
        close = difflib.get_close_matches(key, list(self.facts), n=1, cutoff=0.6)
        return close[0] if close else None


@dataclass(frozen=True)
class Use:
    """One marker in a Markdown file (1-based file line and column)."""

    key: str
    line: int
    col: int
    #: "prose", or "diagram" / "diagram-quoted" / "diagram-acc" inside a Mermaid fence.
    place: str = "prose"


# --------------------------------------------------------------------------
# The fact file
# --------------------------------------------------------------------------


#: Fact files already read, by path and the file's modification time and size: a build
#: asks for the facts several times (pages, the answer keys of each session, the facts
#: page) and reading the YAML costs tens of milliseconds each time; an edit during
#: ``mkdocs serve`` changes the key, so a rebuild reads the new file.
_READ: dict[tuple[str, int, int], FactFile] = {}


def load_facts(path: Path) -> FactFile:
    """Read the fact file; bad YAML or shape becomes problems (lines in that file).

    The result is shared between callers: read it, do not change it.
    """
    try:
        stat = path.stat()
    except OSError:
        return _load_facts(path)
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _READ:
        if len(_READ) > 16:
            _READ.clear()
        _READ[key] = _load_facts(path)
    return _READ[key]


def _load_facts(path: Path) -> FactFile:
    result = FactFile()
    if not path.is_file():
        result.exists = False
        return result
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except UnicodeDecodeError as error:
        result.problems.append(FILE_BAD.problem(1, f"the fact file is not UTF-8 ({error.reason})", "re-save it as UTF-8"))
        return result
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        result.problems.append(
            FILE_BAD.problem(
                (mark.line + 1) if mark else 1,
                f"the fact file is not valid YAML: {reason}",
                "check indentation, and quote values that contain ': ', '#' or start with a special character",
            )
        )
        return result
    if node is None:
        return result
    if not isinstance(node, yaml.MappingNode):
        result.problems.append(FILE_BAD.problem(node.start_mark.line + 1, "the fact file must be a mapping of groups", _SHAPE_HINT))
        return result
    for key_node, value_node in node.value:
        _read_group(str(key_node.value), key_node, value_node, result)
    return result


_SHAPE_HINT = "write 'group:' then 'name: value' lines, or 'name:' with 'value:' and 'about:'"


def _read_group(key: str, key_node: yaml.Node, node: yaml.Node, result: FactFile) -> None:
    line = key_node.start_mark.line + 1
    if not SEGMENT.match(key):
        result.problems.append(FILE_BAD.problem(line, f"group name '{key}' is not lowercase letters, digits and '-'", _SHAPE_HINT))
        return
    if not isinstance(node, yaml.MappingNode):
        result.problems.append(FILE_BAD.problem(line, f"'{key}' must be a group of facts, not a single value", _SHAPE_HINT))
        return
    result.groups[key] = key.replace("-", " ").capitalize()
    for name_node, value_node in node.value:
        name = str(name_node.value)
        if name == "title" and isinstance(value_node, yaml.ScalarNode):
            result.groups[key] = str(value_node.value)
            continue
        _read_fact(f"{key}.{name}", name_node, value_node, result)


def _read_fact(key: str, key_node: yaml.Node, node: yaml.Node, result: FactFile) -> None:
    """A fact is ``name: value`` or ``name:`` with ``value:`` and ``about:``.

    Values are kept as written (the scalar's text), so ``06:00`` stays a time
    and ``yes`` stays a word instead of YAML's number or boolean.
    """
    line = key_node.start_mark.line + 1
    if not SEGMENT.match(key.rsplit(".", 1)[1]):
        result.problems.append(FILE_BAD.problem(line, f"fact name '{key}' is not lowercase letters, digits and '-'", _SHAPE_HINT))
        return
    about = ""
    value_node = node
    if isinstance(node, yaml.MappingNode):
        parts = {str(k.value): v for k, v in node.value}
        extra = sorted(set(parts) - {"value", "about"})
        if "value" not in parts or extra:
            wrong = f"unknown key '{extra[0]}'" if extra else "no 'value:'"
            result.problems.append(FILE_BAD.problem(line, f"fact '{key}' has {wrong}", _SHAPE_HINT))
            return
        value_node = parts["value"]
        about_node = parts.get("about")
        if about_node is not None:
            if not isinstance(about_node, yaml.ScalarNode):
                result.problems.append(FILE_BAD.problem(line, f"fact '{key}': 'about' must be text", "write one sentence"))
                return
            about = str(about_node.value).strip()
    if not isinstance(value_node, yaml.ScalarNode):
        result.problems.append(FILE_BAD.problem(line, f"fact '{key}' must be one value, not a list or group", "write the value as text"))
        return
    value = " ".join(str(value_node.value).split())
    if not value:
        result.problems.append(FILE_BAD.problem(line, f"fact '{key}' has no value", "write the value after the colon"))
        return
    if key in result.facts:
        result.problems.append(FILE_BAD.problem(line, f"fact '{key}' is defined twice", "keep one definition"))
        return
    result.facts[key] = Fact(key, value, about, line)


# --------------------------------------------------------------------------
# Markers in Markdown
# --------------------------------------------------------------------------


def _regions(lines: list[str]) -> Iterator[tuple[int, str, str | None]]:
    """(index, line, where) for each line: where is None (code and fence lines,
    left alone), "prose", "code" (a fence with the class ``.cur-facts``, whose
    example takes the facts) or "mermaid" (a diagram's source)."""
    found = scanner.scan(lines)
    inside: dict[int, str] = {}  # index of a fenced content line -> what its fence holds
    for fence in found.fences:
        where = "mermaid" if fence.language == "mermaid" else "code" if FACTS_CLASS.search(fence.info) else None
        if where:
            inside.update({fence.line + offset: where for offset in range(len(fence.content))})
    for index, raw in enumerate(lines):
        yield index, raw, inside.get(index) if found.in_fence[index] else "prose"


def _masked(line: str) -> str:
    """The line with inline code blanked (same length), so markers in code are not seen."""
    return INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)


def find_uses(lines: list[str], first_line: int = 1) -> list[Use]:
    """Every fact marker of a page (body or whole file), with where it stands."""
    uses: list[Use] = []
    for index, raw, where in _regions(lines):
        if where is None:
            continue
        text = _masked(raw) if where == "prose" else raw
        for match in MARKER.finditer(text):
            place = "prose"  # a .cur-facts code example too
            if where == "mermaid":
                if raw.lstrip().startswith(("accTitle", "accDescr")):
                    place = "diagram-acc"
                else:
                    place = "diagram-quoted" if raw[: match.start()].count('"') % 2 else "diagram"
            uses.append(Use(match.group("key"), first_line + index, match.start() + 1, place))
    return uses


def substitute(lines: list[str], facts: dict[str, Fact]) -> list[str]:
    """The lines with every known marker replaced by its value (code left alone)."""
    out = []
    for _, raw, where in _regions(lines):
        if where is None or "cur:fact" not in raw:
            out.append(raw)
            continue
        mask = _masked(raw) if where == "prose" else raw
        pieces, last = [], 0
        for match in MARKER.finditer(mask):
            fact = facts.get(match.group("key"))
            if fact is None:
                continue
            pieces.append(raw[last : match.start()] + fact.value)
            last = match.end()
        out.append("".join(pieces) + raw[last:])
    return out


def substitute_text(text: str, facts: dict[str, Fact]) -> str:
    return "\n".join(substitute(text.split("\n"), facts))
