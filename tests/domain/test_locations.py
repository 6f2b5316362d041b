import re
from zoneinfo import ZoneInfo

import pytest

from ivr.domain.locations import KINDS, LOCATIONS, Location, location_by_id, zone_of

US_ZONES = {
    "eastern": "America/New_York",
    "central": "America/Chicago",
    "mountain": "America/Denver",
    "arizona": "America/Phoenix",
    "pacific": "America/Los_Angeles",
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "atlantic": "America/Puerto_Rico",
    "chamorro": "Pacific/Guam",
}


def test_ids_are_unique():
    ids = [location.id for location in LOCATIONS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("location", LOCATIONS, ids=lambda loc: loc.id)
def test_location_is_well_formed(location):
    assert re.fullmatch(r"[a-z][a-z0-9_]*", location.id)
    assert location.kind in KINDS
    assert location.name
    ZoneInfo(location.time_zone)


@pytest.mark.parametrize("location", [loc for loc in LOCATIONS if loc.kind == "asc"], ids=lambda loc: loc.id)
def test_every_asc_has_an_address(location):
    assert location.address


@pytest.mark.parametrize("label, zone", US_ZONES.items())
def test_every_us_zone_is_represented(label, zone):
    assert any(location.time_zone == zone for location in LOCATIONS), label


@pytest.mark.parametrize(
    "location_id, kind, zone",
    [
        ("vsc", "service_center", "America/New_York"),
        ("csc", "service_center", "America/Los_Angeles"),
        ("nsc", "service_center", "America/Chicago"),
        ("tsc", "service_center", "America/Chicago"),
        ("psc", "service_center", "America/New_York"),
        ("nbc", "nbc", "America/Chicago"),
        ("fo_phoenix", "field_office", "America/Phoenix"),
        ("asc_phoenix", "asc", "America/Phoenix"),
        ("fo_el_paso", "field_office", "America/Denver"),
        ("asc_el_paso", "asc", "America/Denver"),
        ("fo_new_orleans", "field_office", "America/Chicago"),
        ("asc_new_orleans", "asc", "America/Chicago"),
        ("fo_anchorage", "field_office", "America/Anchorage"),
        ("asc_anchorage", "asc", "America/Anchorage"),
        ("fo_honolulu", "field_office", "Pacific/Honolulu"),
        ("asc_honolulu", "asc", "Pacific/Honolulu"),
        ("fo_san_juan", "field_office", "America/Puerto_Rico"),
        ("asc_san_juan", "asc", "America/Puerto_Rico"),
        ("fo_agana", "field_office", "Pacific/Guam"),
        ("asc_agana", "asc", "Pacific/Guam"),
        ("fo_new_york", "field_office", "America/New_York"),
        ("asc_new_york", "asc", "America/New_York"),
        ("fo_chicago", "field_office", "America/Chicago"),
        ("asc_chicago", "asc", "America/Chicago"),
        ("fo_los_angeles", "field_office", "America/Los_Angeles"),
        ("asc_los_angeles", "asc", "America/Los_Angeles"),
        ("fo_miami", "field_office", "America/New_York"),
        ("asc_miami", "asc", "America/New_York"),
        ("fo_houston", "field_office", "America/Chicago"),
        ("asc_houston", "asc", "America/Chicago"),
        ("fo_denver", "field_office", "America/Denver"),
        ("fo_seattle", "field_office", "America/Los_Angeles"),
        ("fo_atlanta", "field_office", "America/New_York"),
    ],
)
def test_named_location_has_right_kind_and_zone(location_id, kind, zone):
    location = location_by_id(location_id)
    assert location is not None
    assert (location.kind, location.time_zone) == (kind, zone)


@pytest.mark.parametrize("location_id", ["", "VSC", "fo_nowhere", "vsc "])
def test_unknown_id_gives_none(location_id):
    assert location_by_id(location_id) is None
    with pytest.raises(KeyError):
        zone_of(location_id)


def test_zone_of_a_known_location():
    assert zone_of("asc_agana") == "Pacific/Guam"


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_locations(kind):
    assert any(location.kind == kind for location in LOCATIONS)


@pytest.mark.parametrize("kind", ["", "ASC", "field office", "office"])
def test_unknown_kind_is_rejected(kind):
    with pytest.raises(ValueError):
        Location("x", kind, "X", "America/New_York")


def test_location_is_frozen():
    location = LOCATIONS[0]
    with pytest.raises(AttributeError):
        location.time_zone = "UTC"
