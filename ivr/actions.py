"""The named actions flows may call, bound to the app's clock, hours and store."""

from __future__ import annotations

from collections.abc import Callable

from ivr import case_status
from ivr.action_catalog import ACTION_EVENTS as ACTION_EVENTS  # re-exported from the pure catalog
from ivr.action_catalog import COUNTING_ACTIONS as COUNTING_ACTIONS
from ivr.action_catalog import HINTS as HINTS
from ivr.flows.engine import ActionContext, ActionResult
from ivr.hours import is_open, next_open
from ivr.services import Services
from ivr.spoken_dates import spoken_moment


def agents_open(services: Services) -> Callable[[ActionContext], ActionResult]:
    """'open' in live hours; otherwise 'closed', with when agents next answer, spoken."""

    def action(ctx: ActionContext) -> ActionResult:
        now = services.clock()
        if is_open(services.hours, now):
            return ActionResult("open")
        when = spoken_moment(next_open(services.hours, now), services.hours.zone, ctx.lang)
        return ActionResult("closed", vars={"next_open": when})

    return action


def build_actions(services: Services) -> dict[str, Callable[[ActionContext], ActionResult]]:
    """Every action by the name flows use for it."""
    return {
        "agents_open": agents_open(services),
        "read_receipt": case_status.read_receipt,
        "reject_read_back": case_status.reject_read_back,
        "look_up_case": case_status.look_up_case(services),
    }
