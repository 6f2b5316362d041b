"""SQLite's checkpoints off the webhooks' path: a thread in each process moves the write-ahead log into the file.

In WAL mode the commit that fills the log past SQLite's threshold (1,000 pages) copies it into the
database file and waits for the disk, inside whichever webhook made it: the mean commit doubled and
one in a thousand took 10 to 60 ms. Here the connections leave that to a thread that checkpoints every
half second, and their own threshold is kept only as a backstop, far above what the thread lets pile up.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from contextlib import closing
from pathlib import Path

EVERY_SECONDS = 0.5
BACKSTOP_PAGES = 20_000  # a connection checkpoints itself only if the thread has fallen this far behind

# Held by a thread while it is inside SQLite, and by os.fork while it copies the process: a fork made
# mid-checkpoint would give the child SQLite's own mutexes locked, by a thread the child does not have.
_CHECKPOINTING = threading.Lock()
_FORKS = [0]  # forks this process descends from: threads do not survive fork, so each child starts its own


def _in_child() -> None:
    _CHECKPOINTING.release()
    _FORKS[0] += 1


os.register_at_fork(before=_CHECKPOINTING.acquire, after_in_parent=_CHECKPOINTING.release,
                    after_in_child=_in_child)


class Checkpointer:
    """Checkpoints one SQLite file from a daemon thread of this process, while its owner lives."""

    def __init__(self, database: str, owner: object):
        self.database = database
        self._owner = weakref.ref(owner)  # the thread ends once the store that made it is gone
        self._started_in: int | None = None  # the fork generation whose thread is running
        self._starting = threading.Lock()
        self._stopped = threading.Event()

    def keep_running(self) -> None:
        """Start this process's thread if it is not running yet."""
        if self._started_in == _FORKS[0] or self._stopped.is_set():  # asked of every unit: no system call
            return
        with self._starting:
            if self._started_in != _FORKS[0]:
                threading.Thread(target=self._run, name="sqlite-checkpoints", daemon=True).start()
                self._started_in = _FORKS[0]

    def stop(self) -> None:
        """End the thread (its store is being disposed of)."""
        self._stopped.set()

    def _run(self) -> None:
        """Checkpoint every EVERY_SECONDS until stopped, the owner gone, or the file gone."""
        while not self._stopped.wait(EVERY_SECONDS) and self._owner() is not None:
            try:
                with _CHECKPOINTING:
                    checkpoint(self.database)
            except sqlite3.OperationalError:  # busy, or the file is gone (a test's database)
                if not os.path.exists(self.database):
                    return


def checkpoint(database: str) -> None:
    """Copy what the write-ahead log holds into the file, without waiting for readers or writers."""
    address = Path(database).absolute().as_uri() + "?mode=rw"  # never create a database that was removed
    with closing(sqlite3.connect(address, uri=True, timeout=1)) as connection:
        connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
