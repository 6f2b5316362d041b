"""The store every test of the store may use: SQLite in the test's folder, or the PostgreSQL test database."""

from __future__ import annotations

import pytest

from ivr.store.db import database_url, open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """A migrated store, on SQLite and on PostgreSQL (skipped without TEST_DATABASE_URL)."""
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    store = open_store(database_url(url, str(tmp_path)))
    yield store
    store.dispose()
