"""/metrics, /healthz and /readyz: for the monitoring system and the load balancer; unsigned, revealing nothing else."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as WaitedTooLong

from flask import Blueprint, Response, current_app
from sqlalchemy import text

from ivr.runtime import runtime
from ivr.store.db import Store
from ivr.web.metrics import scrape

bp = Blueprint("health", __name__)
READY_WITHIN = 1.0  # seconds the store has to answer /readyz
# A store that hangs holds a thread, not the request: /readyz answers 503 after READY_WITHIN.
_probes = ThreadPoolExecutor(max_workers=4, thread_name_prefix="readyz")


def _store_answers(store: Store) -> bool:
    """Ask the store the simplest question."""
    with store.engine.connect() as connection:
        return connection.execute(text("SELECT 1")).scalar() == 1


@bp.get("/healthz")
def healthz() -> Response:
    """The process answers."""
    return Response("ok\n", mimetype="text/plain")


@bp.get("/readyz")
def readyz() -> Response:
    """The store answers within a second: 200, else 503."""
    probe = _probes.submit(_store_answers, runtime().store)
    try:
        ready = probe.result(timeout=READY_WITHIN)
    except WaitedTooLong:
        ready = False
    except Exception:  # the store refused: not ready (the reason is for the logs, not the prober)
        current_app.logger.warning("readyz: the store did not answer", exc_info=True)
        ready = False
    return Response("ready\n" if ready else "not ready\n", status=200 if ready else 503, mimetype="text/plain")


@bp.get("/metrics")
def metrics() -> Response:
    """Prometheus's text format."""
    return scrape(current_app, runtime().store)
