"""Matching keys and words to menu choices."""

from __future__ import annotations

import pytest

from ivr.flows.matching import match_global, match_option, normalise_speech
from ivr.flows.model import Node, Option

MENU = Node(id="menu", flow="t", type="menu", prompt="p", options=(
    Option("1", "t.status", words={"en": ("case status", "status"), "es": ("estado",)}),
    Option("2", "t.appointment", words={"en": ("appointment",), "es": ("cita",)}),
    Option("3", "t.password", words={"en": ("password",), "es": ("contraseña",)}),
))
KEY_WORDS = {("0", "en"): ("agent",), ("0", "es"): ("agente",), ("*", "en"): ("repeat",), ("*", "es"): ("repetir",)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Contraseña.", "contrasena"), ("  Case   STATUS! ", "case status"), ("¿Más tiempo?", "mas tiempo"),
])
def test_normalise_speech(text, expected):
    assert normalise_speech(text) == expected


@pytest.mark.parametrize(("lang", "digits", "speech", "key"), [
    ("en", "2", None, "2"),
    ("en", "9", None, None),
    ("en", None, "I want my case status please", "1"),
    ("en", None, "Two.", "2"),
    ("en", None, "2", "2"),
    ("es", None, "mi contraseña", "3"),
    ("es", None, "dos", "2"),
    ("es", None, "Quiero una cita", "2"),
    ("en", None, "cita", None),               # the other language's words do not count
    ("en", None, "appointment or password", None),  # two choices at once: ask again
    ("en", None, "statuses", None),           # whole words only
])
def test_match_option(lang, digits, speech, key):
    option = match_option(MENU, lang, digits, speech)
    assert (option.key if option else None) == key


@pytest.mark.parametrize(("lang", "digits", "speech", "key"), [
    ("en", "0", None, "0"), ("en", "*", None, "*"), ("en", "1", None, None),
    ("en", None, "agent please", "0"), ("es", None, "un agente", "0"), ("es", None, "cero", "0"),
    ("es", None, "repetir", "*"), ("en", None, "star", "*"), ("en", None, "status", None),
])
def test_match_global(lang, digits, speech, key):
    assert match_global(KEY_WORDS, lang, digits, speech) == key
