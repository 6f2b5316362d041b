"""What callers' words mean when they say a receipt number, in English and Spanish."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from typing import Literal, NamedTuple, TypedDict, get_args

_NATO = {
    "alpha": "A", "alfa": "A", "bravo": "B", "charlie": "C", "delta": "D", "echo": "E",
    "foxtrot": "F", "golf": "G", "hotel": "H", "india": "I", "juliet": "J", "juliett": "J",
    "kilo": "K", "lima": "L", "mike": "M", "november": "N", "oscar": "O", "papa": "P",
    "quebec": "Q", "romeo": "R", "sierra": "S", "tango": "T", "uniform": "U", "victor": "V",
    "whiskey": "W", "whisky": "W", "xray": "X", "x ray": "X", "yankee": "Y", "zulu": "Z",
}


class WordTable(TypedDict):
    """The words of one language that can stand for letters and digits of a receipt number."""

    letters: dict[str, str]  # word -> the letter it names
    digits: dict[str, str]  # word -> its digits
    homophones: dict[str, str]  # word -> the digit it sounds like
    tens: dict[str, str]  # "twenty" -> "2": the tens digit, the units may follow
    joiners: tuple[str, ...]  # what joins tens and units ("treinta y cinco")
    times: dict[str, int]  # "double" -> 2: how often the next letter or digit repeats
    connectors: tuple[str, ...]  # "as in": an example word follows a letter
    unplaceable: tuple[str, ...]  # "hundred": no safe digit-by-digit reading
    names: dict[str, str]  # letter -> how it is spelled aloud


# One table per language. A single letter ("e", "o") always reads as itself; the
# tables hold the words a recogniser writes instead. "homophones" only count as
# digits once the letters are complete, so "I want to..." does not start the digits.
LANGUAGES: dict[str, WordTable] = {
    "en": {
        "letters": {
            **_NATO, "ay": "A", "bee": "B", "be": "B", "see": "C", "sea": "C", "cee": "C",
            "ee": "E", "eye": "I", "el": "L", "ell": "L", "em": "M", "en": "N", "oh": "O",
            "owe": "O", "are": "R", "ar": "R", "es": "S", "ess": "S", "you": "U",
            "double you": "W", "double u": "W", "why": "Y", "wye": "Y",
        },
        "digits": {
            "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3",
            "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
            "niner": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
            "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
            "eighteen": "18", "nineteen": "19",
        },
        "homophones": {"to": "2", "too": "2", "for": "4"},
        "tens": {
            "twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6",
            "seventy": "7", "eighty": "8", "ninety": "9",
        },
        "joiners": (),
        "times": {"double": 2, "triple": 3, "treble": 3},
        "connectors": ("as in", "as", "for", "like", "like in"),
        "unplaceable": ("hundred", "hundreds", "thousand", "million"),
        "names": {},
    },
    "es": {
        "letters": {
            # b and v sound alike in Spanish and no prefix has a V, so "ve" is a B.
            **_NATO, "be": "B", "ve": "B", "be grande": "B", "be larga": "B", "ce": "C",
            "se": "C", "ele": "L", "eme": "M", "ene": "N", "ese": "S", "erre": "R",
            "ere": "R", "uve": "V", "uve doble": "W", "doble uve": "W", "doble ve": "W",
            "doble u": "W", "doble v": "W", "i griega": "Y", "y griega": "Y", "ye": "Y",
            "i latina": "I",
        },
        "digits": {
            "cero": "0", "o": "0", "uno": "1", "un": "1", "una": "1", "dos": "2",
            "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6", "siete": "7", "ocho": "8",
            "nueve": "9", "diez": "10", "once": "11", "doce": "12", "trece": "13",
            "catorce": "14", "quince": "15", "dieciseis": "16", "diecisiete": "17",
            "dieciocho": "18", "diecinueve": "19", "veintiuno": "21", "veintiun": "21",
            "veintidos": "22", "veintitres": "23", "veinticuatro": "24",
            "veinticinco": "25", "veintiseis": "26", "veintisiete": "27",
            "veintiocho": "28", "veintinueve": "29",
        },
        "homophones": {},
        "tens": {
            "veinte": "2", "treinta": "3", "cuarenta": "4", "cincuenta": "5",
            "sesenta": "6", "setenta": "7", "ochenta": "8", "noventa": "9",
        },
        "joiners": ("y",),
        "times": {"doble": 2, "triple": 3},
        "connectors": ("de", "como", "como en"),
        "unplaceable": (
            "cien", "ciento", "cientos", "doscientos", "trescientos", "cuatrocientos",
            "quinientos", "seiscientos", "setecientos", "ochocientos", "novecientos",
            "mil", "millon", "millones",
        ),
        "names": {
            "A": "a", "B": "be", "C": "ce", "E": "e", "I": "i", "L": "ele", "M": "eme",
            "N": "ene", "O": "o", "R": "erre", "S": "ese", "W": "doble ve", "Y": "i griega",
        },
    },
}

# The tables whose words make up a phrase the caller said (the others describe the language).
_PhraseTable = Literal["letters", "digits", "homophones", "tens", "times", "connectors", "unplaceable"]
_PHRASE_TABLES: tuple[_PhraseTable, ...] = get_args(_PhraseTable)
_RUNS = re.compile(r"[A-Za-z]+|[0-9]+")
_CHUNKS = re.compile(r"[A-Za-z0-9]+")
_NUMBER_TABLES: tuple[_PhraseTable, ...] = ("digits", "homophones", "tens")
_UNITS = frozenset("123456789")

_Tokens = list[tuple[str, bool]]  # (lower-cased word or number, must be read letter by letter)


class Heard(NamedTuple):
    """One thing the caller said: a letter reading, a digit reading, or both ("oh")."""

    letter: str = ""
    digit: str = ""
    weak: bool = False  # a homophone such as "to": a digit only once the letters are done


def language(lang: str) -> WordTable:
    """The word tables for "en" or "es"; ValueError for any other language."""
    try:
        return LANGUAGES[lang]
    except KeyError:
        raise ValueError(f"unsupported language {lang!r}; expected one of {tuple(LANGUAGES)}") from None


def hint_phrases(lang: str, prefixes: Collection[str]) -> list[str]:
    """Twilio hints: each prefix spelled in the language and as written, then digit words."""
    table = language(lang)
    spelled = [" ".join(table["names"].get(c, c) for c in prefix) for prefix in prefixes]
    digits = [word for word, digit in table["digits"].items() if len(digit) == 1 and len(word) > 1]
    return list(dict.fromkeys([*spelled, *prefixes, *digits, *table["times"]]))


def hear(transcript: str, lang: str, acronyms: Collection[str]) -> list[Heard] | None:
    """The letters and digits in a transcript, in order; None if a number can't be placed."""
    table, tokens = language(lang), _tokens(transcript)
    heard: list[Heard] = []
    times, i, letter_end = 1, 0, -1
    while i < len(tokens):
        phrase, j = _phrase(tokens, i, table)
        if phrase in table["unplaceable"]:
            return None  # "two hundred five" has no safe digit-by-digit reading
        if phrase in table["times"]:
            times, i = table["times"][phrase], j
            continue
        if phrase in table["connectors"] and letter_end == i and not _has_digit(tokens, j, table):
            i = j + 1  # "e as in echo", "e de España": the example word is not spelled
            continue
        item, i = _reading(tokens, i, j, phrase, table, acronyms)
        if item:
            heard.append(_repeat(item, times))
            times, letter_end = 1, (i if item.letter and not item.digit else -1)
    return heard


def _tokens(transcript: str) -> _Tokens:
    """Lower-cased words and numbers, each flagged if it must be read letter by letter."""
    decomposed = unicodedata.normalize("NFKD", transcript)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = text.replace("'", "").replace("\u2019", "")  # "it's" is a word, not "it" + "s"
    tokens: _Tokens = []
    for chunk in _CHUNKS.findall(text):
        runs = _RUNS.findall(chunk)
        for run in runs:
            # recognisers write spelled letters as capitals ("EA C") or glue them to digits
            spelled = run.isalpha() and len(run) > 1 and (len(runs) > 1 or run.isupper() and len(run) <= 3)
            tokens.append((run.lower(), spelled))
    return tokens


def _phrase(tokens: _Tokens, i: int, table: WordTable) -> tuple[str, int]:
    """The longest known phrase (two words or one) at tokens[i], and the index after it."""
    if i + 1 < len(tokens) and not tokens[i][1]:
        pair = f"{tokens[i][0]} {tokens[i + 1][0]}"
        if any(pair in table[name] for name in _PHRASE_TABLES):
            return pair, i + 2
    return tokens[i][0], i + 1


def _has_digit(tokens: _Tokens, i: int, table: WordTable) -> bool:
    """Whether tokens[i] exists and could be a number."""
    if i >= len(tokens):
        return True  # nothing follows: no example word to skip
    word = tokens[i][0]
    return word.isdigit() or any(word in table[name] for name in _NUMBER_TABLES)


def _reading(
    tokens: _Tokens, i: int, j: int, phrase: str, table: WordTable, acronyms: Collection[str]
) -> tuple[Heard | None, int]:
    """What the phrase tokens[i:j] says, and the index after everything it used."""
    word, spelled = tokens[i]
    if spelled or word.upper() in acronyms:
        return Heard(letter=word.upper()), i + 1
    if word.isdigit():
        return Heard(digit=word), i + 1
    if phrase in table["tens"]:
        return _tens(tokens, j, table["tens"][phrase], table)
    letter = table["letters"].get(phrase) or (phrase.upper() if len(phrase) == 1 else "")
    digit = table["digits"].get(phrase, "")
    homophone = "" if digit else table["homophones"].get(phrase, "")
    if letter or digit or homophone:
        return Heard(letter, digit or homophone, bool(homophone)), j
    return None, j


def _tens(tokens: _Tokens, j: int, tens: str, table: WordTable) -> tuple[Heard, int]:
    """Read "twenty one" as 21, "treinta y cinco" as 35 and a lone "twenty" as 20."""
    k = j + 1 if j < len(tokens) and tokens[j][0] in table["joiners"] else j
    if k < len(tokens):
        word = tokens[k][0]
        unit = word if word.isdigit() else table["digits"].get(word, "")
        if unit in _UNITS:
            return Heard(digit=tens + unit), k + 1
    return Heard(digit=tens + "0"), j


def _repeat(item: Heard, times: int) -> Heard:
    """Apply "double"/"triple" to a single letter or digit ("double five" is 55)."""
    letter = item.letter * times if len(item.letter) == 1 else item.letter
    digit = item.digit * times if len(item.digit) == 1 else item.digit
    return Heard(letter, digit, item.weak)
