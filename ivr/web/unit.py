"""One unit of work per webhook: whatever it reads and writes in the store is one transaction."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from ivr.runtime import runtime

P = ParamSpec("P")
R = TypeVar("R")


def one_unit_of_work(view: Callable[P, R]) -> Callable[P, R]:
    """Run the webhook in one store transaction, committed before its answer leaves.

    A failed commit raises inside the view, so the caller hears the apology, never TwiML whose
    state was not kept.
    """

    @wraps(view)
    def in_one_transaction(*args: P.args, **kwargs: P.kwargs) -> R:
        with runtime().store.unit():
            return view(*args, **kwargs)

    return in_one_transaction
