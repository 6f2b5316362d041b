"""Whole calls through the harness: the opening, the main menu, silence and nonsense."""

from __future__ import annotations

import pytest

LANGUAGE_KEY = {"en": "1", "es": "2"}
MAIN_MENU = {"en": "For the status of a case, press 1", "es": "Para saber el estado de un caso, oprima 1"}

# (branch key, English word, Spanish word, what the caller hears in en / es, where the call goes)
BRANCHES = [
    ("1", "case status", "estado de caso", "13-character receipt number", "número de recibo de 13 caracteres", None),
    ("2", "appointment", "cita", "cannot book a first appointment", "No podemos programar una primera cita", None),
    ("4", "request", "solicitud", "For emergency travel, press 1", "Para un viaje de emergencia, oprima 1", None),
    ("5", "someone", "hablar con alguien", "VAWA, U visa or T visa", "VAWA, visa U o visa T", None),
    ("3", "password", "contraseña", "Forgot password", "Olvidé mi contraseña", None),
]


def main_menu(call, lang="en"):
    """A call that has chosen its language and hears the main menu."""
    return call().start().press(LANGUAGE_KEY[lang])


def test_the_opening_offers_both_languages_first(call):
    c = call().start()
    assert [h.language for h in c.heard] == ["en-US", "es-US"]
    assert c.heard[0].text.endswith("For English, press 1.") and c.heard[1].text.endswith("Para español, oprima 2.")
    assert c.waiting


@pytest.mark.parametrize(("lang", "notes", "other"), [
    ("en", ["TTY line at 800-767-1833, or dial 711", "interpreter"], "intérprete"),
    ("es", ["línea TTY al 800-767-1833, o marque 711", "intérprete"], "interpreter"),
])
def test_the_notes_come_after_the_choice_in_the_chosen_language(call, lang, notes, other):
    c = main_menu(call, lang)
    assert all(note in c.last_heard for note in notes) and other not in c.last_heard


@pytest.mark.parametrize("lang", ["en", "es"])
def test_choosing_a_language_speaks_the_menu_in_it(call, lang):
    c = main_menu(call, lang)
    assert MAIN_MENU[lang] in c.last_heard
    *in_language, switch = c.turn
    assert {h.language for h in in_language} == {f"{lang}-US"}
    assert (switch.language, switch.text) == {"en": ("es-US", "Para español, oprima 9."),
                                              "es": ("en-US", "For English, press 9.")}[lang]


@pytest.mark.parametrize(("words", "lang"), [("English", "en"), ("español", "es"), ("Spanish please", "es")])
def test_language_by_speech(call, words, lang):
    c = call().start().say(words)
    assert MAIN_MENU[lang] in c.last_heard


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("branch", BRANCHES, ids=[b[0] for b in BRANCHES])
@pytest.mark.parametrize("by", ["key", "word"])
def test_each_main_menu_branch_by_key_and_word(call, lang, branch, by):
    key, en_word, es_word, en_heard, es_heard, transfer = branch
    c = main_menu(call, lang)
    c.press(key) if by == "key" else c.say(en_word if lang == "en" else es_word)
    assert (en_heard if lang == "en" else es_heard) in c.all_heard
    if transfer:
        assert [f"{t.kind}:{t.target}" for t in c.transfers] == [transfer]
        assert c.ended
    else:
        assert c.waiting and not c.transfers


@pytest.mark.parametrize(("path", "tier"), [
    (["4", "1"], "queue:tier2"),   # emergency travel: an officer
    (["2", "5462190011111#", "1", "1"], "queue:tier1"),  # biometrics, no appointment to move: an agent
    (["4", "2", "0"], "queue:tier1"),   # expedite: 0 while asked for the receipt number
    (["4", "3", "0"], "queue:tier1"),   # service-request follow-up: 0 while asked for the number
    (["5", "1"], "queue:tier1"),   # a general question
    (["5", "2"], "queue:tier3"),   # VAWA / U / T: senior officers
    (["3", "1"], "queue:helpdesk"),  # account help -> technical help desk
    (["0"], "queue:tier1"),        # 0 from the main menu
])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_branch_ends_with_the_right_tier(call, path, tier, lang):
    c = main_menu(call, lang)
    for key in path:
        c.press(key)
    assert [f"{t.kind}:{t.target}" for t in c.transfers] == [tier]
    assert c.ended


@pytest.mark.parametrize(("lang", "words"), [("en", "agent"), ("en", "representative"), ("es", "agente")])
def test_asking_for_an_agent_by_word(call, lang, words):
    c = main_menu(call, lang).say(words)
    assert [t.target for t in c.transfers] == ["tier1"]


URGENT_QUESTION = {"en": "Did you mean emergency travel, or expedite? Please say which one.",
                   "es": "¿Se refiere a viaje de emergencia o a trámite acelerado? Por favor, diga cuál."}


@pytest.mark.parametrize(("lang", "urgent", "answer", "heard"), [
    ("en", "it's urgent", "expedite", "The contact center does not decide expedite requests"),
    ("en", "urgent", "travel", "For urgent travel with a pending Form I-131"),
    ("es", "es urgente", "acelerar", "El centro de contacto no decide las solicitudes de trámite acelerado"),
    ("es", "tengo una urgencia", "viaje", "Para un viaje urgente con un Formulario I-131"),
])
def test_urgent_alone_asks_between_travel_and_an_expedite_then_goes_where_the_caller_says(
        call, lang, urgent, answer, heard):
    c = main_menu(call, lang).say(urgent)
    assert c.last_heard.startswith(URGENT_QUESTION[lang])
    c.say(answer)
    assert heard in c.all_heard


@pytest.mark.parametrize(("lang", "words", "heard"), [
    ("en", "urgent travel", "For urgent travel with a pending Form I-131"),
    ("es", "un viaje urgente", "Para un viaje urgente con un Formulario I-131"),
])
def test_urgent_with_what_it_is_about_goes_straight_there(call, lang, words, heard):
    assert heard in main_menu(call, lang).say(words).all_heard


@pytest.mark.parametrize("lang", ["en", "es"])
def test_star_repeats_and_goes_back(call, lang):
    c = main_menu(call, lang).press("*")
    assert MAIN_MENU[lang] in c.last_heard
    c.press("4").press("*")
    assert MAIN_MENU[lang] in c.last_heard


SORRY = {"en": ("Sorry, I did not hear anything.", "Sorry, I did not understand that."),
         "es": ("Disculpe, no escuché nada.", "Disculpe, no entendí su respuesta.")}
MORE_TIME = {"en": "If you need more time", "es": "Si necesita más tiempo"}
HELP = {"en": "You can press a key at any time", "es": "Puede oprimir una tecla en cualquier momento"}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_silence_reprompts_twice_saying_more_then_offers_more_time_then_an_agent(call, lang):
    c = main_menu(call, lang).silence()
    assert c.last_heard.startswith(SORRY[lang][0]) and MAIN_MENU[lang] in c.last_heard
    c.silence()
    assert HELP[lang] in c.last_heard  # the second re-prompt says more
    c.silence()
    assert MORE_TIME[lang] in c.last_heard and not c.transfers
    c.silence()
    assert [t.target for t in c.transfers] == ["tier1"] and c.ended


@pytest.mark.parametrize("lang", ["en", "es"])
def test_more_time_then_an_answer_goes_on(call, lang):
    c = main_menu(call, lang).silence().silence().silence()
    c.press("4")
    assert ("For emergency travel" if lang == "en" else "Para un viaje de emergencia") in c.last_heard


@pytest.mark.parametrize("lang", ["en", "es"])
def test_nonsense_reprompts_twice_then_an_agent(call, lang):
    c = main_menu(call, lang).press("7")
    assert c.last_heard.startswith(SORRY[lang][1])
    c.say("banana pancakes")
    assert HELP[lang] in c.last_heard
    c.press("8")
    assert [t.target for t in c.transfers] == ["tier1"] and c.ended


@pytest.mark.parametrize(("lang", "goodbye"), [
    ("en", "Please call again Monday through Friday"),
    ("es", "Por favor, llame nuevamente de lunes a viernes"),
])
def test_out_of_hours_silence_ends_with_a_polite_goodbye(closed_call, lang, goodbye):
    c = closed_call().start()
    c.press(LANGUAGE_KEY[lang]).press("7").press("7").press("7")
    assert goodbye in c.last_heard and c.ended and not c.transfers


@pytest.mark.parametrize(("lang", "closed"), [
    ("en", "not available until Monday, November 30, at 8 a.m. Eastern time."),
    ("es", "vuelven a atender el lunes 30 de noviembre, a las 8 de la mañana, hora del Este."),
])
def test_agent_out_of_hours_says_when_they_answer_and_offers_a_callback_or_the_menu(closed_call, lang, closed):
    c = closed_call().start()
    c.press(LANGUAGE_KEY[lang]).press("0")
    assert closed in c.last_heard and not c.transfers
    offer = {"en": "For a callback from an agent, press 1",
             "es": "Para que le devolvamos la llamada, oprima 1"}[lang]
    assert offer in c.last_heard
    c.press("2")
    assert MAIN_MENU[lang] in c.last_heard


@pytest.mark.parametrize("outcome", ["busy", "no-answer", "failed", "queue-full"])
def test_an_agent_leg_that_fails_is_never_a_dead_end(call, outcome):
    c = main_menu(call, "es")
    c.agent_outcome = outcome
    c.press("0")
    assert "no pudimos comunicarle con un agente" in c.last_heard
    assert "Para que le devolvamos la llamada, oprima 1" in c.last_heard
    c.press("2")
    assert MAIN_MENU["es"] in c.last_heard


def test_the_readme_example(call):
    c = call().start().press("2").press("5").say("visa U")
    assert "oficial superior" in c.all_heard
    assert [t.target for t in c.transfers] == ["tier3"]
