"""Service requests made elsewhere (online, by mail) from a CSV file, so the 30-day rule applies to them.

Header: reference,receipt_number,kind,created_at,answered. `created_at` is a date (midnight in the
contact center's zone) or a time with its offset; `answered` is empty or no (not answered yet),
yes (answered, when unknown), or the date or time it was answered. What the file cannot know
(the office that decides an expedite is the case's filing location) comes from the line, through
`facts`, so a row naming a case the line does not have is refused with its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from ivr.domain.contact_center import CENTER_ZONE, OFFICERS
from ivr.domain.references import DIGITS, PREFIX
from ivr.imports.cases import NO, YES, check_receipt_number
from ivr.imports.csv_rows import CsvLayout, Invalid, ParsedFile, parse_rows

KINDS = ("expedite", "emergency_travel", "expedite_biometrics")
REFERENCE = re.compile(rf"{PREFIX}\d{{{DIGITS}}}")
ANSWERED_UNKNOWN = "yes"  # answered, at a time the file does not give


@dataclass(frozen=True)
class ImportedRequest:
    """A primary request as the file gives it, with the office that decides it."""

    reference: str
    receipt_number: str
    kind: str
    created_at: datetime
    answered: datetime | str | None  # a time, ANSWERED_UNKNOWN, or None (not answered)
    routed_to: str


@dataclass(frozen=True)
class LineFacts:
    """What the line knows that the file's rows are checked against."""

    filing_location: Callable[[str], str | None]  # receipt number -> its case's filing location, or None
    receipt_of: Callable[[str], str | None]  # reference -> the receipt number it has on the line, or None


def _reference(text: str) -> str:
    """A reference number: SR and 8 digits."""
    reference = text.upper().replace(" ", "")
    if not REFERENCE.fullmatch(reference):
        raise Invalid(f"not a reference number ({PREFIX} and {DIGITS} digits)")
    return reference


def _kind(text: str) -> str:
    """One of the kinds a request made elsewhere can be."""
    if text.lower() not in KINDS:
        raise Invalid(f"not one of {', '.join(KINDS)}")
    return text.lower()


def _instant(text: str) -> datetime:
    """A date (midnight, contact center time) or a time with its offset."""
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise Invalid("not a date (2026-11-02) or a time with its offset (2026-11-02T14:00-05:00)") from None
    if len(text) == len("2026-11-02"):
        return datetime.combine(parsed.date(), time(), ZoneInfo(CENTER_ZONE))
    if parsed.tzinfo is None:
        raise Invalid("a time needs its offset (2026-11-02T14:00-05:00), or give the date alone")
    return parsed


def _answered(text: str) -> datetime | str | None:
    """Not answered (empty, no), answered at an unknown time (yes), or answered at a date or time."""
    if text.lower() in NO:
        return None
    if text.lower() in YES:
        return ANSWERED_UNKNOWN
    return _instant(text)


def _build(facts: LineFacts) -> Callable[[dict[str, Any]], ImportedRequest]:
    """How a checked row becomes a request, against what the line knows."""
    def build(values: dict[str, Any]) -> ImportedRequest:
        receipt, reference = values["receipt_number"], values["reference"]
        location = facts.filing_location(receipt)
        if location is None:
            raise Invalid(f"receipt_number {receipt}: no such case on the line (import the case first)")
        known = facts.receipt_of(reference)
        if known is not None and known != receipt:
            raise Invalid(f"reference {reference} is already on the line for another receipt number")
        answered = values.get("answered")
        if isinstance(answered, datetime) and answered < values["created_at"]:
            raise Invalid("answered is before created_at")
        routed_to = location if values["kind"] == "expedite" else OFFICERS
        return ImportedRequest(reference, receipt, values["kind"], values["created_at"], answered, routed_to)
    return build


def parse_requests(lines: Iterable[str], facts: LineFacts) -> ParsedFile[ImportedRequest]:
    """Every request in a CSV text stream (opened with newline=""), and every problem found."""
    layout = CsvLayout(
        required=("reference", "receipt_number", "kind", "created_at"),
        optional=("answered",),  # the column may be left out, or empty: not answered
        checks={"reference": _reference, "receipt_number": check_receipt_number, "kind": _kind,
                "created_at": _instant, "answered": _answered},
        build=_build(facts),
        key=lambda row: f"reference {row.reference}",
    )
    return parse_rows(lines, layout)
