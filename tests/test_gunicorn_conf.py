"""What gunicorn.conf.py does in each worker before its first webhook."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from ivr.config import ROOT

WORKER_START = textwrap.dedent("""
    import gc, runpy
    from ivr.domain import zip_codes
    conf = runpy.run_path("gunicorn.conf.py")
    assert zip_codes._zip_entry.cache_info().currsize == 0, "read before the worker started"
    conf["post_worker_init"](None)
    assert zip_codes._zip_entry.cache_info().currsize == 1, "the ZIP data was not read"
    assert gc.get_freeze_count() > 0, "the loaded app is still walked by the collector"
""")


def test_a_worker_reads_the_zip_data_and_sets_the_loaded_app_aside_before_its_first_webhook():
    # In a process of its own, as a worker is: freezing the collector here would reach every later test.
    done = subprocess.run([sys.executable, "-c", WORKER_START], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
