"""Fixtures: an app on a private SQLite file, its clients, and simulated calls."""

from __future__ import annotations

import os
import shutil
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url

from ivr import create_app
from ivr.harness.simulator import SimulatedCall
from ivr.harness.transport import FlaskTransport
from ivr.runtime import wants_demo_data
from ivr.store.db import database_url, open_store
from ivr.store.demo import seed_demo_data

pytest_plugins = ["ivr.harness.pytest_plugin", "pytester"]

AUTH_TOKEN = "test-auth-token"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"  # Debian's, never a browser Playwright downloads
PNG = b"\x89PNG\r\n\x1a\n"  # how a screenshot starts
OPEN_HOURS = "2026-11-30T15:00:00+00:00"  # Monday 10 a.m. Eastern: agents answer
CLOSED_HOURS = "2026-11-28T23:00:00+00:00"  # Saturday evening: agents do not


def _commit_without_fsync(dbapi_connection, _record) -> None:
    """A test's SQLite file need not survive a power cut: commits do not wait for the disk."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous=OFF")


@pytest.fixture(scope="session", autouse=True)
def sqlite_without_fsync():
    """Every SQLite connection the tests open skips fsync (locking and WAL are as in production)."""
    event.listen(Engine, "connect", _commit_without_fsync)
    yield
    event.remove(Engine, "connect", _commit_without_fsync)


def build_database(path: Path, demo: bool) -> Path:
    """An SQLite file migrated to the latest revision (with the demo data if `demo`), in one file."""
    store = open_store(f"sqlite:///{path}")
    if demo:
        seed_demo_data(store)
    store.dispose()
    # Out of WAL mode: the write-ahead log is folded into the file, so copying the file copies it all.
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    return path


@pytest.fixture(scope="session")
def built_databases(tmp_path_factory) -> dict[bool, Path]:
    """Databases as a new app builds them, with and without demo data, made once per test run."""
    directory = tmp_path_factory.mktemp("databases")
    return {demo: build_database(directory / f"demo-{demo}.sqlite3", demo) for demo in (False, True)}


@pytest.fixture
def make_app(request, tmp_path, built_databases):
    """Build an app with settings overridden; each app shares the test's database file.

    The first app of a test starts on a copy of a database migrated (and seeded) once per run,
    which is much faster than migrating; the app then finds it at the latest revision, as on any
    later start. Tests marked `fresh_database` have the app build it.
    """
    database = tmp_path / "ivr.sqlite3"
    copy_built = request.node.get_closest_marker("fresh_database") is None

    def make(**overrides):
        config = {
            "TESTING": True,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "DATABASE_URL": f"sqlite:///{database}",
            "FAKE_NOW": OPEN_HOURS,
            "DEMO_DATA": "1",
            "INSTANCE_PATH": str(tmp_path / "instance"),
            **overrides,
        }
        if copy_built and config["DATABASE_URL"] == f"sqlite:///{database}" and not database.exists():
            shutil.copyfile(built_databases[wants_demo_data(config)], database)
        return create_app(config)

    return make


@pytest.fixture
def app(make_app):
    """The IVR in live hours."""
    return make_app()


@pytest.fixture
def client(app):
    """A test client of the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner of the app."""
    return app.test_cli_runner()


def slow_texts(document: str) -> list[str]:
    """The words of each <prosody rate="slow"> in a TwiML document, <say-as> markup and all."""
    return ["".join(node.itertext()) for node in ET.fromstring(document).iter("prosody") if node.get("rate") == "slow"]


def simulated_call(app, **kwargs) -> SimulatedCall:
    """A new (not yet started) simulated call into an app."""
    return SimulatedCall(FlaskTransport(app.test_client()), "http://localhost", AUTH_TOKEN, **kwargs)


@pytest.fixture
def call(app):
    """Make simulated calls in live hours: `call().start().press("1")`."""
    return lambda **kwargs: simulated_call(app, **kwargs)


@pytest.fixture
def closed_call(make_app):
    """Make simulated calls out of hours (a Saturday evening)."""
    app = make_app(FAKE_NOW=CLOSED_HOURS)
    return lambda **kwargs: simulated_call(app, **kwargs)


@pytest.fixture(scope="session")
def pg_url():
    """The PostgreSQL database tests may use, from TEST_DATABASE_URL; skip when unset.

    Under pytest-xdist each worker has a new database of its own on that server, dropped at the
    end: tests that empty or count a table never see another worker's rows.
    """
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL tests need a database to use")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        yield url
        return
    configured = make_url(url)
    name = f"{configured.database}_{os.environ['PYTEST_XDIST_TESTRUNUID'][:8]}_{worker}"
    admin = create_engine(database_url(url, "."), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield configured.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium driven by Playwright; skipped, saying why, when either is missing."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (requirements-dev.txt)")
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()
