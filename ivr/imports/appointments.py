"""Biometrics appointments and open ASC slots from CSV files, checked like the case files.

Times are written as the ASC's local wall-clock time, with no offset ("2026-12-08T10:30"), and
converted with the ASC's zone. A local time that does not exist (clocks spring forward) or
happens twice (clocks fall back) names no single instant, so it is refused, not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from ivr.domain.biometrics import STATUSES, Appointment, Slot
from ivr.domain.locations import location_by_id, zone_of
from ivr.imports.cases import check_receipt_number
from ivr.imports.csv_rows import CsvLayout, Invalid, ParsedFile, parse_rows, shown

LOCAL_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?")
MAX_COUNT = 999  # a capacity or count beyond this is a typing slip, not a real number


def parse_appointments(lines: Iterable[str]) -> ParsedFile[Appointment]:
    """Every appointment in a CSV text stream (opened with newline=""), and every problem found."""
    return parse_rows(lines, APPOINTMENTS)


def parse_slots(lines: Iterable[str]) -> ParsedFile[Slot]:
    """Every slot in a CSV text stream (opened with newline=""), and every problem found."""
    return parse_rows(lines, SLOTS)


def _asc(text: str) -> str:
    """The id of an Application Support Center."""
    location = location_by_id(text.lower())
    if location is None or location.kind != "asc":
        raise Invalid("not an Application Support Center id (`flask --app app locations` lists them, kind asc)")
    return location.id


def _local_time(text: str) -> datetime:
    """A wall-clock date and time with no offset: 2026-12-08T10:30."""
    if not LOCAL_TIME.fullmatch(text):
        raise Invalid("not a local time written YYYY-MM-DDTHH:MM, with no offset (the ASC's own clock)")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise Invalid("no such day or time in the calendar") from None


def _whole_number(text: str) -> int:
    """A whole number from 0 to MAX_COUNT."""
    if not text.isdigit() or int(text) > MAX_COUNT:
        raise Invalid(f"not a whole number from 0 to {MAX_COUNT}")
    return int(text)


def _status(text: str) -> str:
    """One of the appointment statuses."""
    if text.lower() not in STATUSES:
        raise Invalid(f"not one of {', '.join(STATUSES)}")
    return text.lower()


def instant_at(asc: str, local: datetime) -> datetime:
    """The UTC instant of an ASC's wall-clock time; Invalid when that time is skipped or repeated."""
    zone = ZoneInfo(zone_of(asc))
    first, second = local.replace(tzinfo=zone, fold=0), local.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first.astimezone(UTC)
    written = shown(local.isoformat(timespec="minutes"))
    round_trip = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != local:
        raise Invalid(f"starts_at {written}: no such local time at {asc} "
                      f"({zone.key} skips it when clocks spring forward)")
    raise Invalid(f"starts_at {written}: this local time happens twice at {asc} "
                  f"({zone.key} repeats it when clocks fall back); choose another time")


def local_text(asc: str, instant: datetime) -> str:
    """An instant as the ASC's wall-clock time, written as the files write it."""
    local = instant.astimezone(ZoneInfo(zone_of(asc)))
    return local.replace(tzinfo=None).isoformat(timespec="minutes")


def _appointment(values: dict[str, Any]) -> Appointment:
    """The row as an Appointment, its time converted with its ASC's zone."""
    return Appointment(receipt_number=values["receipt_number"], asc=values["asc"],
                       starts_at=instant_at(values["asc"], values["starts_at"]),
                       reschedule_count=values["reschedule_count"], status=values["status"])


def _slot(values: dict[str, Any]) -> Slot:
    """The row as a Slot, its time converted with its ASC's zone."""
    return Slot(asc=values["asc"], starts_at=instant_at(values["asc"], values["starts_at"]),
                capacity=values["capacity"])


APPOINTMENTS = CsvLayout(
    required=("receipt_number", "asc", "starts_at", "reschedule_count", "status"),
    checks={"receipt_number": check_receipt_number, "asc": _asc, "starts_at": _local_time,
            "reschedule_count": _whole_number, "status": _status},
    build=_appointment,
    key=lambda row: f"receipt_number {row.receipt_number}",
)
SLOTS = CsvLayout(
    required=("asc", "starts_at", "capacity"),
    checks={"asc": _asc, "starts_at": _local_time, "capacity": _whole_number},
    build=_slot,
    key=lambda row: f"the slot at {row.asc} on {local_text(row.asc, row.starts_at)}",
)
