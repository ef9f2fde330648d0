"""Lab tasks 3 and 4, starter: classify the customer columns and scope an erasure request.

    python erasure_scope.py

The request comes from amara.okafor@example.com. This script prints the
customer table's columns and the data catalogue. Your jobs: classify each
column; find every customer row the request must reach (look closely at how
the email is written), the orders in orders-cdc.jsonl that belong to those
customers, and every dataset in the catalogue that holds them. All names,
addresses and numbers are invented (phone numbers in the range the UK
regulator keeps for drama); Fernhill Fresh is a composite written for teaching.
"""

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUEST_EMAIL = "amara.okafor@example.com"


def read_csv(name):
    with open(HERE / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def main():
    customers = read_csv("customers.csv")
    print("Customer columns:", ", ".join(customers[0].keys()))
    # YOUR STEP 1: for each column: direct identifier, other personal data, special category, or not personal data?
    # YOUR STEP 2: which rows belong to REQUEST_EMAIL? Compare emails the way a mail system does.
    matches = [row["customer_id"] for row in customers if row["email"] == REQUEST_EMAIL]  # too strict?
    print("Rows found so far:", matches)
    # YOUR STEP 3: read orders-cdc.jsonl (see orders_state.py) and list the orders of those customers.
    print("\nData catalogue:")
    for row in read_csv("data-catalogue.csv"):
        print(f"  {row['dataset']:<28} keyed by {row['keyed_by']:<22} {row['where']}")
    # YOUR STEP 4: which datasets can hold the person's data, through their customer id or their orders?


if __name__ == "__main__":
    main()
