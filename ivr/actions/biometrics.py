"""The biometrics actions: find the appointment, offer open times at its ASC, move it, or ask for an
earlier one. A first appointment is never booked here: it comes by notice (seed Q2)."""

from __future__ import annotations

from datetime import datetime

from ivr.actions.declaration import action
from ivr.actions.services import Services
from ivr.actions.shared import PROTECTED, REFERENCE_VARS, reference_vars, within_lookup_limits
from ivr.domain.biometrics import (
    MOVED,
    REFUSALS,
    SCHEDULED,
    TAKEN,
    Appointment,
    earliest_new_start,
    reschedule_refusal,
)
from ivr.domain.contact_center import OFFICERS
from ivr.domain.locations import Location, location_by_id
from ivr.domain.office_names import spoken_address, spoken_office
from ivr.domain.privacy import is_protected
from ivr.domain.service_requests import NewRequest
from ivr.domain.spoken_dates import spoken_moment
from ivr.flows.contracts import same_vars
from ivr.flows.steps import ActionContext, ActionResult, Say

OFFERED = 3
EVENT_FOR_COUNT = {0: "none", 1: "one", 2: "two", 3: "three"}
APPOINTMENT = ("appointment_spoken", "asc_name", "asc_address", "asc_id", "appointment_at", "appointment_count")
# What a move must find unchanged: the appointment as the caller heard it.
CONFIRMED = ("receipt", "asc_id", "appointment_at", "appointment_count")


def new_times(count: int) -> tuple[str, ...]:
    """The variables that speak and keep the first `count` offered times."""
    return tuple(f"new_time_{i}{suffix}" for i in range(1, count + 1) for suffix in ("", "_at"))


def asc_of(appointment: Appointment) -> Location:
    """The ASC of an appointment; imports refuse an appointment at an unknown one."""
    asc = location_by_id(appointment.asc)
    if asc is None:
        raise LookupError(f"appointment {appointment.receipt_number} is at unknown ASC '{appointment.asc}'")
    return asc


def appointment_vars(appointment: Appointment, lang: str) -> dict[str, str]:
    """What the prompts say about an appointment, and what a later move must find unchanged."""
    asc = asc_of(appointment)
    place, zip_code = spoken_address(asc.address, lang)
    return {
        "appointment_spoken": spoken_moment(appointment.starts_at, asc.time_zone, lang),
        "asc_name": spoken_office(asc, lang), "asc_address": f"{place} {zip_code}", "asc_id": asc.id,
        "appointment_at": appointment.starts_at.isoformat(), "appointment_count": str(appointment.reschedule_count),
    }


@action("find_appointment", events={**same_vars(APPOINTMENT, "reschedulable", *REFUSALS),
                                    "none": (), "protected": ("protected",), "limited": ()},
        requires=["receipt"])
def find_appointment(services: Services, ctx: ActionContext) -> ActionResult:
    """The confirmed receipt number's appointment, and whether the caller may move it.

    Events: 'reschedulable', a refusal (missed, completed, passed, too_soon, rescheduled_twice),
    'none', 'protected' (VAWA, U and T matters go to senior officers) or 'limited'.
    """
    receipt = ctx.var("receipt")
    if not within_lookup_limits(services, ctx):
        return ActionResult("limited")
    case = services.records.find_case(receipt)
    if case is not None and is_protected(case.form_type, case.protected):
        return ActionResult("protected", vars=PROTECTED)
    appointment = services.records.find_appointment(receipt)
    if appointment is None:
        # One answer for unknown numbers and numbers with no appointment: nothing to guess from.
        return ActionResult("none")
    refusal = reschedule_refusal(appointment, services.clock())
    return ActionResult(refusal or "reschedulable", vars=appointment_vars(appointment, ctx.lang))


def confirmed_appointment(ctx: ActionContext) -> Appointment:
    """The appointment as the caller heard it, from the call's variables."""
    return Appointment(ctx.var("receipt"), ctx.var("asc_id"), datetime.fromisoformat(ctx.var("appointment_at")),
                       int(ctx.var("appointment_count")), SCHEDULED)


@action("offer_appointment_slots",
        events={EVENT_FOR_COUNT[n]: new_times(n) for n in range(OFFERED + 1)}, requires=CONFIRMED)
def offer_appointment_slots(services: Services, ctx: ActionContext) -> ActionResult:
    """Up to three open times at the appointment's ASC, spoken in its zone; the event says how many."""
    appointment = confirmed_appointment(ctx)
    zone = asc_of(appointment).time_zone
    starts = services.records.open_slot_starts(appointment.asc, earliest_new_start(services.clock()),
                                               excluding=appointment.starts_at, limit=OFFERED)
    spoken = {f"new_time_{i}": spoken_moment(start, zone, ctx.lang) for i, start in enumerate(starts, 1)}
    at = {f"new_time_{i}_at": start.isoformat() for i, start in enumerate(starts, 1)}
    return ActionResult(EVENT_FOR_COUNT[len(starts)], vars={**spoken, **at})


@action("pick_appointment_slot", events={"ok": ("chosen_time", "chosen_at")},
        requires=new_times(1), reads=["new_time", *new_times(OFFERED)])
def pick_appointment_slot(_services: Services, ctx: ActionContext) -> ActionResult:
    """The time the caller chose by key, kept for the read-back and the move."""
    chosen = ctx.get("new_time", "1")
    return ActionResult("ok", vars={"chosen_time": ctx.var(f"new_time_{chosen}"),
                                    "chosen_at": ctx.var(f"new_time_{chosen}_at")})


@action("move_appointment",
        events={"moved": ("appointment_spoken", "appointment_at", "appointment_count"), "taken": (), "changed": ()},
        requires=[*CONFIRMED, "chosen_time", "chosen_at"], says=["slot_taken"])
def move_appointment(services: Services, ctx: ActionContext) -> ActionResult:
    """Move the appointment to the chosen time ('moved'); 'taken' when another caller got its last
    place first; 'changed' when the appointment changed since the caller heard it."""
    confirmed = confirmed_appointment(ctx)
    if reschedule_refusal(confirmed, services.clock()):
        return ActionResult("changed")  # the 12 hours ran out during the call: look it up again
    outcome = services.records.move_appointment(confirmed, datetime.fromisoformat(ctx.var("chosen_at")))
    if outcome == TAKEN:
        return ActionResult("taken", says=(Say("slot_taken"),))
    if outcome != MOVED:
        return ActionResult("changed")
    return ActionResult("moved", vars={
        "appointment_spoken": ctx.var("chosen_time"), "appointment_at": ctx.var("chosen_at"),
        "appointment_count": str(confirmed.reschedule_count + 1)})


@action("record_biometrics_expedite", events={"recorded": REFERENCE_VARS}, requires=["receipt"])
def record_biometrics_expedite(services: Services, ctx: ActionContext) -> ActionResult:
    """Record a request for an earlier appointment, for an officer to decide (seed Q14, Q17)."""
    new = NewRequest("expedite_biometrics", ctx.var("receipt"), OFFICERS, ctx.lang, ctx.call_sid)
    made = services.records.create_request(new, services.clock())
    return ActionResult("recorded", vars=reference_vars(made.reference))


ACTIONS = (find_appointment, offer_appointment_slots, pick_appointment_slot, move_appointment,
           record_biometrics_expedite)
