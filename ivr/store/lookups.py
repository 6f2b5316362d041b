"""Case look-ups per call and per caller, counted in the shared store to stop enumeration."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, or_, select

from ivr.domain.lookups import WITHHELD_CALLER, LookupLimits, caller_key
from ivr.store.db import Store
from ivr.store.tables import Lookup, table_of


def allow_lookup(store: Store, limits: LookupLimits, call_sid: str, caller: str, now: datetime) -> bool:
    """Record a look-up, then say whether it is within the limits, in one transaction.

    Instances racing for a caller's last look-up take turns: SQLite lets one writer at a time
    hold the file from the insert to the commit, and PostgreSQL takes a lock on the caller
    until the commit. So each counts the others' look-ups, and none is allowed past the limit.
    Callers are counted by `caller_key`: their number in E.164, however Twilio spelled it.
    """
    counted_as = caller_key(caller)
    withheld = counted_as == WITHHELD_CALLER
    lookups = table_of(Lookup)
    recent = lookups.c.at > now - limits.window
    counts = select(func.count().filter(lookups.c.call_sid == call_sid),
                    func.count().filter(lookups.c.caller == counted_as))
    with store.session() as session:
        if session.bind.dialect.name == "postgresql":
            session.execute(select(func.pg_advisory_xact_lock(func.hashtext(f"lookups:{counted_as}"))))
        session.execute(insert(lookups).values(call_sid=call_sid, caller=counted_as, at=now))
        per_call, per_caller = session.execute(
            counts.where(recent, or_(lookups.c.call_sid == call_sid, lookups.c.caller == counted_as))).one()
    if per_call > limits.per_call:
        return False
    # Withheld numbers have no single owner: together they share one budget, so calling again
    # with the number hidden buys no more guesses.
    return per_caller <= (limits.withheld if withheld else limits.per_caller)
