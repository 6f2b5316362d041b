"""Callback numbers: a keyed-in number or caller ID, checked before an agent dials it."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, PhoneNumberType

__all__ = [
    "REASONS",
    "CallbackNumberError",
    "parse_callback_number",
    "same_number",
    "spoken_number_groups",
]

REASONS: tuple[str, ...] = ("too_short", "invalid", "not_us", "toll_free", "premium")

# The US and the territories that share its +1 numbering. Canada and the
# Caribbean nations dial +1 too, but they are other countries: an
# international call that agents do not place.
_CALLABLE_REGIONS = frozenset({"US", "PR", "GU", "VI", "AS", "MP"})

_SHORT_PARSE_ERRORS = (
    NumberParseException.TOO_SHORT_NSN,
    NumberParseException.TOO_SHORT_AFTER_IDD,
)

# What a keypad can send before the caller stops early: "", "1", "202".
_KEYPAD_FRAGMENT = re.compile(r"\+?\d*")

_NANP_E164 = re.compile(r"\+1(\d{10})")


class CallbackNumberError(ValueError):
    """A number we will not call back; `reason` is one of REASONS."""

    def __init__(self, reason: str) -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown reason {reason!r}; expected one of {REASONS}")
        super().__init__(reason)
        self.reason = reason


def parse_callback_number(text: str) -> str:
    """Keypad digits or caller ID as E.164 ("+12025550143"), else CallbackNumberError."""
    number = _parse(text)
    if number.country_code != 1:
        raise CallbackNumberError("not_us")
    # US area codes never start with 1, so a 1 still leading the national
    # number is the long-distance prefix of a number cut short: "1 202 555 014".
    national = phonenumbers.national_significant_number(number)
    if len(national.removeprefix("1")) < 10:
        raise CallbackNumberError("too_short")
    if not phonenumbers.is_valid_number(number):
        raise CallbackNumberError("invalid")
    if phonenumbers.region_code_for_number(number) not in _CALLABLE_REGIONS:
        raise CallbackNumberError("not_us")
    kind = phonenumbers.number_type(number)
    # We call people back, not service lines: a toll-free number reaches a
    # business's menu or front desk, not the applicant who asked for the call.
    if kind == PhoneNumberType.TOLL_FREE:
        raise CallbackNumberError("toll_free")
    # A premium-rate (900) number charges whoever dials it: the agency would
    # pay, and a spoofed caller ID could turn callbacks into toll fraud.
    if kind == PhoneNumberType.PREMIUM_RATE:
        raise CallbackNumberError("premium")
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def spoken_number_groups(e164: str) -> list[str]:
    """A +1 number read back 3-3-4, digit by digit: ["2 0 2", "5 5 5", "0 1 4 3"]."""
    match = _NANP_E164.fullmatch(e164)
    if match is None:
        raise ValueError(f"expected a +1 number in E.164, got {e164!r}")
    national = match.group(1)
    # Spaces between digits make text-to-speech say "two zero two", not
    # "two hundred two"; the groups become pauses in the read-back.
    return [" ".join(part) for part in (national[:3], national[3:6], national[6:])]


def _parse(text: str) -> PhoneNumber:
    try:
        return phonenumbers.parse(text, "US")
    except NumberParseException as error:
        # "" and "1" do not parse at all; for a keypad caller both are a
        # number cut short, and the prompt that helps is "all ten digits".
        if error.error_type in _SHORT_PARSE_ERRORS or _KEYPAD_FRAGMENT.fullmatch(text.strip()):
            raise CallbackNumberError("too_short") from None
        raise CallbackNumberError("invalid") from None


@lru_cache(maxsize=256)
def same_number(first: str, second: str) -> bool:
    """Whether two phone numbers, however written, are the same line (the dialled TTY number).

    Every new call asks it of the number dialled and the TTY number: a line has only a few numbers,
    so the answers are kept (a bounded few).
    """
    try:
        a, b = phonenumbers.parse(first, "US"), phonenumbers.parse(second, "US")
    except NumberParseException:
        return False
    return phonenumbers.is_number_match(a, b) == phonenumbers.MatchType.EXACT_MATCH
