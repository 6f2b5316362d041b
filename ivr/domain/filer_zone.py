"""The time zone a filer is called back in: the geography of the filing, never the area code.

In order: the zone of the ZIP code on the filing; else the zone of the field office or ASC that
has the case (offices serve the people near them). A service center or the National Benefits
Center is where paper is processed, not where the filer is, so its zone is never taken: with
neither, the caller is asked.
"""

from __future__ import annotations

from ivr.domain.cases import Case
from ivr.domain.locations import location_by_id
from ivr.domain.zip_codes import zip_zone

LOCAL_OFFICE_KINDS = frozenset({"field_office", "asc"})  # offices near the people they serve


def filer_zone(case: Case) -> str | None:
    """The case's filer's IANA zone, or None when only the caller can tell."""
    if case.filing_zip and (zone := zip_zone(case.filing_zip)):
        return zone
    location = location_by_id(case.filing_location)
    if location is not None and location.kind in LOCAL_OFFICE_KINDS:
        return location.time_zone
    return None
