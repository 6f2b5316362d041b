"""The questions the line answers itself, from the contact center's published answers."""

from __future__ import annotations

# Each is an answer node of the `answers` flow and the name of the web page a caller may get by text.
ANSWERS = ("attorneys", "documents", "g28", "typos", "online")
