"""The `{placeholders}` of a prompt's texts: the call variables (or code values) it fills in."""

from __future__ import annotations

import re
from string import Formatter

from ivr.flows.model import LANGUAGES, Prompt

_PART = re.compile(r"[.\[]")


def placeholders(text: str) -> set[str]:
    """The names a text fills in (`{name}`, `{name.part}`: name); ValueError when its braces do not pair up."""
    return {_PART.split(name, maxsplit=1)[0] for _, name, _, _ in Formatter().parse(text) if name is not None}


def prompt_placeholders(prompt: Prompt) -> set[str]:
    """The names a prompt fills in, in either language; a text whose braces do not pair up counts none."""
    names: set[str] = set()
    for lang in LANGUAGES:
        try:
            names |= placeholders(prompt.text.get(lang, ""))
        except ValueError:
            continue
    return names


def stray_braces(prompt: Prompt) -> list[str]:
    """The languages in which a prompt's braces do not pair up (formatting it would fail mid-call)."""
    bad = []
    for lang in LANGUAGES:
        try:
            placeholders(prompt.text.get(lang, ""))
        except ValueError:
            bad.append(lang)
    return bad
