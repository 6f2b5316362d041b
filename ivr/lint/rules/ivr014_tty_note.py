"""The opening does not give the TTY note (a prompt naming TTY and 711) in both languages.

Deaf and hard-of-hearing callers, and callers with a speech disability, must hear at once how
to reach the TTY line or the 711 relay service, before any menu but the choice of language.
The opening is every node from the line's `entry` up to and including the first menu or input
(or transfer, or hangup) that is not bilingual; a bilingual menu (the language choice) is
passed through its options, in each language by the options that choose it. Every way through
must pass a prompt whose text names "TTY" and "711", in English and in Spanish. The line's
other `entries` (calls to the TTY number, answered callbacks) are not openings.

Passing::

    opening: {type: menu, bilingual: true, prompt: choose_language, options: [{key: "1", goto: notes, ...}]}
    notes: {type: say, prompt: tty_note, next: main_menu}
    # tty_note: en "... call our TTY line at 800-767-1833, or dial 711 ...", es likewise

Failing::

    notes: {type: say, prompt: welcome, next: main_menu}
    # no prompt before main_menu names TTY and 711
"""

from __future__ import annotations

import re

from ivr.domain.contact_center import LANGUAGES
from ivr.flows.model import qualify
from ivr.lint.problem import ERROR, Problem

ID = "IVR014"
NAME = "tty-note"
SEVERITY = ERROR

_TTY = re.compile(r"\bTTY\b", re.IGNORECASE)
_RELAY = re.compile(r"\b711\b")


def check(model, known):
    """The first node, per language, a caller can reach without having heard the TTY note."""
    entry = model.line.target("entry") if model.line else None
    if entry is None or entry not in model.nodes:
        return
    for lang in LANGUAGES:
        missed = _first_without_note(model, entry, lang)
        if missed:
            message = f"the opening reaches '{missed}' without the TTY note in {lang} (a prompt naming TTY and 711)"
            yield Problem(model.line.file, model.line.line_of("entry"), None, message)


def _first_without_note(model, entry: str, lang: str) -> str | None:
    """A node that ends the opening, reached with no TTY note on the way; None when every way has one."""
    seen, stack = {entry}, [entry]
    while stack:
        node = model.nodes[stack.pop()]
        if _gives_note(model, node, lang):
            continue
        nexts = [e.target for e in node.edges() if not e.chosen and e.label != "give_up" and e.target in model.nodes]
        if node.gathers and node.raw.get("bilingual") is True:
            nexts = [t for t in _language_choices(node, lang) if t in model.nodes]
        elif node.gathers:
            return node.qualified
        if node.ends_call or not nexts:
            return node.qualified
        for target in nexts:
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return None


def _language_choices(node, lang: str) -> list[str]:
    """Where a bilingual menu's options lead a caller of the language (those that choose another do not)."""
    targets = []
    for option in node.options():
        chosen = option.get("set", {}).get("lang") if isinstance(option.get("set"), dict) else None
        if isinstance(option.get("goto"), str) and chosen in (None, lang):
            targets.append(qualify(option["goto"], node.flow))
    return targets


def _gives_note(model, node, lang: str) -> bool:
    """Whether the node's prompt names TTY and 711 in the language."""
    prompt = model.prompts.get(node.field("prompt") or "")
    text = prompt.texts.get(lang, "") if prompt else ""
    return bool(_TTY.search(text) and _RELAY.search(text))
