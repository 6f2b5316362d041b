"""Understand what a caller pressed or said at a menu: one choice, a question between two, or nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ivr.flows.model import LANGUAGES, FlowSet, Node, Option
from ivr.flows.phrases import Span, normalise_speech, spans_of

__all__ = ["Choice", "Understood", "normalise_speech", "spoken_key", "understand"]

# Callers often say the key instead of pressing it ("one", "uno", "press two", "la opción 3").
KEY_WORDS = {
    "en": {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
           "star": "*"},
    "es": {"cero": "0", "uno": "1", "una": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
           "seis": "6", "asterisco": "*", "estrella": "*"},
}
# Words around a spoken key that do not change it.
KEY_LEADS = {"en": {"press", "pressing", "option", "number", "the", "please", "um", "uh", "i", "choose"},
             "es": {"oprimo", "oprimir", "marco", "marcar", "opcion", "numero", "el", "la", "por", "favor", "eh"}}
LOOK_THROUGH = 3  # how many menus deep a caller's words may reach from where they are
GLOBAL_KEYS = ("0", "*")
# The line's meanings that choose nothing at any menu, whatever else is said: a caller who is unsure, or who
# asks for what another agency does (a driver's license appointment is not a biometrics appointment).
CHOOSE_NOTHING = ("unsure", "elsewhere")


@dataclass(frozen=True)
class Choice:
    """Where an answer leads: the options taken, the menu's own first, then those of menus it opens."""

    path: tuple[Option, ...]

    @property
    def goto(self) -> str:
        """The node the call goes on to."""
        return self.path[-1].goto

    @property
    def key(self) -> str | None:
        """The key that makes this choice at the menu itself, when there is one."""
        return self.path[0].key if len(self.path) == 1 else None

    @property
    def sets(self) -> dict[str, str]:
        """The variables every option along the way sets."""
        return {name: value for option in self.path for name, value in option.set.items()}

    def label(self, lang: str) -> str:
        """What the choice is called when the caller is asked between two: its first phrase."""
        words = self.path[-1].words.get(lang) or next(iter(self.path[-1].words.values()), ())
        return words[0] if words else self.goto.rpartition(".")[2].replace("_", " ")


@dataclass(frozen=True)
class Understood:
    """A menu answer: one choice, a global key (0 or *), two choices to ask between, or none of these."""

    choice: Choice | None = None
    global_key: str | None = None
    between: tuple[Choice, ...] = ()


Kind = Literal["option", "global", "unsure"]


@dataclass(frozen=True)
class _Candidate:
    """One way the transcript could be read, with the spans of it that say so."""

    kind: Kind
    spans: tuple[Span, ...]
    choice: Choice | None = None
    key: str | None = None
    asked_only: bool = False  # heard only through words its option shares on purpose (`asks`)

    @property
    def covered(self) -> int:
        """How many words of the transcript it explains."""
        return len({i for start, end in self.spans for i in range(start, end)})


def spoken_key(words: list[str], lang: str) -> str | None:
    """The key a transcript names when it only says a key ("2", "two", "press two", "la opción dos")."""
    rest = [w for w in words if w not in KEY_LEADS.get(lang, set())]
    if len(rest) == 1 and len(words) <= 4:
        if re.fullmatch(r"[0-9*#]", rest[0]):
            return rest[0]
        return KEY_WORDS.get(lang, {}).get(rest[0])
    return None


def understand(flowset: FlowSet, node: Node, lang: str, digits: str | None, speech: str | None) -> Understood:
    """What the caller chose at a menu (or asked of every menu: an agent, back), if anything."""
    key = digits or spoken_key(normalise_speech(speech or "").split(), lang)
    if key:
        option = next((o for o in node.options if o.key == key), None)
        if option:
            return Understood(choice=Choice((option,)))
        return Understood(global_key=key if key in GLOBAL_KEYS else None)
    heard = normalise_speech(speech or "").split()
    languages = LANGUAGES if node.bilingual else (lang,)
    for weak in (False, True):  # topics count only when no option's own words were heard
        found = _most_specific(_candidates(flowset, node, lang, languages, heard, weak))
        if found:
            return _decide(found)
    return Understood()


def _decide(found: list[_Candidate]) -> Understood:
    """One candidate is the answer; two options are asked between; anything else is not understood."""
    options = [c for c in found if c.kind == "option"]
    if any(c.kind == "unsure" for c in found):
        return Understood()
    if len(options) == 1:
        return Understood(choice=options[0].choice)
    if len(options) == 2:
        first, second = sorted(options, key=lambda c: -c.covered)
        return Understood(between=(first.choice, second.choice))  # type: ignore[arg-type]
    if not options and len(found) == 1:
        return Understood(global_key=found[0].key)
    return Understood()


def choices(flowset: FlowSet, node: Node, depth: int = LOOK_THROUGH) -> list[Choice]:
    """The menu's options, and those of the menus below it, which a caller may name at once.

    A menu is below this one when an option leads to it and its `back` comes here ("expedite"
    said at the main menu is the expedite option of the requests menu); a "main menu" option is
    not a way down.
    """
    found: list[Choice] = []
    for option in node.options:
        found.append(Choice((option,)))
        flow, _, name = option.goto.partition(".")
        target = flowset.flows[flow].nodes.get(name) if flow in flowset.flows else None  # the linter's may not
        if depth > 1 and target and target.type == "menu" and target.back == node.qualified:
            found += [Choice((option, *inner.path)) for inner in choices(flowset, target, depth - 1)]
    return found


def _candidates(flowset: FlowSet, node: Node, lang: str, languages: tuple[str, ...], heard: list[str],
                weak: bool) -> list[_Candidate]:
    """Every choice, global key and 'unsure' whose phrases the transcript says."""
    found = []
    for choice in choices(flowset, node):
        option = choice.path[-1]
        phrases = tuple(p for la in languages for p in (option.topics if weak else option.words).get(la, ()))
        spans = _spans(heard, phrases, languages)
        asked = [] if weak or not option.asks else _spans(
            heard, tuple(p for la in languages for p in option.asks.get(la, ())), languages)
        if spans or asked:
            found.append(_Candidate("option", tuple(spans + asked), choice=choice, asked_only=not spans))
    if weak:
        return found
    for key in GLOBAL_KEYS:
        spans = _spans(heard, flowset.key_words.get((key, lang), ()), (lang,))
        if spans:
            found.append(_Candidate("global", tuple(spans), key=key))
    unsure = [span for meaning in CHOOSE_NOTHING
              for span in _spans(heard, flowset.meanings.get(meaning, {}).get(lang, ()), (lang,))]
    return found + ([_Candidate("unsure", tuple(unsure))] if unsure else [])


def _spans(heard: list[str], phrases: tuple[str, ...], languages: tuple[str, ...]) -> list[Span]:
    """The spans any of the phrases cover, stemmed in each listening language."""
    return [span for la in languages for span in spans_of(heard, phrases, la)]


def _most_specific(found: list[_Candidate]) -> list[_Candidate]:
    """Drop readings a more specific one explains: a phrase inside a longer phrase, a menu before its own option.

    "not correct" is not "correct"; "emergency travel request" is emergency travel, not just a request.
    A global key yields to any option: "agent" at a menu that offers an agent is that option, and an
    option heard only through words it shares on purpose yields to one heard through its own words
    ("urgent travel" is emergency travel; "urgent" alone asks between travel and an expedite).
    """
    if any(c.kind == "option" for c in found):
        found = [c for c in found if c.kind != "global"]
    if any(c.kind == "option" and not c.asked_only for c in found):
        found = [c for c in found if not c.asked_only]
    kept = [c for c in found if not any(_inside(c, other) for other in found if other is not c)]
    return [c for c in kept if not any(_opens(c, other) for other in kept if other is not c)]


def _inside(candidate: _Candidate, other: _Candidate) -> bool:
    """Whether every span of the candidate lies within a longer span of the other."""
    return all(any(o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0] for o in other.spans)
               for s in candidate.spans)


def _opens(candidate: _Candidate, other: _Candidate) -> bool:
    """Whether the other reading is an option of the menu this one leads to (so it says more)."""
    if candidate.choice is None or other.choice is None:
        return False
    mine, theirs = candidate.choice.path, other.choice.path
    return len(theirs) > len(mine) and theirs[: len(mine)] == mine
