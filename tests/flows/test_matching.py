"""Understanding keys and words at a menu: stems, near-misses, fillers, negation, two choices, none."""

from __future__ import annotations

import pytest

from ivr.flows.matching import spoken_key, understand
from ivr.flows.model import Flow, FlowSet, Node, Option
from ivr.flows.phrases import find_phrase, normalise_speech

MENU = Node(id="menu", flow="t", type="menu", prompt="p", options=(
    Option("1", "t.status", words={"en": ("case status", "status"), "es": ("estado",)},
           topics={"en": ("green card",), "es": ("tarjeta verde",)}),
    Option("2", "t.appointment", words={"en": ("appointment",), "es": ("cita",)}),
    Option("3", "t.password", words={"en": ("password",), "es": ("contraseña",)}),
    Option("4", "t.requests", words={"en": ("request",), "es": ("solicitud",)}),
))
REQUESTS = Node(id="requests", flow="t", type="menu", prompt="p", back="t.menu", options=(
    Option("1", "t.travel", words={"en": ("emergency travel", "travel")}),
    Option("2", "t.expedite", words={"en": ("expedite", "speed up")}, set={"receipt_for": "expedite"}),
))
CONFIRM = Node(id="confirm", flow="t", type="menu", prompt="p", options=(
    Option("1", "t.yes", words={"en": ("yes", "correct", "right", "thats it"), "es": ("si", "correcto")}),
    Option("2", "t.no", words={"en": ("no", "not correct", "not right", "wrong"), "es": ("no", "no es correcto")}),
))
AGENT_OPTION = Node(id="after", flow="t", type="menu", prompt="p", options=(
    Option("1", "t.agent", words={"en": ("agent",)}),
    Option("2", "t.goodbye", words={"en": ("goodbye",)}),
))
ENDS = {name: Node(id=name, flow="t", type="hangup", prompt="p")
        for name in ("status", "appointment", "password", "travel", "expedite", "yes", "no", "agent", "goodbye")}
FLOWSET = FlowSet(
    flows={"t": Flow("t", "menu", {"menu": MENU, "requests": REQUESTS, "confirm": CONFIRM, "after": AGENT_OPTION,
                                   **ENDS})},
    prompts={}, voices={}, entry="t.menu",
    key_words={("0", "en"): ("agent", "representative"), ("0", "es"): ("agente",), ("*", "en"): ("repeat",),
               ("*", "es"): ("repetir",)},
    meanings={"unsure": {"en": ("not sure", "dont know"), "es": ("no se",)},
              "elsewhere": {"en": ("drivers license", "dmv"), "es": ("licencia de manejar",)}},
)
MENU_WITH_CHILD = Node(id="menu", flow="t", type="menu", prompt="p",
                       options=(*MENU.options[:3], Option("4", "t.requests", words={"en": ("request",)})))


def heard(node: Node, lang: str, speech: str | None = None, digits: str | None = None) -> str:
    """Where the menu answer goes: a target, 'agent', 'back', 'ask A|B', or 'none'."""
    result = understand(FLOWSET, node, lang, digits, speech)
    if result.choice:
        return result.choice.goto.removeprefix("t.")
    if result.between:
        return "ask " + "|".join(c.goto.removeprefix("t.") for c in result.between)
    return {"0": "agent", "*": "back"}.get(result.global_key or "", "none")


@pytest.mark.parametrize(("text", "expected"), [
    ("Contraseña.", "contrasena"), ("  Case   STATUS! ", "case status"), ("¿Más tiempo?", "mas tiempo"),
    ("That's right", "thats right"), ("Form G28", "form g 28"), ("I-485", "i 485"),
])
def test_normalise_speech(text, expected):
    assert normalise_speech(text) == expected


@pytest.mark.parametrize(("words", "lang", "key"), [
    ("2", "en", "2"), ("two", "en", "2"), ("press two", "en", "2"), ("option 3 please", "en", "3"),
    ("dos", "es", "2"), ("la opcion tres", "es", "3"), ("I have two questions", "en", None), ("one two", "en", None),
])
def test_spoken_key(words, lang, key):
    assert spoken_key(normalise_speech(words).split(), lang) == key


@pytest.mark.parametrize(("lang", "speech", "digits", "where"), [
    ("en", None, "2", "appointment"),
    ("en", None, "9", "none"),
    ("en", None, "0", "agent"),
    ("en", "Two.", None, "appointment"),
    ("en", "I want my case status please", None, "status"),
    ("en", "um my appointments", None, "appointment"),              # a plural: the same stem
    ("en", "I forgot my pasword", None, "password"),               # a recogniser's near-miss
    ("en", "case, um, status", None, "status"),                     # a filler inside a phrase
    ("es", "mi contraseña", None, "password"),
    ("es", "quiero una cita", None, "appointment"),
    ("es", "quiero cambiar mis citas", None, "appointment"),
    ("en", "cita", None, "none"),                                   # the other language's words do not count
    ("en", "appointment or password", None, "ask appointment|password"),
    ("en", "status of my appointment for my password", None, "none"),  # three choices: the re-prompt
    ("en", "a question about my green card", None, "status"),      # a topic, when nothing else is said
    ("en", "my green card appointment", None, "appointment"),      # the words said win over a topic
    ("en", "I'm not sure about my appointment", None, "none"),     # unsure chooses nothing
    ("en", "an appointment at the DMV", None, "none"),              # so does what another agency does
    ("es", "una cita para la licencia de manejar", None, "none"),
    ("en", "representative please", None, "agent"),
    ("es", "repetir", None, "back"),
    ("en", "statue", None, "none"),                                  # a short near-miss is not taken
])
def test_understand_at_a_menu(lang, speech, digits, where):
    assert heard(MENU, lang, speech, digits) == where


def test_an_option_of_a_menu_below_is_chosen_at_once_with_its_settings():
    flowset_menu = FLOWSET.node("t.menu")
    result = understand(FLOWSET, flowset_menu, "en", None, "I want to expedite my case")
    assert result.choice is not None and result.choice.goto == "t.expedite"
    assert result.choice.sets == {"receipt_for": "expedite"} and result.choice.key is None


@pytest.mark.parametrize(("speech", "where"), [
    ("an emergency travel request", "travel"),          # more specific than a request
    ("expedite or travel", "ask travel|expedite"),
    ("request", "requests"),
])
def test_the_most_specific_choice_wins(speech, where):
    assert heard(MENU, "en", speech).replace("ask expedite|travel", "ask travel|expedite") == where


@pytest.mark.parametrize(("lang", "speech", "where"), [
    ("en", "yes", "yes"), ("en", "that's right", "yes"), ("en", "that's not right", "no"),
    ("en", "no that is not correct", "no"), ("en", "that's not it", "none"), ("en", "no", "no"),
    ("en", "yes no", "ask yes|no"), ("es", "no es correcto", "no"), ("es", "sí, correcto", "yes"),
    ("es", "no se", "none"),
])
def test_yes_and_no_with_negation(lang, speech, where):
    assert heard(CONFIRM, lang, speech) == where


URGENT = {"en": ("urgent",), "es": ("urgente",)}
SHARED = Node(id="shared", flow="t", type="menu", prompt="p", options=(
    Option("1", "t.travel", words={"en": ("travel",), "es": ("viaje",)}, asks=URGENT),
    Option("2", "t.expedite", words={"en": ("expedite",), "es": ("acelerar",)}, asks=URGENT),
    Option("3", "t.password", words={"en": ("password",), "es": ("contraseña",)}),
))


@pytest.mark.parametrize(("lang", "speech", "where"), [
    ("en", "urgent", "ask travel|expedite"), ("en", "it's really urgent", "ask travel|expedite"),
    ("en", "urgent travel", "travel"), ("en", "I need to expedite, it's urgent", "expedite"),
    ("en", "my password, it's urgent", "password"),
    ("es", "es urgente", "ask travel|expedite"), ("es", "un viaje urgente", "travel"),
    ("es", "quiero acelerar mi caso, es urgente", "expedite"),
])
def test_words_options_share_on_purpose_ask_unless_an_options_own_words_are_heard(lang, speech, where):
    assert heard(SHARED, lang, speech) == where


def test_a_menu_option_wins_over_the_agent_key_it_shares_words_with():
    assert heard(AGENT_OPTION, "en", "agent") == "agent"
    assert understand(FLOWSET, AGENT_OPTION, "en", None, "agent please").choice is not None


@pytest.mark.parametrize(("heard_text", "phrase", "span"), [
    ("i need to travel urgently", "travel", (3, 4)),
    ("speak with uh someone", "speak with someone", (0, 4)),
    ("speak with a b c someone", "speak with someone", None),   # too far apart
    ("thats not it", "thats it", None),                         # a negation between breaks a phrase
])
def test_find_phrase(heard_text, phrase, span):
    assert find_phrase(heard_text.split(), phrase, "en") == span
