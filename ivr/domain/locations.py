"""Filing locations a case can belong to, with the time zone the IVR speaks in."""

from __future__ import annotations

from dataclasses import dataclass

from ivr.domain.contact_center import CENTER_ZONE

KINDS: tuple[str, ...] = ("service_center", "nbc", "field_office", "asc")


@dataclass(frozen=True)
class Location:
    """One office that can own a case or host an appointment."""

    id: str
    kind: str
    name: str
    time_zone: str
    address: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(
                f"unknown location kind {self.kind!r}; expected one of {KINDS}"
            )


_EASTERN = CENTER_ZONE  # the contact center is on Eastern time too
_CENTRAL = "America/Chicago"
_MOUNTAIN = "America/Denver"
_ARIZONA = "America/Phoenix"
_PACIFIC = "America/Los_Angeles"
_ALASKA = "America/Anchorage"
_HAWAII = "Pacific/Honolulu"
_ATLANTIC = "America/Puerto_Rico"
_CHAMORRO = "Pacific/Guam"

# Service centers, the NBC and field offices carry no address: callers never go to
# the first two, and field-office addresses come from the appointment notice.
# ASC addresses are spoken to callers with a biometrics appointment; they are
# illustrative and must be checked against the official office locator before use.
LOCATIONS: tuple[Location, ...] = (
    Location("vsc", "service_center", "Vermont Service Center", _EASTERN),
    Location("csc", "service_center", "California Service Center", _PACIFIC),
    Location("nsc", "service_center", "Nebraska Service Center", _CENTRAL),
    Location("tsc", "service_center", "Texas Service Center", _CENTRAL),
    Location("psc", "service_center", "Potomac Service Center", _EASTERN),
    Location("nbc", "nbc", "National Benefits Center", _CENTRAL),
    Location("fo_new_york", "field_office", "New York City Field Office", _EASTERN),
    Location("fo_atlanta", "field_office", "Atlanta Field Office", _EASTERN),
    Location("fo_miami", "field_office", "Miami Field Office", _EASTERN),
    Location("fo_chicago", "field_office", "Chicago Field Office", _CENTRAL),
    Location("fo_houston", "field_office", "Houston Field Office", _CENTRAL),
    Location("fo_new_orleans", "field_office", "New Orleans Field Office", _CENTRAL),
    Location("fo_denver", "field_office", "Denver Field Office", _MOUNTAIN),
    # El Paso sits in Mountain time although the rest of Texas is Central.
    Location("fo_el_paso", "field_office", "El Paso Field Office", _MOUNTAIN),
    Location("fo_phoenix", "field_office", "Phoenix Field Office", _ARIZONA),
    Location("fo_los_angeles", "field_office", "Los Angeles Field Office", _PACIFIC),
    Location("fo_seattle", "field_office", "Seattle Field Office", _PACIFIC),
    Location("fo_anchorage", "field_office", "Anchorage Field Office", _ALASKA),
    Location("fo_honolulu", "field_office", "Honolulu Field Office", _HAWAII),
    Location("fo_san_juan", "field_office", "San Juan Field Office", _ATLANTIC),
    Location("fo_agana", "field_office", "Agana Field Office", _CHAMORRO),
    Location(
        "asc_new_york",
        "asc",
        "New York Application Support Center",
        _EASTERN,
        "26 Federal Plaza, New York, NY 10278",
    ),
    Location(
        "asc_miami",
        "asc",
        "Miami Application Support Center",
        _EASTERN,
        "7880 Biscayne Boulevard, Miami, FL 33138",
    ),
    Location(
        "asc_chicago",
        "asc",
        "Chicago Application Support Center",
        _CENTRAL,
        "101 West Congress Parkway, Chicago, IL 60605",
    ),
    Location(
        "asc_houston",
        "asc",
        "Houston Application Support Center",
        _CENTRAL,
        "810 Gears Road, Houston, TX 77067",
    ),
    Location(
        "asc_new_orleans",
        "asc",
        "New Orleans Application Support Center",
        _CENTRAL,
        "1250 Poydras Street, New Orleans, LA 70113",
    ),
    Location(
        "asc_el_paso",
        "asc",
        "El Paso Application Support Center",
        _MOUNTAIN,
        "1545 Hawkins Boulevard, El Paso, TX 79925",
    ),
    Location(
        "asc_phoenix",
        "asc",
        "Phoenix Application Support Center",
        _ARIZONA,
        "2035 North Central Avenue, Phoenix, AZ 85004",
    ),
    Location(
        "asc_los_angeles",
        "asc",
        "Los Angeles Application Support Center",
        _PACIFIC,
        "300 North Los Angeles Street, Los Angeles, CA 90012",
    ),
    Location(
        "asc_anchorage",
        "asc",
        "Anchorage Application Support Center",
        _ALASKA,
        "620 East 10th Avenue, Anchorage, AK 99501",
    ),
    Location(
        "asc_honolulu",
        "asc",
        "Honolulu Application Support Center",
        _HAWAII,
        "500 Ala Moana Boulevard, Honolulu, HI 96813",
    ),
    Location(
        "asc_san_juan",
        "asc",
        "San Juan Application Support Center",
        _ATLANTIC,
        "7 Tabonuco Street, Guaynabo, PR 00968",
    ),
    Location(
        "asc_agana",
        "asc",
        "Agana Application Support Center",
        _CHAMORRO,
        "108 Hernan Cortez Avenue, Hagatna, GU 96910",
    ),
)

_BY_ID: dict[str, Location] = {location.id: location for location in LOCATIONS}


def location_by_id(location_id: str) -> Location | None:
    """Return the location with this id, or None if there is none."""
    return _BY_ID.get(location_id)


def zone_of(location_id: str) -> str:
    """The time zone of a known location; KeyError for an id that is none."""
    return _BY_ID[location_id].time_zone

