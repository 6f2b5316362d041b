"""The answers actions: go back to the answer a caller chose, to hear it again."""

from __future__ import annotations

from ivr.actions.declaration import action
from ivr.actions.services import Services
from ivr.domain.answers import ANSWERS
from ivr.flows.steps import ActionContext, ActionResult


@action("route_answer", events={name: () for name in ANSWERS}, requires=["answer"])
def route_answer(_services: Services, ctx: ActionContext) -> ActionResult:
    """The answer the caller heard (`answer`), so that it can be heard again."""
    return ActionResult(ctx.var("answer"))


ACTIONS = (route_answer,)
