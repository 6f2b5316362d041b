"""Case look-ups per call and per caller, counted in the shared store to stop enumeration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from ivr.store.db import Store
from ivr.store.tables import Lookup

# Caller IDs Twilio sends when the number is withheld: they all share no single owner.
WITHHELD = {"", "anonymous", "restricted", "unknown", "+266696687", "+86282452253", "+7378742833"}


@dataclass(frozen=True)
class LookupLimits:
    """How many look-ups one call, and one caller number, may make within the window."""

    per_call: int = 5
    per_caller: int = 10
    window: timedelta = timedelta(hours=1)


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
