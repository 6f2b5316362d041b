"""`flask import-cases`, `import-appointments`, `import-slots`, `statuses`, `locations`: the data behind the line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

import click
from flask import Flask
from flask.cli import with_appcontext

from ivr.domain.locations import LOCATIONS
from ivr.domain.statuses import STATUSES
from ivr.imports.appointments import APPOINTMENTS, SLOTS, parse_appointments, parse_slots
from ivr.imports.cases import EXPECTED_HEADER, parse_cases
from ivr.imports.csv_rows import ParsedFile
from ivr.runtime import runtime
from ivr.store.appointments import count_appointments, count_slots, save_appointments, save_slots
from ivr.store.cases import count_cases, upsert_cases


@click.command("import-cases", epilog=f"The first line: {EXPECTED_HEADER}")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def import_cases_command(file: Path) -> None:
    """Import the cases in FILE (CSV, UTF-8): all of them, or none if any row is wrong.

    Columns, in any order: receipt_number, form_type (I-485), status (a code from
    `flask statuses`), status_date (YYYY-MM-DD), filing_location (an id from
    `flask locations`) and, optionally, protected (true/false, yes/no, 1/0; empty is
    false). A case already on the line is updated, matched by receipt number.
    Problems are printed as FILE:LINE: message, and the exit code is then 1.
    """
    rows = checked_rows(file, parse_cases, "cases")
    store = runtime().store
    before = count_cases(store)
    written = upsert_cases(store, rows)
    new = count_cases(store) - before  # another import running at the same moment would blur this split
    click.echo(f"imported {_count(written, 'case')} ({new} new, {written - new} updated)")


@click.command("import-appointments", epilog=f"The first line: {APPOINTMENTS.header}")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def import_appointments_command(file: Path) -> None:
    """Import the biometrics appointments in FILE (CSV, UTF-8): all of them, or none if any row is wrong.

    Columns, in any order: receipt_number, asc (an Application Support Center id from
    `flask locations`), starts_at (the ASC's local time, 2026-12-08T10:30, no offset),
    reschedule_count (0, 1, 2...) and status (scheduled, missed or completed). An appointment
    already on the line is replaced, matched by receipt number. A local time that does not
    exist, or happens twice, on a daylight-saving day is refused. Problems are printed as
    FILE:LINE: message, and the exit code is then 1.
    """
    rows = checked_rows(file, parse_appointments, "appointments")
    store = runtime().store
    before = count_appointments(store)
    written = save_appointments(store, rows)
    new = count_appointments(store) - before
    click.echo(f"imported {_count(written, 'appointment')} ({new} new, {written - new} updated)")


@click.command("import-slots", epilog=f"The first line: {SLOTS.header}")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def import_slots_command(file: Path) -> None:
    """Import the open appointment times in FILE (CSV, UTF-8): all of them, or none if any row is wrong.

    Columns, in any order: asc (an Application Support Center id from `flask locations`),
    starts_at (the ASC's local time, 2026-12-08T10:30, no offset) and capacity (how many
    people the time can take; 0 closes it). A slot already on the line gets the new capacity;
    the places appointments hold in it are counted again. Problems are printed as
    FILE:LINE: message, and the exit code is then 1.
    """
    rows = checked_rows(file, parse_slots, "slots")
    store = runtime().store
    before = count_slots(store)
    written = save_slots(store, rows)
    new = count_slots(store) - before
    click.echo(f"imported {_count(written, 'slot')} ({new} new, {written - new} updated)")


def checked_rows(file: Path, parse: Callable[[Iterable[str]], ParsedFile], what: str) -> list:
    """Every row of the file, or exit 1 after printing each problem as FILE:LINE: message."""
    try:
        with file.open(encoding="utf-8-sig", newline="") as stream:
            parsed = parse(stream)
    except UnicodeDecodeError as error:
        raise click.ClickException(f"{file}: not UTF-8 text (byte {error.start}); save it as CSV UTF-8") from None
    if not parsed.ok:
        click.echo("\n".join(f"{file}:{problem.line}: {problem.message}" for problem in parsed.problems), err=True)
        click.echo(f"no {what} were changed ({_count(len(parsed.problems), 'problem')} in {file})", err=True)
        click.get_current_context().exit(1)
    return parsed.rows


@click.command("statuses")
@click.option("--json", "as_json", is_flag=True, help='Print a JSON list of {"code", "en", "es"}.')
def statuses_command(as_json: bool) -> None:
    """List the case status codes an import may use, with what callers hear in English and Spanish."""
    records = [{"code": s.code, "en": s.en, "es": s.es} for s in STATUSES]
    click.echo(_json(records) if as_json else _table(("code", "English", "Spanish"), records))


@click.command("locations")
@click.option("--json", "as_json", is_flag=True,
              help='Print a JSON list of {"id", "kind", "name", "time_zone", "address"}.')
def locations_command(as_json: bool) -> None:
    """List the location ids an import may use as filing_location, with their kind and time zone."""
    records = [_location_record(location) for location in LOCATIONS]
    click.echo(_json(records) if as_json else _table(("id", "kind", "name", "time_zone"), records))


def _location_record(location) -> dict[str, str]:
    """One location as the listing shows it."""
    return {"id": location.id, "kind": location.kind, "name": location.name,
            "time_zone": location.time_zone, "address": location.address}


def _table(header: tuple[str, ...], records: list[dict[str, str]]) -> str:
    """Records as aligned columns under a header, one record a line."""
    lines = [list(header)] + [list(record.values())[: len(header)] for record in records]
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
                     for line in lines)


def _json(records: list[dict[str, str]]) -> str:
    """Records as indented JSON, accents kept readable."""
    return json.dumps(records, ensure_ascii=False, indent=2)


def _count(number: int, noun: str) -> str:
    """'1 case', '3 cases'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def init_app(app: Flask) -> None:
    """Register the data commands."""
    for command in (import_cases_command, import_appointments_command, import_slots_command, statuses_command,
                    locations_command):
        app.cli.add_command(command)
