"""One store transaction per webhook at most, whatever the webhook reads and writes."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from sqlalchemy import event, func, select

from ivr.harness.simulator import SimulatedCall
from ivr.harness.transport import FlaskTransport, Reply
from ivr.runtime import runtime
from ivr.store.lookups import allow_lookup
from ivr.store.tables import Lookup
from tests.conftest import AUTH_TOKEN, CLOSED_HOURS

CASE, NEW_ORLEANS_CASE, PHOENIX = "3222190012345#", "7722190022222#", "6222190033333#"


@dataclass
class CountingTransport:
    """Posts through the Flask client and notes how many transactions each webhook began in SQLite."""

    inner: FlaskTransport
    began: list[int] = field(default_factory=lambda: [0])
    per_webhook: list[tuple[str, int]] = field(default_factory=list)

    def post(self, url: str, params: dict, headers: dict) -> Reply:
        """Post, and record (path, transactions) for this webhook."""
        self.began[0] = 0
        reply = self.inner.post(url, params, headers)
        self.per_webhook.append((url.split("?")[0].removeprefix("http://localhost"), self.began[0]))
        return reply


@pytest.fixture
def counted(make_app):
    """(app factory, transport factory): each transport counts the transactions of its app's store."""
    transports = []

    def transport_for(app) -> CountingTransport:
        transport = CountingTransport(FlaskTransport(app.test_client()))

        def traced(statement: str) -> None:
            if statement.lstrip().upper().startswith("BEGIN"):
                transport.began[0] += 1

        def watch(dbapi_connection, _record, _proxy) -> None:
            # SQLite's own trace: every BEGIN the database runs, whoever asked for it (the driver
            # begins a transaction before a unit's first write, SQLAlchemy's or the unit's own).
            dbapi_connection.set_trace_callback(traced)

        with app.app_context():
            event.listen(runtime().store.engine, "checkout", watch)
        transports.append(transport)
        return transport

    return transport_for


def counted_call(app, transport: CountingTransport, **kwargs) -> SimulatedCall:
    """A simulated call whose webhooks go through the counting transport."""
    return SimulatedCall(transport, "http://localhost", AUTH_TOKEN, **kwargs)


def assert_one_transaction_each(transport: CountingTransport) -> None:
    """No webhook began more than one transaction."""
    assert transport.per_webhook, "no webhook was posted"
    assert max(count for _, count in transport.per_webhook) == 1, transport.per_webhook


def test_a_case_status_call_uses_one_transaction_per_webhook(app, counted):
    transport = counted(app)
    c = counted_call(app, transport).start().press("1").press("1").press(CASE).press("1")
    assert "We received your case" in c.last_heard
    assert_one_transaction_each(transport)
    lookup = transport.per_webhook[-1]
    assert lookup == ("/voice/gather", 1)  # the look-up's limits, the case and the call's state: one transaction


def test_an_unknown_case_and_the_limit_use_one_transaction_per_webhook(make_app, counted):
    app = make_app(LOOKUPS_PER_CALL="2")
    transport = counted(app)
    c = counted_call(app, transport).start().press("1").press("1")
    for _ in range(2):
        c.press("3222190012346#").press("1")
    c.press(CASE).press("1")
    assert "We received your case" not in c.all_heard
    assert_one_transaction_each(transport)


def test_an_out_of_hours_callback_booking_uses_one_transaction_per_webhook(make_app, counted):
    app = make_app(FAKE_NOW=CLOSED_HOURS)
    transport = counted(app)
    c = counted_call(app, transport, caller="+13105550100").start().press("1").press("0").press("1")
    c.press(NEW_ORLEANS_CASE).press("1").press("1")
    assert "We will call you on" in c.last_heard and c.ended
    assert_one_transaction_each(transport)
    assert ("/voice/status", 1) in transport.per_webhook  # the final status forgets the call


def test_a_biometrics_move_uses_one_transaction_per_webhook(app, counted):
    transport = counted(app)
    c = counted_call(app, transport).start().press("1").press("2").press(PHOENIX).press("1").press("1").press("2")
    c.press("1")
    assert "Your appointment is now on" in c.last_heard
    assert_one_transaction_each(transport)


def test_a_fault_keeps_nothing_of_the_webhook_it_struck(app, monkeypatch):
    """The look-up counted before the fault is rolled back with the rest, and the caller hears the apology."""
    transport = FlaskTransport(app.test_client())
    c = SimulatedCall(transport, "http://localhost", AUTH_TOKEN).start().press("1").press("1").press(CASE)
    with app.app_context():

        def broken_case_store(_receipt):
            raise RuntimeError("the cases table is gone")

        monkeypatch.setattr(runtime().services.records, "find_case", broken_case_store)
    c.press("1")
    assert "sorry" in c.last_heard.lower()
    with app.app_context(), runtime().store.session() as session:
        assert session.scalar(select(func.count()).select_from(Lookup).where(Lookup.call_sid == c.call_sid)) == 0


def test_a_look_up_another_instance_records_meanwhile_counts_against_the_caller(make_app):
    """The caller's last look-up is taken by another instance while this one works: this webhook runs
    again, and the caller hears the limit, not the case."""
    app, other = make_app(LOOKUPS_PER_CALLER="1"), make_app(LOOKUPS_PER_CALLER="1")
    c = SimulatedCall(FlaskTransport(app.test_client()), "http://localhost", AUTH_TOKEN, caller="+13105550177")
    c.start().press("1").press("1").press(CASE)
    with app.app_context():
        records = runtime().services.records
    find_case, raced = records.find_case, []

    def meanwhile(receipt):
        if not raced:
            raced.append(True)
            with other.app_context():
                rt = runtime()
                assert allow_lookup(rt.store, rt.services.limits, "CAother" + c.call_sid[7:], c.caller, rt.clock())
        return find_case(receipt)

    records.find_case = meanwhile
    c.press("1")
    assert raced and "We cannot look up more cases on this call." in c.last_heard  # no apology, no case
    with app.app_context(), runtime().store.session() as session:
        counted = session.scalar(select(func.count()).select_from(Lookup).where(Lookup.caller == c.caller))
    assert counted == 2  # the other instance's, and this call's once: the raced run left nothing
