"""Injected faults: a store whose database cannot be reached, as when its server is down."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from ivr.store.db import Store, make_engine


def _refuse_connection(*_args, **_kwargs):
    """Every new database connection fails, as when the server is down."""
    raise OperationalError("connect", {}, ConnectionRefusedError("database_down: injected for a test"))


def refuse_connections(engine: Engine) -> None:
    """Make every new connection of an engine fail (pooled connections are closed first)."""
    engine.dispose()
    event.listen(engine, "do_connect", _refuse_connection)


def unreachable_store(like: Store) -> Store:
    """A store on the same URL whose every connection is refused (the fault `database_down`)."""
    engine = make_engine(like.engine.url.render_as_string(hide_password=False))
    refuse_connections(engine)
    return Store(engine)
