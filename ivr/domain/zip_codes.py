"""US ZIP codes and the time zone of each, from the `zipcodes` package (offline, USPS data).

A US ZIP code here is one the Postal Service assigns: the states, DC, the territories (Puerto
Rico, the U.S. Virgin Islands, Guam, the Northern Mariana Islands, American Samoa) and the
freely associated states it serves. Military APO/FPO codes are US codes with no place, so they
have no zone: a caller with one picks their zone instead.
"""

from __future__ import annotations

import re
from functools import cache
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
def _zones() -> dict[str, str | None]:
    """Every US ZIP code and its IANA zone (None when the data has none, or names no zone).

    The package keeps the 42,000 rows it lists (some 100 MiB of dicts) for ever; only the two
    fields are kept here, written out and read back so that no string of a row outlives it, and
    the package's copy is let go.
    """
    known = {zone: zone for zone in available_timezones()}
    # The data has a few blank or misspelt zone fields (military codes, one village name): no guess.
    pairs = "\n".join(f"{row['zip_code']} {row['timezone']}"
                      for row in zipcodes.list_all())  # type: ignore[no-untyped-call]  # the package types no return
    zipcodes._zips_cache = None  # the rows it cached: nothing else here reads them
    return {code: known.get(zone) for code, _, zone in (line.partition(" ") for line in pairs.splitlines())}


def check_zip(text: str) -> str:
    """The 5-digit US ZIP code written in `text` (ZIP+4 accepted); ZipCodeError otherwise."""
    match = _ZIP.fullmatch(text.strip())
    if match is None:
        raise ZipCodeError(WRONG_LENGTH)
    code = match.group(1)
    if code not in _zones():
        raise ZipCodeError(NOT_US)
    return code


def zip_zone(code: str) -> str | None:
    """The IANA time zone of a US ZIP code, or None (a military code, or one unknown)."""
    return _zones().get(code)


def spoken_zip(code: str) -> str:
    """A ZIP code read back digit by digit: "9 6 8 1 3"."""
    return " ".join(code)
