"""PostgreSQL closing the line's connections (a restart, an administrator) costs no caller an apology."""

from __future__ import annotations

import psycopg
import pytest

from ivr.runtime import runtime
from tests.conftest import simulated_call

APOLOGY = {"en": "We are sorry: something went wrong on our side.",
           "es": "Lo sentimos: ocurrió un problema en nuestro sistema."}


def pooled_backends(app) -> list[int]:
    """The server processes behind the connections the app's pool holds (taking each out, then back)."""
    with app.app_context():
        engine = runtime().store.engine
        held = [engine.raw_connection() for _ in range(engine.pool.checkedin())]
        try:
            return [connection.driver_connection.info.backend_pid for connection in held]
        finally:
            for connection in held:
                connection.close()


def terminate(pg_url: str, backends: list[int]) -> None:
    """Have the server end those backends, as a restart or an administrator would, and wait until they have."""
    with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as admin:
        for pid in backends:
            admin.execute("SELECT pg_terminate_backend(%s, 5000)", (pid,))


@pytest.fixture
def pg_app(make_app, pg_url):
    """An app on PostgreSQL, its pool closed after the test."""
    app = make_app(DATABASE_URL=pg_url, DEMO_DATA="0")
    yield app
    with app.app_context():
        runtime().store.dispose()


@pytest.mark.parametrize("lang, key", [("en", "1"), ("es", "2")])
def test_connections_the_server_closed_are_replaced_before_a_webhook_uses_them(pg_app, pg_url, lang, key):
    app = pg_app
    call = simulated_call(app).start().press(key)  # the language chosen: the main menu waits
    backends = pooled_backends(app)
    assert backends
    terminate(pg_url, backends)
    call.press("1")  # case status: the call's turn is written to its record
    assert APOLOGY[lang] not in call.all_heard
    assert "node=case_status.ask" in call.documents[-1]
    assert set(pooled_backends(app)).isdisjoint(backends)  # the pool holds new connections only
