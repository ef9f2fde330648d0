"""The lab page's markers: answer forms and worked answers, both from the reference solution.

``<!-- cur:lab-task orders -->``
    The form for one task (``orders``, ``supplier``, ``customers`` or ``erasure``):
    one field per expected answer, with the task's answers as JSON for
    ``docs/assets/javascripts/lab.js`` to check against in the browser.
``<!-- cur:lab-solution orders -->``
    The task's expected answers as a table, for the worked solution.

A lab page's data is the folder named like the page, beside it
(``day-2/lab.md`` reads ``day-2/lab/``). Every value comes from
:func:`curriculum.lab.answer_key` at build time, and the build fails when the
reviewed ``answer-key.json`` disagrees with it.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import lab
from .rules import Problem

if TYPE_CHECKING:  # pragma: no cover
    from .catalog import Catalog
    from .shortcodes import Context

RULES = lab.RULES

#: Each task and what it asks, for the form's accessible name.
TASKS = {
    "orders": "the orders rebuilt from their events",
    "supplier": "the supplier file against its contract",
    "customers": "the customer columns classified",
    "erasure": "where the erasure must reach",
}
LAB_MARKER = re.compile(r"^<!--\s*cur:lab-(?:task|solution)\b")
STATUS_LABELS = {
    "placed": "Placed",
    "picked": "Picked",
    "out_for_delivery": "Out for delivery",
    "delivered": "Delivered",
    "cancelled": "Cancelled",
}


@dataclass
class Field:
    """One answer box: ``kind`` is choice, money, tokens (comma-separated) or checks (a checkbox group)."""

    name: str
    label: str
    kind: str
    options: list[tuple[str, str]] = field(default_factory=list)
    hint: str = ""


def data_folder(docs_dir: Path, page_rel: str) -> Path:
    return docs_dir / posixpath.splitext(page_rel)[0]


def load(docs_dir: Path, page_rel: str) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The checked answer key and the option lists for a lab page (raises lab.LabError)."""
    folder = data_folder(docs_dir, page_rel)
    key = lab.answer_key(folder)
    lab.check_stated(folder, key)
    contract = lab.read_contract(folder)
    customers = lab.read_csv(folder, lab.CUSTOMERS)[1]
    catalogue = lab.read_csv(folder, lab.CATALOGUE)[1]
    options = {
        "columns": [column["name"] for column in contract["columns"]],
        "customer_ids": [row["customer_id"] for _, row in customers],
        "order_ids": sorted({event.order_id for event in lab.read_events(folder)}),
        "datasets": [row["dataset"] for _, row in catalogue],
        "actions": [f"{name}: {text}" for name, text in contract["actions"].items()],
    }
    return key, options


def fields_for(task: str, key: dict[str, Any], options: dict[str, list[str]]) -> list[Field]:
    """The answer boxes of one task, in the order the page asks them."""

    def plain(values: list[str]) -> list[tuple[str, str]]:
        return [(value, value) for value in values]

    if task == "orders":
        found: list[Field] = []
        for name in key:
            match = re.fullmatch(r"orders\.(?P<order>[^.]+)\.(?P<part>status|total_gbp)", name)
            if match and match.group("part") == "status":
                found.append(Field(name, f"{match.group('order')}: current status", "choice", list(STATUS_LABELS.items())))
            elif match:
                found.append(Field(name, f"{match.group('order')}: current total (£)", "money"))
        found.append(Field("orders.total_not_cancelled_gbp", "Total of the orders that are not cancelled (£)", "money"))
        found.append(Field("orders.duplicate_events", "Event id(s) of the duplicate", "tokens", hint="comma-separated, e.g. e-0001"))
        found.append(Field("orders.late_events", "Event id(s) that arrived late and must not win", "tokens", hint="comma-separated"))
        return found
    if task == "supplier":
        return [
            Field("supplier.misplaced_columns", "Columns not where the contract puts them", "checks", plain(options["columns"])),
            Field("supplier.invalid_row_lines", "Line number(s) of the invalid row(s) in the file", "tokens", hint="the header is line 1"),
            Field("supplier.invalid_fields", "Column(s) whose value breaks the contract in that row", "checks", plain(options["columns"])),
            Field(
                "supplier.decision",
                "What the pipeline does with tonight's file",
                "choice",
                [(action.split(": ", 1)[0], action) for action in options["actions"]],
            ),
        ]
    if task == "customers":
        classes = list(lab.CLASS_LABELS.items())
        return [
            Field(name, name.removeprefix("customers.class."), "choice", classes) for name in key if name.startswith("customers.class.")
        ]
    if task == "erasure":
        return [
            Field("erasure.customer_ids", "Customer rows the request must reach", "checks", plain(options["customer_ids"])),
            Field("erasure.order_ids", "Orders in the event file that belong to the person", "checks", plain(options["order_ids"])),
            Field(
                "erasure.datasets",
                "Datasets the request must reach (to erase, or to keep with a legal reason)",
                "checks",
                plain(options["datasets"]),
            ),
        ]
    raise ValueError(task)


def _task(ctx: Context) -> str:
    task = ctx.args.strip()
    if task not in TASKS:
        from .shortcodes import UnknownMarker

        raise UnknownMarker(f"lab marker names task '{task}' (known: {', '.join(TASKS)})")
    return task


def render_task(ctx: Context) -> str:
    task = _task(ctx)
    key, options = load(ctx.docs_dir, ctx.page_rel)
    fields = fields_for(task, key, options)
    answers = {f.name: key[f.name] for f in fields}
    return ctx.render("lab-task.html", task=task, title=TASKS[task], fields=fields, answers=json.dumps(answers).replace("</", "<\\/"))


def render_solution(ctx: Context) -> str:
    task = _task(ctx)
    key, options = load(ctx.docs_dir, ctx.page_rel)
    rows = []
    for f in fields_for(task, key, options):
        value = key[f.name]
        labels = dict(f.options)
        shown = [labels.get(str(v), str(v)) for v in value] if isinstance(value, list) else [labels.get(str(value), str(value))]
        rows.append((f.label, ", ".join(shown) or "none"))
    return ctx.render("lab-solution.html", rows=rows)


def site_problems(catalog: Catalog) -> list[tuple[str, Problem]]:
    """A lab page whose data is missing, unreadable, or disagrees with answer-key.json (one problem per page)."""
    found: list[tuple[str, Problem]] = []
    for rel, page in catalog.pages.items():
        if not any(LAB_MARKER.match(line) for line in page.body_lines):
            continue
        try:
            load(catalog.docs_dir, rel)
        except lab.LabError as error:
            data_rel = error.path.resolve().relative_to(catalog.docs_dir).as_posix()
            found.append((data_rel, error.rule.problem(error.line, error.message, error.hint)))
    return found
