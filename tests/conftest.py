"""Fixtures: an app on a private SQLite file, its clients, and simulated calls."""

from __future__ import annotations

import os

import pytest

from ivr import create_app
from ivr.harness.simulator import SimulatedCall
from ivr.harness.transport import FlaskTransport

pytest_plugins = ["ivr.harness.pytest_plugin"]

AUTH_TOKEN = "test-auth-token"
OPEN_HOURS = "2026-11-30T15:00:00+00:00"  # Monday 10 a.m. Eastern: agents answer
CLOSED_HOURS = "2026-11-28T23:00:00+00:00"  # Saturday evening: agents do not


@pytest.fixture
def make_app(tmp_path):
    """Build an app with settings overridden; each app shares the test's database file."""

    def make(**overrides):
        config = {
            "TESTING": True,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'ivr.sqlite3'}",
            "FAKE_NOW": OPEN_HOURS,
            "DEMO_DATA": "1",
            "INSTANCE_PATH": str(tmp_path / "instance"),
            **overrides,
        }
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


@pytest.fixture
def pg_url():
    """The PostgreSQL database tests may use, from TEST_DATABASE_URL; skip when unset."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL tests need a database to use")
    return url
