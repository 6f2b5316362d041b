"""The caller's language: chosen first, said in both until then, switched at any menu, carried to agents."""

from __future__ import annotations

import pytest

from ivr.lint.texts import spoken_seconds
from tests.conftest import simulated_call

MAIN_MENU = {"en": "For the status of a case, press 1", "es": "Para saber el estado de un caso, oprima 1"}
OFFER = {"en": ("es-US", "Para español, oprima 9."), "es": ("en-US", "For English, press 9.")}
KEY = {"en": "1", "es": "2"}
OTHER = {"en": "es", "es": "en"}


def test_both_choices_are_offered_within_ten_seconds_of_audio(call):
    c = call().start()
    seconds = sum(spoken_seconds(h.text, h.language[:2]) for h in c.turn)
    assert "For English, press 1" in c.last_heard and "Para español, oprima 2" in c.last_heard
    assert seconds <= 10 and c.waiting


@pytest.mark.parametrize(("silence", "heard"), [
    (1, ["Sorry, I did not hear anything.", "Disculpe, no escuché nada."]),
    (3, ["If you need more time", "Si necesita más tiempo"]),
])
def test_before_the_choice_re_prompts_are_in_both_languages(call, silence, heard):
    c = call().start()
    for _ in range(silence):
        c.silence()
    assert all(text in c.last_heard for text in heard)
    assert {h.language for h in c.turn} == {"en-US", "es-US"}


def test_giving_up_before_the_choice_reaches_an_agent_in_both_languages(call):
    c = call().start().press("7").press("7").press("7")
    assert "so we will connect you with an agent" in c.last_heard
    assert "así que le comunicaremos con un agente" in c.last_heard
    assert [t.target for t in c.transfers] == ["tier1"]


def test_out_of_hours_giving_up_before_the_choice_says_goodbye_in_both(closed_call):
    c = closed_call().start().press("7").press("7").press("7")
    assert "Please call again Monday through Friday" in c.last_heard
    assert "Por favor, llame nuevamente de lunes a viernes" in c.last_heard
    assert c.ended and not c.transfers


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_menu_ends_with_the_other_language_offered_in_it(call, lang):
    c = call().start().press(KEY[lang])
    assert (c.turn[-1].language, c.turn[-1].text) == OFFER[lang]
    c.press("5")  # the someone menu
    assert (c.turn[-1].language, c.turn[-1].text) == OFFER[lang]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("how", ["key", "word"])
def test_the_switch_speaks_the_same_menu_in_the_other_language_and_back(call, lang, how):
    c = call().start().press(KEY[lang]).press("5")
    c.press("9") if how == "key" else c.say({"en": "español por favor", "es": "English please"}[lang])
    assert {"en": "Para una pregunta sobre su caso", "es": "For a question about your case"}[lang] in c.last_heard
    assert (c.turn[-1].language, c.turn[-1].text) == OFFER[OTHER[lang]]
    c.press("9")
    assert {"es": "Para una pregunta sobre su caso", "en": "For a question about your case"}[lang] in c.last_heard


@pytest.mark.parametrize(("lang", "queue"), [("en", "tier1"), ("es", "tier1-es")])
def test_a_spanish_caller_reaches_the_spanish_target_of_the_tier(make_app, lang, queue):
    app = make_app(TRANSFER_TIER1_ES="queue:tier1-es", TRANSFER_TIER3_ES="sip:senior-es@agents.example.gov")
    c = simulated_call(app).start().press(KEY[lang]).press("0")
    assert [f"{t.kind}:{t.target}" for t in c.transfers] == [f"queue:{queue}"]
    senior = simulated_call(app).start().press(KEY[lang]).press("5").press("2")
    expected = ("sip", "sip:senior-es@agents.example.gov") if lang == "es" else ("queue", "tier3")
    assert [(t.kind, t.target.split("?")[0]) for t in senior.transfers] == [expected]  # without its X- headers


def test_a_switched_caller_reaches_the_target_of_the_new_language(make_app):
    app = make_app(TRANSFER_TIER1_ES="+12025550123")
    c = simulated_call(app).start().press("1").press("9").press("0")
    assert [f"{t.kind}:{t.target}" for t in c.transfers] == ["number:+12025550123"]
    assert "le comunicamos con un agente" in c.all_heard
