"""Dates, times and time-zone names as the IVR speaks them in the caller's language."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, get_timezone_location, get_timezone_name

from ivr.domain.contact_center import LANGUAGES
from ivr.domain.zone_names import zone_name

_LOCALES = {"en": "en_US", "es": "es_US"}

# CLDR's full weekday pattern puts a comma after the weekday in Spanish; running
# Spanish ("el martes 8 de diciembre") has none, and a comma makes the TTS pause.
_WEEKDAY_DATE_PATTERNS = {"en": "EEEE, MMMM d", "es": "EEEE d 'de' MMMM"}

def _locale(lang: str) -> str:
    try:
        return _LOCALES[lang]
    except KeyError:
        raise ValueError(
            f"unsupported language {lang!r}; expected one of {LANGUAGES}"
        ) from None


def _require_aware(dt: datetime) -> None:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(
            "a naive datetime has no zone to speak; pass an aware datetime"
        )


# Babel works a date out afresh each time (locale, pattern, each field): the dates of the moment's
# cases and slots are said again and again, so each is worked out once. Bounded; the values are text.
@lru_cache(maxsize=4096)
def spoken_date(d: date, lang: str) -> str:
    """Say a date with its year: "November 3, 2026" / "3 de noviembre de 2026"."""
    return format_date(d, "long", locale=_locale(lang))


def spoken_weekday_date(d: date, lang: str) -> str:
    """Say weekday and date, no year: "Tuesday, December 8"/"martes 8 de diciembre"."""
    locale = _locale(lang)
    return format_date(d, _WEEKDAY_DATE_PATTERNS[lang], locale=locale)


def spoken_time(dt: datetime, lang: str) -> str:
    """Say an aware datetime's local clock time: "9 a.m." / "9 de la mañana"."""
    locale = _locale(lang)
    _require_aware(dt)
    # Minutes are dropped on the hour ("9 a.m.", not "9:00 a.m."); seconds never matter.
    clock = "h" if dt.minute == 0 else "h:mm"
    if lang == "es":
        # CLDR's flexible day periods: madrugada (0-6), mañana (6-12), mediodía
        # (12:00), tarde (12-20), noche (20-24) -- the way Spanish speakers say it.
        return format_datetime(dt, f"{clock} B", locale=locale)
    if dt.minute == 0 and dt.hour in (0, 12):
        # "12 noon" / "12 midnight": "12 p.m." and "12 a.m." confuse callers.
        return format_datetime(dt, "h B", locale=locale)
    # en_US marks the period "AM"/"PM"; en_CA has the AP-style "a.m."/"p.m." that
    # US style guides use, with the same 12-hour clock.
    return format_datetime(dt, f"{clock} a", locale="en_CA")


def spoken_zone(tz_name: str, when: datetime, lang: str) -> str:
    """Say the generic (DST-free) name of a zone: "Arizona time" / "hora de Arizona"."""
    locale = _locale(lang)
    _require_aware(when)
    name = zone_name(tz_name, when, lang)
    if name is not None:
        return name
    # A zone outside the US: CLDR's generic name, or its city's ("hora de Tokio"), never "GMT+09:00".
    local = when.astimezone(ZoneInfo(tz_name))
    name = get_timezone_name(local, width="long", zone_variant="generic", locale=locale)
    if "GMT" in name:
        name = get_timezone_location(local, locale=locale)
    # Babel says "Japan Time"; spoken mid-sentence it is "Japan time" (AP style).
    if lang == "en" and name.endswith(" Time"):
        name = name[: -len(" Time")] + " time"
    return name


@lru_cache(maxsize=1024)  # the slots of the coming weeks, offered to every caller in their zone
def spoken_moment(dt: datetime, tz_name: str, lang: str) -> str:
    """Say an instant in a place's zone: "Monday, November 30, at 8 a.m. Eastern time"."""
    local = dt.astimezone(ZoneInfo(tz_name))
    day = spoken_weekday_date(local.date(), lang)
    clock, zone = spoken_time(local, lang), spoken_zone(tz_name, local, lang)
    if lang == "es":
        article = "a la" if local.hour % 12 == 1 else "a las"  # "a la 1", "a las 3"
        return f"{day}, {article} {clock}, {zone}"
    return f"{day}, at {clock} {zone}"
