"""The Day 2 lab's reference solution: the expected answers, computed from the lab's data files.

Longer than this project's modules usually are, on purpose: it is one reference solution
for four tasks that share the data loaders and the contract checks, and it is also the
model answer learners may read, so it stays in one file they can follow top to bottom.

The build runs :func:`answer_key` over the files shipped with the site and puts
the result in the lab page, where ``lab.js`` checks the learner's answers;
``tests/test_lab.py`` runs the same function. The data, the answer key and the
page therefore cannot disagree. ``answer-key.json`` beside the data is the
answer key as reviewed by a person: the build fails when the reference
solution computes something else from the files, so a change to the data shows
its effect on the answers in the same commit (``python -m curriculum.lab DIR --write``
rewrites it after a deliberate change).

Only the standard library is used: this is also the model answer for the
lab's Python route, whose starter scripts sit beside the data.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .rules import Rule

ORDERS = "orders-cdc.jsonl"
SUPPLIER = "supplier-prices.csv"
CONTRACT = "supplier-contract.json"
CUSTOMERS = "customers.csv"
CATALOGUE = "data-catalogue.csv"
ANSWER_KEY = "answer-key.json"
DATA_FILES = (ORDERS, SUPPLIER, CONTRACT, CUSTOMERS, CATALOGUE)

#: The erasure request the lab works on (the same person as in the customer table).
ERASURE_EMAIL = "amara.okafor@example.com"
#: Keys in the data catalogue that lead to one customer's data.
PERSONAL_KEYS = {"customer_id", "order_id", "email", "all"}

#: How each customer column is classified. The reference solution checks that it
#: names every column of customers.csv and nothing else; the labels are the
#: teaching (direct identifier, other personal data, special category).
COLUMN_CLASSES = {
    "customer_id": "personal",
    "full_name": "direct",
    "email": "direct",
    "phone": "direct",
    "delivery_address": "direct",
    "postcode": "personal",
    "delivery_notes": "special",
    "marketing_opt_in": "personal",
    "loyalty_tier": "personal",
    "payment_token": "personal",
    "created_on": "personal",
}
CLASS_LABELS = {
    "direct": "Direct identifier: names or reaches the person on its own",
    "personal": "Other personal data: about the person, but does not name them on its own",
    "special": "Special category: can reveal health, religion or another special category",
    "none": "Not personal data",
}
STATUSES = ("placed", "picked", "out_for_delivery", "delivered", "cancelled")


MISSING = Rule(
    "Q201",
    "lab-file-missing",
    "a lab data file is missing",
    "restore the file beside the lab page (CONTRIBUTING.md, 'The lab')",
    "the lab's tasks and its answer key are computed from every file",
)
UNREADABLE = Rule(
    "Q202",
    "lab-file-unreadable",
    "a lab data file or the answer key does not parse",
    "fix the file at the line named",
    "a file the reference solution cannot read is a file learners cannot use either",
)
MISMATCH = Rule(
    "Q203",
    "lab-answer-mismatch",
    "the reference solution disagrees with the stated answers (answer-key.json) or the data",
    "fix the data or the stated answer; after a deliberate change run 'python -m curriculum.lab DIR --write'",
    "the data, the answer key and the page must never disagree",
)
RULES = (MISSING, UNREADABLE, MISMATCH)


class LabError(Exception):
    """A data file that is missing or cannot be read: one line, with file and line."""

    def __init__(self, path: Path, line: int, rule: Rule, message: str, hint: str) -> None:
        super().__init__(f"{path.as_posix()}:{line}: {rule.code} {message} ({hint})")
        self.path, self.line, self.rule, self.message, self.hint = path, line, rule, message, hint

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def located(self) -> str:
        """The finding after the path: ':line: CODE message (hint)'."""
        return f":{self.line}: {self.code} {self.message} ({self.hint})"


@dataclass(frozen=True)
class Event:
    event_id: str
    seq: int
    order_id: str
    after: dict[str, Any]
    line: int


# --------------------------------------------------------------------------
# Reading the files
# --------------------------------------------------------------------------


def _text(folder: Path, name: str) -> str:
    path = folder / name
    if not path.is_file():
        raise LabError(path, 1, MISSING, "lab data file is missing", f"restore {name} (see CONTRIBUTING.md, 'The lab')")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise LabError(path, 1, UNREADABLE, "lab data file is not UTF-8", "re-save it as UTF-8") from None


def read_events(folder: Path) -> list[Event]:
    path = folder / ORDERS
    events = []
    for number, raw in enumerate(_text(folder, ORDERS).splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
            events.append(Event(str(item["event_id"]), int(item["seq"]), str(item["order_id"]), dict(item["after"]), number))
        except (ValueError, KeyError, TypeError) as error:
            raise LabError(
                path,
                number,
                UNREADABLE,
                f"line is not a change event ({error})",
                "one JSON object per line with event_id, seq, order_id, after",
            ) from None
    return events


def read_csv(folder: Path, name: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    path = folder / name
    rows = list(csv.reader(io.StringIO(_text(folder, name))))
    if not rows:
        raise LabError(path, 1, UNREADABLE, "CSV file is empty", "the first line is the header")
    header = rows[0]
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(header):
            raise LabError(
                path, number, UNREADABLE, f"row has {len(row)} fields, the header {len(header)}", "fix the row's commas or quoting"
            )
        records.append((number, dict(zip(header, row))))
    return header, records


def read_contract(folder: Path) -> dict[str, Any]:
    path = folder / CONTRACT
    try:
        contract = json.loads(_text(folder, CONTRACT))
        [column["name"] for column in contract["columns"]]
        contract["on_schema_mismatch"], contract["on_invalid_row"]
    except json.JSONDecodeError as error:
        raise LabError(path, error.lineno, UNREADABLE, f"contract is not valid JSON ({error.msg})", "fix the JSON at this line") from None
    except (KeyError, TypeError) as error:
        raise LabError(
            path,
            1,
            UNREADABLE,
            f"contract lacks {error}",
            "it needs 'columns' (each with a name), 'on_schema_mismatch' and 'on_invalid_row'",
        ) from None
    return contract


# --------------------------------------------------------------------------
# The reference solution, task by task
# --------------------------------------------------------------------------


def solve_orders(events: list[Event]) -> dict[str, Any]:
    """Current state of each order: duplicates dropped by event id, the highest sequence number wins."""
    seen: set[str] = set()
    latest: dict[str, Event] = {}
    duplicates: list[str] = []
    late: list[str] = []
    for event in events:  # in arrival order, as a consumer reads them
        if event.event_id in seen:
            duplicates.append(event.event_id)
            continue
        seen.add(event.event_id)
        current = latest.get(event.order_id)
        if current is not None and event.seq < current.seq:
            late.append(event.event_id)
            continue
        latest[event.order_id] = event
    key: dict[str, Any] = {}
    for order_id in sorted(latest):
        after = latest[order_id].after
        key[f"orders.{order_id}.status"] = after["status"]
        key[f"orders.{order_id}.total_gbp"] = f"{Decimal(str(after['total_gbp'])):.2f}"
    live = sum(Decimal(str(e.after["total_gbp"])) for e in latest.values() if e.after["status"] != "cancelled")
    key["orders.total_not_cancelled_gbp"] = f"{live:.2f}"
    key["orders.duplicate_events"] = sorted(duplicates)
    key["orders.late_events"] = sorted(late)
    return key


def _invalid_fields(record: dict[str, str], columns: list[dict[str, Any]]) -> list[str]:
    bad = []
    for column in columns:
        name, value = column["name"], record.get(column["name"], "").strip()
        if not value:
            if column.get("required"):
                bad.append(name)
            continue
        kind = column.get("type")
        try:
            if kind == "integer" and int(value) < column.get("minimum", int(value)):
                bad.append(name)
            elif kind == "decimal":
                number = Decimal(value)
                exponent = number.as_tuple().exponent  # 'n', 'N' or 'F' for NaN and infinity: not a decimal
                if not isinstance(exponent, int):
                    bad.append(name)
                elif number < Decimal(str(column.get("minimum", number))) or -exponent > column.get("decimals", 99):
                    bad.append(name)
            elif kind == "date":
                dt.date.fromisoformat(value)
        except (ValueError, InvalidOperation):
            bad.append(name)
        if "pattern" in column and not re.fullmatch(column["pattern"], value):
            bad.append(name)
    return bad


def solve_supplier(header: list[str], records: list[tuple[int, dict[str, str]]], contract: dict[str, Any]) -> dict[str, Any]:
    """Columns out of the contract's order, invalid rows (read by name), and what the contract says to do."""
    expected = [column["name"] for column in contract["columns"]]
    misplaced = sorted(name for position, name in enumerate(header) if position >= len(expected) or expected[position] != name)
    missing = sorted(set(expected) - set(header))
    invalid = [(number, _invalid_fields(record, contract["columns"])) for number, record in records]
    invalid = [(number, fields) for number, fields in invalid if fields]
    if misplaced or missing:
        decision = contract["on_schema_mismatch"]
    elif invalid:
        decision = contract["on_invalid_row"]
    else:
        decision = "load"
    return {
        "supplier.misplaced_columns": misplaced,
        "supplier.invalid_row_lines": [number for number, _ in invalid],
        "supplier.invalid_fields": sorted({field for _, fields in invalid for field in fields}),
        "supplier.decision": decision,
    }


def solve_customers(
    header: list[str],
    records: list[tuple[int, dict[str, str]]],
    events: list[Event],
    catalogue: list[dict[str, str]],
    path: Path = Path(CUSTOMERS),
) -> dict[str, Any]:
    """Each column's class, and everything an erasure request for ERASURE_EMAIL must reach."""
    if set(header) != set(COLUMN_CLASSES):
        raise LabError(
            path,
            1,
            MISMATCH,
            f"customers.csv columns {sorted(set(header) ^ set(COLUMN_CLASSES))} differ from the reference solution's classification",
            "classify each column in COLUMN_CLASSES of scripts/curriculum/lab.py",
        )
    key: dict[str, Any] = {f"customers.class.{name}": COLUMN_CLASSES[name] for name in header}
    wanted = ERASURE_EMAIL.strip().casefold()
    customer_ids = sorted(record["customer_id"] for _, record in records if record["email"].strip().casefold() == wanted)
    order_ids = sorted({e.order_id for e in events if e.after.get("customer_id") in customer_ids})
    places = sorted(row["dataset"] for row in catalogue if PERSONAL_KEYS & set(row["keyed_by"].split(";")))
    key["erasure.customer_ids"] = customer_ids
    key["erasure.order_ids"] = order_ids
    key["erasure.datasets"] = places
    return key


def answer_key(folder: Path) -> dict[str, Any]:
    """Every expected answer of the lab, as flat ``task.field`` keys; raises LabError on a bad file."""
    events = read_events(folder)
    contract = read_contract(folder)
    supplier_header, supplier_rows = read_csv(folder, SUPPLIER)
    customer_header, customer_rows = read_csv(folder, CUSTOMERS)
    _, catalogue_rows = read_csv(folder, CATALOGUE)
    key = solve_orders(events)
    key.update(solve_supplier(supplier_header, supplier_rows, contract))
    key.update(solve_customers(customer_header, customer_rows, events, [row for _, row in catalogue_rows], folder / CUSTOMERS))
    return key


# --------------------------------------------------------------------------
# The reviewed answer key
# --------------------------------------------------------------------------


def key_text(key: dict[str, Any]) -> str:
    """The answer key as written to answer-key.json: one answer per line, so a diff shows each change."""
    lines = [f"  {json.dumps(name)}: {json.dumps(value)}" for name, value in key.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def check_stated(folder: Path, key: dict[str, Any]) -> None:
    """Raise LabError at the first answer of answer-key.json that the reference solution does not reproduce."""
    path = folder / ANSWER_KEY
    text = _text(folder, ANSWER_KEY)
    try:
        stated = json.loads(text)
    except json.JSONDecodeError as error:
        raise LabError(path, error.lineno, UNREADABLE, f"answer key is not valid JSON ({error.msg})", "fix the JSON at this line") from None
    lines = text.splitlines()
    for name in list(key) + [name for name in stated if name not in key]:
        if stated.get(name) != key.get(name):
            line = next((n for n, raw in enumerate(lines, start=1) if raw.strip().startswith(json.dumps(name))), 1)
            raise LabError(
                path,
                line,
                MISMATCH,
                f"stated answer {name} = {json.dumps(stated.get(name))}, but the reference solution computes "
                f"{json.dumps(key.get(name))} from the data files",
                "fix the data or the stated answer; after a deliberate change run 'python -m curriculum.lab DIR --write'",
            )


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print("usage: python -m curriculum.lab DATA_DIR [--write]", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    try:
        key = answer_key(folder)
        if "--write" in argv[1:]:
            (folder / ANSWER_KEY).write_text(key_text(key), encoding="utf-8")
            print(f"{folder / ANSWER_KEY}: {len(key)} answers written")
            return 0
        check_stated(folder, key)
    except LabError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{folder / ANSWER_KEY}: the reference solution reproduces all {len(key)} answers")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
