"""What the line's metrics say, counted in the shared store when they are read (line-wide, every instance)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, func, select

from ivr.store.db import Store
from ivr.store.tables import Callback, CallRecordRow

AGENT_BUCKETS = (10, 30, 60, 120, 300, 600, 1200, 1800, 3600)  # seconds until an agent took the call


@dataclass(frozen=True)
class LineCounts:
    """Counts over the call records kept and the callbacks in the store."""

    calls: list[tuple[str, str, str, int]]  # line, language, outcome (or "in_progress"), calls
    transfers: list[tuple[str, str, int]]  # tier, language, calls an agent took
    agent_buckets: list[tuple[float, int]]  # upper bound in seconds, calls at or under it (cumulative)
    agent_count: int
    agent_sum: float
    callbacks: list[tuple[str, str, int]]  # state, time zone, callbacks
    refused_lookups: int
    faults: list[tuple[str, int]]  # kind, calls


def count_line(store: Store, buckets: Sequence[int] = AGENT_BUCKETS) -> LineCounts:
    """Every count the metrics show, in one transaction."""
    r = CallRecordRow
    with store.session() as session:
        calls = session.execute(select(r.line, r.lang, func.coalesce(r.outcome, "in_progress"), func.count())
                                .group_by(r.line, r.lang, r.outcome)).all()
        transfers = session.execute(select(r.tier, r.lang, func.count()).where(r.outcome == "transferred")
                                    .group_by(r.tier, r.lang)).all()
        took = r.agent_seconds.is_not(None)
        under = [func.coalesce(func.sum(case((r.agent_seconds <= bound, 1), else_=0)), 0) for bound in buckets]
        agent = session.execute(select(func.count(), func.coalesce(func.sum(r.agent_seconds), 0), *under)
                                .where(took)).one()
        callbacks = session.execute(select(Callback.state, Callback.time_zone, func.count())
                                    .group_by(Callback.state, Callback.time_zone)).all()
        refused = session.scalar(select(func.coalesce(func.sum(r.limited), 0)))
        faults = session.execute(select(r.fault, func.count()).where(r.fault.is_not(None)).group_by(r.fault)).all()
    return LineCounts(
        calls=[(line, lang, outcome, n) for line, lang, outcome, n in calls],
        transfers=[(tier or "", lang, n) for tier, lang, n in transfers],
        agent_buckets=[(float(bound), int(n)) for bound, n in zip(buckets, agent[2:], strict=True)],
        agent_count=int(agent[0]), agent_sum=float(agent[1]),
        callbacks=[(state, zone, n) for state, zone, n in callbacks],
        refused_lookups=int(refused or 0), faults=[(kind, n) for kind, n in faults],
    )
