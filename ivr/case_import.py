"""Cases from a CSV file: every row checked, every problem named with its line in the file."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ivr.locations import location_by_id
from ivr.privacy import ALWAYS_PROTECTED_FORMS
from ivr.receipts import (
    LETTERS_IN_DIGITS,
    NOT_A_RECEIPT,
    PREFIXES,
    UNKNOWN_PREFIX,
    WRONG_LENGTH,
    ReceiptError,
    parse_receipt_number,
)
from ivr.statuses import status_by_code

REQUIRED = ("receipt_number", "form_type", "status", "status_date", "filing_location")
OPTIONAL = ("protected",)
EXPECTED_HEADER = ",".join(REQUIRED) + "[,protected]"

FORM_TYPE = re.compile(r"[A-Z]{1,2}-\d{1,4}[A-Z]?")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
YES = frozenset({"true", "yes", "1"})
NO = frozenset({"false", "no", "0", ""})

RECEIPT_REASONS = {
    WRONG_LENGTH: "wrong length (3 letters then 10 digits)",
    UNKNOWN_PREFIX: f"unknown prefix (expected {', '.join(PREFIXES)})",
    LETTERS_IN_DIGITS: "letters among the 10 digits",
    NOT_A_RECEIPT: "not a receipt number",
}
SHOWN = 40  # characters of a bad value echoed back: enough to find it, not a wall of text


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One case, checked and in canonical form, as the cases table holds it."""

    receipt_number: str
    form_type: str
    status: str
    status_date: date
    filing_location: str
    protected: bool = False


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why one line of the file can't be imported."""

    line: int
    message: str


@dataclass
class ParsedCases:
    """The good rows and the problems of one file; import it only when there are no problems."""

    rows: list[CaseRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the whole file can be imported."""
        return not self.problems


class _Invalid(ValueError):
    """One field's value can't be used; the message says why."""


def parse_cases(lines: Iterable[str]) -> ParsedCases:
    """Every case in a CSV text stream (opened with newline=""), and every problem found."""
    reader = csv.reader(lines)
    parsed = ParsedCases()
    try:
        columns = _columns(next(reader, None), parsed.problems)
        if columns is not None:
            _read_rows(reader, columns, parsed)
    except csv.Error as error:
        parsed.problems.append(RowProblem(reader.line_num, f"not readable as CSV: {error}"))
    return parsed


def _columns(header: list[str] | None, problems: list[RowProblem]) -> list[str] | None:
    """The header's column names in file order, or None after noting what is wrong with it."""
    if not header:
        problems.append(RowProblem(1, f"no header: the first line must be {EXPECTED_HEADER}"))
        return None
    # Spreadsheets saving "CSV UTF-8" put a byte-order mark before the first name.
    names = [name.lstrip("\ufeff").strip().lower() for name in header]
    found = len(problems)
    for name in dict.fromkeys(names):
        if name not in REQUIRED + OPTIONAL:
            problems.append(RowProblem(1, f"unknown column {name!r}: the columns are {EXPECTED_HEADER}"))
        elif names.count(name) > 1:
            problems.append(RowProblem(1, f"column {name!r} appears {names.count(name)} times"))
    for name in REQUIRED:
        if name not in names:
            problems.append(RowProblem(1, f"missing column {name!r}: the columns are {EXPECTED_HEADER}"))
    return names if len(problems) == found else None


def _read_rows(reader, columns: list[str], parsed: ParsedCases) -> None:
    """Check each row after the header, keeping the good ones and noting the problems."""
    seen: dict[str, int] = {}
    end = reader.line_num
    for fields in reader:
        # A quoted field may span lines: the row starts on the line after the last one read.
        line, end = end + 1, reader.line_num
        if not any(value.strip() for value in fields):
            continue  # blank lines, and the ",,,," rows spreadsheets leave at the end
        if len(fields) != len(columns):
            parsed.problems.append(RowProblem(line, f"expected {len(columns)} fields, found {len(fields)}"))
            continue
        row, messages = _check(dict(zip(columns, fields, strict=True)))
        if row is not None and row.receipt_number in seen:
            messages.append(f"receipt_number {row.receipt_number} is already on line {seen[row.receipt_number]}")
        if messages:
            parsed.problems.extend(RowProblem(line, message) for message in messages)
        else:
            seen[row.receipt_number] = line
            parsed.rows.append(row)


def _check(record: dict[str, str]) -> tuple[CaseRow | None, list[str]]:
    """The row as a CaseRow, or None and a message for each field that is wrong."""
    values: dict[str, object] = {}
    messages: list[str] = []
    for name, check in _CHECKS.items():
        text = record.get(name, "").strip()
        if not text and name in REQUIRED:
            messages.append(f"{name} is empty")
            continue
        try:
            values[name] = check(text)
        except _Invalid as problem:
            shown = text if len(text) <= SHOWN else text[:SHOWN] + "..."
            messages.append(f"{name} {shown!r}: {problem}")
    if messages:
        return None, messages
    # The column can add protection, never take it from T and U visa forms: the table then
    # tells the truth to every reader, not only to the call flow that checks the form too.
    values["protected"] = values["protected"] or values["form_type"] in ALWAYS_PROTECTED_FORMS
    return CaseRow(**values), messages


def _receipt_number(text: str) -> str:
    """The canonical receipt number."""
    try:
        return parse_receipt_number(text)
    except ReceiptError as error:
        raise _Invalid(RECEIPT_REASONS.get(error.reason, error.reason)) from None


def _form_type(text: str) -> str:
    """The form number, upper-cased: I-485, N-400, I-914A."""
    form = text.upper()
    if not FORM_TYPE.fullmatch(form):
        raise _Invalid("not a form number like I-485, N-400 or I-914A")
    return form


def _status(text: str) -> str:
    """A known status code."""
    code = text.lower()
    if status_by_code(code) is None:
        raise _Invalid("unknown status code (`flask --app app statuses` lists them)")
    return code


def _status_date(text: str) -> date:
    """A calendar date written YYYY-MM-DD."""
    if not ISO_DATE.fullmatch(text):
        raise _Invalid("not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _Invalid("no such day in the calendar") from None


def _filing_location(text: str) -> str:
    """A known location id."""
    location_id = text.lower()
    if location_by_id(location_id) is None:
        raise _Invalid("unknown location id (`flask --app app locations` lists them)")
    return location_id


def _protected(text: str) -> bool:
    """true/yes/1 or false/no/0/empty, in any case."""
    word = text.lower()
    if word not in YES | NO:
        raise _Invalid("expected true or false (yes/no and 1/0 also do; empty means false)")
    return word in YES


_CHECKS = {
    "receipt_number": _receipt_number,
    "form_type": _form_type,
    "status": _status,
    "status_date": _status_date,
    "filing_location": _filing_location,
    "protected": _protected,
}
