"""Whole biometrics calls: an appointment moved at its ASC, in its zone; the reasons an agent takes
over instead; the last place raced for by two callers on two app instances; an earlier one asked for."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ivr.domain.biometrics import Appointment
from ivr.runtime import runtime
from ivr.store.appointments import find_appointment, save_appointments, slot_places
from ivr.store.service_requests import request_chain
from tests.conftest import simulated_call, slow_texts

LANGUAGE_KEY = {"en": "1", "es": "2"}
PHOENIX, NEW_ORLEANS, AGANA = "6222190033333#", "7722190022222#", "6722190088888#"


def appointment_heard(call, receipt_keys: str, lang: str = "en", **kwargs):
    """A call that chose biometrics, keyed a receipt number and confirmed it."""
    return call(**kwargs).start().press(LANGUAGE_KEY[lang]).press("2").press(receipt_keys).press("1")


def utc(*parts) -> datetime:
    """A UTC instant."""
    return datetime(*parts, tzinfo=UTC)


def stored_appointment(app, receipt: str) -> Appointment:
    """The appointment as the app's store holds it."""
    with app.app_context():
        return find_appointment(runtime().store, receipt)


def places(app, asc: str, start: datetime) -> tuple[int, int]:
    """(capacity, booked) of a slot."""
    with app.app_context():
        return slot_places(runtime().store, asc, start)


@pytest.mark.parametrize(("lang", "details", "offered", "chosen", "moved"), [
    ("en", "Your biometrics appointment is on Thursday, December 3, at 9 a.m. Arizona time, at the Phoenix "
           "Application Support Center, 2035 North Central Avenue, Phoenix, Arizona 85004.",
     "For Tuesday, December 1, at 8 a.m. Arizona time, press 1. For Wednesday, December 2, at 10:30 a.m. "
     "Arizona time, press 2. For Tuesday, December 8, at 9 a.m. Arizona time, press 3.",
     "You chose Wednesday, December 2, at 10:30 a.m. Arizona time, at the Phoenix Application Support Center.",
     "Your appointment is now on Wednesday, December 2, at 10:30 a.m. Arizona time"),
    ("es", "Su cita de servicios biométricos es el jueves 3 de diciembre, a las 9 de la mañana, hora de Arizona, "
           "en el Centro de Asistencia en Solicitudes de Phoenix, 2035 North Central Avenue",
     "Para el martes 1 de diciembre, a las 8 de la mañana, hora de Arizona, oprima 1. Para el miércoles 2 de "
     "diciembre, a las 10:30 de la mañana, hora de Arizona, oprima 2.",
     "Usted eligió el miércoles 2 de diciembre, a las 10:30 de la mañana, hora de Arizona",
     "Su cita ahora es el miércoles 2 de diciembre, a las 10:30 de la mañana, hora de Arizona"),
])
def test_an_appointment_is_moved_to_a_time_spoken_in_the_ascs_zone_and_stored(app, lang, details, offered, chosen,
                                                                              moved):
    c = appointment_heard(lambda **k: simulated_call(app, **k), PHOENIX, lang)
    assert details in c.last_heard
    c.press("1")
    assert offered in c.last_heard
    assert "November 30" not in c.last_heard and "30 de noviembre" not in c.last_heard  # 7 hours away: too soon
    c.press("2")
    assert chosen in c.last_heard
    c.press("1")
    assert moved in c.last_heard and not c.transfers
    # 10:30 a.m. in Phoenix (UTC-7 all year) is 17:30 UTC; the old place is free again.
    assert stored_appointment(app, "NBC2190033333") == Appointment("NBC2190033333", "asc_phoenix",
                                                                   utc(2026, 12, 2, 17, 30), 1)
    assert places(app, "asc_phoenix", utc(2026, 12, 2, 17, 30)) == (1, 1)
    assert places(app, "asc_phoenix", utc(2026, 12, 3, 16, 0)) == (2, 0)


def test_choosing_another_time_before_confirming_offers_the_times_again(call):
    c = appointment_heard(call, NEW_ORLEANS).press("1").press("1")
    assert "You chose Tuesday, December 8, at 10:30 a.m. Central time" in c.last_heard
    c.press("2")
    assert "For Tuesday, December 8, at 10:30 a.m. Central time, press 1." in c.last_heard
    c.press("3").press("1")
    assert "Your appointment is now on Thursday, December 10, at 2 p.m. Central time" in c.last_heard


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("receipt_keys", ["5462190011111#", "3222190012346#"])  # no appointment; no such case
def test_with_no_appointment_the_caller_hears_a_first_one_comes_by_notice_and_may_reach_an_agent(call, lang,
                                                                                                 receipt_keys):
    c = appointment_heard(call, receipt_keys, lang)
    explained = {"en": "We cannot book a first appointment by phone: you will receive an appointment notice by mail.",
                 "es": "No podemos programar una primera cita por teléfono: usted recibirá un aviso de cita por "
                       "correo."}
    assert explained[lang] in c.last_heard and not c.transfers
    c.press("1")
    assert [t.target for t in c.transfers] == ["tier1"]


@pytest.mark.parametrize(("receipt_keys", "lang", "why"), [
    ("3222190012345#", "en", "Your appointment is less than 12 hours "
                             "away, so it can no longer be changed by phone."),
    ("3222190012345#", "es", "Faltan menos de 12 horas para su cita: ya no se puede cambiar por teléfono."),
    ("9222190054321#", "en", "Your appointment has already been moved twice, so only an agent can change it again."),
    ("9222190054321#", "es", "Su cita ya se cambió dos veces, así que solo un agente puede cambiarla de nuevo."),
    ("4630912345678#", "en", "you missed your appointment. A missed "
                             "appointment cannot be moved by phone"),
    ("4630912345678#", "es", "Usted no asistió a su cita"),
    ("9722190055555#", "en", "The date of your appointment has passed, so it cannot be moved by phone."),
    ("9722190055555#", "es", "La fecha de su cita ya pasó, así que no se puede cambiar por teléfono."),
])
def test_when_the_caller_may_not_move_it_an_agent_takes_over_saying_why(call, receipt_keys, lang, why):
    c = appointment_heard(call, receipt_keys, lang)
    assert why in c.last_heard
    assert [t.target for t in c.transfers] == ["tier1"]
    assert "press 1" not in c.last_heard.split(why)[0]  # no open times were offered first


def test_the_12_hours_are_counted_on_the_apps_clock(closed_call):
    c = appointment_heard(closed_call, "3222190012345#")  # Saturday evening: the appointment is 45 hours away
    assert "To move it to another date, press 1." in c.last_heard


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "your biometrics appointment on Monday, November 16, at 8:30 a.m. Hawaii time was completed"),
    ("es", "usted ya asistió a su cita de servicios biométricos del lunes 16 de noviembre"),
])
def test_a_completed_appointment_has_nothing_to_move(call, lang, said):
    c = appointment_heard(call, "6722190044444#", lang)
    assert said in c.last_heard and not c.transfers
    c.press("2")
    assert ("For the status of a case" if lang == "en" else "Para saber el estado de un caso") in c.last_heard


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_u_visa_cases_appointment_goes_to_senior_officers_unspoken(call, lang):
    c = appointment_heard(call, "3222190066666#", lang)
    assert [t.target for t in c.transfers] == ["tier3"]
    assert "Miami" not in c.all_heard and "December 7" not in c.all_heard and "7 de diciembre" not in c.all_heard


def test_the_look_up_limit_applies_to_appointments_too(make_app):
    app = make_app(LOOKUPS_PER_CALL="0")
    c = appointment_heard(lambda **k: simulated_call(app, **k), PHOENIX)
    assert "We cannot look up more cases on this call" in c.last_heard
    assert [t.target for t in c.transfers] == ["tier1"]


def two_callers_at_the_last_place(make_app):
    """Two app instances on one database, and a second New Orleans appointment; both callers hear the
    last place of Tuesday, December 8, 10:30 a.m. offered first and choose it."""
    first, second = make_app(), make_app()
    with first.app_context():
        save_appointments(runtime().store, [Appointment("EAC2190012345", "asc_new_orleans", utc(2026, 12, 9, 15))])
    english = appointment_heard(lambda **k: simulated_call(first, **k), NEW_ORLEANS, "en").press("1").press("1")
    spanish = appointment_heard(lambda **k: simulated_call(second, caller="+13125550100", **k), "3222190012345#",
                                "es").press("1").press("1")
    assert "You chose Tuesday, December 8, at 10:30 a.m. Central time" in english.last_heard
    assert "Usted eligió el martes 8 de diciembre, a las 10:30 de la mañana, hora del Centro" in spanish.last_heard
    return first, english, spanish


def test_two_callers_confirming_the_last_place_one_gets_it_and_the_other_hears_the_next_times(make_app):
    app, english, spanish = two_callers_at_the_last_place(make_app)
    english.press("1")
    assert "Your appointment is now on Tuesday, December 8, at 10:30 a.m. Central time" in english.last_heard
    spanish.press("1")
    assert "Lo sentimos, ese horario se acaba de ocupar." in spanish.last_heard
    # The winner's old place (Friday, December 4, 1 p.m.) is free again, so it comes first now.
    assert "Para el viernes 4 de diciembre, a la 1 de la tarde, hora del Centro, oprima 1." in spanish.last_heard
    assert "8 de diciembre" not in spanish.last_heard
    spanish.press("1").press("1")
    assert "Su cita ahora es el viernes 4 de diciembre" in spanish.last_heard
    assert stored_appointment(app, "SRC2190022222").starts_at == utc(2026, 12, 8, 16, 30)
    assert stored_appointment(app, "EAC2190012345").starts_at == utc(2026, 12, 4, 19, 0)
    assert places(app, "asc_new_orleans", utc(2026, 12, 8, 16, 30)) == (1, 1)


def test_an_appointment_changed_during_the_call_is_looked_up_again(make_app):
    app = make_app()
    c = appointment_heard(lambda **k: simulated_call(app, **k), PHOENIX).press("1").press("1")
    with app.app_context():  # meanwhile an operator's import says it was already moved twice
        save_appointments(runtime().store, [Appointment("NBC2190033333", "asc_phoenix", utc(2026, 12, 3, 16), 2)])
    c.press("1")
    assert "Your appointment has already been moved twice" in c.last_heard
    assert [t.target for t in c.transfers] == ["tier1"]
    assert places(app, "asc_phoenix", utc(2026, 12, 1, 15)) == (2, 0)  # no place was taken


@pytest.mark.parametrize(("lang", "intro"), [
    ("en", "Earlier appointments are given case by case, at an officer's discretion"),
    ("es", "Las citas adelantadas se conceden caso por caso, a discreción de un oficial"),
])
def test_an_earlier_appointment_is_asked_for_and_the_reference_is_read_slowly_and_repeated(app, lang, intro):
    c = appointment_heard(lambda **k: simulated_call(app, **k), AGANA, lang).press("2")
    assert intro in c.last_heard
    with app.app_context():
        [request] = request_chain(runtime().store, receipt_number="MSC2190088888")
    spoken = f"S R, {' '.join(request.reference[2:6])}, {' '.join(request.reference[6:])}."
    assert spoken in slow_texts(c.documents[-1])
    c.press("1")
    assert c.last_heard.startswith(spoken)
    assert (request.kind, request.routed_to, request.level) == ("expedite_biometrics", "tier2", "primary")
    assert stored_appointment(app, "MSC2190088888").reschedule_count == 0  # nothing moved


def test_keeping_the_appointment_changes_nothing(app):
    c = appointment_heard(lambda **k: simulated_call(app, **k), AGANA).press("3")
    assert "Your appointment stays as it is." in c.last_heard
    assert stored_appointment(app, "MSC2190088888").starts_at == utc(2026, 12, 9, 23, 0)


@pytest.mark.parametrize(("receipt_keys", "offered"), [
    (AGANA, "The only open time at this center is Monday, December 14, at 9 a.m. Guam time. To take it, press 1."),
    ("5462190044444#", "For Monday, December 14, at 10 a.m. Central time, press 1. For Wednesday, December 16, at "
                       "2:30 p.m. Central time, press 2."),
    ("9222190099999#", "there are no open times at this center right now"),
])
def test_fewer_than_three_open_times_are_offered_as_they_are(call, receipt_keys, offered):
    c = appointment_heard(call, receipt_keys).press("1")
    assert offered in c.last_heard


def test_the_only_open_time_can_be_taken(app):
    appointment_heard(lambda **k: simulated_call(app, **k), AGANA).press("1").press("1").press("1")
    assert stored_appointment(app, "MSC2190088888").starts_at == utc(2026, 12, 13, 23, 0)  # 9 a.m. in Guam


def test_a_caller_can_say_what_they_want(call):
    c = call().start().press("1").say("appointment").say("N B C 2 1 9 0 0 3 3 3 3 3").say("yes")
    assert "Phoenix Application Support Center" in c.last_heard
    c.say("change")
    assert "These are the next open times at this center." in c.last_heard
