"""`flask requests`: the service requests the line recorded for the deciding offices, and those made elsewhere."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import click
from flask import Flask
from flask.cli import with_appcontext

from ivr.cli.audit import operator_option
from ivr.cli.data import checked_rows
from ivr.domain.service_requests import ServiceRequest, answer_due
from ivr.imports.requests import LineFacts, parse_requests
from ivr.runtime import runtime
from ivr.store.cases import find_case
from ivr.store.operator_requests import (
    RequestNotOpen,
    answer_request,
    import_requests,
    list_requests,
    receipt_of_reference,
)

HEADER = "reference,receipt_number,kind,created_at,answered"


@click.group("requests")
def requests_group() -> None:
    """Service requests: list them, mark one answered, import those made elsewhere."""


def request_json(request: ServiceRequest, zone: str) -> dict:
    """A request as scripts read it, with the day a follow-up becomes possible (30 days)."""
    return {"reference": request.reference, "kind": request.kind, "level": request.level,
            "receipt_number": request.receipt_number, "office": request.routed_to,
            "created_at": request.created_at.isoformat(),
            "answered_at": request.answered_at.isoformat() if request.answered_at else None,
            "follow_up_from": answer_due(request, zone).isoformat()}


@requests_group.command("list")
@click.option("--open", "open_only", is_flag=True, help="Only requests not answered yet.")
@click.option("--office", help="Only requests for this office (a location id, or tier2 for the officers).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@with_appcontext
def list_command(open_only: bool, office: str | None, as_json: bool) -> None:
    """List service requests, oldest first, with the office deciding each and when a follow-up is due."""
    rt = runtime()
    rows = [request_json(r, rt.hours.zone) for r in list_requests(rt.store, open_only, office)]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    click.echo(f"{'reference':<11} {'kind':<20} {'level':<10} {'receipt':<14} {'office':<14} {'created':<11} "
               f"{'follow-up':<11} answered")
    for row in rows:
        click.echo(f"{row['reference']:<11} {row['kind']:<20} {row['level']:<10} {row['receipt_number'] or '-':<14} "
                   f"{row['office']:<14} {row['created_at'][:10]:<11} {row['follow_up_from']:<11} "
                   f"{(row['answered_at'] or '-')[:10]}")


@requests_group.command("answer")
@click.argument("reference")
@operator_option
@with_appcontext
def answer_command(reference: str, operator: str) -> None:
    """Mark request REFERENCE answered by its office: a caller following it up hears so."""
    rt = runtime()
    try:
        answer_request(rt.store, reference.strip().upper(), rt.clock(), operator)
    except RequestNotOpen as problem:
        raise click.ClickException(str(problem)) from None
    click.echo(f"request {reference.strip().upper()} answered, recorded as {operator}")


@requests_group.command("import", epilog=f"The first line: {HEADER}")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@operator_option
@with_appcontext
def import_command(file: Path, operator: str) -> None:
    """Import requests made elsewhere from FILE (CSV, UTF-8): all of them, or none if any row is wrong.

    Columns: reference (SR and 8 digits), receipt_number (a case on the line), kind (expedite,
    emergency_travel or expedite_biometrics), created_at (2026-11-02, or 2026-11-02T14:00-05:00)
    and answered (empty or no; yes; or when: 2026-11-20). A reference already on the line is
    updated. Problems are printed as FILE:LINE: message, and the exit code is then 1.
    """
    rt = runtime()
    facts = LineFacts(filing_location=lambda receipt: getattr(find_case(rt.store, receipt), "filing_location", None),
                      receipt_of=partial(receipt_of_reference, rt.store))
    rows = checked_rows(file, partial(parse_requests, facts=facts), "requests")
    new, updated = import_requests(rt.store, rows, rt.clock(), operator, file.name)
    click.echo(f"imported {new + updated} request{'' if new + updated == 1 else 's'} ({new} new, {updated} updated)")


def init_app(app: Flask) -> None:
    """Register `flask requests`."""
    app.cli.add_command(requests_group)
