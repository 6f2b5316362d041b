"""Fresh identifiers for a scenario's records on a served line: the same call, new receipt and reference numbers.

On a line shared by many runs (and by a load's calls at once) a scenario's records get numbers
no other call uses. Every way the scenario writes one of them (as written, as keys pressed, as
read back in groups, letter by letter) is rewritten, in its records and in its steps.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import replace
from typing import Any

from ivr.domain.callback_references import KEYED_PREFIX as CALLBACK_KEYED_PREFIX
from ivr.domain.receipts import KEYPAD_PREFIXES, PREFIXES, parse_receipt_number, spoken_groups
from ivr.domain.references import KEYED_PREFIX, spoken_reference
from ivr.harness.expect import text_matches
from ivr.harness.scenario import Scenario
from ivr.imports.test_data import CALLBACK_REFERENCE, REFERENCE

RECEIPT = re.compile(r"\b(?:" + "|".join(PREFIXES) + r")\d{10}\b")
KEYED = {prefix: keys for keys, prefix in KEYPAD_PREFIXES.items()}  # EAC -> 322
DIGIT_WORDS = {"en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
               "es": ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]}
CALLBACK_IDS = (2_000_000_000, 2_147_000_000)  # ids the line's own sequence never reaches
FRESH_TRIES = 50  # new numbers drawn, at most, for one that says nothing a scenario expects not to hear


class FreshIds:
    """Numbers unique to this run: a random start, then counted up (thread-safe)."""

    def __init__(self, rng: random.Random | None = None):
        rng = rng or random.SystemRandom()
        self._receipts, self._references = rng.randrange(10**10), rng.randrange(10**8)
        self._callbacks = rng.randrange(CALLBACK_IDS[1] - CALLBACK_IDS[0])
        self._count = itertools.count(1)  # next() on a count is atomic in CPython

    def receipt(self, like: str) -> str:
        """A receipt number with the same prefix as `like`."""
        return f"{like[:3]}{(self._receipts + next(self._count)) % 10**10:010d}"

    def reference(self, like: str = "SR") -> str:
        """A reference number with the same prefix as `like` (SR for a request, CB for a callback)."""
        return f"{like[:2]}{(self._references + next(self._count)) % 10**8:08d}"

    def callback_id(self) -> int:
        """A callback id, each lower than the last: SQLite numbers the line's own bookings after the highest id
        in the table, which counting up would give to this run's next test callback too."""
        span = CALLBACK_IDS[1] - CALLBACK_IDS[0]
        return CALLBACK_IDS[1] - 1 - (self._callbacks + next(self._count)) % span


def digits_said(digits: str) -> list[str]:
    """The digits as a caller says them, one word each, in every language."""
    return [" ".join(words[int(d)] for d in digits) for words in DIGIT_WORDS.values()]


def receipt_forms(receipt: str) -> list[str]:
    """How a scenario may write a receipt number: as is, keyed, read back in groups, letter by letter, said."""
    number = parse_receipt_number(receipt)
    keyed = KEYED[number[:3]] + number[3:]
    return [number, keyed, ", ".join(spoken_groups(number)), " ".join(number), *digits_said(number[3:])]


def reference_forms(reference: str) -> list[str]:
    """How a scenario may write a reference number: as is, keyed (with or without 7 7 or 2 2), read back, said."""
    digits = reference[2:]
    keyed = KEYED_PREFIX if reference.startswith("SR") else CALLBACK_KEYED_PREFIX
    return [reference, keyed + digits, digits, spoken_reference(reference), " ".join(reference),
            *digits_said(digits)]


def identifiers(data: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The receipt numbers and reference numbers a scenario's records hold."""
    receipts, references = set(), set()
    for items in data.values():
        for item in items:
            for value in item.values():
                receipts |= set(RECEIPT.findall(str(value)))
                if REFERENCE.fullmatch(str(value)) or CALLBACK_REFERENCE.fullmatch(str(value)):
                    references.add(str(value))
    return receipts, references


def _rewrite(value: Any, pairs: list[tuple[str, str]]) -> Any:
    """A value (text, or lists, tuples and mappings of them) with each old form replaced, case aside."""
    if isinstance(value, str):
        for old, new in pairs:
            value = re.sub(re.escape(old), new.replace("\\", r"\\"), value, flags=re.IGNORECASE)
        return value
    if isinstance(value, dict):
        return {k: _rewrite(v, pairs) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_rewrite(v, pairs) for v in value)
    return value


def _unheard(forms: list[str], not_heard: list[dict]) -> bool:
    """Whether none of a number's forms says what the scenario expects not to hear."""
    return not any(text_matches(spec, form) for spec in not_heard for form in forms)


def _fresh(new, forms_of, not_heard: list[dict]) -> list[str]:
    """The forms of a new number (`new()`) that says nothing the scenario expects not to hear: a reference
    read back as "7 5 9 1, 3 1 0 8" must not fail a check that the caller's number, 310..., is never read."""
    for _ in range(FRESH_TRIES):
        forms = forms_of(new())
        if _unheard(forms, not_heard):
            return forms
    return forms


def with_fresh_identifiers(scenario: Scenario, ids: FreshIds) -> Scenario:
    """The scenario with new numbers for its records' receipts, references and callbacks, everywhere it says them."""
    receipts, references = identifiers(scenario.data)
    not_heard = [step.arg for step in scenario.steps if step.kind == "expect_not_heard"]
    pairs: list[tuple[str, str]] = []
    for receipt in sorted(receipts):
        fresh = _fresh(lambda like=receipt: ids.receipt(like), receipt_forms, not_heard)
        pairs += zip(receipt_forms(receipt), fresh, strict=True)
    for reference in sorted(references):
        fresh = _fresh(lambda like=reference: ids.reference(like), reference_forms, not_heard)
        pairs += zip(reference_forms(reference), fresh, strict=True)
    pairs.sort(key=lambda pair: -len(pair[0]))  # the longest first: a keyed receipt before its digits
    data = _rewrite(scenario.data, pairs)
    for callback in data.get("callbacks", []):
        callback["id"] = ids.callback_id()
    steps = tuple(replace(step, arg=_rewrite(step.arg, pairs), text=_rewrite(step.text, pairs))
                  for step in scenario.steps)
    return replace(scenario, data=data, steps=steps)
