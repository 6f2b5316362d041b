"""The service-request actions: record an expedite or emergency-travel request for the office that
decides it, and follow a request up after 30 days with no answer (seed Q15, Q16, Q19)."""

from __future__ import annotations

from datetime import datetime

from ivr.actions.case_status import count_failure, within_lookup_limits
from ivr.actions.services import Services
from ivr.domain.office_names import office_to
from ivr.domain.privacy import is_protected
from ivr.domain.receipts import ReceiptError, decode_keypad, decode_speech, spoken_groups
from ivr.domain.references import RequestNumberError, decode_reference_keys, decode_reference_speech, spoken_reference
from ivr.domain.service_requests import ANSWERED, DUE, ESCALATE, FollowUp, ServiceRequest, follow_up
from ivr.domain.spoken_dates import spoken_date
from ivr.flows.engine import ActionContext, ActionResult, Say
from ivr.store.cases import find_case
from ivr.store.service_requests import NewRequest, create_request, request_chain

OFFICERS = "tier2"  # the contact center's own Immigration Services Officers decide these requests
RECEIPT_KEYS = 13
LEVEL_NAMES = {"en": {"secondary": "secondary", "tertiary": "tertiary"},
               "es": {"secondary": "secundaria", "tertiary": "terciaria"}}


def reference_vars(request: ServiceRequest) -> dict[str, str]:
    """A request's reference number, as kept and as read back slowly."""
    return {"reference": request.reference, "reference_spoken": spoken_reference(request.reference)}


def record_service_request(services: Services):
    """An action: record the node's `kind` of request (with: {kind: ...}) for the confirmed receipt
    number; an expedite goes to the case's filing location, emergency travel to Tier 2 officers."""

    def action(ctx: ActionContext) -> ActionResult:
        state, now, kind = ctx.state, services.clock(), ctx.node.params["kind"]
        if not within_lookup_limits(services, ctx):
            return ActionResult("limited")
        case = find_case(services.store, state["vars"]["receipt"])
        if case is None:
            return count_failure(ctx, "not_found", (Say("case_not_found"),))
        if is_protected(case.form_type, case.protected):
            return ActionResult("protected")
        routed_to = case.filing_location if kind == "expedite" else OFFICERS
        request = create_request(services.store, NewRequest(kind, case.receipt_number, routed_to, ctx.lang,
                                                             state["call_sid"]), now)
        return ActionResult("recorded", vars={**reference_vars(request), "office_to": office_to(routed_to, ctx.lang)})

    return action


def read_request_number(ctx: ActionContext) -> ActionResult:
    """A reference number (8 digits, S R optional) or a receipt number (13 keys), keyed or said."""
    given = ctx.input
    try:
        found = _keyed(given.digits) if given.digits else _heard(given.speech or "", ctx.lang)
    except (RequestNumberError, ReceiptError):
        return count_failure(ctx, "invalid", (Say("request_number_invalid"),), counter="request_attempts")
    return ActionResult("ok", vars=found)


def _keyed(digits: str) -> dict[str, str]:
    """13 keys are a receipt number (letters as their keys); anything else should be a reference."""
    keys = digits.strip().removesuffix("#")
    return _receipt(decode_keypad(keys)) if len(keys) == RECEIPT_KEYS else _reference(decode_reference_keys(keys))


def _heard(transcript: str, lang: str) -> dict[str, str]:
    """A spoken reference number or, failing that, a spoken receipt number."""
    try:
        return _reference(decode_reference_speech(transcript, lang))
    except RequestNumberError:
        return _receipt(decode_speech(transcript, lang))


def _reference(reference: str) -> dict[str, str]:
    """The call's variables for a reference number given."""
    return {"request_reference": reference}


def _receipt(receipt: str) -> dict[str, str]:
    """The call's variables for a receipt number given (kept as the call's receipt, as case status does)."""
    return {"request_reference": "", "receipt": receipt, "receipt_spoken": ", ".join(spoken_groups(receipt))}


def follow_up_request(services: Services):
    """An action: find the request and follow it up; 'escalated' when a secondary or tertiary request
    was created, 'due' (not yet 30 days), 'answered', or 'exhausted' (a tertiary one is overdue)."""

    def action(ctx: ActionContext) -> ActionResult:
        now, values = services.clock(), ctx.state["vars"]
        if not within_lookup_limits(services, ctx):
            return ActionResult("limited")
        chain = request_chain(services.store, reference=values.get("request_reference"),
                              receipt_number=values.get("receipt"))
        if not chain:
            return count_failure(ctx, "not_found", (Say("request_not_found"),), counter="request_attempts")
        decision = follow_up(chain, now, services.hours.zone)
        if decision.outcome == ESCALATE:
            return _escalate(services, ctx, decision)
        found = {**reference_vars(decision.request), "made_on": _day(decision.request.created_at, services, ctx.lang)}
        if decision.outcome == ANSWERED:
            return ActionResult("answered", vars={**found, "answered_on": _day(decision.request.answered_at,
                                                                                services, ctx.lang)})
        if decision.outcome == DUE:
            return ActionResult("due", vars={**found, "due_date": spoken_date(decision.due, ctx.lang)})
        return ActionResult("exhausted", vars=found)

    return action


def _escalate(services: Services, ctx: ActionContext, decision: FollowUp) -> ActionResult:
    """Create the next level's request, for the same office as the one it follows up."""
    latest = decision.request
    new = NewRequest("follow_up", latest.receipt_number, latest.routed_to, ctx.lang, ctx.state["call_sid"],
                     decision.level, latest.id)
    made = create_request(services.store, new, services.clock())
    return ActionResult("escalated", vars={**reference_vars(made), "level_name": LEVEL_NAMES[ctx.lang][made.level],
                                           "office_to": office_to(made.routed_to, ctx.lang)})


def _day(instant: datetime, services: Services, lang: str) -> str:
    """The calendar day of an instant on the contact center's clock, spoken."""
    return spoken_date(instant.astimezone(services.hours.tz).date(), lang)
