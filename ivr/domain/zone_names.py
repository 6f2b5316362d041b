"""Time zones named as the people who live in them say them, in English and Spanish.

Every zone a US ZIP code can map to has a name here. Mainland zones are named by their
standard offset (Indiana's, Kentucky's and North Dakota's many IANA zones are Eastern or
Central), so a county that changes zone keeps a right name. Places whose clock differs from the
mainland zone of the same offset are named for the place: Arizona keeps standard time all
year, unlike Denver; Honolulu keeps it too, unlike Adak in the Aleutians. CLDR's Spanish
("hora oriental", "hora de Chamorro") and its "GMT+10:00" for Guam are not what callers hear.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

NAMES: dict[str, dict[str, str]] = {
    "atlantic": {"en": "Atlantic time", "es": "hora del Atlántico"},
    "eastern": {"en": "Eastern time", "es": "hora del Este"},
    "central": {"en": "Central time", "es": "hora del Centro"},
    "mountain": {"en": "Mountain time", "es": "hora de la Montaña"},
    "arizona": {"en": "Arizona time", "es": "hora de Arizona"},
    "pacific": {"en": "Pacific time", "es": "hora del Pacífico"},
    "alaska": {"en": "Alaska time", "es": "hora de Alaska"},
    "aleutian": {"en": "Hawaii-Aleutian time", "es": "hora de Hawái-Aleutianas"},
    "hawaii": {"en": "Hawaii time", "es": "hora de Hawái"},
    "samoa": {"en": "Samoa time", "es": "hora de Samoa"},
    "guam": {"en": "Guam time", "es": "hora de Guam"},
    "marianas": {"en": "Northern Marianas time", "es": "hora de las Islas Marianas del Norte"},
    "palau": {"en": "Palau time", "es": "hora de Palaos"},
    "chuuk": {"en": "Chuuk time", "es": "hora de Chuuk"},
    "marshall": {"en": "Marshall Islands time", "es": "hora de las Islas Marshall"},
}

# Zones named for their place (their own name, or one their people use).
_PLACES = {
    "America/Phoenix": "arizona",
    "US/Arizona": "arizona",
    "America/Adak": "aleutian",
    "Pacific/Honolulu": "hawaii",
    "US/Hawaii": "hawaii",
    "Pacific/Pago_Pago": "samoa",
    "US/Samoa": "samoa",
    "Pacific/Guam": "guam",
    "Pacific/Saipan": "marianas",
    "Pacific/Palau": "palau",
    "Pacific/Chuuk": "chuuk",
    "Pacific/Majuro": "marshall",
    "Pacific/Kwajalein": "marshall",
}
# The mainland and Caribbean zones, by standard (not daylight) offset from UTC, in hours.
_BY_STANDARD_OFFSET = {-4: "atlantic", -5: "eastern", -6: "central", -7: "mountain", -8: "pacific", -9: "alaska"}


def zone_key(tz_name: str, when: datetime) -> str | None:
    """Which of NAMES a zone has at an instant, or None for a zone no US ZIP code has."""
    if tz_name in _PLACES:
        return _PLACES[tz_name]
    if not tz_name.startswith(("America/", "US/")):
        return None
    local = when.astimezone(ZoneInfo(tz_name))
    standard = (local.utcoffset() or timedelta()) - (local.dst() or timedelta())
    hours, rest = divmod(standard, timedelta(hours=1))
    return _BY_STANDARD_OFFSET.get(hours) if not rest else None


def zone_name(tz_name: str, when: datetime, lang: str) -> str | None:
    """The zone's spoken name ("Arizona time" / "hora de Arizona"), or None when it has none here."""
    key = zone_key(tz_name, when)
    return NAMES[key][lang] if key else None
