"""Case look-ups per call and per caller, counted in the shared store to stop enumeration."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, select

from ivr.domain.lookups import WITHHELD, LookupLimits
from ivr.store.db import Store
from ivr.store.tables import Lookup


def allow_lookup(store: Store, limits: LookupLimits, call_sid: str, caller: str, now: datetime) -> bool:
    """Record a look-up, then say whether it is within the limits, in one transaction.

    Instances racing for a caller's last look-up take turns: SQLite lets one writer at a time
    hold the file from the insert to the commit, and PostgreSQL takes a lock on the caller (on
    the call, for a withheld number) until the commit. So each counts the others' look-ups,
    and none is allowed past the limit.
    """
    withheld = caller.strip().lower() in WITHHELD
    since = now - limits.window
    recent = select(func.count()).select_from(Lookup).where(Lookup.at > since)
    with store.session() as session:
        if session.bind.dialect.name == "postgresql":
            key = f"lookups:{call_sid if withheld else caller}"
            session.execute(select(func.pg_advisory_xact_lock(func.hashtext(key))))
        session.execute(insert(Lookup).values(call_sid=call_sid, caller=caller, at=now))
        per_call = session.scalar(recent.where(Lookup.call_sid == call_sid))
        if per_call > limits.per_call:
            return False
        if withheld:
            return True  # a withheld number is limited per call only
        return session.scalar(recent.where(Lookup.caller == caller)) <= limits.per_caller
