"""The record of operators' changes: who changed what, and when, written in the change's own transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ivr.store.db import Store
from ivr.store.tables import OperatorChange


@dataclass(frozen=True)
class Change:
    """One operator's change."""

    at: datetime
    operator: str
    action: str
    subject: str
    detail: str


def note_change(session: Session, operator: str, action: str, subject: str, now: datetime, detail: str = "") -> None:
    """Record a change inside the transaction that makes it: both happen, or neither."""
    session.add(OperatorChange(at=now, operator=operator[:64], action=action, subject=subject[:128],
                               detail=detail[:256]))


def list_changes(store: Store, limit: int = 100) -> list[Change]:
    """The latest changes, newest first."""
    query = select(OperatorChange).order_by(OperatorChange.at.desc(), OperatorChange.id.desc()).limit(limit)
    with store.session() as session:
        return [Change(c.at, c.operator, c.action, c.subject, c.detail) for c in session.scalars(query)]
