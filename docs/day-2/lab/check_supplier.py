"""Lab task 2, starter: check tonight's supplier price file against its data contract.

    python check_supplier.py

It reads supplier-contract.json and supplier-prices.csv and prints the
contract's columns beside the file's header. Your job: find the columns that
are not where the contract puts them, the rows that break a rule, and what
the contract says the pipeline does with the file. The data is illustrative.
"""

import csv
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    contract = json.loads((HERE / "supplier-contract.json").read_text(encoding="utf-8"))
    expected = [column["name"] for column in contract["columns"]]
    with open(HERE / "supplier-prices.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, records = rows[0], rows[1:]
    print("position  contract            file")
    for position, name in enumerate(expected):
        found = header[position] if position < len(header) else "(missing)"
        print(f"{position + 1:>8}  {name:<18}  {found}")
    # YOUR STEP 1: which columns are out of place?
    # YOUR STEP 2: read each row by column name (csv.DictReader) and test it against each
    #         column's rules in the contract: type, minimum, decimals, pattern, a real date.
    #         Line numbers: the header is line 1, so records[0] is line 2.
    # YOUR STEP 3: look up 'on_schema_mismatch' and 'on_invalid_row' in the contract: what happens tonight?
    print(f"\n{len(records)} data rows read")


if __name__ == "__main__":
    main()
