"""Find a flow's listening phrases in what the recogniser heard: word stems, fillers and near-misses."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer
from rapidfuzz.distance import Levenshtein

STEMMERS = {"en": "english", "es": "spanish"}
MAX_GAP = 2          # words a caller may put inside a phrase ("case, um, status"; "speak with, uh, someone")
NEAR_MISS = 0.85     # similarity at which a long word counts as one the recogniser nearly heard
NEAR_MISS_LENGTH = 6  # shorter words are too alike ("cuenta", "cuento") to be taken as near-misses

# A word that turns a phrase around: "that's not it" is not "that's it", whatever lies between.
NEGATIONS = frozenset({"not", "no", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "wont", "never",
                       "nunca", "tampoco", "ni"})
Span = tuple[int, int]  # the first and one past the last word of the transcript a phrase covers


def normalise_speech(text: str) -> str:
    """Lower case, no accents, no apostrophes or punctuation, digits apart from letters, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"['’]", "", plain)  # "don't" and "that's" are one word each, as callers hear them
    plain = re.sub(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])", " ", plain)  # "g28" is "g 28"
    return " ".join(re.sub(r"[^a-z0-9*#]+", " ", plain).split())


@lru_cache(maxsize=8)
def _stemmer(lang: str) -> Stemmer.Stemmer:
    """The Snowball stemmer of a language."""
    return Stemmer.Stemmer(STEMMERS[lang])


@lru_cache(maxsize=20_000)
def stem(word: str, lang: str) -> str:
    """A word's Snowball stem in a language ("travelling" and "travel" share one)."""
    return str(_stemmer(lang).stemWord(word))


@lru_cache(maxsize=50_000)
def _same_word(heard: str, listened: str, lang: str) -> bool:
    """Whether a heard word is the listened one: the same stem, or a near-miss of a long word."""
    if heard == listened or stem(heard, lang) == stem(listened, lang):
        return True
    long_enough = min(len(heard), len(listened)) >= NEAR_MISS_LENGTH
    return long_enough and Levenshtein.normalized_similarity(heard, listened) >= NEAR_MISS


def find_phrase(heard: list[str], phrase: str, lang: str) -> Span | None:
    """The shortest span of `heard` that says the phrase's words in order, a few words between them."""
    wanted = normalise_speech(phrase).split()
    best: Span | None = None
    for start, word in enumerate(heard):
        if wanted and _same_word(word, wanted[0], lang):
            end = _rest_of_phrase(heard, wanted[1:], start + 1, lang)
            if end is not None and (best is None or end - start < best[1] - best[0]):
                best = (start, end)
    return best


def _rest_of_phrase(heard: list[str], wanted: list[str], at: int, lang: str) -> int | None:
    """Where the phrase's remaining words end when each follows the last within MAX_GAP words."""
    for word in wanted:
        found = None
        for i in range(at, min(at + MAX_GAP + 1, len(heard))):
            if _same_word(heard[i], word, lang):
                found = i
                break
            if heard[i] in NEGATIONS:
                return None
        if found is None:
            return None
        at = found + 1
    return at


def spans_of(heard: list[str], phrases: tuple[str, ...], lang: str) -> list[Span]:
    """Every span of the transcript that one of the phrases covers."""
    return [span for phrase in phrases if (span := find_phrase(heard, phrase, lang)) is not None]
