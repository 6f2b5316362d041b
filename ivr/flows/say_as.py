"""How a voice must read the numbers in what it says: the parts of a text to mark up with SSML <say-as>.

Left to itself a voice may read a number as a quantity: "711" as "seven hundred eleven"
("setecientos once"), a ZIP code as a cardinal, and in Spanish the "A" of "E A C" as the word "a".
Every text a caller hears goes through `say_as_parts`, prompt words and call values alike, so the
markup is decided here once, for both languages:

- a phone number written 800-767-1833 (1-800-... too): `telephone`;
- a receipt or reference number written whole (EAC2190012345, CB41520003): its letters as
  `characters`, its digits as `digits`;
- letters spelled with spaces (E A C, C B): `characters`; digits spelled with spaces (2 1 9,
  9 6 8 1 3): `digits` -- the read-backs of receipt, reference and phone numbers and ZIP codes;
- the relay service's 711, and a ZIP code (five digits standing alone, as at the end of an
  address, or ZIP+4): `digits`.

The text inside each part is left as written: a voice that ignores SSML still reads spaced digits
one by one, and a transcript reads the same with or without the markup. (Amazon Polly says a
sentence with `characters` in its standard voice even when a neural voice is asked for.)
"""

from __future__ import annotations

import re
from typing import NamedTuple

TELEPHONE, DIGITS, CHARACTERS = "telephone", "digits", "characters"


class Part(NamedTuple):
    """A stretch of text and how to read it (`interpret_as` None: as ordinary words)."""

    text: str
    interpret_as: str | None = None


_BEFORE = r"(?<![\w$-])(?<!\w[.,])"  # not inside a word, a code (I-130) or an amount (1.5, $10,000)
_AFTER = r"(?![\w-])(?![.,]\w)"  # a sentence may end after it: "... is 9 6 8 1 3."
_MARKED = re.compile(
    rf"{_BEFORE}(?:(?P<telephone>(?:1-)?\d{{3}}-\d{{3}}-\d{{4}})"
    r"|(?P<letters>[A-Z]{2,3})(?P<number>\d{8,10})"
    r"|(?P<spelled>[A-Z](?: [A-Z])+)"
    r"|(?P<spaced>\d(?: \d)+)"
    rf"|(?P<digits>711|\d{{5}}(?:-\d{{4}})?)){_AFTER}"
)
_KIND = {"telephone": TELEPHONE, "letters": CHARACTERS, "number": DIGITS, "spelled": CHARACTERS,
         "spaced": DIGITS, "digits": DIGITS}


def say_as_parts(text: str) -> list[Part]:
    """The text as plain parts and parts to read as `telephone`, `digits` or `characters`, in order."""
    parts: list[Part] = []
    end = 0
    for found in _MARKED.finditer(text):
        if found.start() > end:
            parts.append(Part(text[end:found.start()]))
        for group, value in found.groupdict().items():
            if value is not None:
                parts.append(Part(value, _KIND[group]))
        end = found.end()
    if end < len(text):
        parts.append(Part(text[end:]))
    return parts

