"""Operators' CSV files: a header, rows checked field by field, every problem named by its line.

Each kind of file (cases, appointments, slots) is a CsvLayout: its columns, a check per field
that turns text into a value or raises Invalid, and a build step for rules across fields.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from _csv import Reader  # the type csv.reader returns; the stubs name it, the csv module does not

Row = TypeVar("Row")

SHOWN = 40  # characters of a bad value echoed back: enough to find it, not a wall of text


class Invalid(ValueError):
    """One value can't be used; the message says why."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why one line of the file can't be imported."""

    line: int
    message: str


@dataclass
class ParsedFile(Generic[Row]):
    """The good rows and the problems of one file; import it only when there are no problems."""

    rows: list[Row] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the whole file can be imported."""
        return not self.problems


@dataclass(frozen=True)
class CsvLayout(Generic[Row]):
    """One kind of file: its columns, a check per column, and how checked values become a row.

    `build` gets every checked value by column name and may raise Invalid for a rule that spans
    fields; `key` names a row in the words of the duplicate message ("receipt_number EAC...").
    """

    required: tuple[str, ...]
    checks: Mapping[str, Callable[[str], object]]
    build: Callable[[dict[str, Any]], Row]  # each column's checked value, of that column's own type
    key: Callable[[Row], str]
    optional: tuple[str, ...] = ()

    @property
    def header(self) -> str:
        """The first line the file should have, optional columns in brackets."""
        return ",".join(self.required) + "".join(f"[,{name}]" for name in self.optional)


def parse_rows(lines: Iterable[str], layout: CsvLayout[Row]) -> ParsedFile[Row]:
    """Every row of a CSV text stream (opened with newline=""), and every problem found."""
    reader = csv.reader(lines)
    parsed: ParsedFile[Row] = ParsedFile()
    try:
        columns = _columns(next(reader, None), layout, parsed.problems)
        if columns is not None:
            _read_rows(reader, columns, layout, parsed)
    except csv.Error as error:
        parsed.problems.append(RowProblem(reader.line_num, f"not readable as CSV: {error}"))
    return parsed


def _columns(header: list[str] | None, layout: CsvLayout[Row], problems: list[RowProblem]) -> list[str] | None:
    """The header's column names in file order, or None after noting what is wrong with it."""
    if not header:
        problems.append(RowProblem(1, f"no header: the first line must be {layout.header}"))
        return None
    # Spreadsheets saving "CSV UTF-8" put a byte-order mark before the first name.
    names = [name.lstrip("\ufeff").strip().lower() for name in header]
    found = len(problems)
    for name in dict.fromkeys(names):
        if name not in layout.required + layout.optional:
            problems.append(RowProblem(1, f"unknown column {name!r}: the columns are {layout.header}"))
        elif names.count(name) > 1:
            problems.append(RowProblem(1, f"column {name!r} appears {names.count(name)} times"))
    for name in layout.required:
        if name not in names:
            problems.append(RowProblem(1, f"missing column {name!r}: the columns are {layout.header}"))
    return names if len(problems) == found else None


def _read_rows(reader: Reader, columns: list[str], layout: CsvLayout[Row], parsed: ParsedFile[Row]) -> None:
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
        try:
            row = _checked_row(dict(zip(columns, fields, strict=True)), layout)
        except _RowInvalid as invalid:
            parsed.problems.extend(RowProblem(line, message) for message in invalid.messages)
            continue
        if (key := layout.key(row)) in seen:
            parsed.problems.append(RowProblem(line, f"{key} is already on line {seen[key]}"))
        else:
            seen[key] = line
            parsed.rows.append(row)


class _RowInvalid(ValueError):
    """A row that can't be used, with a message for each field that is wrong."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__(*messages)
        self.messages = messages


def _checked_row(record: dict[str, str], layout: CsvLayout[Row]) -> Row:
    """The row built from its checked values; _RowInvalid says what is wrong with it."""
    values: dict[str, Any] = {}
    messages: list[str] = []
    for name, check in layout.checks.items():
        text = record.get(name, "").strip()
        if not text and name in layout.required:
            messages.append(f"{name} is empty")
            continue
        try:
            values[name] = check(text)
        except Invalid as problem:
            messages.append(f"{name} {shown(text)}: {problem}")
    if messages:
        raise _RowInvalid(messages)
    try:
        return layout.build(values)
    except Invalid as problem:
        raise _RowInvalid([str(problem)]) from None


def shown(text: str) -> str:
    """A value as a message quotes it, cut short when long."""
    return repr(text if len(text) <= SHOWN else text[:SHOWN] + "...")
