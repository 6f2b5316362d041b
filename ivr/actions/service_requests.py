"""The service-request actions: record an expedite or emergency-travel request for the office that
decides it, and follow a request up after 30 days with no answer (seed Q15, Q16, Q19)."""

from __future__ import annotations

from datetime import datetime

from ivr.actions.declaration import action
from ivr.actions.services import Services
from ivr.actions.shared import (
    RECEIPT,
    REFERENCE_VARS,
    confirmed_case,
    count_failure,
    receipt_vars,
    reference_vars,
    within_lookup_limits,
)
from ivr.domain.contact_center import OFFICERS
from ivr.domain.office_names import office_to
from ivr.domain.receipts import ReceiptError, decode_keypad, decode_speech
from ivr.domain.references import RequestNumberError, decode_reference_keys, decode_reference_speech
from ivr.domain.service_requests import ANSWERED, DUE, ESCALATE, FollowUp, NewRequest, follow_up
from ivr.domain.spoken_dates import spoken_date
from ivr.flows.contracts import same_vars
from ivr.flows.steps import ActionContext, ActionResult, Say

RECEIPT_KEYS = 13
LEVEL_NAMES = {"en": {"secondary": "secondary", "tertiary": "tertiary"},
               "es": {"secondary": "secundaria", "tertiary": "terciaria"}}
ATTEMPTS = ("receipt_attempts",)
REQUEST_ATTEMPTS = ("request_attempts",)
FOUND = (*REFERENCE_VARS, "made_on")


@action("record_service_request",
        events={"recorded": (*REFERENCE_VARS, "office_to"), "protected": ("protected",), "limited": (),
                **same_vars(ATTEMPTS, "not_found", "too_many")},
        requires=["receipt"], reads=ATTEMPTS, says=["case_not_found"], required_params=["kind"], counted=True)
def record_service_request(services: Services, ctx: ActionContext) -> ActionResult:
    """Record the node's `kind` of request (with: {kind: ...}) for the confirmed receipt number; an
    expedite goes to the case's filing location, emergency travel to Tier 2 officers."""
    kind = ctx.param("kind")
    case = confirmed_case(services, ctx)
    if isinstance(case, ActionResult):
        return case
    routed_to = case.filing_location if kind == "expedite" else OFFICERS
    new = NewRequest(kind, case.receipt_number, routed_to, ctx.lang, ctx.call_sid)
    made = services.records.create_request(new, services.clock())
    spoken_office = office_to(routed_to, ctx.lang)
    return ActionResult("recorded", vars={**reference_vars(made.reference), "office_to": spoken_office})


@action("read_request_number",
        events={"ok": ["request_reference"], **same_vars(REQUEST_ATTEMPTS, "invalid", "too_many")},
        may_set=RECEIPT,  # only when the caller gave a receipt number rather than a reference
        reads=REQUEST_ATTEMPTS, says=["request_number_invalid"], counted=True)
def read_request_number(_services: Services, ctx: ActionContext) -> ActionResult:
    """A reference number (8 digits, S R optional) or a receipt number (13 keys), keyed or said."""
    given = ctx.given
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
    return {"request_reference": "", **receipt_vars(receipt)}


@action("follow_up_request",
        events={"escalated": (*REFERENCE_VARS, "level_name", "office_to"), "due": (*FOUND, "due_date"),
                "answered": (*FOUND, "answered_on"), "exhausted": FOUND, "limited": (),
                **same_vars(REQUEST_ATTEMPTS, "not_found", "too_many")},
        reads=["request_reference", "receipt", *REQUEST_ATTEMPTS], says=["request_not_found"], counted=True)
def follow_up_request(services: Services, ctx: ActionContext) -> ActionResult:
    """Find the request and follow it up; 'escalated' when a secondary or tertiary request was
    created, 'due' (not yet 30 days), 'answered', or 'exhausted' (a tertiary one is overdue)."""
    if not within_lookup_limits(services, ctx):
        return ActionResult("limited")
    chain = services.records.request_chain(ctx.get("request_reference") or None, ctx.get("receipt") or None)
    if not chain:
        return count_failure(ctx, "not_found", (Say("request_not_found"),), counter="request_attempts")
    decision = follow_up(chain, services.clock(), services.hours.zone)
    if decision.outcome == ESCALATE:
        return _escalate(services, ctx, decision)
    request = decision.request
    found = {**reference_vars(request.reference), "made_on": _day(request.created_at, services, ctx.lang)}
    if decision.outcome == ANSWERED and request.answered_at is not None:
        return ActionResult("answered", vars={**found, "answered_on": _day(request.answered_at, services, ctx.lang)})
    if decision.outcome == DUE and decision.due is not None:
        return ActionResult("due", vars={**found, "due_date": spoken_date(decision.due, ctx.lang)})
    return ActionResult("exhausted", vars=found)


def _escalate(services: Services, ctx: ActionContext, decision: FollowUp) -> ActionResult:
    """Create the next level's request, for the same office as the one it follows up."""
    latest, level = decision.request, decision.level or "secondary"
    new = NewRequest("follow_up", latest.receipt_number, latest.routed_to, ctx.lang, ctx.call_sid, level, latest.id)
    made = services.records.create_request(new, services.clock())
    return ActionResult("escalated", vars={**reference_vars(made.reference),
                                           "level_name": LEVEL_NAMES[ctx.lang][made.level],
                                           "office_to": office_to(made.routed_to, ctx.lang)})


def _day(instant: datetime, services: Services, lang: str) -> str:
    """The calendar day of an instant on the contact center's clock, spoken."""
    return spoken_date(instant.astimezone(services.hours.tz).date(), lang)


ACTIONS = (record_service_request, read_request_number, follow_up_request)
