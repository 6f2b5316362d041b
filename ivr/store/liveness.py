"""PostgreSQL connections the server has closed are found at checkout without a round trip.

A pooled connection is idle between units of work: the server has nothing to say on it unless it
is closing it (a restart, an administrator, an idle timeout), when it sends its last message and
hangs up. Whether the socket has anything to read is a question the kernel answers at once; the
pool's own pre-ping asked the server, one round trip on every webhook. A connection cut without a
word (a partition) is the webhook budget's and TCP's timeouts' to catch, as it was before.
"""

from __future__ import annotations

import select

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError


def _closed_by_server(dbapi_connection, _record, _proxy) -> None:
    """Refuse a pooled connection that the server has closed, or has begun to close: the pool replaces it."""
    try:
        readable, _, _ = select.select([dbapi_connection.fileno()], [], [], 0)
    except Exception as error:  # the driver knows its connection is closed already
        raise DisconnectionError(str(error)) from error
    if readable:
        raise DisconnectionError("the server closed the connection")


def replace_closed_connections(engine: Engine) -> None:
    """Check every connection the pool hands out, as above."""
    event.listen(engine, "checkout", _closed_by_server)
