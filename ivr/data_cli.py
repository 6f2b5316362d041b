"""`flask import-cases`, `flask statuses`, `flask locations`: the data behind the line."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import Flask
from flask.cli import with_appcontext

from ivr.case_import import EXPECTED_HEADER, parse_cases
from ivr.locations import LOCATIONS
from ivr.runtime import runtime
from ivr.statuses import STATUSES
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
    try:
        with file.open(encoding="utf-8-sig", newline="") as stream:
            parsed = parse_cases(stream)
    except UnicodeDecodeError as error:
        raise click.ClickException(f"{file}: not UTF-8 text (byte {error.start}); save it as CSV UTF-8") from None
    if not parsed.ok:
        click.echo("\n".join(f"{file}:{problem.line}: {problem.message}" for problem in parsed.problems), err=True)
        click.echo(f"no cases were changed ({_count(len(parsed.problems), 'problem')} in {file})", err=True)
        click.get_current_context().exit(1)
    store = runtime().store
    before = count_cases(store)
    written = upsert_cases(store, parsed.rows)
    new = count_cases(store) - before  # another import running at the same moment would blur this split
    click.echo(f"imported {_count(written, 'case')} ({new} new, {written - new} updated)")


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
    for command in (import_cases_command, statuses_command, locations_command):
        app.cli.add_command(command)
