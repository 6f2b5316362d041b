"""The biometrics actions: find the appointment, offer open times at its ASC, move it, or ask for an
earlier one. A first appointment is never booked here: it comes by notice (seed Q2)."""

from __future__ import annotations

from datetime import datetime

from ivr.actions.case_status import within_lookup_limits
from ivr.actions.service_requests import OFFICERS, reference_vars
from ivr.actions.services import Services
from ivr.domain.biometrics import SCHEDULED, Appointment, earliest_new_start, reschedule_refusal
from ivr.domain.locations import location_by_id
from ivr.domain.office_names import spoken_office
from ivr.domain.privacy import is_protected
from ivr.domain.spoken_dates import spoken_moment
from ivr.flows.engine import ActionContext, ActionResult, Say
from ivr.store.appointments import MOVED, TAKEN, move_appointment, open_slot_starts
from ivr.store.appointments import find_appointment as stored_appointment
from ivr.store.cases import find_case
from ivr.store.service_requests import NewRequest, create_request

OFFERED = 3
EVENT_FOR_COUNT = {0: "none", 1: "one", 2: "two", 3: "three"}


def appointment_vars(appointment: Appointment, lang: str) -> dict[str, str]:
    """What the prompts say about an appointment, and what a later move must find unchanged."""
    asc = location_by_id(appointment.asc)
    return {
        "appointment_spoken": spoken_moment(appointment.starts_at, asc.time_zone, lang),
        "asc_name": spoken_office(asc, lang), "asc_address": asc.address, "asc_id": asc.id,
        "appointment_at": appointment.starts_at.isoformat(), "appointment_count": str(appointment.reschedule_count),
    }


def find_appointment(services: Services):
    """An action: the confirmed receipt number's appointment, and whether the caller may move it.

    Events: 'reschedulable', a refusal (missed, completed, passed, too_soon, rescheduled_twice),
    'none', 'protected' (VAWA, U and T matters go to senior officers) or 'limited'.
    """

    def action(ctx: ActionContext) -> ActionResult:
        state, now = ctx.state, services.clock()
        receipt = state["vars"]["receipt"]
        if not within_lookup_limits(services, ctx):
            return ActionResult("limited")
        case = find_case(services.store, receipt)
        if case is not None and is_protected(case.form_type, case.protected):
            return ActionResult("protected")
        appointment = stored_appointment(services.store, receipt)
        if appointment is None:
            # One answer for unknown numbers and numbers with no appointment: nothing to guess from.
            return ActionResult("none")
        refusal = reschedule_refusal(appointment, now)
        return ActionResult(refusal or "reschedulable", vars=appointment_vars(appointment, ctx.lang))

    return action


def confirmed_appointment(values: dict) -> Appointment:
    """The appointment as the caller heard it, from the call's variables."""
    return Appointment(values["receipt"], values["asc_id"], datetime.fromisoformat(values["appointment_at"]),
                       int(values["appointment_count"]), SCHEDULED)


def offer_appointment_slots(services: Services):
    """An action: up to three open times at the appointment's ASC, spoken in its zone; the event
    says how many ('three', 'two', 'one' or 'none')."""

    def action(ctx: ActionContext) -> ActionResult:
        appointment = confirmed_appointment(ctx.state["vars"])
        zone = location_by_id(appointment.asc).time_zone
        starts = open_slot_starts(services.store, appointment.asc, earliest_new_start(services.clock()),
                                  excluding=appointment.starts_at, limit=OFFERED)
        spoken = {f"new_time_{i}": spoken_moment(start, zone, ctx.lang) for i, start in enumerate(starts, 1)}
        at = {f"new_time_{i}_at": start.isoformat() for i, start in enumerate(starts, 1)}
        return ActionResult(EVENT_FOR_COUNT[len(starts)], vars={**spoken, **at})

    return action


def pick_appointment_slot(ctx: ActionContext) -> ActionResult:
    """The time the caller chose by key, kept for the read-back and the move."""
    values = ctx.state["vars"]
    chosen = values.get("new_time", "1")
    return ActionResult("ok", vars={"chosen_time": values[f"new_time_{chosen}"],
                                    "chosen_at": values[f"new_time_{chosen}_at"]})


def move_chosen_appointment(services: Services):
    """An action: move the appointment to the chosen time ('moved'); 'taken' when another caller
    got its last place first; 'changed' when the appointment changed since the caller heard it."""

    def action(ctx: ActionContext) -> ActionResult:
        values = ctx.state["vars"]
        confirmed = confirmed_appointment(values)
        if reschedule_refusal(confirmed, services.clock()):
            return ActionResult("changed")  # the 12 hours ran out during the call: look it up again
        outcome = move_appointment(services.store, confirmed, datetime.fromisoformat(values["chosen_at"]))
        if outcome == TAKEN:
            return ActionResult("taken", says=(Say("slot_taken"),))
        if outcome != MOVED:
            return ActionResult("changed")
        return ActionResult("moved", vars={
            "appointment_spoken": values["chosen_time"], "appointment_at": values["chosen_at"],
            "appointment_count": str(confirmed.reschedule_count + 1)})

    return action


def record_biometrics_expedite(services: Services):
    """An action: record a request for an earlier appointment, for an officer to decide (seed Q14, Q17)."""

    def action(ctx: ActionContext) -> ActionResult:
        state = ctx.state
        new = NewRequest("expedite_biometrics", state["vars"]["receipt"], OFFICERS, ctx.lang, state["call_sid"])
        return ActionResult("recorded", vars=reference_vars(create_request(services.store, new, services.clock())))

    return action
