"""Demo cases for a line with no real data, loaded the way an operator's file would be."""

from __future__ import annotations

from pathlib import Path

from ivr.case_import import parse_cases
from ivr.store.cases import count_cases, upsert_cases
from ivr.store.db import Store

DEMO_CASES = Path(__file__).resolve().parent / "data" / "demo_cases.csv"


def seed_demo_cases(store: Store, path: Path = DEMO_CASES) -> int:
    """Load the demo cases into an empty cases table; return how many were loaded (0 if not empty)."""
    if count_cases(store):
        return 0
    with path.open(encoding="utf-8", newline="") as stream:
        parsed = parse_cases(stream)
    if not parsed.ok:
        first = parsed.problems[0]
        raise ValueError(f"{path}:{first.line}: {first.message}")
    # Instances starting together may both find the table empty: the upsert makes that harmless.
    return upsert_cases(store, parsed.rows)
