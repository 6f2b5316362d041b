"""What a prompt's words tell the linter: keys it offers, placeholders, how long it takes to say."""

from __future__ import annotations

import re

from ivr.flows.say_as import say_as_parts

# "press 1", "press star", "press the pound key", "oprima 2", "oprima asterisco",
# "oprima la tecla de numeral". A digit must stand alone: "marque 711" offers no key.
_KEY_WORDS = {"star": "*", "asterisk": "*", "asterisco": "*", "pound": "#", "numeral": "#"}
_OFFER = re.compile(
    r"\b(?:press|oprima|presione|pulse)\s+(?:the\s+|la\s+tecla\s+(?:de\s+)?)?"
    r"(\d(?![\d-])|star|asterisk|asterisco|pound|numeral)\b",
    re.IGNORECASE,
)

# Speaking rates of neural text-to-speech voices, in words per minute.
WORDS_PER_MINUTE = {"en": 150, "es": 160}
# SSML prosody rates a prompt may ask for, as how much longer the prompt takes.
RATE_STRETCH = {"medium": 1.0, "slow": 1.25, "x-slow": 1.6}
# A placeholder is filled at call time: what the line fills in, as many words (in this file's count: a
# number of three digits or more digit by digit) as its longest real value in each language, from the
# domain's own wording. A placeholder not listed counts as PLACEHOLDER_WORDS.
PLACEHOLDER_WORDS = 3
# "Monday, August 31, at 8:30 p.m. Eastern time", "lunes 31 de agosto, a las 6:30 de la tarde, hora de la Montaña"
_MOMENT = {"en": 10, "es": 15}
_DATE = {"en": 6, "es": 8}  # "September 1, 2026", "1 de septiembre de 2026"
FILLED_WORDS: dict[str, dict[str, int]] = {
    **dict.fromkeys(("appointment_spoken", "next_open", "callback_when", "chosen_time", "chosen_slot",
                     "new_time_1", "new_time_2", "new_time_3", "slot_1", "slot_2", "slot_3"), _MOMENT),
    **dict.fromkeys(("status_date", "made_on", "answered_on", "due_date"), _DATE),
    # "We sent you a notice of intent to deny. Please respond by the deadline in the notice."
    "status_text": {"en": 17, "es": 20},
    "asc_address": {"en": 15, "es": 15},  # "300 North Los Angeles Street, Los Ángeles, California 90012"
    "asc_name": {"en": 6, "es": 9},  # "el Centro de Asistencia en Solicitudes de Nueva York"
    "office_to": {"en": 7, "es": 10},  # "a la Oficina Local de la Ciudad de Nueva York"
    "page_address": {"en": 9, "es": 9},  # "uscis dot gov slash es slash presentar en linea"
    "zone_name": {"en": 3, "es": 7},  # "hora de las Islas Marianas del Norte"
    "form": {"en": 4, "es": 4},  # "I-485"
    **dict.fromkeys(("position", "minutes", "key_1", "key_2", "level_name"), {"en": 1, "es": 1}),
}
# The read-backs the actions fill in are spelled, and read a character at a time (<say-as>): as many
# words as characters ("E A C, 2 1 9, 0 0 1, 2 3 4 5", "C B, 4 1 5 2, 0 0 0 1", "2 0 2, 5 5 5, 0 1 4 3").
SPELLED_WORDS = {"receipt_spoken": 13, "reference_spoken": 10, "callback_reference_spoken": 10,
                 "phone_spoken": 10, "callback_phone_spoken": 10, "zip_spoken": 5}
_PLACEHOLDER = re.compile(r"\{([^{}.\[]*)[^{}]*\}")
_SPOKEN = re.compile(r"[^\W\d_]+|\d+")


def offered_keys(text: str) -> set[str]:
    """The keys a prompt tells the caller to press."""
    return {_KEY_WORDS.get(found.lower(), found) for found in _OFFER.findall(text)}


def spoken_words(text: str, lang: str = "en") -> int:
    """About how many words a voice says: what the line marks up with <say-as> (phone numbers, 711,
    receipt and reference numbers, ZIP codes) one word a character, other long numbers digit by digit."""
    text = _PLACEHOLDER.sub(lambda found: " word" * filled_words(found.group(1), lang), text)
    return sum(sum(c.isalnum() for c in part.text) if part.interpret_as else _plain_words(part.text)
               for part in say_as_parts(text))


def filled_words(name: str, lang: str) -> int:
    """About how many words the line fills in for a placeholder in a language."""
    if name in SPELLED_WORDS:
        return SPELLED_WORDS[name]
    return FILLED_WORDS.get(name, {}).get(lang, PLACEHOLDER_WORDS)


def _plain_words(text: str) -> int:
    """Words of text a voice reads as written: a number of three digits or more is read digit by digit."""
    return sum(len(token) if token.isdigit() and len(token) > 2 else 1 for token in _SPOKEN.findall(text))


def spoken_seconds(text: str, lang: str, rate: str | None = None) -> float:
    """About how many seconds a voice takes to say the text in a language."""
    minutes = spoken_words(text, lang) / WORDS_PER_MINUTE.get(lang, WORDS_PER_MINUTE["en"])
    return minutes * 60 * RATE_STRETCH.get(rate or "medium", 1.0)
