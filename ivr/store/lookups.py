"""Case look-ups per call and per caller, counted in the shared store to stop enumeration."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from ivr.domain.lookups import WITHHELD, LookupLimits
from ivr.store.db import Store
from ivr.store.tables import Lookup


def allow_lookup(store: Store, limits: LookupLimits, call_sid: str, caller: str, now: datetime) -> bool:
    """Record a look-up, then say whether it is within the limits.

    Recording first and counting after the commit means instances racing for the last look-up
    can both be refused, but never both allowed past the limit.
    """
    with store.session() as session:
        session.add(Lookup(call_sid=call_sid, caller=caller, at=now))
    since = now - limits.window
    with store.session() as session:
        recent = select(func.count()).select_from(Lookup).where(Lookup.at > since)
        per_call = session.scalar(recent.where(Lookup.call_sid == call_sid))
        if per_call > limits.per_call:
            return False
        if caller.strip().lower() in WITHHELD:
            return True  # a withheld number is limited per call only
        return session.scalar(recent.where(Lookup.caller == caller)) <= limits.per_caller
