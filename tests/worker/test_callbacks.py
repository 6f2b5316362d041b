"""The callback worker through the real twilio REST client, against a loopback Calls API."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from twilio.request_validator import RequestValidator

from ivr.cli.callbacks import make_dialer
from ivr.domain.callbacks import Booking
from ivr.harness.rest_standin import RestStandin
from ivr.runtime import runtime
from ivr.store.callbacks import book, claim_due, get_callback
from ivr.store.tables import Callback
from ivr.worker.callbacks import dialling_pool, dispatch_once
from tests.conftest import AUTH_TOKEN

NOW = "2026-11-30T15:00:00+00:00"  # Monday 10 a.m. Eastern
PUBLIC = "https://ivr.example.gov"
ACCOUNT = "AC" + "1" * 32


@pytest.fixture
def standin():
    with RestStandin(ACCOUNT, AUTH_TOKEN) as server:
        yield server


@pytest.fixture
def worker_app(make_app, standin):
    return make_app(FAKE_NOW=NOW, PUBLIC_BASE_URL=PUBLIC, TWILIO_API_BASE_URL=standin.url,
                    TWILIO_ACCOUNT_SID=ACCOUNT)


def booking(sid: str, at: datetime, lang: str = "es", tier: str = "tier2") -> Booking:
    """A callback booked by inbound call `sid`."""
    return Booking(booked_by_call=sid, receipt_number="SRC2190022222", time_zone="America/Chicago",
                   phone="+13105550100", lang=lang, tier=tier, purpose="agent", scheduled_for=at)


def add(app, count: int, at: datetime) -> list[int]:
    """Book `count` callbacks due at `at`."""
    with app.app_context():
        store = runtime().store
        return [book(store, booking(f"CAbook{i}", at), capacity=10_000, now=at) for i in range(count)]


def status(app, callback_id: int, call_sid: str, call_status: str) -> None:
    """Post Twilio's signed status callback for an outbound call."""
    url = f"{PUBLIC}/voice/callback-status?id={callback_id}&lang=es"
    params = {"CallSid": call_sid, "AccountSid": ACCOUNT, "CallStatus": call_status, "Direction": "outbound-api"}
    signature = RequestValidator(AUTH_TOKEN).compute_signature(url, params)
    reply = app.test_client().post(url, data=params, headers={"X-Twilio-Signature": signature})
    assert reply.status_code == 200


def state_of(app, callback_id: int):
    with app.app_context():
        return get_callback(runtime().store, callback_id)


def test_the_worker_dials_due_callbacks_through_the_rest_api(worker_app, standin):
    [due] = add(worker_app, 1, datetime(2026, 11, 30, 14, 30, tzinfo=UTC))
    later = add_later(worker_app)
    result = worker_app.test_cli_runner().invoke(args=["callbacks", "work", "--once"])
    assert result.exit_code == 0, result.output
    [placed] = standin.api.calls
    assert (placed.to, placed.from_, placed.account) == ("+13105550100", "+18003755283", ACCOUNT)
    assert placed.url == f"{PUBLIC}/voice/callback?id={due}&lang=es"
    assert placed.status_callback == f"{PUBLIC}/voice/callback-status?id={due}&lang=es"
    assert placed.machine_detection == "Enable"  # a machine is hung up on: no message is ever left
    assert state_of(worker_app, due).state == "dialing" and state_of(worker_app, due).call_sid == placed.sid
    assert state_of(worker_app, later).state == "scheduled"  # not due yet


def add_later(app) -> int:
    """A callback due tomorrow."""
    with app.app_context():
        return book(runtime().store, booking("CAlater", datetime(2026, 12, 1, 15, tzinfo=UTC)), 10, datetime.now(UTC))


def test_the_answered_callback_greets_in_spanish_and_connects_the_tier(worker_app, standin):
    [callback_id] = add(worker_app, 1, datetime(2026, 11, 30, 14, 30, tzinfo=UTC))
    worker_app.test_cli_runner().invoke(args=["callbacks", "work", "--once"])
    placed = standin.api.calls[0]
    params = {"CallSid": placed.sid, "AccountSid": ACCOUNT, "From": "+18003755283", "To": placed.to,
              "CallStatus": "in-progress", "Direction": "outbound-api"}
    signature = RequestValidator(AUTH_TOKEN).compute_signature(placed.url, params)
    path = urlsplit(placed.url)
    reply = worker_app.test_client().post(f"{path.path}?{path.query}", data=params, base_url=PUBLIC,
                                          headers={"X-Twilio-Signature": signature})
    body = reply.get_data(as_text=True)
    assert "Le llama el Centro de Contacto" in body and 'language="es-US"' in body
    assert "<Enqueue" in body and ">tier2<Task>" in body
    assert parse_qs(path.query)["id"] == [str(callback_id)]


def test_no_answer_retries_once_within_the_window_then_gives_up(worker_app, standin):
    [callback_id] = add(worker_app, 1, datetime(2026, 11, 30, 14, 30, tzinfo=UTC))
    runner = worker_app.test_cli_runner()
    runner.invoke(args=["callbacks", "work", "--once"])
    status(worker_app, callback_id, standin.api.calls[0].sid, "no-answer")
    retried = state_of(worker_app, callback_id)
    assert retried.state == "scheduled" and retried.attempts == 1
    local = retried.scheduled_for.astimezone(ZoneInfo("America/Chicago"))
    assert local.isoformat() == "2026-11-30T10:30:00-06:00"  # an hour later, inside 9-6 Central
    with worker_app.app_context(), runtime().store.session() as session:
        # The clock is fixed: bring the retry to now to dial it again.
        session.get(Callback, callback_id).scheduled_for = datetime(2026, 11, 30, 14, 59, tzinfo=UTC)
    runner.invoke(args=["callbacks", "work", "--once"])
    assert len(standin.api.calls) == 2
    status(worker_app, callback_id, standin.api.calls[1].sid, "busy")
    assert state_of(worker_app, callback_id).state == "no-answer"
    assert state_of(worker_app, callback_id).attempts == 2


def test_status_callbacks_are_idempotent_per_call_and_status(worker_app, standin):
    [callback_id] = add(worker_app, 1, datetime(2026, 11, 30, 14, 30, tzinfo=UTC))
    worker_app.test_cli_runner().invoke(args=["callbacks", "work", "--once"])
    sid = standin.api.calls[0].sid
    for _ in range(3):
        status(worker_app, callback_id, sid, "no-answer")
    assert state_of(worker_app, callback_id).attempts == 1  # retried once, not three times
    assert state_of(worker_app, callback_id).state == "scheduled"


def test_a_completed_call_completes_the_callback(worker_app, standin):
    [callback_id] = add(worker_app, 1, datetime(2026, 11, 30, 14, 30, tzinfo=UTC))
    worker_app.test_cli_runner().invoke(args=["callbacks", "work", "--once"])
    status(worker_app, callback_id, standin.api.calls[0].sid, "completed")
    assert state_of(worker_app, callback_id).state == "completed"


def test_a_dead_workers_claim_expires_and_another_takes_it(worker_app, standin):
    [callback_id] = add(worker_app, 1, datetime(2026, 11, 30, 14, 30, tzinfo=UTC))
    with worker_app.app_context():
        store = runtime().store
        [claimed] = claim_due(store, "dead-worker", datetime(2026, 11, 30, 14, 56, tzinfo=UTC),
                              timedelta(minutes=2), 10)  # it claimed, then died before dialing
    assert (claimed.callback.id, claimed.earlier_claim) == (callback_id, None)
    worker_app.test_cli_runner().invoke(args=["callbacks", "work", "--once"])  # the clock says 15:00
    assert [c.url for c in standin.api.calls] == [f"{PUBLIC}/voice/callback?id={callback_id}&lang=es"]
    assert state_of(worker_app, callback_id).attempts == 2


def test_a_claim_not_yet_expired_is_left_alone(worker_app, standin):
    add(worker_app, 1, datetime(2026, 11, 30, 14, 30, tzinfo=UTC))
    with worker_app.app_context():
        claim_due(runtime().store, "busy-worker", datetime(2026, 11, 30, 14, 59, tzinfo=UTC), timedelta(minutes=5), 10)
    worker_app.test_cli_runner().invoke(args=["callbacks", "work", "--once"])
    assert standin.api.calls == []


def test_the_worker_needs_a_public_base_url(make_app):
    result = make_app(PUBLIC_BASE_URL="").test_cli_runner().invoke(args=["callbacks", "work", "--once"])
    assert result.exit_code == 2 and "set PUBLIC_BASE_URL" in result.output


def test_callbacks_list_shows_local_times_with_the_zones_offset(worker_app):
    add(worker_app, 1, datetime(2026, 11, 30, 16, 0, tzinfo=UTC))
    result = worker_app.test_cli_runner().invoke(args=["callbacks", "list", "--json"])
    [row] = json.loads(result.output)
    assert {k: row[k] for k in ("receipt_number", "phone", "state", "time_zone", "scheduled_for")} == {
        "receipt_number": "SRC2190022222", "phone": "+13105550100", "state": "scheduled",
        "time_zone": "America/Chicago", "scheduled_for": "2026-11-30T10:00:00-06:00"}
    text = worker_app.test_cli_runner().invoke(args=["callbacks", "list"]).output
    assert "2026-11-30T10:00:00-06:00" in text and "America/Chicago" in text


@pytest.mark.parametrize(("twilio_says", "state", "attempts"), [
    ("completed", "completed", 1), ("no-answer", "scheduled", 1), ("in-progress", "dialing", 1),
])
def test_a_lost_status_callback_is_settled_by_asking_twilio(make_app, standin, twilio_says, state, attempts):
    settings = {"PUBLIC_BASE_URL": PUBLIC, "TWILIO_API_BASE_URL": standin.url, "TWILIO_ACCOUNT_SID": ACCOUNT}
    dialling = make_app(FAKE_NOW=NOW, **settings)
    [callback_id] = add(dialling, 1, datetime(2026, 11, 30, 14, 30, tzinfo=UTC))
    dialling.test_cli_runner().invoke(args=["callbacks", "work", "--once"])
    standin.api.final_status = twilio_says  # ...and no status callback ever reaches the IVR
    later = make_app(FAKE_NOW="2026-11-30T16:30:00+00:00", **settings)
    result = later.test_cli_runner().invoke(args=["callbacks", "work", "--once"])
    assert result.exit_code == 0, result.output
    settled = state_of(later, callback_id)
    assert (settled.state, settled.attempts) == (state, attempts)
    if state == "dialing":  # still on the phone with an agent: left alone
        assert settled.call_sid == standin.api.calls[0].sid


class KilledAfterDialling:
    """A dialer whose worker is killed the moment Twilio has accepted its call: the CallSid is never stored."""

    def __init__(self, dialer):
        self.dialer = dialer

    def place(self, callback_id, to, lang):
        self.dialer.place(callback_id, to, lang)
        raise SystemExit("killed")  # not an Exception: nothing in the worker catches it, as with a real kill


def kill_mid_dial(app) -> None:
    """A worker claims the due callbacks, places the first call, and dies before storing its SID."""
    with app.app_context():
        rt = runtime()
        with pytest.raises(SystemExit), dialling_pool() as pool:
            dispatch_once(rt.store, rt.services, KilledAfterDialling(make_dialer(app, rt.auth_token)), "doomed", pool)


FIVE_PAST = "2026-11-30T15:05:00+00:00"  # past the two-minute lease of a claim made at 15:00


def test_a_worker_killed_between_the_rest_call_and_the_store_write_leads_to_exactly_one_dial(make_app, standin):
    standin.api.clock = lambda: datetime(2026, 11, 30, 15, 0, 2, tzinfo=UTC)  # Twilio's clock: just after the claim
    settings = {"PUBLIC_BASE_URL": PUBLIC, "TWILIO_API_BASE_URL": standin.url, "TWILIO_ACCOUNT_SID": ACCOUNT}
    doomed = make_app(FAKE_NOW=NOW, **settings)
    [callback_id] = add(doomed, 1, datetime(2026, 11, 30, 14, 30, tzinfo=UTC))
    kill_mid_dial(doomed)
    [placed] = standin.api.calls
    assert (state_of(doomed, callback_id).state, state_of(doomed, callback_id).call_sid) == ("dialing", None)
    rescuer = make_app(FAKE_NOW=FIVE_PAST, **settings)
    result = rescuer.test_cli_runner().invoke(args=["callbacks", "work", "--until-idle"])
    assert result.exit_code == 0, result.output
    assert standin.api.calls == [placed]  # one dial: Twilio's call list said the call was placed
    settled = state_of(rescuer, callback_id)
    assert (settled.state, settled.call_sid, settled.attempts) == ("dialing", placed.sid, 2)
    status(rescuer, callback_id, placed.sid, "completed")  # its outcome then settles the callback as usual
    assert state_of(rescuer, callback_id).state == "completed"


def test_a_call_to_the_same_number_before_the_dead_claim_is_not_taken_for_it(make_app, standin):
    settings = {"PUBLIC_BASE_URL": PUBLIC, "TWILIO_API_BASE_URL": standin.url, "TWILIO_ACCOUNT_SID": ACCOUNT}
    app = make_app(FAKE_NOW=NOW, **settings)
    standin.api.clock = lambda: datetime(2026, 11, 29, 15, 0, tzinfo=UTC)  # a call the day before
    with app.app_context():
        make_dialer(app, runtime().auth_token).place(99, "+13105550100", "es")
    standin.api.clock = lambda: datetime(2026, 11, 30, 15, 0, 2, tzinfo=UTC)
    [callback_id] = add(app, 1, datetime(2026, 11, 30, 14, 30, tzinfo=UTC))
    with app.app_context():
        claim_due(runtime().store, "doomed", datetime(2026, 11, 30, 15, 0, tzinfo=UTC), timedelta(minutes=2), 10)
    make_app(FAKE_NOW=FIVE_PAST, **settings).test_cli_runner().invoke(args=["callbacks", "work", "--once"])
    assert [c.url for c in standin.api.calls][1:] == [f"{PUBLIC}/voice/callback?id={callback_id}&lang=es"]


@pytest.mark.parametrize("answered_by", ["machine_start", "machine_end_beep", "fax"])
def test_a_machine_that_answers_a_callback_hears_nothing(worker_app, standin, answered_by):
    [callback_id] = add(worker_app, 1, datetime(2026, 11, 30, 14, 30, tzinfo=UTC))
    worker_app.test_cli_runner().invoke(args=["callbacks", "work", "--once"])
    placed = standin.api.calls[0]
    params = {"CallSid": placed.sid, "AccountSid": ACCOUNT, "From": "+18003755283", "To": placed.to,
              "CallStatus": "in-progress", "Direction": "outbound-api", "AnsweredBy": answered_by}
    signature = RequestValidator(AUTH_TOKEN).compute_signature(placed.url, params)
    path = urlsplit(placed.url)
    reply = worker_app.test_client().post(f"{path.path}?{path.query}", data=params, base_url=PUBLIC,
                                          headers={"X-Twilio-Signature": signature})
    body = reply.get_data(as_text=True)
    assert reply.status_code == 200 and callback_id
    assert "<Hangup" in body and "<Say" not in body and "<Play" not in body
