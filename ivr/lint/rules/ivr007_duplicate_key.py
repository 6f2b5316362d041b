"""A menu uses a key twice, or a word that matches two of its choices.

The first option with a key wins and the second is never chosen. When what a caller says
matches the words of two options (the same phrase, or one phrase inside another, such as
"status" and "case status"), the engine cannot tell which is meant and chooses neither.
Words are compared as the engine hears them: lower case, no accents, no punctuation; a
bilingual menu compares English and Spanish words together.

Passing::

    options:
      - {key: "1", goto: status, words: {en: [case status]}}
      - {key: "2", goto: account, words: {en: [password]}}

Failing::

    options:
      - {key: "1", goto: status, words: {en: [status]}}
      - {key: "1", goto: account, words: {en: [case status]}}   # key 1 again; and "status"
"""

from __future__ import annotations

from ivr.flows.matching import normalise_speech
from ivr.lint.model import text_of
from ivr.lint.problem import ERROR, Problem

ID = "IVR007"
NAME = "duplicate-key"
SEVERITY = ERROR


def check(model, known):
    """Every key used twice and every phrase that matches two options of one menu."""
    for node in model.nodes.values():
        if node.type == "menu":
            yield from _keys_twice(node)
            for languages in node.language_groups():
                yield from _words_twice(node, languages)


def _keys_twice(node):
    """Options whose key an earlier option already uses."""
    first_line: dict[object, int] = {}
    for option in node.options():
        key = option.get("key")
        if key in first_line:
            yield Problem(node.file, option.line, node.id, f"key {key} is used twice (first at line {first_line[key]})")
        else:
            first_line.setdefault(key, option.line)


def _phrases(node, languages):
    """(option, its key, the phrase as words) for every word of the options in these languages."""
    for option in node.options():
        words = option.get("words")
        for lang in languages:
            spoken = words.get(lang) if isinstance(words, dict) else None
            for phrase in spoken if isinstance(spoken, list) else []:
                if text_of(phrase) and normalise_speech(phrase):
                    yield option, option.get("key"), normalise_speech(phrase).split()


def _words_twice(node, languages):
    """Phrases that would match their own option and another one too."""
    phrases = list(_phrases(node, languages))
    for i, (option, key, words) in enumerate(phrases):
        for j, (other_option, other_key, other) in enumerate(phrases):
            same_phrase_seen = other == words and j > i  # an equal pair is reported once, at the later
            if other_option is not option and _contains(words, other) and not same_phrase_seen:
                yield Problem(node.file, option.line, node.id,
                              f"saying '{' '.join(words)}' (key {key}) also matches '{' '.join(other)}' "
                              f"(key {other_key}): the engine chooses neither")


def _contains(words: list[str], part: list[str]) -> bool:
    """Whether `part` appears in `words`, whole words, in order."""
    n = len(part)
    return any(words[i:i + n] == part for i in range(len(words) - n + 1))
