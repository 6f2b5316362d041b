"""Prometheus metrics: webhook latency measured in each process, the line's counts read from the shared store.

Latency is a per-process measurement: under gunicorn with several workers, set
PROMETHEUS_MULTIPROC_DIR (gunicorn.conf.py does) and every worker's histogram is summed at
scrape time. Calls, transfers, callbacks, refused look-ups and faults are counted in the shared
store when scraped, so they are right whichever worker or instance answers, survive restarts,
and include calls placed through another process (the test harness, another instance).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

from flask import Flask, Response, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Histogram, generate_latest, multiprocess
from prometheus_client.metrics_core import GaugeMetricFamily, HistogramMetricFamily, Metric

from ivr.domain.call_records import TRANSFERRED
from ivr.store.db import Store
from ivr.store.line_metrics import count_line

EXTENSION = "ivr.metrics"
STARTED = "ivr.webhook_started"  # the request's start, kept in its WSGI environ
WEBHOOKS = ("voice", "outbound")  # the blueprints whose latency is measured
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 15.0)  # Twilio gives up at 15 s


class LineCollector:
    """The line's counts, read from the store at each scrape."""

    def __init__(self, store: Store):
        self.store = store

    def collect(self) -> Iterator[Metric]:
        """One family per count."""
        counts = count_line(self.store)
        calls = GaugeMetricFamily("ivr_calls_recorded", "Calls in the call records, by line, language and outcome.",
                                  labels=["line", "lang", "outcome"])
        for line, lang, outcome, n in counts.calls:
            calls.add_metric([line, lang, outcome], n)
        yield calls
        ended = [(outcome, n) for _, _, outcome, n in counts.calls if outcome != "in_progress"]
        finished = sum(n for _, n in ended)
        contained = sum(n for outcome, n in ended if outcome != TRANSFERRED)
        ratio = contained / finished if finished else 0
        yield GaugeMetricFamily("ivr_containment_ratio", "Ended calls that ended without an agent (a booked "
                                "callback counts as contained, not abandoned).", value=ratio)
        transfers = GaugeMetricFamily("ivr_transfers_recorded", "Calls an agent took, by tier and language.",
                                      labels=["tier", "lang"])
        for tier, lang, n in counts.transfers:
            transfers.add_metric([tier, lang], n)
        yield transfers
        buckets = [(_bound(bound), n) for bound, n in counts.agent_buckets] + [("+Inf", counts.agent_count)]
        yield HistogramMetricFamily("ivr_time_to_agent_seconds", "From the start of a call until an agent took it.",
                                    buckets=buckets, sum_value=counts.agent_sum)
        yield from self._callbacks_and_problems(counts)

    def _callbacks_and_problems(self, counts) -> Iterator[Metric]:
        """Callbacks by state and zone, look-ups the limits refused, faults by kind."""
        callbacks = GaugeMetricFamily("ivr_callbacks", "Callbacks in the store, by state and time zone.",
                                      labels=["state", "time_zone"])
        for state, zone, n in counts.callbacks:
            callbacks.add_metric([state, zone], n)
        yield callbacks
        yield GaugeMetricFamily("ivr_lookups_refused", "Case look-ups the per-call and per-caller limits refused.",
                                value=counts.refused_lookups)
        faults = GaugeMetricFamily("ivr_faults_recorded", "Calls that heard an apology, by the fault's kind.",
                                   labels=["kind"])
        for kind, n in counts.faults:
            faults.add_metric([kind], n)
        yield faults


def _bound(seconds: float) -> str:
    """A bucket's upper bound as Prometheus writes it."""
    return f"{seconds:g}" if seconds % 1 else f"{seconds:.1f}"


def _multiprocess_dir() -> str | None:
    """PROMETHEUS_MULTIPROC_DIR when set: each worker's measurements are summed from it."""
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


def scrape(app: Flask, store: Store) -> Response:
    """The metrics page: this process's (or every worker's) latency, and the line's counts."""
    if _multiprocess_dir():
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = app.extensions[EXTENSION]["registry"]
    line = CollectorRegistry()
    line.register(LineCollector(store))
    return Response(generate_latest(registry) + generate_latest(line), mimetype=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    """Time every webhook, by route."""
    registry = CollectorRegistry()
    latency = Histogram("ivr_webhook_duration_seconds", "Time to answer a Twilio webhook, by route.", ["route"],
                        registry=registry, buckets=LATENCY_BUCKETS)
    app.extensions[EXTENSION] = {"registry": registry}

    @app.before_request
    def start_timer() -> None:
        """Note when a webhook arrived."""
        if request.blueprint in WEBHOOKS:
            request.environ[STARTED] = time.perf_counter()

    by_route: dict[str, Histogram] = {}  # each route's labelled histogram (labels() takes a lock and a key)

    @app.after_request
    def observe(response: Response) -> Response:
        """Observe how long the webhook took (a refused signature included)."""
        started = request.environ.get(STARTED)
        rule = request.url_rule
        if started is not None and rule is not None:
            histogram = by_route.get(rule.rule)
            if histogram is None:
                histogram = by_route.setdefault(rule.rule, latency.labels(route=rule.rule))
            histogram.observe(time.perf_counter() - started)
        return response
