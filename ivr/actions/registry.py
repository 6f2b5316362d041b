"""Every action flows may name, with its contract, and the speech hints input nodes may ask for."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ivr.actions import (
    answers,
    biometrics,
    callback_manage,
    callback_zones,
    callbacks,
    case_status,
    service_requests,
    texts,
)
from ivr.actions.declaration import Action, action
from ivr.actions.services import Services
from ivr.domain import receipts, references
from ivr.domain.contact_center import TIERS
from ivr.domain.hours import is_open, next_open
from ivr.domain.spoken_dates import spoken_moment
from ivr.flows.contracts import Contract
from ivr.flows.engine import Handler
from ivr.flows.flowset import Known
from ivr.flows.steps import ActionContext, ActionResult

WANTED = ("callback_tier", "callback_purpose")


@action("agents_open", events={"open": WANTED, "closed": (*WANTED, "next_open")}, params=["tier", "purpose"])
def agents_open(services: Services, ctx: ActionContext) -> ActionResult:
    """'open' in live hours; otherwise 'closed', with when agents next answer, spoken.

    The node's `with: {tier: ..., purpose: ...}` is kept, so a callback offered later knows
    which agents the caller was trying to reach.
    """
    now = services.clock()
    wanted = {"callback_tier": ctx.param("tier", "tier1"), "callback_purpose": ctx.param("purpose", "agent")}
    if is_open(services.hours, now):
        return ActionResult("open", vars=wanted)
    when = spoken_moment(next_open(services.hours, now), services.hours.zone, ctx.lang)
    return ActionResult("closed", vars={**wanted, "next_open": when})


ACTIONS: tuple[Action, ...] = (agents_open, *case_status.ACTIONS, *callback_zones.ACTIONS, *callbacks.ACTIONS,
                               *callback_manage.ACTIONS, *biometrics.ACTIONS, *service_requests.ACTIONS,
                               *answers.ACTIONS, *texts.ACTIONS)
CONTRACTS: Mapping[str, Contract] = {a.name: a.contract for a in ACTIONS}
if len(CONTRACTS) != len(ACTIONS):
    raise RuntimeError("two actions are declared under one name")

# Speech hints an input node may name (`hints: receipt`): words the recogniser should expect.
HINTS: Mapping[str, Callable[[str], list[str]]] = {"receipt": receipts.speech_hints,
                                                    "service_request": references.speech_hints}

# Everything the flows are checked against before a call is taken.
KNOWN = Known(contracts=CONTRACTS, tiers=TIERS, hints=tuple(HINTS))


def build_actions(services: Services) -> dict[str, Handler]:
    """Every action by the name flows use for it, bound to the line's services."""
    return {a.name: a.bind(services) for a in ACTIONS}
