from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, available_timezones

import pytest
import zipcodes

from ivr.domain.contact_center import LANGUAGES
from ivr.domain.spoken_dates import (
    spoken_date,
    spoken_time,
    spoken_weekday_date,
    spoken_zone,
)
from ivr.domain.zone_names import zone_name

CHICAGO = ZoneInfo("America/Chicago")


def at(zone, *utc_fields):
    """The instant given in UTC, seen as wall time in zone."""
    return datetime(*utc_fields, tzinfo=UTC).astimezone(ZoneInfo(zone))


@pytest.mark.parametrize(
    "d, lang, expected",
    [
        (date(2026, 11, 3), "en", "November 3, 2026"),
        (date(2026, 11, 3), "es", "3 de noviembre de 2026"),
        (date(2026, 3, 8), "en", "March 8, 2026"),
        (date(2026, 3, 8), "es", "8 de marzo de 2026"),
        (date(2027, 1, 1), "en", "January 1, 2027"),
        (date(2027, 1, 1), "es", "1 de enero de 2027"),
    ],
)
def test_spoken_date(d, lang, expected):
    assert spoken_date(d, lang) == expected


@pytest.mark.parametrize(
    "d, lang, expected",
    [
        (date(2026, 12, 8), "en", "Tuesday, December 8"),
        (date(2026, 12, 8), "es", "martes 8 de diciembre"),
        (date(2026, 3, 8), "en", "Sunday, March 8"),
        (date(2026, 3, 8), "es", "domingo 8 de marzo"),
        (date(2026, 9, 16), "en", "Wednesday, September 16"),
        (date(2026, 9, 16), "es", "miércoles 16 de septiembre"),
    ],
)
def test_spoken_weekday_date(d, lang, expected):
    assert spoken_weekday_date(d, lang) == expected


@pytest.mark.parametrize(
    "dt, en, es",
    [
        # Chicago, spring forward 2026-03-08: 1:59 CST is followed by 3:00 CDT.
        (at("America/Chicago", 2026, 3, 8, 7, 59), "1:59 a.m.", "1:59 de la madrugada"),
        (at("America/Chicago", 2026, 3, 8, 8, 0), "3 a.m.", "3 de la madrugada"),
        (at("America/Chicago", 2026, 3, 8, 15, 30), "10:30 a.m.", "10:30 de la mañana"),
        # Chicago, fall back 2026-11-01: 1:30 happens twice, said the same both times.
        (
            at("America/Chicago", 2026, 11, 1, 6, 30),
            "1:30 a.m.",
            "1:30 de la madrugada",
        ),
        (
            at("America/Chicago", 2026, 11, 1, 7, 30),
            "1:30 a.m.",
            "1:30 de la madrugada",
        ),
        (at("America/Chicago", 2026, 11, 2, 2, 0), "8 p.m.", "8 de la noche"),
        # Phoenix keeps UTC-7 all year; Denver moves to UTC-6 in summer.
        (at("America/Phoenix", 2026, 7, 1, 17, 30), "10:30 a.m.", "10:30 de la mañana"),
        (at("America/Denver", 2026, 7, 1, 17, 30), "11:30 a.m.", "11:30 de la mañana"),
        (at("America/Phoenix", 2026, 1, 15, 16, 0), "9 a.m.", "9 de la mañana"),
        # Guam is UTC+10 and already on the next day.
        (at("Pacific/Guam", 2026, 6, 30, 23, 0), "9 a.m.", "9 de la mañana"),
        # San Juan is UTC-4 all year.
        (at("America/Puerto_Rico", 2026, 7, 1, 19, 0), "3 p.m.", "3 de la tarde"),
        (
            at("America/Puerto_Rico", 2026, 1, 15, 19, 45),
            "3:45 p.m.",
            "3:45 de la tarde",
        ),
        (datetime(2026, 7, 1, 12, 0, tzinfo=CHICAGO), "12 noon", "12 del mediodía"),
        (
            datetime(2026, 7, 1, 12, 30, tzinfo=CHICAGO),
            "12:30 p.m.",
            "12:30 de la tarde",
        ),
        (
            datetime(2026, 7, 1, 0, 0, tzinfo=CHICAGO),
            "12 midnight",
            "12 de la madrugada",
        ),
        (
            datetime(2026, 7, 1, 0, 15, tzinfo=CHICAGO),
            "12:15 a.m.",
            "12:15 de la madrugada",
        ),
        (
            datetime(2026, 7, 1, 9, 5, 59, tzinfo=CHICAGO),
            "9:05 a.m.",
            "9:05 de la mañana",
        ),
    ],
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_spoken_time(dt, en, es, lang):
    assert spoken_time(dt, lang) == {"en": en, "es": es}[lang]


def test_guam_time_is_on_the_next_local_day():
    dt = at("Pacific/Guam", 2026, 6, 30, 23, 0)
    assert spoken_weekday_date(dt.date(), "en") == "Wednesday, July 1"


@pytest.mark.parametrize(
    "tz_name, en, es",
    [
        ("America/New_York", "Eastern time", "hora del Este"),
        ("America/Chicago", "Central time", "hora del Centro"),
        ("America/Denver", "Mountain time", "hora de la Montaña"),
        ("America/Phoenix", "Arizona time", "hora de Arizona"),
        ("America/Adak", "Hawaii-Aleutian time", "hora de Hawái-Aleutianas"),
        ("America/St_Thomas", "Atlantic time", "hora del Atlántico"),
        ("Pacific/Pago_Pago", "Samoa time", "hora de Samoa"),
        ("America/Indiana/Knox", "Central time", "hora del Centro"),
        ("America/Kentucky/Louisville", "Eastern time", "hora del Este"),
        ("America/Los_Angeles", "Pacific time", "hora del Pacífico"),
        ("America/Anchorage", "Alaska time", "hora de Alaska"),
        ("Pacific/Honolulu", "Hawaii time", "hora de Hawái"),
        ("America/Puerto_Rico", "Atlantic time", "hora del Atlántico"),
        ("Pacific/Guam", "Guam time", "hora de Guam"),
        ("US/Central", "Central time", "hora del Centro"),
        ("America/Boise", "Mountain time", "hora de la Montaña"),
    ],
)
@pytest.mark.parametrize(
    "when",
    [
        # Either side of both 2026 Chicago switches, plus winter and summer.
        datetime(2026, 3, 8, 7, 59, tzinfo=UTC),
        datetime(2026, 3, 8, 8, 0, tzinfo=UTC),
        datetime(2026, 11, 1, 6, 59, tzinfo=UTC),
        datetime(2026, 11, 1, 7, 0, tzinfo=UTC),
        datetime(2026, 1, 15, 12, 0, tzinfo=UTC),
        datetime(2026, 7, 15, 12, 0, tzinfo=UTC),
    ],
    ids=lambda w: w.isoformat(),
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_spoken_zone_is_generic_across_dst(tz_name, en, es, when, lang):
    assert spoken_zone(tz_name, when, lang) == {"en": en, "es": es}[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_spoken_zone_accepts_when_in_any_zone(lang):
    when = datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=CHICAGO)
    assert spoken_zone("Pacific/Guam", when, lang) == spoken_zone(
        "Pacific/Guam", when.astimezone(UTC), lang
    )


@pytest.mark.parametrize("lang", ["", "EN", "fr", "es_US", "en-US", None])
@pytest.mark.parametrize(
    "call",
    [
        lambda lang: spoken_date(date(2026, 1, 1), lang),
        lambda lang: spoken_weekday_date(date(2026, 1, 1), lang),
        lambda lang: spoken_time(datetime(2026, 1, 1, 9, tzinfo=UTC), lang),
        lambda lang: spoken_zone(
            "America/Chicago", datetime(2026, 1, 1, tzinfo=UTC), lang
        ),
    ],
    ids=["date", "weekday_date", "time", "zone"],
)
def test_unknown_language_raises_value_error(call, lang):
    with pytest.raises(ValueError):
        call(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_naive_datetime_is_rejected(lang):
    naive = datetime(2026, 3, 8, 10, 30)
    with pytest.raises(ValueError):
        spoken_time(naive, lang)
    with pytest.raises(ValueError):
        spoken_zone("America/Chicago", naive, lang)


# Every zone the ZIP-code library gives any US ZIP code (a blank or misspelt field names no zone).
ZIP_ZONES = sorted({row["timezone"] for row in zipcodes.list_all()} & available_timezones())


def test_the_zip_code_zones_span_the_states_and_territories():
    expected = {"America/Phoenix", "America/Adak", "Pacific/Guam", "Pacific/Pago_Pago", "America/St_Thomas"}
    assert expected <= set(ZIP_ZONES)


@pytest.mark.parametrize("tz_name", ZIP_ZONES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_zone_a_us_zip_code_maps_to_has_a_name_in_both_languages(tz_name, lang):
    for when in (datetime(2026, 1, 15, 12, tzinfo=UTC), datetime(2026, 7, 15, 12, tzinfo=UTC)):
        name = zone_name(tz_name, when, lang)
        assert name and "GMT" not in name and "UTC" not in name
        assert spoken_zone(tz_name, when, lang) == name
