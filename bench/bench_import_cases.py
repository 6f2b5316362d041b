"""Time a case import the way `flask import-cases` does it: parse a CSV, then upsert it twice.

    python bench/bench_import_cases.py [--rows 100000] [--database-url URL]

The first upsert inserts (the bench's receipt numbers are deleted before and after), the
second updates every row. Without --database-url the store is an SQLite file in a temp dir.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import delete

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ivr.domain.locations import LOCATIONS  # noqa: E402
from ivr.domain.receipts import PREFIXES  # noqa: E402
from ivr.domain.statuses import STATUSES  # noqa: E402
from ivr.imports.cases import parse_cases  # noqa: E402
from ivr.store.cases import count_cases, upsert_cases  # noqa: E402
from ivr.store.db import database_url, open_store  # noqa: E402
from ivr.store.tables import CaseRecord  # noqa: E402

HEADER = ["receipt_number", "form_type", "status", "status_date", "filing_location", "protected"]
FORMS = ["I-485", "I-130", "I-765", "I-131", "N-400", "I-360", "I-918", "G-28"]
# Ten digits starting 99: far from the demo cases and from numbers the tests use.
FIRST_NUMBER = 9_900_000_000


def write_csv(path: Path, rows: int, seed: int = 7) -> list[str]:
    """Write rows valid cases to path; return their receipt numbers."""
    pick = random.Random(seed)
    receipts = [f"{PREFIXES[n % len(PREFIXES)]}{FIRST_NUMBER + n}" for n in range(rows)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for receipt in receipts:
            writer.writerow([receipt, pick.choice(FORMS), pick.choice(STATUSES).code,
                             f"2026-{pick.randint(1, 12):02d}-{pick.randint(1, 28):02d}",
                             pick.choice(LOCATIONS).id, pick.choice(["true", "false", ""])])
    return receipts


def forget(store, receipts: list[str]) -> None:
    """Delete the bench's own cases, and only those."""
    with store.session() as session:
        for start in range(0, len(receipts), 5_000):
            session.execute(delete(CaseRecord).where(CaseRecord.receipt_number.in_(receipts[start:start + 5_000])))


def timed(label: str, rows: int, work):
    """Run work(), print how long it took, and return its result."""
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    print(f"{label:<18} {rows:>8} rows  {seconds:7.2f} s  {rows / seconds:>10,.0f} rows/s")
    return result


def main() -> None:
    """Parse the arguments, then generate, parse, insert and update, printing each timing."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rows", type=int, default=100_000, help="rows to generate (default 100000)")
    options.add_argument("--database-url", default="", help="the store (default: SQLite in a temp dir)")
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(database_url(args.database_url, folder))
        print(f"database: {store.engine.dialect.name}")
        receipts = write_csv(Path(folder) / "cases.csv", args.rows)
        forget(store, receipts)
        with (Path(folder) / "cases.csv").open(encoding="utf-8-sig", newline="") as stream:
            parsed = timed("parse", args.rows, lambda: parse_cases(stream))
        if not parsed.ok:
            raise SystemExit(f"the generated file has problems, first: {parsed.problems[0]}")
        before = count_cases(store)
        timed("upsert (inserts)", args.rows, lambda: upsert_cases(store, parsed.rows))
        print(f"{'new cases':<18} {count_cases(store) - before:>8}")
        timed("upsert (updates)", args.rows, lambda: upsert_cases(store, parsed.rows))
        forget(store, receipts)
        store.dispose()


if __name__ == "__main__":
    main()
