"""Schema migrations with Alembic: every instance brings the database to the latest revision."""

from __future__ import annotations

import fcntl
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001"  # the schema databases had before migrations: such a database is stamped with it
SCHEMA_LOCK = 7_446_590_001  # the PostgreSQL advisory lock held while migrating


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, without an ini file: our scripts, and the connection to use."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@contextmanager
def _sqlite_file_lock(engine: Engine):
    """One process at a time migrates an SQLite file (gunicorn workers start together).

    PostgreSQL needs no file: it takes an advisory lock inside the migrating transaction.
    """
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def head_revision() -> str:
    """The latest revision among the migration scripts."""
    return _head_of(tuple(sorted(path.name for path in (MIGRATIONS / "versions").glob("*.py"))))


@lru_cache(maxsize=4)
def _head_of(_script_names: tuple[str, ...]) -> str:
    """The head revision of the scripts as they are now (a new script file gives a new key)."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migration scripts in {MIGRATIONS / 'versions'}")
    return head


def is_at_head(engine: Engine) -> bool:
    """Whether the database is stamped with the latest revision: a plain read, no lock taken.

    Alembic writes the new revision last, in the migrating transaction, so a database that
    shows the head revision has the whole schema of it.
    """
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return False
        stamped = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return stamped == [head_revision()]


def upgrade(engine: Engine) -> None:
    """Migrate to the latest revision; a database created before migrations is stamped first."""
    if is_at_head(engine):
        return  # every start but the first: no lock, no Alembic environment to load
    with _sqlite_file_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # A migration may rightly take longer than the limits webhooks run under, and wait for
            # another instance's migration to finish.
            connection.execute(text("SET LOCAL statement_timeout = 0"))
            connection.execute(text("SET LOCAL lock_timeout = 0"))
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
        config = alembic_config(connection)
        tables = set(inspect(connection).get_table_names())
        if "cases" in tables and "alembic_version" not in tables:
            command.stamp(config, BASELINE)
        command.upgrade(config, "head")
