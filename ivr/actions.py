"""The named actions flows may call, bound to the app's clock, hours and store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ivr.clock import Clock
from ivr.flows.engine import ActionContext, ActionResult
from ivr.hours import LiveHours, is_open, next_open
from ivr.spoken_dates import spoken_moment
from ivr.store.db import Store


@dataclass(frozen=True)
class Services:
    """What actions may use: the store, the clock and the contact center's hours."""

    store: Store
    clock: Clock
    hours: LiveHours


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
    }
