"""Two choices of one menu listen for the same words, so saying them chooses neither.

Each phrase an option listens for (its `words`, the words of the meaning it takes in with
`means:`, and its `topics`) is said to the menu as a caller would, through the engine's own
understanding: stems ("appointments" is "appointment"), near-misses, and the options of the
menus below (a child menu whose `back` is this one), which a caller may name at once. A phrase
that also fits another choice gets a question between the two instead of its option; one that
leads to another choice never reaches its own. A phrase inside a longer phrase of another
option is fine ("correct" and "not correct"): the longer one wins. Words an option shares on
purpose go under its `asks:`, on each option that shares them: said alone, they must ask the
caller between the two. An option's `means:` must name one of the line's `meanings`. It runs
when every file reads cleanly.

Passing::

    options:
      - {key: "1", goto: status, words: {en: [case status]}}
      - {key: "2", goto: appointment, words: {en: [appointment]}}

    options:
      - {key: "1", goto: travel, words: {en: [travel]}, asks: {en: [urgent]}}
      - {key: "2", goto: expedite, words: {en: [expedite]}, asks: {en: [urgent]}}

Failing::

    options:
      - {key: "1", goto: status, words: {en: [status, my appointment]}}
      - {key: "2", goto: appointment, words: {en: [appointments]}}   # the same stem as key 1's
      - {key: "3", goto: travel, asks: {en: [urgent]}}   # no other choice shares it: nothing to ask
"""

from __future__ import annotations

from ivr.flows.matching import Choice, choices, understand
from ivr.flows.model import LANGUAGES
from ivr.lint.problem import ERROR, Problem

ID = "IVR024"
NAME = "shared-words"
SEVERITY = ERROR


def check(model, known):
    """Every phrase of a menu's option that another choice of the menu also listens for."""
    yield from _unknown_meanings(model)
    if model.flowset is None:
        return
    for qualified, lint_node in model.nodes.items():
        node = model.flowset.node(qualified)
        if node.type == "menu" and node.speech:
            for choice in choices(model.flowset, node):
                if len(choice.path) == 1:
                    yield from _phrase_problems(model.flowset, node, choice, lint_node.file)


def _phrase_problems(flowset, node, choice: Choice, file: str):
    """The option's phrases that do not lead to it alone."""
    option = choice.path[0]
    for lang in LANGUAGES:
        for phrase in (*option.words.get(lang, ()), *option.topics.get(lang, ())):
            heard = understand(flowset, node, lang, None, phrase)
            other = _other_than(choice, heard)
            if other:
                yield Problem(file, option.line, node.id, f"saying '{phrase}' ({lang}, key {option.key}) {other}")
        for phrase in option.asks.get(lang, ()):
            heard = understand(flowset, node, lang, None, phrase)
            if not any(c.path[0] == option for c in heard.between):
                yield Problem(file, option.line, node.id, f"saying '{phrase}' ({lang}, key {option.key}, asks:) "
                              f"{_instead_of_asking(choice, heard)}")


def _other_than(choice: Choice, heard) -> str | None:
    """What the phrase does instead of choosing its option, or None when it chooses it."""
    if heard.choice is not None:
        if heard.choice.path[0] == choice.path[0]:
            return None
        return f"leads to {_name(heard.choice)} instead"
    if heard.between:
        others = [c for c in heard.between if c.path[0] != choice.path[0]]
        return f"also fits {_name(others[0])}: the caller is asked which" if others else None
    return "chooses nothing (it fits several choices, or says the caller is unsure)"


def _instead_of_asking(choice: Choice, heard) -> str:
    """What a phrase under `asks:` does instead of asking the caller between its option and another."""
    if heard.choice is not None and heard.choice.path[0] == choice.path[0]:
        return "fits no other choice, so nothing is asked: put it under words:"
    if heard.choice is not None:
        return f"leads to {_name(heard.choice)} instead of asking"
    if heard.between:
        return f"asks between {_name(heard.between[0])} and {_name(heard.between[1])} instead"
    return "chooses nothing (it fits more than two choices, or says the caller is unsure)"


def _name(choice: Choice) -> str:
    """A choice as a flow author finds it: its key, or the option below that it reaches."""
    return f"key {choice.key}" if choice.key else f"'{choice.goto}' (through key {choice.path[0].key})"


def _unknown_meanings(model):
    """Options whose `means:` is not one of the line's meanings."""
    raw = model.line.raw.get("meanings") if model.line else None
    meanings = set(raw) if isinstance(raw, dict) else set()
    for lint_node in model.nodes.values():
        for option in lint_node.options():
            means = option.get("means")
            if means is not None and means not in meanings:
                yield Problem(lint_node.file, option.line, lint_node.id,
                              f"means: '{means}' is not one of the line's meanings "
                              f"({', '.join(sorted(map(str, meanings))) or 'none'})")
