"""A case as the line knows it: its receipt number, form, status and where it was filed."""

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
