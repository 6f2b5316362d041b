"""The webhook budget holds on both of its paths: a timer on the main thread, a worker thread elsewhere."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from ivr.harness import local
from ivr.harness.local import make_store_slow
from ivr.web.budget import BudgetSpent, run_within
from tests.conftest import simulated_call

APOLOGY_ES = "Lo sentimos: ocurrió un problema en nuestro sistema."
SLACK = 3.0  # what a busy machine may add to a budget


def post_menu_choice(call) -> tuple[str, float]:
    """Choose case status at the Spanish main menu; the answer and how long it took."""
    started = time.monotonic()
    body = call.post(call.base_url + "/voice/gather?node=main.main_menu&lang=es", {"Digits": "1"})
    return body, time.monotonic() - started


def on_another_thread(work):
    """Run `work` on a thread of its own (as a threaded server would); its result."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(work()))
    thread.start()
    thread.join(timeout=30)
    return result[0]


def test_the_timer_interrupts_work_on_the_main_thread_and_leaves_no_timer_running():
    assert threading.current_thread() is threading.main_thread()
    started = time.monotonic()
    with pytest.raises(BudgetSpent):
        run_within(0.2, time.sleep, 10)
    assert time.monotonic() - started < 0.2 + SLACK
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert run_within(0.2, lambda: "done") == "done"


class SlowToDie:
    """An object whose finalizer keeps the main thread busy for a while (as a pool's cleanup may)."""

    def __del__(self):
        until = time.monotonic() + 0.3
        while time.monotonic() < until:
            pass


def work_that_rings_inside_a_finalizer() -> str:
    """Work whose first ring comes while a finalizer runs (Python drops what a finalizer raises)."""
    SlowToDie()
    time.sleep(5)
    return "finished"


def test_a_ring_lost_inside_a_finalizer_is_followed_by_another():
    started = time.monotonic()
    with pytest.raises(BudgetSpent):
        run_within(0.1, work_that_rings_inside_a_finalizer)
    assert time.monotonic() - started < 0.1 + 0.3 + SLACK  # not the 5 s the work would take
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_work_on_another_thread_is_given_up_on_after_the_budget():
    started = time.monotonic()
    outcome = on_another_thread(lambda: _spent(lambda: run_within(0.2, time.sleep, 2)))
    assert outcome == "spent" and time.monotonic() - started < 0.2 + SLACK


def _spent(work) -> str:
    """'spent' when the work ran out of budget, else its result."""
    try:
        return work()
    except BudgetSpent:
        return "spent"


@pytest.mark.parametrize("threaded", [False, True], ids=["main thread", "another thread"])
def test_a_slow_store_costs_one_answer_then_the_line_answers_again(make_app, monkeypatch, threaded):
    monkeypatch.setattr(local, "SLOW_STORE_SECONDS", 8.0)
    app = make_app(WEBHOOK_BUDGET_SECONDS="0.3")
    call = simulated_call(app).start().press("2")  # Spanish, before the store slows down
    make_store_slow(app)
    body, seconds = on_another_thread(lambda: post_menu_choice(call)) if threaded else post_menu_choice(call)
    assert seconds < 0.3 + SLACK
    assert APOLOGY_ES in body
    monkeypatch.setattr(local, "SLOW_STORE_SECONDS", 0.0)  # the store is quick again: the pool must still work
    again = simulated_call(app).start().press("2")
    body, _ = post_menu_choice(again)
    assert APOLOGY_ES not in body
    assert "node=case_status.ask" in body  # asked for the receipt number
