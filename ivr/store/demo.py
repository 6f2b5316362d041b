"""Demo data for a line with no real data, loaded the way an operator's files would be.

Each kind goes only into its own empty table, so real data is never mixed with it. The demo
appointments, slots and service requests are dated around Monday, November 30, 2026: try
them with IVR_FAKE_NOW=2026-11-30T15:00:00Z (10 a.m. Eastern).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from ivr.imports.appointments import parse_appointments, parse_slots
from ivr.imports.cases import parse_cases
from ivr.imports.csv_rows import ParsedFile
from ivr.store.appointments import count_appointments, count_slots, save_appointments, save_slots
from ivr.store.cases import count_cases, upsert_cases
from ivr.store.db import Store
from ivr.store.service_requests import HistoricRequest, count_requests, record_history

DATA = Path(__file__).resolve().parent / "demo_data"
DEMO_CASES = DATA / "demo_cases.csv"
DEMO_APPOINTMENTS = DATA / "demo_appointments.csv"
DEMO_SLOTS = DATA / "demo_slots.csv"


def _utc(text: str) -> datetime:
    """A demo instant written in UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _request(reference, kind, receipt, level, parent, created, routed_to, answered=None) -> HistoricRequest:
    """One demo service request."""
    return HistoricRequest(reference, kind, receipt, level, parent, _utc(created),
                           _utc(answered) if answered else None, routed_to)


# Over 30 days old with no answer (secondary next), a secondary over 30 days old (tertiary next),
# recent (answer due), answered, and a tertiary over 30 days old (an agent takes over).
DEMO_REQUESTS = (
    _request("SR20260001", "expedite", "EAC2190012345", "primary", None, "2026-10-26T14:00", "vsc"),
    _request("SR20260002", "expedite", "WAC2190054321", "primary", None, "2026-10-20T16:00", "csc"),
    _request("SR20260003", "expedite_biometrics", "SRC2190022222", "primary", None, "2026-11-16T15:00", "tier2"),
    _request("SR20260004", "expedite", "NBC2190033333", "primary", None, "2026-08-31T15:00", "fo_phoenix"),
    _request("SR20260005", "follow_up", "NBC2190033333", "secondary", "SR20260004", "2026-10-01T15:00",
             "fo_phoenix"),
    _request("SR20260006", "expedite", "LIN2190011111", "primary", None, "2026-09-01T15:00", "nsc"),
    _request("SR20260007", "follow_up", "LIN2190011111", "secondary", "SR20260006", "2026-10-05T15:00", "nsc"),
    _request("SR20260008", "expedite", "IOE0912345678", "primary", None, "2026-10-01T15:00", "nbc",
             answered="2026-10-20T18:00"),
    _request("SR20260009", "emergency_travel", "MSC2190044444", "primary", None, "2026-07-01T15:00", "tier2"),
    _request("SR20260010", "follow_up", "MSC2190044444", "secondary", "SR20260009", "2026-08-03T15:00", "tier2"),
    _request("SR20260011", "follow_up", "MSC2190044444", "tertiary", "SR20260010", "2026-09-04T15:00", "tier2"),
)


def read_demo_file(path: Path, parse: Callable[[Iterable[str]], ParsedFile]) -> list:
    """The rows of a demo file; a broken one stops start-up, naming its line."""
    with path.open(encoding="utf-8", newline="") as stream:
        parsed = parse(stream)
    if not parsed.ok:
        first = parsed.problems[0]
        raise ValueError(f"{path}:{first.line}: {first.message}")
    return parsed.rows


def seed_demo_cases(store: Store, path: Path = DEMO_CASES) -> int:
    """Load the demo cases into an empty cases table; return how many were loaded (0 if not empty)."""
    if count_cases(store):
        return 0
    # Instances starting together may both find the table empty: the upsert makes that harmless.
    return upsert_cases(store, read_demo_file(path, parse_cases))


def seed_demo_data(store: Store) -> None:
    """Load every kind of demo data (cases, appointments, slots, service requests) its table lacks."""
    seed_demo_cases(store)
    if not count_appointments(store):
        save_appointments(store, read_demo_file(DEMO_APPOINTMENTS, parse_appointments))
    if not count_slots(store):
        save_slots(store, read_demo_file(DEMO_SLOTS, parse_slots))
    if not count_requests(store):
        record_history(store, DEMO_REQUESTS)
