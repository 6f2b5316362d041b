"""Writers to one SQLite file take turns on a lock that wakes the next one at once."""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLAC")


def is_write(statement: str) -> bool:
    """Whether an SQL statement writes (SQLite then takes the file's one write lock until the commit)."""
    return statement.lstrip()[:6].upper() in WRITES


class WriterQueue:
    """A file lock beside an SQLite file, plus a lock for this process's threads.

    SQLite lets one transaction write at a time, and a writer that finds the file locked sleeps
    1, 2, 5, 10, 15 ms and more before it looks again: under load most of a webhook's time went
    to those sleeps. Units of work that are about to write queue here instead, and the kernel
    wakes the next one the moment the last one commits.
    """

    def __init__(self, database: str):
        self.path = Path(f"{database}.writers")
        self._threads = threading.Lock()
        self._fd: int | None = None
        self._pid = 0  # a forked worker opens its own: a lock shared through fork would not exclude

    def acquire(self) -> None:
        """Wait for this process's and every other process's writer to finish."""
        self._threads.acquire()
        try:
            if self._fd is None or self._pid != os.getpid():
                self._fd, self._pid = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600), os.getpid()
            fcntl.flock(self._fd, fcntl.LOCK_EX)
        except BaseException:
            self._threads.release()
            raise

    def release(self) -> None:
        """Let the next writer go."""
        try:
            if self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._threads.release()
