"""US ZIP codes and the time zone of each, from the `zipcodes` package (offline, USPS data).

A US ZIP code here is one the Postal Service assigns: the states, DC, the territories (Puerto
Rico, the U.S. Virgin Islands, Guam, the Northern Mariana Islands, American Samoa) and the
freely associated states it serves. Military APO/FPO codes are US codes with no place, so they
have no zone: a caller with one picks their zone instead.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from zoneinfo import available_timezones

import zipcodes

WRONG_LENGTH = "zip_wrong_length"
NOT_US = "zip_not_us"
NO_ZONE = "zip_no_zone"

_ZIP = re.compile(r"(\d{5})(?:-\d{4})?")  # ZIP or ZIP+4, as written on a form


class ZipCodeError(ValueError):
    """Not a ZIP code a filer can have; .reason picks the words the caller or operator gets."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@cache
def _known_zones() -> frozenset[str]:
    """The IANA zones this system knows."""
    return frozenset(available_timezones())


@lru_cache(maxsize=4096)  # the ZIP codes of the filings and callers of the moment
def _zip_entry(code: str) -> tuple[bool, str | None]:
    """(whether the 5-digit code is a US ZIP code, its IANA zone or None).

    One code at a time: listing every code costs a second or more and some 100 MiB per process,
    for the few a process ever looks up.
    """
    rows = zipcodes.matching(code)  # type: ignore[no-untyped-call]  # the package types no return
    if not rows:
        return False, None
    # The data has a few blank or misspelt zone fields (military codes, one village name): no guess.
    zone = rows[0]["timezone"]
    return True, zone if zone in _known_zones() else None


def read_zip_data() -> None:
    """Read the ZIP code data now: the package reads it on its first look-up, which took a caller's
    webhook some tenths of a second, once per process."""
    _zip_entry("20529")  # the agency's own ZIP code, kept like any other


def check_zip(text: str) -> str:
    """The 5-digit US ZIP code written in `text` (ZIP+4 accepted); ZipCodeError otherwise."""
    match = _ZIP.fullmatch(text.strip())
    if match is None:
        raise ZipCodeError(WRONG_LENGTH)
    code = match.group(1)
    if not _zip_entry(code)[0]:
        raise ZipCodeError(NOT_US)
    return code


def zip_zone(code: str) -> str | None:
    """The IANA time zone of a US ZIP code, or None (a military code, or one unknown)."""
    if not (len(code) == 5 and code.isascii() and code.isdigit()):
        return None
    return _zip_entry(code)[1]


def spoken_zip(code: str) -> str:
    """A ZIP code read back digit by digit: "9 6 8 1 3"."""
    return " ".join(code)
