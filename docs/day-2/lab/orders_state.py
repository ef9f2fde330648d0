"""Lab task 1, starter: rebuild the current state of each order from its change events.

Run it beside the data files, with Python 3.9 or newer and nothing else installed:

    python orders_state.py

It reads orders-cdc.jsonl (one change event per line, in the order the events
arrived) and prints them. Your job is in rebuild(): decide which events to
apply, then print each order's current status and total. The data is
illustrative: Fernhill Fresh is a composite written for teaching.
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read_events():
    events = []
    with open(HERE / "orders-cdc.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                events.append(json.loads(line))
    return events


def rebuild(events):
    """Return {order_id: the 'after' image of the event that is the order's current state}."""
    current = {}
    for event in events:
        # YOUR STEP 1: the same event can be delivered twice. How do you recognise it?
        # YOUR STEP 2: an event can arrive late. Which field tells you the real order of changes?
        current[event["order_id"]] = event["after"]  # naive: the last line read wins
    return current


if __name__ == "__main__":
    events = read_events()
    for event in events:
        print(event["event_id"], event["seq"], event["op"], event["order_id"], event["after"]["status"])
    print()
    for order_id, after in sorted(rebuild(events).items()):
        print(f"{order_id}: {after['status']}, £{after['total_gbp']:.2f}")
