"""Numbers a caller hears are marked up with SSML <say-as>, in both languages, in the TwiML the line answers."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.conftest import CLOSED_HOURS, simulated_call

KEY = {"en": "1", "es": "2"}
CASE_KEYS = "3222190012345#"  # EAC2190012345, the demo case
NEW_ORLEANS = "7722190022222#"  # SRC2190022222, an appointment at the New Orleans ASC


def marked(call) -> list[tuple[str, str]]:
    """(interpret-as, text) of every <say-as> in the TwiML of the caller's last turn."""
    return [(node.get("interpret-as"), node.text) for node in ET.fromstring(call.documents[-1]).iter("say-as")]


def says(call) -> list[ET.Element]:
    """The <Say> verbs of the TwiML of the caller's last turn."""
    return list(ET.fromstring(call.documents[-1]).iter("Say"))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_tty_number_and_711_are_read_as_a_phone_number_and_digits(app, lang):
    c = simulated_call(app).start().press(KEY[lang])
    note = next(say for say in says(c) if "TTY" in "".join(say.itertext()))
    assert [(n.get("interpret-as"), n.text) for n in note.iter("say-as")] == [
        ("telephone", "800-767-1833"), ("digits", "711")]
    # the words around the markup are kept whole: the transcript reads as the prompt is written
    assert {"en": "800-767-1833, or dial 711.", "es": "800-767-1833, o marque 711."}[lang] in c.last_heard


@pytest.mark.parametrize(("lang", "heard"), [
    ("en", "You entered: E A C, 2 1 9, 0 0 1, 2 3 4 5."),
    ("es", "Usted ingresó: E A C, 2 1 9, 0 0 1, 2 3 4 5."),
])
def test_a_receipt_number_is_read_as_its_letters_then_its_digits(app, lang, heard):
    c = simulated_call(app).start().press(KEY[lang]).press("1").press(CASE_KEYS).press("*")
    assert marked(c) == [("characters", "E A C"), ("digits", "2 1 9"), ("digits", "0 0 1"), ("digits", "2 3 4 5")]
    assert heard in c.last_heard


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_zip_code_and_a_callback_number_and_reference_are_read_as_digits(make_app, lang):
    app = make_app(FAKE_NOW=CLOSED_HOURS)
    c = simulated_call(app, caller="+13125550100").start().press(KEY[lang]).press("0").press("1").press("*")
    c.press("85004")
    assert marked(c)[0] == ("digits", "8 5 0 0 4")
    c.press("1").press("1")
    assert ("digits", "3 1 2") in marked(c) and ("digits", "0 1 0 0") in marked(c)
    c.press("1")
    readings = marked(c)
    assert ("characters", "C B") in readings and [kind for kind, _ in readings].count("digits") >= 4


@pytest.mark.parametrize(("lang", "address"), [
    ("en", "1250 Poydras Street, New Orleans, Louisiana 70113"),
    ("es", "1250 Poydras Street, Nueva Orleans, Luisiana 70113"),
])
def test_an_asc_address_ends_in_a_zip_code_read_as_digits(app, lang, address):
    c = simulated_call(app).start().press(KEY[lang]).press("2").press(NEW_ORLEANS).press("1")
    assert ("digits", "70113") in marked(c)
    assert address in c.last_heard


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_service_request_reference_is_read_as_letters_and_digits(app, lang):
    c = simulated_call(app).start().press(KEY[lang]).press("4").press("3").press("20260001#")
    readings = marked(c)
    assert ("characters", "S R") in readings
    reference = readings[readings.index(("characters", "S R")):][:3]
    assert [kind for kind, _ in reference] == ["characters", "digits", "digits"]
    assert [len(text.split()) for _, text in reference] == [2, 4, 4]
