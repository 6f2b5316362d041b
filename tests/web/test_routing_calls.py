"""Whole calls through tiers, hours, the queue, the TTY line and the callback offer."""

from __future__ import annotations

import pytest
from twilio.request_validator import RequestValidator

from ivr.harness.simulator import CallFailed
from ivr.runtime import runtime
from ivr.store.callbacks import list_callbacks
from tests.conftest import AUTH_TOKEN, CLOSED_HOURS, simulated_call

TTY = "+18007671833"
PACIFIC_CALLER = "+13105550100"  # a Los Angeles area code
NEW_ORLEANS_CASE = "7722190022222#"  # SRC2190022222, filed at the New Orleans field office


def test_the_tty_number_goes_straight_to_the_tty_queue_with_nothing_spoken(call):
    c = call(called=TTY).start()
    assert [f"{t.kind}:{t.target}" for t in c.transfers] == ["queue:tty"]
    assert c.heard == []  # no greeting, no menu, no spoken hold prompts
    assert "<Gather" not in c.documents[0]


def test_the_tty_line_out_of_hours_is_keypad_only_down_to_a_booked_callback(closed_call):
    c = closed_call(called=TTY, caller=PACIFIC_CALLER).start()
    assert "711" in c.all_heard and not c.transfers
    with pytest.raises(CallFailed, match="not speech"):
        c.say("callback")
    c.press("1")                       # English
    assert 'input="dtmf"' in c.documents[-1] and "speech" not in c.documents[-1]
    c.press("1").press("*")            # a callback; no receipt number: the ZIP code, keyed
    assert "enter the 5-digit ZIP code" in c.last_heard and 'input="dtmf"' in c.documents[-1]
    c.press("96813")
    assert "You entered ZIP code 9 6 8 1 3, on Hawaii time." in c.last_heard
    c.press("1")
    assert "Hawaii time, press 1" in c.last_heard
    c.press("1").press("1")
    assert "We will call you on Monday, November 30, at 9 a.m. Hawaii time" in c.last_heard and c.ended


@pytest.mark.parametrize(("lang", "wait"), [
    ("en", ["Thank you for holding. You are number 1 in line.", "The expected wait is about 5 minutes.",
            "To leave the line and ask for a callback instead, press 1."]),
    ("es", ["Gracias por esperar. Usted es el número 1 en la fila.",
            "El tiempo de espera aproximado es de 5 minutos.",
            "Para salir de la fila y pedir que le devolvamos la llamada, oprima 1."]),
])
def test_in_hours_the_queue_wait_is_in_the_callers_language(call, lang, wait):
    c = call().start().press({"en": "1", "es": "2"}[lang]).press("0")
    hold = [h for h in c.heard if h.text.startswith(("Thank you for holding", "Gracias por esperar"))]
    assert hold and hold[0].language == f"{lang}-US"
    for line in wait:
        assert line in c.all_heard


@pytest.mark.parametrize(("lang", "when"), [
    ("en", "For Monday, November 30, at 9 a.m. Central time, press 1."),
    ("es", "Para el lunes 30 de noviembre, a las 9 de la mañana, hora del Centro, oprima 1."),
])
def test_out_of_hours_a_pacific_caller_is_called_back_in_the_filing_locations_zone(closed_call, lang, when):
    c = closed_call(caller=PACIFIC_CALLER).start().press({"en": "1", "es": "2"}[lang]).press("0")
    c.press("1").press(NEW_ORLEANS_CASE)
    assert when in c.last_heard
    c.press("2").press("1")
    booked = {"en": "We will call you on Monday, November 30, at 9:30 a.m. Central time, at 3 1 0, 5 5 5, 0 1 0 0.",
              "es": "Le llamaremos el lunes 30 de noviembre, a las 9:30 de la mañana, hora del Centro, "
                    "al 3 1 0, 5 5 5, 0 1 0 0."}
    assert booked[lang] in c.last_heard and c.ended


def test_the_booked_callback_is_stored_in_the_filing_locations_zone(make_app):
    app = make_app(FAKE_NOW=CLOSED_HOURS)
    simulated_call(app, caller=PACIFIC_CALLER).start().press("2").press("0").press("1") \
        .press(NEW_ORLEANS_CASE).press("3").press("1")
    with app.app_context():
        [callback] = list_callbacks(runtime().store)
    assert (callback.time_zone, callback.phone, callback.lang, callback.tier) == \
        ("America/Chicago", PACIFIC_CALLER, "es", "tier1")
    assert callback.scheduled_for.isoformat() == "2026-11-30T16:00:00+00:00"  # 10 a.m. Central


def test_the_case_already_looked_up_gives_the_zone_without_asking_again(call):
    c = call(caller=PACIFIC_CALLER, agent_outcome="busy").start().press("1").press("1")
    c.press(NEW_ORLEANS_CASE).press("1").press("3")  # status, then "speak with an agent": busy
    assert "could not connect you with an agent" in c.last_heard
    c.press("1")
    assert "Central time, press 1" in c.last_heard


def test_leaving_the_queue_offers_a_callback(call):
    c = call(agent_outcome="leave").start().press("1").press("0")
    assert [t.target for t in c.transfers] == ["tier1"]
    assert "For a callback from an agent, press 1" in c.last_heard


@pytest.mark.parametrize("outcome", ["busy", "no-answer", "failed"])
def test_a_dial_that_fails_offers_a_callback(make_app, outcome):
    app = make_app(TRANSFER_TIER2="+12025550199")
    c = simulated_call(app, agent_outcome=outcome).start().press("2").press("4").press("1")
    assert [f"{t.kind}:{t.target}" for t in c.transfers] == ["number:+12025550199"]
    assert "Para que le devolvamos la llamada, oprima 1" in c.last_heard


def test_a_keyed_callback_number_is_checked_and_read_back(closed_call):
    c = closed_call(caller="anonymous").start().press("1").press("0").press("1").press("*").press("*")
    c.press("1").press("2")  # Eastern time, from the list; the second slot
    assert "Please enter the 10-digit phone number" in c.last_heard
    c.press("8003755283#")
    assert "We cannot call a toll-free number back" in c.last_heard
    c.press("3125550100#")
    assert "We will call 3 1 2, 5 5 5, 0 1 0 0." in c.last_heard
    c.press("1")
    assert "We will call you on Monday, November 30, at 9:30 a.m. Eastern time, at 3 1 2, 5 5 5, 0 1 0 0" \
        in c.last_heard


def test_a_full_slot_is_not_offered(make_app):
    app = make_app(FAKE_NOW=CLOSED_HOURS, CALLBACK_SLOT_CAPACITY="1")
    first = simulated_call(app, caller="+13125550100").start().press("1").press("0").press("1").press("*") \
        .press("*").press("1")
    assert "For Monday, November 30, at 9 a.m. Eastern time, press 1." in first.last_heard
    first.press("1").press("1")
    second = simulated_call(app, caller="+13125550101").start().press("1").press("0").press("1").press("*") \
        .press("*").press("1")
    assert "at 9 a.m. Eastern" not in second.last_heard
    assert "For Monday, November 30, at 9:30 a.m. Eastern time, press 1." in second.last_heard


@pytest.mark.parametrize("key", ["0", "*", "2", "9"])
def test_on_hold_only_the_offered_key_leaves_the_line(client, key):
    url = "http://localhost/voice/leave-queue?lang=en"
    form = {"CallSid": "CA" + "1" * 32, "Digits": key}
    signature = RequestValidator(AUTH_TOKEN).compute_signature(url, form)
    stay = client.post("/voice/leave-queue?lang=en", data=form, headers={"X-Twilio-Signature": signature})
    assert stay.status_code == 200 and "<Leave" not in stay.get_data(as_text=True)
    form["Digits"] = "1"
    signature = RequestValidator(AUTH_TOKEN).compute_signature(url, form)
    leave = client.post("/voice/leave-queue?lang=en", data=form, headers={"X-Twilio-Signature": signature})
    assert "<Leave" in leave.get_data(as_text=True)
