"""Case look-ups per call and per caller, counted in the shared store to stop enumeration."""

from __future__ import annotations

from datetime import datetime

from ivr.domain.lookups import WITHHELD_CALLER, LookupLimits, caller_key
from ivr.store.db import Store
from ivr.store.driver_sql import DriverStatement
from ivr.store.tables import Lookup, table_of

LOOKUPS = table_of(Lookup)
CALLER_LOCK = DriverStatement({"postgresql": "SELECT pg_advisory_xact_lock(hashtext(:key))"})
COUNT = DriverStatement("INSERT INTO case_lookups (call_sid, caller, at) VALUES (:call_sid, :caller, :at)",
                        binds={"at": LOOKUPS.c.at})
RECENT = DriverStatement("SELECT count(*) FILTER (WHERE call_sid = :call_sid), "
                         "count(*) FILTER (WHERE caller = :caller) "
                         "FROM case_lookups WHERE at > :since AND (call_sid = :call_sid OR caller = :caller)",
                         binds={"since": LOOKUPS.c.at})


def allow_lookup(store: Store, limits: LookupLimits, call_sid: str, caller: str, now: datetime) -> bool:
    """Record a look-up, then say whether it is within the limits, in one transaction.

    Instances racing for a caller's last look-up take turns: SQLite lets one writer at a time
    hold the file from the insert to the commit, and PostgreSQL takes a lock on the caller
    until the commit. So each counts the others' look-ups, and none is allowed past the limit.
    Callers are counted by `caller_key`: their number in E.164, however Twilio spelled it.
    """
    counted_as = caller_key(caller)
    withheld = counted_as == WITHHELD_CALLER
    with store.unit() as unit:
        if store.dialect == "postgresql":
            CALLER_LOCK.run(unit, key=f"lookups:{counted_as}").fetchone()
        COUNT.run(unit, call_sid=call_sid, caller=counted_as, at=now)
        counts = RECENT.run(unit, call_sid=call_sid, caller=counted_as, since=now - limits.window)
        per_call, per_caller = counts.fetchone()
    if per_call > limits.per_call:
        return False
    # Withheld numbers have no single owner: together they share one budget, so calling again
    # with the number hidden buys no more guesses.
    return per_caller <= (limits.withheld if withheld else limits.per_caller)
