"""The migrations build exactly the schema tables.py describes, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from ivr.store.db import database_url, open_store
from ivr.store.migrate import BASELINE, alembic_config
from ivr.store.tables import Base

HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def differences(engine) -> list:
    """What tables.py has that the database lacks, or the other way round (empty when in step)."""
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)


def revision(engine) -> str:
    """The revision the database is stamped with."""
    with engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()


def test_a_new_sqlite_database_is_migrated_to_exactly_the_models(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert differences(store.engine) == []  # a table changed without a migration shows up here
    assert revision(store.engine) == HEAD
    store.dispose()


def test_a_database_made_before_migrations_is_stamped_and_kept(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as connection:  # the schema as it was made before migrations: the baseline's, unstamped
        command.upgrade(alembic_config(connection), BASELINE)
        connection.execute(text("DROP TABLE alembic_version"))
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO call_sessions VALUES ('CA1', '{}', '2026-11-30 15:00:00')"))
    engine.dispose()
    store = open_store(url)
    assert revision(store.engine) == HEAD and differences(store.engine) == []
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT call_sid FROM call_sessions")).scalar_one() == "CA1"
    store.dispose()


def test_starting_twice_is_a_no_op(tmp_path):
    url = f"sqlite:///{tmp_path / 'twice.sqlite3'}"
    open_store(url).dispose()
    store = open_store(url)
    assert revision(store.engine) == HEAD
    store.dispose()


@pytest.fixture
def fresh_pg_database(pg_url):
    """A new, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"ivr_migrations_{uuid.uuid4().hex[:8]}"
    admin = create_engine(database_url(pg_url, "."), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = database_url(pg_url, ".").rsplit("/", 1)[0] + f"/{name}"
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_a_new_postgresql_database_is_migrated_to_exactly_the_models(fresh_pg_database):
    store = open_store(fresh_pg_database)
    assert differences(store.engine) == []
    assert revision(store.engine) == HEAD
    assert "callbacks" in inspect(store.engine).get_table_names()
    store.dispose()
