"""gunicorn reads this file when started from the project's folder: metrics from every worker, and a
garbage collector that leaves the loaded app alone.

prometheus-client's multiprocess mode sums each worker's measurements (webhook latency) from
files in PROMETHEUS_MULTIPROC_DIR. It must be set before any worker imports the app, so it is
set here, when gunicorn reads its configuration; a directory of our own is removed on exit.
"""

import gc
import os
import shutil
import tempfile

if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="ivr-metrics-")
    os.environ["IVR_OWN_METRICS_DIR"] = "1"


def child_exit(_server, worker):
    """A worker that stopped no longer counts in the live gauges (its totals stay)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(_server):
    """Remove the metrics directory this configuration made."""
    if os.environ.get("IVR_OWN_METRICS_DIR"):
        shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)


def post_worker_init(_worker):
    """Before the worker's first webhook: the ZIP code data is read (not during a caller's webhook), and the
    loaded app (flows, prompts, ZIP zones: some 120,000 objects), which lives as long as the worker, is left
    out of the collector's walks: a full collection inside a webhook no longer costs some 30 ms."""
    from ivr.domain.zip_codes import read_zip_data

    read_zip_data()
    gc.freeze()
