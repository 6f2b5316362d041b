"""Match what a caller pressed or said against a menu's choices."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from ivr.flows.model import LANGUAGES, Node, Option

# Callers often say the key instead of pressing it ("one", "uno", "press two").
KEY_WORDS = {
    "en": {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "star": "*"},
    "es": {"cero": "0", "uno": "1", "una": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
           "asterisco": "*", "estrella": "*"},
}


def normalise_speech(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z0-9*#]+", " ", plain).split())


def _contains_phrase(words: list[str], phrase: str) -> bool:
    """Whether the phrase's words appear together, in order, in the transcript."""
    target = normalise_speech(phrase).split()
    n = len(target)
    return n > 0 and any(words[i : i + n] == target for i in range(len(words) - n + 1))


def spoken_key(words: list[str], lang: str) -> str | None:
    """The key a transcript names when it is just a digit ("2", "two", "dos")."""
    if len(words) == 1:
        word = words[0]
        if re.fullmatch(r"[0-9*#]", word):
            return word
        return KEY_WORDS.get(lang, {}).get(word)
    return None


def match_option(node: Node, lang: str, digits: str | None, speech: str | None) -> Option | None:
    """The one option the input chooses, or None when nothing (or more than one) matches."""
    if digits:
        return next((o for o in node.options if o.key == digits), None)
    words = normalise_speech(speech or "").split()
    key = spoken_key(words, lang)
    if key:
        return next((o for o in node.options if o.key == key), None)
    languages = LANGUAGES if node.bilingual else (lang,)
    found = [
        o for o in node.options
        if any(_contains_phrase(words, w) for la in languages for w in o.words.get(la, ()))
    ]
    return found[0] if len(found) == 1 else None


KeyWords = Mapping[tuple[str, str], tuple[str, ...]]  # (key, language) -> words that press it


def match_global(key_words: KeyWords, lang: str, digits: str | None, speech: str | None) -> str | None:
    """'0' or '*' when the caller pressed or asked for an agent or to go back / repeat."""
    if digits:
        return digits if digits in ("0", "*") else None
    words = normalise_speech(speech or "").split()
    key = spoken_key(words, lang)
    if key in ("0", "*"):
        return key
    for global_key in ("0", "*"):
        if any(_contains_phrase(words, w) for w in key_words.get((global_key, lang), ())):
            return global_key
    return None
