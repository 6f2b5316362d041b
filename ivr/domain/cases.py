"""A case as the line knows it: its receipt number, form, status, where it is handled and where it was filed from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Case:
    """One case, checked and in canonical form."""

    receipt_number: str
    form_type: str
    status: str
    status_date: date
    filing_location: str
    protected: bool = False
    filing_zip: str | None = None  # the ZIP code of the address on the filing: where the filer is
