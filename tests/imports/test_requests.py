"""Requests made elsewhere, from CSV: each row checked against the file's rules and what the line knows."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from ivr.imports.requests import ANSWERED_UNKNOWN, LineFacts, parse_requests

CASES = {"EAC2190012345": "vsc"}
FACTS = LineFacts(filing_location=CASES.get, receipt_of={"SR20260001": "EAC2190012345"}.get)
HEADER = "reference,receipt_number,kind,created_at,answered\n"


def parsed(body: str, header: str = HEADER):
    """The file parsed against FACTS."""
    return parse_requests(io.StringIO(header + body, newline=""), FACTS)


def test_a_good_file_gives_routed_requests():
    rows = parsed("sr 1234 5678,eac2190012345,Expedite,2026-11-02,\n"
                  "SR20260001,EAC2190012345,emergency_travel,2026-11-02T14:00-05:00,yes\n"
                  "SR00000003,EAC2190012345,expedite_biometrics,2026-11-02,2026-11-20\n").rows
    assert [(r.reference, r.kind, r.routed_to) for r in rows] == [
        ("SR12345678", "expedite", "vsc"), ("SR20260001", "emergency_travel", "tier2"),
        ("SR00000003", "expedite_biometrics", "tier2")]
    assert rows[0].created_at.astimezone(UTC) == datetime(2026, 11, 2, 5, tzinfo=UTC)  # midnight Eastern
    assert rows[0].answered is None and rows[1].answered == ANSWERED_UNKNOWN
    assert rows[2].answered.date().isoformat() == "2026-11-20"


def test_the_answered_column_may_be_left_out():
    assert parsed("SR12345678,EAC2190012345,expedite,2026-11-02\n",
                  header="reference,receipt_number,kind,created_at\n").ok


@pytest.mark.parametrize(("row", "problem"), [
    ("SR123,EAC2190012345,expedite,2026-11-02,", "not a reference number"),
    ("SR12345678,EAC2190012345,visit,2026-11-02,", "kind 'visit': not one of"),
    ("SR12345678,EAC2190012345,expedite,02/11/2026,", "created_at '02/11/2026': not a date"),
    ("SR12345678,EAC2190012345,expedite,2026-11-02T14:00,", "a time needs its offset"),
    ("SR12345678,EAC2190012345,expedite,2026-11-02,2026-10-01", "answered is before created_at"),
    ("SR12345678,WAC2190099999,expedite,2026-11-02,", "no such case on the line"),
    ("SR20260001,WAC2190099999,expedite,2026-11-02,", "no such case on the line"),
    ("SR12345678,EAC2190012345,expedite,,", "created_at is empty"),
])
def test_a_bad_row_is_named_by_its_line(row, problem):
    result = parsed("SR00000001,EAC2190012345,expedite,2026-11-02,\n" + row + "\n")
    assert not result.ok and [p.line for p in result.problems] == [3]
    assert problem in result.problems[0].message


def test_a_reference_kept_for_another_receipt_is_refused():
    facts = LineFacts(filing_location={"WAC2190054321": "csc"}.get, receipt_of={"SR20260001": "EAC2190012345"}.get)
    result = parse_requests(io.StringIO(HEADER + "SR20260001,WAC2190054321,expedite,2026-11-02,\n", newline=""), facts)
    assert "already on the line for another receipt number" in result.problems[0].message
