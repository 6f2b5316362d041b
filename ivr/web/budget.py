"""Every webhook answers within its budget, whatever the store does; past it, the caller hears the apology."""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # signal.getsignal makes an enum of each handler: slow per webhook
import contextvars
import functools
import queue
import signal
import sys
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

from flask import current_app


class BudgetSpent(RuntimeError):
    """A webhook's work did not finish within the budget (a hung or very slow store)."""


class Interrupted(BaseException):
    """Raised inside the work when its budget's timer rings.

    Not an Exception: no `except Exception` on the way up may swallow it, and SQLAlchemy treats
    it as it does an interrupt, invalidating the connection it was using rather than reusing it.
    """


class DaemonWorkers:
    """Threads that run webhooks' work, reused from one request to the next.

    Daemon threads, unlike concurrent.futures' workers, never hold up a process's exit when one
    is stuck in a socket read. A new thread starts only when none is idle, so a stuck one is
    simply left behind.
    """

    def __init__(self):
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._idle = 0
        self._lock = threading.Lock()

    def submit(self, work) -> Future:
        """Run `work()` on an idle thread (or a new one); its future."""
        future: Future = Future()
        with self._lock:
            spawn = self._idle == 0
            self._idle -= 0 if spawn else 1
        if spawn:
            threading.Thread(target=self._serve, name="webhook", daemon=True).start()
        self._jobs.put((work, future))
        return future

    def _serve(self) -> None:
        """Take jobs for ever, handing each outcome to its future."""
        while True:
            work, future = self._jobs.get()
            try:
                future.set_result(work())
            except BaseException as error:  # handed to the request thread, whose error handler serves it
                future.set_exception(error)
            with self._lock:
                self._idle += 1


WORKERS = DaemonWorkers()  # one set of threads per process, shared by every app in it


# A ring raised inside a finalizer is lost: the timer rings again until one is heard. Not more often
# than psycopg's wait looks at signals (0.1 s, after an interrupted poll): its poll would never end.
RING_AGAIN_SECONDS = 0.25


def _ring(_signum, _frame) -> None:
    """The budget's timer rang: stop the work where it is."""
    raise Interrupted


def _quiet_about_lost_rings(previous):
    """An unraisable-exception hook that drops a ring raised inside a finalizer or a weakref callback.

    Python runs a signal's handler wherever the main thread is, and an exception raised in a
    finalizer is reported and dropped; the timer rings again, so the lost one is no fault.
    """

    def hook(unraisable) -> None:
        if unraisable.exc_type is not Interrupted:
            previous(unraisable)

    hook.drops_lost_rings = True  # type: ignore[attr-defined]
    return hook


def _listen_for_rings() -> None:
    """Set the handler, and the hook for rings lost in finalizers (each once, over whichever is in place)."""
    if _signal.getsignal(signal.SIGALRM) is not _ring:
        signal.signal(signal.SIGALRM, _ring)
    if not getattr(sys.unraisablehook, "drops_lost_rings", False):
        sys.unraisablehook = _quiet_about_lost_rings(sys.unraisablehook)


def _can_ring() -> bool:
    """Whether this thread may time its work with the process's interval timer.

    Only the main thread receives signals: it is where a sync gunicorn worker and the command
    line run webhooks. A timer already running (a budget inside a budget) or a SIGALRM handler
    someone else installed is left alone.
    """
    return (threading.current_thread() is threading.main_thread()
            and _signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, _ring)
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))


def run_within(seconds: float, work, *args, **kwargs):
    """Run `work` and give up on it after `seconds`: past that, BudgetSpent.

    On the main thread an interval timer interrupts the work itself, wherever it waits: a lock,
    a socket read, a sleep. It costs two system calls, where handing the work to another thread
    costs two thread switches on every webhook.
    """
    if not _can_ring():
        return _run_on_worker(seconds, work, *args, **kwargs)
    _listen_for_rings()
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds, RING_AGAIN_SECONDS)
        try:
            return work(*args, **kwargs)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except Interrupted:
        raise BudgetSpent(f"no answer within the webhook budget of {seconds:g} s") from None


def _run_on_worker(seconds: float, work, *args, **kwargs):
    """Run `work` for this request on a worker thread and wait at most `seconds` for it.

    The database driver can block in a socket read no timeout reaches (a partitioned server that
    accepted the connection); the request thread stops waiting, answers, and leaves the stuck work
    behind. The work runs in a copy of this thread's context variables: the same request, app
    context and `g` (what the work sets there, the call's runtime, serves its apology too), without
    pushing a context of its own.
    """
    future = WORKERS.submit(functools.partial(contextvars.copy_context().run, work, *args, **kwargs))
    try:
        return future.result(timeout=seconds)
    except FutureTimeout:
        raise BudgetSpent(f"no answer within the webhook budget of {seconds:g} s") from None


def run_within_budget(work, *args, **kwargs):
    """Run `work` within the webhook budget (IVR_WEBHOOK_BUDGET_SECONDS): past it, BudgetSpent."""
    return run_within(float(current_app.config["WEBHOOK_BUDGET_SECONDS"]), work, *args, **kwargs)


def within_budget(view):
    """Decorate a webhook view that uses the store: it answers within WEBHOOK_BUDGET_SECONDS or apologises."""

    @functools.wraps(view)
    def guarded(*args, **kwargs):
        return run_within_budget(view, *args, **kwargs)

    return guarded
