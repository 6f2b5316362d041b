"""Cases from a CSV file: every row checked, every problem named with its line in the file."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from ivr.domain.cases import Case
from ivr.domain.locations import location_by_id
from ivr.domain.privacy import ALWAYS_PROTECTED_FORMS
from ivr.domain.receipts import (
    LETTERS_IN_DIGITS,
    NOT_A_RECEIPT,
    PREFIXES,
    UNKNOWN_PREFIX,
    WRONG_LENGTH,
    ReceiptError,
    parse_receipt_number,
)
from ivr.domain.statuses import status_by_code
from ivr.domain.zip_codes import NOT_US, ZipCodeError, check_zip
from ivr.imports.csv_rows import CsvLayout, Invalid, ParsedFile, RowProblem, parse_rows

REQUIRED = ("receipt_number", "form_type", "status", "status_date", "filing_location")

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


def parse_cases(lines: Iterable[str]) -> ParsedFile[Case]:
    """Every case in a CSV text stream (opened with newline=""), and every problem found."""
    return parse_rows(lines, CASES)


def _case(values: dict[str, Any]) -> Case:
    """The row as a Case."""
    # The column can add protection, never take it from T and U visa forms: the table then
    # tells the truth to every reader, not only to the call flow that checks the form too.
    values["protected"] = values.get("protected", False) or values["form_type"] in ALWAYS_PROTECTED_FORMS
    return Case(**values)


def check_receipt_number(text: str) -> str:
    """The canonical receipt number of a CSV field."""
    try:
        return parse_receipt_number(text)
    except ReceiptError as error:
        raise Invalid(RECEIPT_REASONS.get(error.reason, error.reason)) from None


def _form_type(text: str) -> str:
    """The form number, upper-cased: I-485, N-400, I-914A."""
    form = text.upper()
    if not FORM_TYPE.fullmatch(form):
        raise Invalid("not a form number like I-485, N-400 or I-914A")
    return form


def _status(text: str) -> str:
    """A known status code."""
    code = text.lower()
    if status_by_code(code) is None:
        raise Invalid("unknown status code (`flask --app app statuses` lists them)")
    return code


def _status_date(text: str) -> date:
    """A calendar date written YYYY-MM-DD."""
    if not ISO_DATE.fullmatch(text):
        raise Invalid("not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid("no such day in the calendar") from None


def _filing_location(text: str) -> str:
    """A known location id."""
    location_id = text.lower()
    if location_by_id(location_id) is None:
        raise Invalid("unknown location id (`flask --app app locations` lists them)")
    return location_id


def _protected(text: str) -> bool:
    """true/yes/1 or false/no/0/empty, in any case."""
    word = text.lower()
    if word not in YES | NO:
        raise Invalid("expected true or false (yes/no and 1/0 also do; empty means false)")
    return word in YES


def _filing_zip(text: str) -> str | None:
    """A US ZIP code (territories included), ZIP+4 kept as its 5 digits; empty means none."""
    if not text:
        return None
    try:
        return check_zip(text)
    except ZipCodeError as error:
        if error.reason == NOT_US:
            raise Invalid("not a US ZIP code (states, DC and the territories)") from None
        raise Invalid("not a ZIP code: 5 digits, or ZIP+4 like 96813-2413") from None


_CHECKS = {
    "receipt_number": check_receipt_number,
    "form_type": _form_type,
    "status": _status,
    "status_date": _status_date,
    "filing_location": _filing_location,
    "protected": _protected,
    "filing_zip": _filing_zip,
}
CASES = CsvLayout(required=REQUIRED, optional=("protected", "filing_zip"), checks=_CHECKS, build=_case,
                  key=lambda row: f"receipt_number {row.receipt_number}")
EXPECTED_HEADER = CASES.header
__all__ = ["EXPECTED_HEADER", "Case", "RowProblem", "check_receipt_number", "parse_cases"]
