"""Schema migrations with Alembic: every instance brings the database to the latest revision."""

from __future__ import annotations

import fcntl
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
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


def upgrade(engine: Engine) -> None:
    """Migrate to the latest revision; a database created before migrations is stamped first."""
    with _sqlite_file_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
        config = alembic_config(connection)
        tables = set(inspect(connection).get_table_names())
        if "cases" in tables and "alembic_version" not in tables:
            command.stamp(config, BASELINE)
        command.upgrade(config, "head")
