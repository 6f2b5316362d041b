"""The Spanish the code speaks itself (statuses, offices, addresses, zones) follows the agency's glossary."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ivr.domain.locations import LOCATIONS
from ivr.domain.office_names import office_to, spoken_address, spoken_office
from ivr.domain.spoken_dates import spoken_zone
from ivr.domain.statuses import STATUSES
from ivr.lint.glossary import GLOSSARY_FILE, misused, read_glossary

TERMS = read_glossary(Path(__file__).parents[2] / "call_flows" / GLOSSARY_FILE)
WHEN = datetime(2026, 12, 7, 15, tzinfo=UTC)


def _spanish_the_code_speaks() -> list[str]:
    texts = [status.es for status in STATUSES]
    for location in LOCATIONS:
        texts += [spoken_office(location, "es"), office_to(location.id, "es")]
        texts.append(spoken_zone(location.time_zone, WHEN, "es"))
        if location.address:  # the city and state; a street keeps its own name ("North Los Angeles Street")
            texts.append(spoken_address(location.address, "es")[0].split(", ", 1)[1])
    return texts


@pytest.mark.parametrize("text", _spanish_the_code_speaks())
def test_no_spanish_the_code_speaks_uses_a_wording_the_glossary_avoids(text):
    assert misused(TERMS, text) == []


@pytest.mark.parametrize(("location_id", "spanish"), [
    ("asc_new_york", "el Centro de Asistencia en Solicitudes de Nueva York"),
    ("asc_new_orleans", "el Centro de Asistencia en Solicitudes de Nueva Orleans"),
    ("fo_new_york", "la Oficina Local de la Ciudad de Nueva York"),
    ("asc_los_angeles", "el Centro de Asistencia en Solicitudes de Los Ángeles"),
    ("asc_phoenix", "el Centro de Asistencia en Solicitudes de Phoenix"),
])
def test_offices_are_named_with_spanish_place_names(location_id, spanish):
    [location] = [loc for loc in LOCATIONS if loc.id == location_id]
    assert spoken_office(location, "es") == spanish


@pytest.mark.parametrize(("address", "lang", "spoken"), [
    ("1250 Poydras Street, New Orleans, LA 70113", "es", ("1250 Poydras Street, Nueva Orleans, Luisiana", "70113")),
    # a voice would read "LA" as Los Angeles: the state is named in full in English too
    ("1250 Poydras Street, New Orleans, LA 70113", "en", ("1250 Poydras Street, New Orleans, Louisiana", "70113")),
    ("26 Federal Plaza, New York, NY 10278", "es", ("26 Federal Plaza, Nueva York, Nueva York", "10278")),
    ("26 Federal Plaza, New York, NY 10278", "en", ("26 Federal Plaza, New York, New York", "10278")),
    ("500 Ala Moana Boulevard, Honolulu, HI 96813", "es", ("500 Ala Moana Boulevard, Honolulú, Hawái", "96813")),
    # a street whose usual name is Spanish where it is
    ("7 Tabonuco Street, Guaynabo, PR 00968", "es", ("calle Tabonuco 7, Guaynabo, Puerto Rico", "00968")),
    ("7 Tabonuco Street, Guaynabo, PR 00968", "en", ("7 Tabonuco Street, Guaynabo, Puerto Rico", "00968")),
    ("108 Hernan Cortez Avenue, Hagatna, GU 96910", "es", ("avenida Hernán Cortés 108, Agaña, Guam", "96910")),
    ("1 Main Street, Springfield, ZZ 12345", "es", ("1 Main Street, Springfield, ZZ", "12345")),  # unknown: as written
])
def test_addresses_name_city_and_state_in_the_callers_language(address, lang, spoken):
    assert spoken_address(address, lang) == spoken


ENGLISH_FORMS = ["New York", "New Orleans", "Philadelphia", "St. Louis", "Los Angeles", "Honolulu", "Hagatna",
                 "Agana", "Hawaii", "Louisiana", "Pennsylvania", "New Jersey", "New Mexico", "Carolina, ",
                 "Virgin Islands", "Application Support Center", "Field Office", "Service Center"]


@pytest.mark.parametrize("location", LOCATIONS, ids=lambda location: location.id)
def test_a_spanish_caller_hears_every_office_and_its_city_and_state_in_spanish(location):
    heard = [spoken_office(location, "es"), office_to(location.id, "es")]
    if location.address:
        place, zip_code = spoken_address(location.address, "es")
        heard.append(place.split(", ", 1)[1])  # the city and state (the street keeps its name)
        assert zip_code.isdigit() and len(zip_code) == 5
    assert [form for form in ENGLISH_FORMS for text in heard if form in text] == []


@pytest.mark.parametrize("location", [loc for loc in LOCATIONS if loc.address], ids=lambda location: location.id)
def test_an_english_caller_hears_the_state_named_in_full(location):
    place, _ = spoken_address(location.address, "en")
    state = place.rsplit(", ", 1)[1]
    assert len(state) > 2 and state[0].isupper()


def test_guam_time_is_hora_de_guam():
    assert spoken_zone("Pacific/Guam", WHEN, "es") == "hora de Guam"
