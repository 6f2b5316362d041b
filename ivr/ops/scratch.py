"""Scratch lines for test calls: a copy of the demo data per test call, never the line's own data."""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections import OrderedDict
from pathlib import Path

from flask import Flask

import ivr
from ivr.store.db import open_store
from ivr.store.demo import seed_demo_data

TOKEN = "scratch-line-token"  # the scratch line's own auth token: it answers the page's simulator only
KEEP_HOURS = 24  # scratch databases older than this are removed when a new one is made
APPS_KEPT = 8  # scratch apps kept built in each process


def _folder(instance_path: str) -> Path:
    """Where the scratch databases live."""
    folder = Path(instance_path) / "test-calls"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _template(folder: Path) -> Path:
    """A migrated database with the demo data, made once; copies of it start each test call."""
    template = folder / "template.sqlite3"
    if not template.exists():
        building = folder / f"template-{uuid.uuid4().hex}.building"
        store = open_store(f"sqlite:///{building}")
        seed_demo_data(store)
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the one file
        store.dispose()
        os.replace(building, template)  # another process building at once: either copy is the same
    return template


def new_scratch_line(instance_path: str) -> str:
    """A fresh scratch database for one test call; its name (a random id)."""
    folder = _folder(instance_path)
    for old in folder.glob("call-*.sqlite3*"):
        if time.time() - old.stat().st_mtime > KEEP_HOURS * 3600:
            old.unlink(missing_ok=True)
    name = uuid.uuid4().hex
    shutil.copyfile(_template(folder), folder / f"call-{name}.sqlite3")
    return name


def scratch_app(app: Flask, name: str, now: str) -> Flask:
    """The IVR on a scratch database at the instant `now`, built by the same factory as the line."""
    built: OrderedDict[tuple[str, str], Flask] = app.extensions.setdefault("ivr.scratch_apps", OrderedDict())
    key = (name, now)
    if key not in built:
        database = _folder(app.instance_path) / f"call-{name}.sqlite3"
        built[key] = ivr.create_app({
            "TWILIO_AUTH_TOKEN": TOKEN, "FAKE_NOW": now, "DEMO_DATA": "0", "DATABASE_URL": f"sqlite:///{database}",
            "INSTANCE_PATH": app.instance_path, "PUBLIC_BASE_URL": "", "TRUST_PROXY": "0",
            "FLOWS_DIR": app.config["FLOWS_DIR"], "SECRET_KEY": app.secret_key,
            "TEXT_FROM": "",  # a test call texts nobody: the way forward offers the page's address
        })
        while len(built) > APPS_KEPT:
            _, oldest = built.popitem(last=False)
            oldest.extensions["ivr"].store.dispose()
    built.move_to_end(key)
    return built[key]
