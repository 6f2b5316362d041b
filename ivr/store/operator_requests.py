"""Operators' side of service requests: list them, mark one answered, load those made elsewhere."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select

from ivr.domain.service_requests import ServiceRequest
from ivr.imports.requests import ANSWERED_UNKNOWN, ImportedRequest
from ivr.store.audit import note_change
from ivr.store.db import Store
from ivr.store.service_requests import to_request
from ivr.store.tables import ServiceRequestRecord


class RequestNotOpen(LookupError):
    """The request does not exist, or was answered already."""


def list_requests(store: Store, open_only: bool = False, office: str | None = None) -> list[ServiceRequest]:
    """Requests, oldest first; only unanswered ones, or one office's, when asked."""
    record = ServiceRequestRecord
    query = select(record).order_by(record.created_at, record.id)
    if open_only:
        query = query.where(record.answered_at.is_(None))
    if office:
        query = query.where(record.routed_to == office)
    with store.session() as session:
        return [to_request(row) for row in session.scalars(query)]


def answer_request(store: Store, reference: str, now: datetime, operator: str) -> ServiceRequest:
    """Mark a request answered now, and record who did; RequestNotOpen when it cannot be."""
    with store.session() as session:
        row = session.scalar(select(ServiceRequestRecord).where(ServiceRequestRecord.reference == reference))
        if row is None:
            raise RequestNotOpen(f"no request {reference}")
        if row.answered_at is not None:
            raise RequestNotOpen(f"request {reference} was answered on {row.answered_at:%Y-%m-%d %H:%M} UTC")
        row.answered_at = now
        note_change(session, operator, "answer_request", reference, now)
        return to_request(row)


def import_requests(store: Store, rows: Iterable[ImportedRequest], now: datetime, operator: str,
                    source: str) -> tuple[int, int]:
    """Write the requests in one transaction (all or none); (new, updated). A known reference is updated."""
    new = updated = 0
    with store.session() as session:
        for row in rows:
            answered = now if row.answered == ANSWERED_UNKNOWN else row.answered
            record = session.scalar(select(ServiceRequestRecord).where(ServiceRequestRecord.reference == row.reference))
            if record is None:
                session.add(ServiceRequestRecord(
                    reference=row.reference, kind=row.kind, receipt_number=row.receipt_number, level="primary",
                    created_at=row.created_at, answered_at=answered, routed_to=row.routed_to, lang="en"))
                new += 1
            else:
                record.kind, record.created_at, record.routed_to = row.kind, row.created_at, row.routed_to
                record.answered_at = answered if isinstance(answered, datetime) else record.answered_at
                updated += 1
        note_change(session, operator, "import_requests", source, now, f"{new} new, {updated} updated")
    return new, updated


def receipt_of_reference(store: Store, reference: str) -> str | None:
    """The receipt number a reference has on the line, or None."""
    with store.session() as session:
        return session.scalar(select(ServiceRequestRecord.receipt_number)
                              .where(ServiceRequestRecord.reference == reference))
