"""An independent TTY decoder for the tests: Debian's minimodem in its US TDD mode (Baudot, 45.45 baud)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def decode_tty(wav: bytes) -> str:
    """The text minimodem reads from TTY tones (skips the test when minimodem is not installed)."""
    if shutil.which("minimodem") is None:
        pytest.skip("minimodem is not installed (apt-get install minimodem; CI installs it)")
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "tty.wav"
        path.write_bytes(wav)
        done = subprocess.run(["minimodem", "--rx", "tdd", "--quiet", "--file", str(path)],
                              capture_output=True, text=True, timeout=60, check=True)
    return done.stdout
