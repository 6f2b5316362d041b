"""One unit of work per webhook: whatever it reads and writes in the store is one transaction."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from ivr.runtime import runtime
from ivr.store.db import Raced

P = ParamSpec("P")
R = TypeVar("R")
RUNS = 3  # times a webhook whose unit raced another instance's commit is run, before the apology


def one_unit_of_work(view: Callable[P, R]) -> Callable[P, R]:
    """Run the webhook in one store transaction, committed before its answer leaves.

    A failed commit raises inside the view, so the caller hears the apology, never TwiML whose
    state was not kept. A unit that raced another's commit (a caller's last look-ups, counted at
    the same moment by two instances) was rolled back whole, and the webhook runs again.
    """

    @wraps(view)
    def in_one_transaction(*args: P.args, **kwargs: P.kwargs) -> R:
        for run in range(1, RUNS + 1):
            try:
                with runtime().store.unit():
                    return view(*args, **kwargs)
            except Raced:
                if run == RUNS:
                    raise
        raise AssertionError("unreachable")

    return in_one_transaction
