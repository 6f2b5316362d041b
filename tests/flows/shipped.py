"""The shipped flows, and copies of them broken in one place, for the tests that must see them refused."""

from __future__ import annotations

from pathlib import Path

from ivr.config import ROOT

SHIPPED = ROOT / "call_flows"


def broken_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the shipped flows with one text replaced in one file."""
    for source in SHIPPED.glob("*.yaml"):
        text = source.read_text(encoding="utf-8")
        if source.name == file:
            assert old in text, f"{old!r} not in {file}"
            text = text.replace(old, new, 1)
        (tmp_path / source.name).write_text(text, encoding="utf-8")
    return tmp_path


def line_in(path: Path, needle: str) -> int:
    """The number of the first line of a file that contains `needle`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)
