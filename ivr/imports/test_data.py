"""The records a test call brings with it (a scenario's `data:`), checked as the operators' files are.

Cases, appointments and slots take the columns of their CSV files and the same checks; service
requests and callbacks take the fields below. Every problem names the kind and the item.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ivr.domain.biometrics import Appointment, Slot
from ivr.domain.cases import Case
from ivr.domain.contact_center import CENTER_ZONE, LANGUAGES, TIERS
from ivr.imports.appointments import parse_appointments, parse_slots
from ivr.imports.cases import check_receipt_number, parse_cases
from ivr.imports.csv_rows import Invalid, ParsedFile

KINDS = ("cases", "appointments", "slots", "service_requests", "callbacks")
REFERENCE = re.compile(r"SR\d{8}")
CALLBACK_REFERENCE = re.compile(r"CB\d{8}")
LEVELS = ("primary", "secondary", "tertiary")


class TestDataError(ValueError):
    """Records a test call cannot be given, with the kind, item and reason."""

    __test__ = False  # not a pytest test class, whatever its name


@dataclass(frozen=True)
class RequestRow:
    """A service request made before the call; its parent named by reference."""

    reference: str
    kind: str
    receipt_number: str | None
    level: str
    parent: str | None
    created_at: datetime
    answered_at: datetime | None
    routed_to: str
    lang: str


@dataclass(frozen=True)
class CallbackRow:
    """A callback booked before the call, under an id the tester chose (the call may answer it)."""

    id: int
    phone: str
    lang: str
    tier: str
    purpose: str
    scheduled_for: datetime
    time_zone: str
    receipt_number: str | None
    reference: str | None = None  # the caller's number to hear or cancel it


@dataclass(frozen=True)
class TestData:
    """Every record of a call's `data:`, checked."""

    __test__ = False

    cases: tuple[Case, ...] = ()
    appointments: tuple[Appointment, ...] = ()
    slots: tuple[Slot, ...] = ()
    requests: tuple[RequestRow, ...] = ()
    callbacks: tuple[CallbackRow, ...] = ()


def parse_test_data(data: Mapping[str, Any]) -> TestData:
    """The checked records of a `data:` mapping; TestDataError names the first problem."""
    unknown = set(data) - set(KINDS)
    if unknown:
        raise TestDataError(f"data: unknown kind {sorted(unknown)[0]!r} (known: {', '.join(KINDS)})")
    return TestData(
        cases=_as_csv("cases", data.get("cases") or [], parse_cases),
        appointments=_as_csv("appointments", data.get("appointments") or [], parse_appointments),
        slots=_as_csv("slots", data.get("slots") or [], parse_slots),
        requests=_each("service_requests", data.get("service_requests") or [], _request),
        callbacks=_each("callbacks", data.get("callbacks") or [], _callback),
    )


def _text(value: Any) -> str:
    """A YAML or JSON value as the text a CSV field would hold."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return "" if value is None else str(value)


def _as_csv(kind: str, items: Sequence[Mapping[str, Any]], parse: Callable[..., ParsedFile[Any]]) -> tuple[Any, ...]:
    """Items checked by their CSV file's parser: one header, one line per item."""
    if not items:
        return ()
    columns = list(dict.fromkeys(name for item in items for name in item))
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(columns)
    writer.writerows([[_text(item.get(name)) for name in columns] for item in items])
    parsed = parse(io.StringIO(text.getvalue(), newline=""))
    if not parsed.ok:
        problem = parsed.problems[0]
        where = f"[{problem.line - 2}]" if problem.line > 1 else ""
        raise TestDataError(f"data: {kind}{where}: {problem.message}")
    return tuple(parsed.rows)


def _each(kind: str, items: Sequence[Mapping[str, Any]], check: Callable[[Mapping[str, Any]], Any]) -> tuple[Any, ...]:
    """Each item checked on its own."""
    rows = []
    for index, item in enumerate(items):
        try:
            rows.append(check(item))
        except (Invalid, KeyError, TypeError, ValueError) as error:
            detail = f"missing {error}" if isinstance(error, KeyError) else str(error)
            raise TestDataError(f"data: {kind}[{index}]: {detail}") from None
    return tuple(rows)


def instant(value: Any) -> datetime:
    """An ISO-8601 instant; one written without an offset is UTC."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(_text(value).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _one_of(value: Any, allowed: Sequence[str], name: str) -> str:
    """A value from a fixed list."""
    if value not in allowed:
        raise Invalid(f"{name} must be one of {', '.join(allowed)}")
    return str(value)


def _request(item: Mapping[str, Any]) -> RequestRow:
    """A service request item."""
    reference = _text(item["reference"])
    if not REFERENCE.fullmatch(reference):
        raise Invalid("reference must be SR and 8 digits")
    receipt = _text(item.get("receipt_number")) or None
    return RequestRow(reference=reference, kind=_text(item["kind"]),
                      receipt_number=check_receipt_number(receipt) if receipt else None,
                      level=_one_of(item.get("level", "primary"), LEVELS, "level"),
                      parent=_text(item.get("parent")) or None, created_at=instant(item["created_at"]),
                      answered_at=instant(item["answered_at"]) if item.get("answered_at") else None,
                      routed_to=_text(item["routed_to"]), lang=_one_of(item.get("lang", "en"), LANGUAGES, "lang"))


def _callback(item: Mapping[str, Any]) -> CallbackRow:
    """A callback item."""
    receipt = _text(item.get("receipt_number")) or None
    return CallbackRow(id=int(item["id"]), phone=_text(item["phone"]),
                       lang=_one_of(item.get("lang", "en"), LANGUAGES, "lang"),
                       tier=_one_of(item.get("tier", "tier1"), TIERS, "tier"),
                       purpose=_text(item.get("purpose", "agent")), scheduled_for=instant(item["scheduled_for"]),
                       time_zone=_text(item.get("time_zone", CENTER_ZONE)),
                       receipt_number=check_receipt_number(receipt) if receipt else None,
                       reference=_callback_reference(_text(item.get("reference"))))


def _callback_reference(text: str) -> str | None:
    """A callback's reference number, CB and 8 digits, or None when not given."""
    if text and not CALLBACK_REFERENCE.fullmatch(text):
        raise Invalid("reference must be CB and 8 digits")
    return text or None
