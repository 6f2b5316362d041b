"""PostgreSQL commits that need not wait for the disk: those that wrote only what a crash may lose.

A commit waits until the write-ahead log is on disk; on a server's disk that is the bulk of a
webhook's time (some 10 ms here). A transaction that wrote only a call's state (the call then
resumes from the node in its URL), its record, look-up counts or status callbacks already counted
commits with `synchronous_commit` off: the database stays consistent, and a crash of the database
server (never of an app instance) may lose its last moments. Anything else, callbacks booked and
appointments moved first of all, waits for the disk as before.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine

RELAXED_TABLES = frozenset({"call_sessions", "call_records", "case_lookups", "call_status_events"})
DURABLE = "ivr.durable_commit"  # in a connection's info: this transaction wrote something that must last


def _writes_only_relaxed(statement: str, context) -> bool:
    """Whether a statement reads, or writes only tables whose last writes a server crash may lose."""
    if context is not None and (context.isinsert or context.isupdate or context.isdelete):
        table = getattr(getattr(context.compiled, "statement", None), "table", None)
        return getattr(table, "name", None) in RELAXED_TABLES
    return statement.lstrip()[:6].upper() == "SELECT"


def _note_statement(conn, _cursor, statement, _parameters, context, _executemany) -> None:
    """Remember a statement whose effect must be on disk before its commit returns."""
    if not conn.info.get(DURABLE) and not _writes_only_relaxed(statement, context):
        conn.info[DURABLE] = True


def _forget(conn) -> None:
    """A new transaction (or one rolled back) has written nothing yet."""
    conn.info.pop(DURABLE, None)


def _commit(conn) -> None:
    """Just before COMMIT: a transaction that wrote what must last waits for the disk (the others, by the
    connection's own setting, do not: most transactions, and they need no statement more)."""
    if conn.info.pop(DURABLE, False):
        conn.connection.driver_connection.execute("SET LOCAL synchronous_commit TO ON")


def _relaxed_by_default(_dialect, _record, _cargs, cparams) -> None:
    """Each new connection commits without waiting for the disk unless `_commit` says otherwise."""
    cparams["options"] = f"{cparams.get('options', '')} -c synchronous_commit=off".strip()


def relax_commits(engine: Engine) -> None:
    """Commit without waiting for the disk when a transaction wrote only what a server crash may lose."""
    event.listen(engine, "do_connect", _relaxed_by_default)
    event.listen(engine, "after_cursor_execute", _note_statement)
    event.listen(engine, "begin", _forget)
    event.listen(engine, "rollback", _forget)
    event.listen(engine, "commit", _commit)
