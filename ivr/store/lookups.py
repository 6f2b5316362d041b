"""Case look-ups per call and per caller, counted in the shared store to stop enumeration."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from ivr.domain.lookups import WITHHELD_CALLER, LookupLimits, caller_key
from ivr.store.db import Raced, Store, Unit
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

    Instances racing for a caller's last look-ups never pass the limit. PostgreSQL takes a lock on
    the caller until the commit, so each counts the others' look-ups. SQLite has one writer at a
    time for the whole file, and a unit that writes early holds every other writer back for the rest
    of its webhook: there the look-up is counted first, recorded at the very end of the unit and
    counted again, and a unit whose answer another's commit changed meanwhile is run again (Raced).
    Callers are counted by `caller_key`: their number in E.164, however Twilio spelled it.
    """
    counted_as = caller_key(caller)
    budget = limits.withheld if counted_as == WITHHELD_CALLER else limits.per_caller
    values = {"call_sid": call_sid, "caller": counted_as}
    if store.dialect != "sqlite":
        with store.unit() as unit:
            CALLER_LOCK.run(unit, key=f"lookups:{counted_as}").fetchone()
            COUNT.run(unit, at=now, **values)
            return _within(_counts(unit, values, now - limits.window), limits, budget)
    for _ in range(RACES):
        try:
            with store.unit() as unit:
                per_call, per_caller = _counts(unit, values, now - limits.window)
                allowed = _within((per_call + 1, per_caller + 1), limits, budget)  # this one included
                unit.at_the_end(partial(_record, unit, values, now, limits, budget, allowed))
                return allowed
        except Raced:
            continue  # its own unit was rolled back: count again
    raise Raced(f"look-ups by {call_sid} raced {RACES} times")


RACES = 3  # times a look-up on its own is tried before giving up


def _counts(unit: Unit, values: dict[str, str], since: datetime) -> tuple[int, int]:
    """The call's and the caller's look-ups since the window opened."""
    per_call, per_caller = RECENT.run(unit, since=since, **values).fetchone()
    return per_call, per_caller


def _within(counts: tuple[int, int], limits: LookupLimits, budget: int) -> bool:
    """Whether the call's and the caller's counts (the new look-up included) are within the limits."""
    per_call, per_caller = counts
    # Withheld numbers have no single owner: together they share one budget, so calling again
    # with the number hidden buys no more guesses.
    return per_call <= limits.per_call and per_caller <= budget


def _record(unit: Unit, values: dict[str, str], now: datetime, limits: LookupLimits, budget: int,
            allowed: bool) -> None:
    """At the end of the unit, holding SQLite's one write lock: record the look-up, and check an allowed
    one is still within the limits now that every earlier commit is counted."""
    COUNT.run(unit, at=now, **values)
    if allowed and not _within(_counts(unit, values, now - limits.window), limits, budget):
        raise Raced("another look-up by this caller was recorded meanwhile")
