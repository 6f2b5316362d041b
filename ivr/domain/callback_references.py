"""Callback reference numbers: "CB" and 8 digits, given when a callback is booked, so that the caller
can call again to hear or cancel it. Keyed as the 8 digits (or 2 2 for C B first), like a request's."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from ivr.domain.receipts import ReceiptError, decode_keypad
from ivr.domain.references import DIGITS, RequestNumberError, decode_reference_keys, new_reference

PREFIX = "CB"
KEYED_PREFIX = "22"  # C and B on the E.161 keypad
RECEIPT_KEYS = 13  # a receipt number keyed: its 3 letters' keys, then 10 digits


def new_callback_reference(randbelow: Callable[[int], int] = secrets.randbelow) -> str:
    """A fresh random callback reference; random, so that one number does not lead to the next."""
    return new_reference(randbelow, PREFIX)


def decode_callback_keys(keys: str) -> tuple[str | None, str | None]:
    """(reference, receipt number) from what a caller keyed: one of them; RequestNumberError or ReceiptError."""
    keys = (keys or "").strip().removesuffix("#")
    if len(keys) == RECEIPT_KEYS:
        return None, decode_keypad(keys)
    return decode_reference_keys(keys, PREFIX, KEYED_PREFIX), None


__all__ = ["DIGITS", "PREFIX", "ReceiptError", "RequestNumberError", "decode_callback_keys", "new_callback_reference"]
