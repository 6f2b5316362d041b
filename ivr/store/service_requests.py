"""Service requests in the shared store: recorded under a reference number, followed up once each."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ivr.domain.references import new_reference
from ivr.domain.service_requests import NewRequest, ServiceRequest
from ivr.store.db import Store
from ivr.store.tables import ServiceRequestRecord

ATTEMPTS = 5  # fresh reference numbers tried before giving up (a clash is one in millions)


@dataclass(frozen=True)
class HistoricRequest:
    """A request made before, as demo data lists it: parents named by reference."""

    reference: str
    kind: str
    receipt_number: str
    level: str
    parent_reference: str | None
    created_at: datetime
    answered_at: datetime | None
    routed_to: str
    lang: str = "en"


def create_request(store: Store, new: NewRequest, now: datetime,
                   make_reference: Callable[[], str] = new_reference) -> ServiceRequest:
    """Record a request and return it; a retried webhook, or a second follow-up of one request,
    gets the request already recorded instead of a new one."""
    for _ in range(ATTEMPTS):
        with store.session() as session:
            existing = _already_recorded(session, new)
            if existing is not None:
                return to_request(existing)
            reference = new.reference or make_reference()
            insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
            # DO NOTHING on any unique clash: the reference (drawn again) or the parent (followed up already).
            session.execute(insert(ServiceRequestRecord).values(
                reference=reference, kind=new.kind, receipt_number=new.receipt_number, level=new.level,
                parent_id=new.parent_id, created_at=now, routed_to=new.routed_to, lang=new.lang,
                created_by_call=new.call_sid).on_conflict_do_nothing())
            record = session.scalar(select(ServiceRequestRecord).where(ServiceRequestRecord.reference == reference))
            if record is not None and _same(record, new):
                return to_request(record)
    raise RuntimeError(f"no free reference number after {ATTEMPTS} tries")


def _same(record: ServiceRequestRecord, new: NewRequest) -> bool:
    """Whether the stored request is the one just asked for, not an older one with the same reference."""
    return (record.created_by_call, record.kind, record.receipt_number, record.parent_id) == \
        (new.call_sid, new.kind, new.receipt_number, new.parent_id)


def _already_recorded(session, new: NewRequest) -> ServiceRequestRecord | None:
    """The follow-up of the same parent, or this call's own request of the same kind and receipt."""
    record = ServiceRequestRecord
    if new.parent_id is not None:
        return session.scalar(select(record).where(record.parent_id == new.parent_id))
    if new.call_sid is None:
        return None
    return session.scalar(select(record).where(
        record.created_by_call == new.call_sid, record.kind == new.kind,
        record.receipt_number == new.receipt_number, record.parent_id.is_(None)))


def request_chain(store: Store, reference: str | None = None,
                  receipt_number: str | None = None) -> list[ServiceRequest]:
    """The chain a reference (or a receipt number's latest request) belongs to, primary first; [] if none."""
    record = ServiceRequestRecord
    with store.session() as session:
        if reference:
            start = session.scalar(select(record).where(record.reference == reference))
        else:
            start = session.scalar(select(record).where(record.receipt_number == receipt_number)
                                   .order_by(record.created_at.desc(), record.id.desc()).limit(1))
        if start is None:
            return []
        chain = [start]
        while chain[0].parent_id is not None:
            chain.insert(0, session.get(record, chain[0].parent_id))
        while (child := session.scalar(select(record).where(record.parent_id == chain[-1].id))) is not None:
            chain.append(child)
        return [to_request(item) for item in chain]


def find_request(store: Store, reference: str) -> ServiceRequest | None:
    """One request by its reference number."""
    with store.session() as session:
        record = session.scalar(select(ServiceRequestRecord).where(ServiceRequestRecord.reference == reference))
        return None if record is None else to_request(record)


def count_requests(store: Store) -> int:
    """How many service requests the store holds."""
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(ServiceRequestRecord))


def record_history(store: Store, requests: Iterable[HistoricRequest]) -> None:
    """Write requests made earlier (demo data), parents before their follow-ups; known references are kept."""
    ids: dict[str, int] = {}
    for old in requests:
        parent_id = ids.get(old.parent_reference) if old.parent_reference else None
        new = NewRequest(old.kind, old.receipt_number, old.routed_to, old.lang, None, old.level, parent_id,
                         old.reference)
        made = create_request(store, new, old.created_at)
        ids[made.reference] = made.id
        if old.answered_at is not None:
            with store.session() as session:
                session.get(ServiceRequestRecord, made.id).answered_at = old.answered_at


def to_request(record: ServiceRequestRecord) -> ServiceRequest:
    """A stored request as a plain value."""
    return ServiceRequest(record.id, record.reference, record.kind, record.receipt_number, record.level,
                          record.parent_id, record.created_at, record.answered_at, record.routed_to)
