"""Offices as callers hear them named, with their article, in English and Spanish."""

from __future__ import annotations

from ivr.domain.locations import Location, location_by_id

# English name endings and the Spanish pattern each one takes, {place} being what precedes it.
_SPANISH = (
    (" Application Support Center", "el Centro de Asistencia para Solicitudes de {place}"),
    (" Service Center", "el Centro de Servicio de {place}"),
    (" Field Office", "la Oficina Local de {place}"),
)
_SPANISH_WHOLE = {"National Benefits Center": "el Centro Nacional de Beneficios"}
# A request routed to no location goes to the contact center's own Immigration Services Officers.
_OFFICERS = {"en": "to our Immigration Services Officers", "es": "a nuestros oficiales de servicios de inmigración"}


def spoken_office(location: Location, lang: str) -> str:
    """The office's name with its article: "the Phoenix Application Support Center" / "el Centro de ..."."""
    if lang == "en":
        return f"the {location.name}"
    if location.name in _SPANISH_WHOLE:
        return _SPANISH_WHOLE[location.name]
    for ending, pattern in _SPANISH:
        if location.name.endswith(ending):
            return pattern.format(place=location.name.removesuffix(ending))
    return location.name


def office_to(routed_to: str, lang: str) -> str:
    """Where a request went: "to the Vermont Service Center" / "al Centro de Servicio de Vermont"."""
    location = location_by_id(routed_to)
    if location is None:
        return _OFFICERS[lang]
    name = spoken_office(location, lang)
    if lang == "en":
        return f"to {name}"
    return "al " + name.removeprefix("el ") if name.startswith("el ") else "a " + name  # a + el = al
