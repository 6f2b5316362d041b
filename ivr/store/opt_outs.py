"""The numbers that asked for no more text messages: kept on STOP or Twilio's 21610, forgotten on START."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ivr.store.db import Store
from ivr.store.tables import TextOptOut


def is_opted_out(store: Store, number: str) -> bool:
    """Whether the number asked for no more texts.

    Read in a savepoint: a fault here rolls back this read alone, and the call's unit of work goes on.
    """
    with store.session() as session, session.begin_nested():
        return session.scalar(select(TextOptOut.number).where(TextOptOut.number == number)) is not None


def opt_out(store: Store, number: str, now: datetime, reason: str) -> None:
    """Keep the number among those never texted (the first time and reason are kept), in a savepoint."""
    with store.session() as session, session.begin_nested():
        insert_for = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
        session.execute(insert_for(TextOptOut).values(number=number, at=now, reason=reason)
                        .on_conflict_do_nothing(index_elements=[TextOptOut.number]))


def opt_in(store: Store, number: str) -> bool:
    """Forget the number's opt-out (START, UNSTOP); whether it had one."""
    with store.session() as session:
        return session.execute(delete(TextOptOut).where(TextOptOut.number == number)).rowcount > 0
