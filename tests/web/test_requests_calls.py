"""Whole calls for requests: an expedite recorded for the deciding office, emergency travel (an officer
in hours, a recorded request and a callback out of hours), and follow-ups after 30 calendar days."""

from __future__ import annotations

import re

import pytest

from ivr.runtime import runtime
from ivr.store.callbacks import list_callbacks
from ivr.store.service_requests import find_request, request_chain
from tests.conftest import CLOSED_HOURS, OPEN_HOURS, simulated_call, slow_texts

LANGUAGE_KEY = {"en": "1", "es": "2"}
REFERENCE = re.compile(r"S R, (\d) (\d) (\d) (\d), (\d) (\d) (\d) (\d)[.,]")
THIRTY_ONE_DAYS_LATER = "2026-12-31T15:00:00+00:00"
SIXTY_THREE_DAYS_LATER = "2027-02-01T15:00:00+00:00"  # a Monday: agents answer


def requests_menu(call, lang: str = "en", **kwargs):
    """A call at the requests menu (main menu key 4)."""
    return call(**kwargs).start().press(LANGUAGE_KEY[lang]).press("4")


def reference_heard(c) -> str:
    """The reference number last read back to the caller."""
    return "SR" + "".join(REFERENCE.findall(c.last_heard)[-1])


def calls_into(app):
    """Make calls into one app."""
    return lambda **kwargs: simulated_call(app, **kwargs)


def chain(app, **where):
    """A request chain as the app's store holds it."""
    with app.app_context():
        return request_chain(runtime().store, **where)


ONLINE = {"en": "documents for them cannot be sent online", "es": "no se pueden enviar documentos en línea"}


@pytest.mark.parametrize(("lang", "receipt", "office", "location"), [
    ("en", "EAC2190012345", "We have sent your expedite request to the Vermont Service Center, the office that "
                            "decides it.", "vsc"),
    ("es", "SRC2190022222", "Enviamos su pedido de trámite acelerado a la Oficina Local de Nueva Orleans, la oficina "
                            "que lo decide.", "fo_new_orleans"),
])
def test_an_expedite_is_recorded_for_the_office_that_decides_it(app, lang, receipt, office, location):
    c = requests_menu(calls_into(app), lang).press("2")
    assert ONLINE[lang] in c.last_heard
    c.press({"EAC": "322", "SRC": "772"}[receipt[:3]] + receipt[3:] + "#").press("1")
    assert office in c.last_heard and not c.transfers
    reference = reference_heard(c)
    with app.app_context():
        request = find_request(runtime().store, reference)
    assert (request.kind, request.routed_to, request.level, request.receipt_number) == \
        ("expedite", location, "primary", receipt)
    spoken = f"S R, {' '.join(reference[2:6])}, {' '.join(reference[6:])}."
    assert spoken in slow_texts(c.documents[-1])
    c.press("1")
    assert c.last_heard.startswith(spoken)


def test_an_expedite_for_an_unknown_case_asks_again_and_records_nothing(app):
    c = requests_menu(calls_into(app)).press("2").press("3222190012346#").press("1")
    assert "We could not find a case with that receipt number." in c.last_heard
    assert "Please enter or say the receipt number again." in c.last_heard
    assert chain(app, receipt_number="EAC2190012346") == []


def test_an_expedite_for_a_protected_case_goes_to_senior_officers(call):
    c = requests_menu(call).press("2").press("3222190077777#").press("1")
    assert [t.target for t in c.transfers] == ["tier3"]
    assert "reference number" not in c.all_heard


@pytest.mark.parametrize("lang", ["en", "es"])
def test_emergency_travel_in_live_hours_reaches_a_tier2_officer(app, lang):
    c = requests_menu(calls_into(app), lang).press("1")
    assert ("Form I-131" if lang == "en" else "Formulario I-131") in c.all_heard
    assert [t.target for t in c.transfers] == ["tier2"]
    assert chain(app, receipt_number="YSC2190055555") == []


@pytest.mark.parametrize(("lang", "recorded", "slot"), [
    ("en", "We have recorded your emergency travel request for an Immigration Services Officer",
     "For Monday, November 30, at 9 a.m. Atlantic time, press 1."),
    ("es", "Registramos su pedido de viaje de emergencia para un oficial de servicios de inmigración",
     "Para el lunes 30 de noviembre, a las 9 de la mañana, hora del Atlántico, oprima 1."),
])
def test_emergency_travel_out_of_hours_is_recorded_for_tier2_and_a_callback_offered(make_app, lang, recorded, slot):
    app = make_app(FAKE_NOW=CLOSED_HOURS)
    c = requests_menu(calls_into(app), lang).press("1")
    assert not c.transfers and ("Monday, November 30" if lang == "en" else "lunes 30 de noviembre") in c.last_heard
    c.press("9722190055555#").press("1")
    assert recorded in c.last_heard
    [request] = chain(app, receipt_number="YSC2190055555")
    assert (request.kind, request.routed_to, request.reference) == ("emergency_travel", "tier2", reference_heard(c))
    c.press("2").press("1")
    assert slot in c.last_heard  # the case was filed in San Juan: Atlantic time
    c.press("1").press("1")
    with app.app_context():
        [callback] = list_callbacks(runtime().store)
    assert (callback.tier, callback.receipt_number, callback.time_zone) == \
        ("tier2", "YSC2190055555", "America/Puerto_Rico")


@pytest.mark.parametrize(("lang", "given", "due"), [
    ("en", "20260003#", "We found your service request S R, 2 0 2 6, 0 0 0 3. An answer "
                        "is due by December 16, 2026."),
    ("en", "'S R 2 0 2 6 0 0 0 3", "An answer is due by December 16, 2026."),
    ("en", "7722190022222#", "S R, 2 0 2 6, 0 0 0 3"),  # by its receipt number
    ("es", "'ese erre dos cero dos seis cero cero cero tres", "Debe recibir una respuesta a más tardar el 16 de "
                                                               "diciembre de 2026."),
])
def test_a_follow_up_before_30_days_says_when_the_answer_is_due(app, lang, given, due):
    c = requests_menu(calls_into(app), lang).press("3")
    c.say(given[1:]) if given.startswith("'") else c.press(given)
    assert due in c.last_heard and not c.transfers
    assert len(chain(app, reference="SR20260003")) == 1  # nothing new was created


@pytest.mark.parametrize(("lang", "created", "tertiary"), [
    ("en", "The office has not answered in 30 calendar days, so we sent a secondary request "
           "to the Vermont Service Center.", "so we sent a tertiary request"),
    ("es", "La oficina no respondió en 30 días calendario, así que enviamos una solicitud secundaria "
           "al Centro de Servicio de Vermont.", "enviamos una solicitud terciaria"),
])
def test_follow_ups_after_30_days_create_a_secondary_then_a_tertiary_request(make_app, lang, created, tertiary):
    app = make_app()
    c = requests_menu(calls_into(app), lang).press("3").press("20260001#")
    assert created in c.last_heard
    secondary = reference_heard(c)
    again = requests_menu(calls_into(app), lang).press("3").press(secondary[2:] + "#")
    assert ("December 30, 2026" if lang == "en" else "30 de diciembre de 2026") in again.last_heard  # not yet
    later = make_app(FAKE_NOW=THIRTY_ONE_DAYS_LATER)
    c = requests_menu(calls_into(later), lang).press("3").press(secondary[2:] + "#")
    assert tertiary in c.last_heard
    assert [(r.level, r.kind) for r in chain(app, reference="SR20260001")] == \
        [("primary", "expedite"), ("secondary", "follow_up"), ("tertiary", "follow_up")]
    last = requests_menu(calls_into(make_app(FAKE_NOW=SIXTY_THREE_DAYS_LATER)), lang).press("3").press("20260001#")
    assert [t.target for t in last.transfers] == ["tier1"]
    assert len(chain(app, reference="SR20260001")) == 3


def test_the_same_request_followed_up_on_two_instances_gets_one_secondary(make_app):
    first, second = make_app(), make_app()
    one = requests_menu(calls_into(first)).press("3").press("20260002#")
    two = requests_menu(calls_into(second), caller="+13125550100").press("3").press("20260002#")
    assert "sent a secondary request" in one.last_heard
    assert "An answer is due by December 30, 2026" in two.last_heard  # the secondary the first caller got
    assert reference_heard(one) == reference_heard(two)
    assert [r.level for r in chain(first, reference="SR20260002")] == ["primary", "secondary"]


@pytest.mark.parametrize(("lang", "answered"), [
    ("en", "The office answered your service request S R, 2 0 2 6, 0 0 0 8 on October 20, 2026."),
    ("es", "La oficina respondió a su solicitud de servicio S R, 2 0 2 6, 0 0 0 8 el 20 de octubre de 2026."),
])
def test_an_answered_request_is_not_followed_up(app, lang, answered):
    c = requests_menu(calls_into(app), lang).press("3").press("20260008#")
    assert answered in c.last_heard
    assert len(chain(app, reference="SR20260008")) == 1


@pytest.mark.parametrize("lang", ["en", "es"])
def test_three_numbers_that_find_nothing_reach_an_agent(call, lang):
    c = requests_menu(call, lang).press("3").press("123#")
    assert ("A reference number has 8 digits" if lang == "en" else "Un número de referencia tiene 8 dígitos") \
        in c.last_heard
    c.press("99999999#")
    assert ("could not find a service request" if lang == "en" else "No pudimos encontrar una solicitud") \
        in c.last_heard
    c.press("5462190099999#")  # a receipt number with no request
    assert [t.target for t in c.transfers] == ["tier1"]


def test_follow_ups_count_against_the_look_up_limit(make_app):
    app = make_app(LOOKUPS_PER_CALL="0", FAKE_NOW=OPEN_HOURS)
    c = requests_menu(calls_into(app)).press("3").press("20260003#")
    assert "We cannot look up more cases on this call" in c.last_heard
