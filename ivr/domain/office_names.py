"""Offices and their addresses as callers hear them, with their article, in English and Spanish."""

from __future__ import annotations

from ivr.domain.locations import Location, location_by_id

# English name endings and the Spanish pattern each one takes, {place} being what precedes it.
_SPANISH = (
    (" Application Support Center", "el Centro de Asistencia en Solicitudes de {place}"),
    (" Service Center", "el Centro de Servicio de {place}"),
    (" Field Office", "la Oficina Local de {place}"),
)
_SPANISH_WHOLE = {"National Benefits Center": "el Centro Nacional de Beneficios"}
# Places a Spanish speaker names in Spanish (the agency's Spanish pages do too).
SPANISH_PLACES = {
    "New York City": "la Ciudad de Nueva York",
    "New York": "Nueva York",
    "New Orleans": "Nueva Orleans",
    "Agana": "Agaña",
    "Hagatna": "Agaña",
    "Philadelphia": "Filadelfia",
    "St. Louis": "San Luis",
    "Los Angeles": "Los Ángeles",
    "Honolulu": "Honolulú",
}
# Streets whose usual name is Spanish where they are (Puerto Rico; Guam's Spanish-era names).
SPANISH_STREETS = {
    "7 Tabonuco Street": "calle Tabonuco 7",
    "108 Hernan Cortez Avenue": "avenida Hernán Cortés 108",
}
# The states and territories of the postal abbreviations, named in full: a voice reads "LA" as
# Los Angeles and "IN" as a word.
_ENGLISH_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "the District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico",
    "VI": "the U.S. Virgin Islands", "GU": "Guam", "MP": "the Northern Mariana Islands", "AS": "American Samoa",
}
# The states and territories of the postal abbreviations, where Spanish names them otherwise
# (the others, "Texas", "Florida", keep their English names).
_SPANISH_STATES = {
    "NY": "Nueva York", "NJ": "Nueva Jersey", "NM": "Nuevo México", "NH": "Nuevo Hampshire",
    "NC": "Carolina del Norte", "SC": "Carolina del Sur", "ND": "Dakota del Norte", "SD": "Dakota del Sur",
    "LA": "Luisiana", "PA": "Pensilvania", "HI": "Hawái", "WV": "Virginia Occidental",
    "DC": "el Distrito de Columbia", "VI": "las Islas Vírgenes", "MP": "las Islas Marianas del Norte",
    "AS": "Samoa Americana", "PR": "Puerto Rico", "GU": "Guam", "MI": "Míchigan", "OR": "Oregón",
    "MO": "Misuri", "MN": "Minesota", "MS": "Misisipi",
}
# A request routed to no location goes to the contact center's own Immigration Services Officers.
_OFFICERS = {"en": "to our Immigration Services Officers", "es": "a nuestros oficiales de servicios de inmigración"}


def spanish_place(place: str) -> str:
    """A place as Spanish names it: "New Orleans" -> "Nueva Orleans"; others unchanged."""
    return SPANISH_PLACES.get(place, place)


def spoken_office(location: Location, lang: str) -> str:
    """The office's name with its article: "the Phoenix Application Support Center" / "el Centro de ..."."""
    if lang == "en":
        return f"the {location.name}"
    if location.name in _SPANISH_WHOLE:
        return _SPANISH_WHOLE[location.name]
    for ending, pattern in _SPANISH:
        if location.name.endswith(ending):
            return pattern.format(place=spanish_place(location.name.removesuffix(ending)))
    return location.name


def spoken_address(address: str, lang: str) -> tuple[str, str]:
    """An address as (street and city, ZIP code), the state named in full: the city and state (and a
    street whose usual name is Spanish) named in Spanish for Spanish."""
    *rest, state_zip = [part.strip() for part in address.split(",")]
    state, _, zip_code = state_zip.rpartition(" ")
    if lang == "es":
        rest = [SPANISH_STREETS.get(rest[0], rest[0]), *(spanish_place(part) for part in rest[1:])]
        state = _SPANISH_STATES.get(state) or _ENGLISH_STATES.get(state, state)
    else:
        state = _ENGLISH_STATES.get(state, state)
    return ", ".join([*rest, state]), zip_code


def office_to(routed_to: str, lang: str) -> str:
    """Where a request went: "to the Vermont Service Center" / "al Centro de Servicio de Vermont"."""
    location = location_by_id(routed_to)
    if location is None:
        return _OFFICERS[lang]
    name = spoken_office(location, lang)
    if lang == "en":
        return f"to {name}"
    return "al " + name.removeprefix("el ") if name.startswith("el ") else "a " + name  # a + el = al
