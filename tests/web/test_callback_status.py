"""Status callbacks of callback calls belong to the call the worker dialled last, and count once."""

from __future__ import annotations

from datetime import UTC, datetime

from ivr.runtime import runtime
from ivr.store.tables import Callback
from tests.worker.test_callbacks import add, standin, state_of, status, worker_app  # noqa: F401 (fixtures)

DUE = datetime(2026, 11, 30, 14, 30, tzinfo=UTC)


def dial(app) -> None:
    """One round of the worker."""
    result = app.test_cli_runner().invoke(args=["callbacks", "work", "--once"])
    assert result.exit_code == 0, result.output


def bring_retry_to_now(app, callback_id: int) -> None:
    """The clock is fixed: move the retry's time to now so the worker dials it again."""
    with app.app_context(), runtime().store.session() as session:
        session.get(Callback, callback_id).scheduled_for = datetime(2026, 11, 30, 14, 59, tzinfo=UTC)


def test_a_status_for_another_call_settles_nothing(worker_app, standin):  # noqa: F811
    [callback_id] = add(worker_app, 1, DUE)
    dial(worker_app)
    for foreign in ("CA" + "f" * 32, "anything"):
        status(worker_app, callback_id, foreign, "completed")
        status(worker_app, callback_id, foreign, "no-answer")
    still = state_of(worker_app, callback_id)
    assert (still.state, still.call_sid, still.attempts) == ("dialing", standin.api.calls[0].sid, 1)


def test_a_late_status_of_the_first_attempt_leaves_the_retry_alone(worker_app, standin):  # noqa: F811
    [callback_id] = add(worker_app, 1, DUE)
    dial(worker_app)
    first = standin.api.calls[0].sid
    status(worker_app, callback_id, first, "no-answer")
    bring_retry_to_now(worker_app, callback_id)
    dial(worker_app)
    second = standin.api.calls[1].sid
    for late in ("busy", "failed", "completed", "no-answer"):  # the first call's statuses, late and repeated
        status(worker_app, callback_id, first, late)
    retry = state_of(worker_app, callback_id)
    assert (retry.state, retry.call_sid, retry.attempts) == ("dialing", second, 2)
    status(worker_app, callback_id, second, "completed")
    assert state_of(worker_app, callback_id).state == "completed"


def test_statuses_after_the_outcome_or_out_of_order_change_nothing(worker_app, standin):  # noqa: F811
    [callback_id] = add(worker_app, 1, DUE)
    dial(worker_app)
    sid = standin.api.calls[0].sid
    status(worker_app, callback_id, sid, "completed")
    for later in ("ringing", "in-progress", "no-answer", "busy", "completed"):
        status(worker_app, callback_id, sid, later)
    done = state_of(worker_app, callback_id)
    assert (done.state, done.attempts) == ("completed", 1)


def test_a_status_before_the_worker_kept_the_calls_sid_settles_nothing(worker_app, standin):  # noqa: F811
    [callback_id] = add(worker_app, 1, DUE)
    status(worker_app, callback_id, "CA" + "1" * 32, "completed")  # nothing was dialled yet
    assert state_of(worker_app, callback_id).state == "scheduled"
