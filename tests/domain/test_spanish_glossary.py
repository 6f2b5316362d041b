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
    ("1250 Poydras Street, New Orleans, LA 70113", "en", ("1250 Poydras Street, New Orleans, LA", "70113")),
    ("26 Federal Plaza, New York, NY 10278", "es", ("26 Federal Plaza, Nueva York, Nueva York", "10278")),
    ("7 Tabonuco Street, Guaynabo, PR 00968", "es", ("7 Tabonuco Street, Guaynabo, Puerto Rico", "00968")),
])
def test_addresses_name_city_and_state_in_the_callers_language(address, lang, spoken):
    assert spoken_address(address, lang) == spoken


def test_guam_time_is_hora_de_guam():
    assert spoken_zone("Pacific/Guam", WHEN, "es") == "hora de Guam"
