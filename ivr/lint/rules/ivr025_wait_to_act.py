"""A caller hears more than 20 seconds of audio before they can act.

A caller must not sit through a long speech before the first thing they can do. For every menu
and input, the rule adds up, in each language, the audio of every prompt the caller hears on the
way there since they last acted (the say nodes and transfers' `failed` branches that lead to it,
from each place a turn starts: the line's entries, the ends of menus and inputs, a transfer
that comes back), then the node's own prompt: a menu's up to the end of its first sentence that
offers a key (all of it when none does), an input's first sentence (it says what to enter). At
a bilingual node both languages are heard. The say nodes before a menu play inside its <Gather>, so
a caller may already press a key there, but cannot know which one until a key is offered: all of
it counts until the first offer, as it does before a transfer's `failed` branch, outside any Gather.

Audio is estimated from the words at a stated speaking rate (`ivr/lint/texts.py`): 150 words a
minute in English, 160 in Spanish; what the line marks up with <say-as> (phone numbers, 711, spelled
receipt and reference numbers, ZIP codes: `ivr/flows/say_as.py`) counts a word a character, other
numbers of three digits or more are read digit by digit, a {placeholder} counts as the longest
value the line fills in for it in that language (a date and time 10 words in English and 15 in
Spanish, a case status sentence 17 and 20, an ASC's address 15; one not listed, three words; a
spelled read-back as its characters: {receipt_spoken} 13, {phone_spoken} 10, {zip_spoken} 5),
and `rate: slow` stretches a prompt by 1.25. The limit is 20
seconds; the longest way in is reported at the node, with the nodes it passes.

Passing::

    opening: {type: menu, bilingual: true, prompt: choose_language, ...}
    # "Contact Center for immigration benefits. For English, press 1." + the Spanish: about 8 s

Failing::

    welcome: {type: say, bilingual: true, prompt: welcome, next: notes}      # 7 s
    notes: {type: say, bilingual: true, prompt: tty_notes, next: choose}     # 35 s
    choose: {type: menu, bilingual: true, prompt: choose_language, ...}      # 42 s before "press 1"
"""

from __future__ import annotations

import re

from ivr.domain.contact_center import LANGUAGES
from ivr.lint.problem import ERROR, Problem
from ivr.lint.texts import offered_keys, spoken_seconds

ID = "IVR025"
NAME = "wait-to-act"
SEVERITY = ERROR

LIMIT = 20  # seconds of audio before a caller can act
_SENTENCE = re.compile(r"[^.?!:]*[.?!:]+(?:\s+|$)|[^.?!:]+$")


def check(model, known):
    """Each menu or input a caller reaches only after more than LIMIT seconds of audio, per language."""
    for lang in LANGUAGES:
        worst: dict[str, tuple[float, list[str]]] = {}
        for start in _turn_starts(model):
            _walk(model, start, lang, 0.0, [], worst)
        for qualified, (seconds, path) in worst.items():
            if seconds > LIMIT:
                node = model.nodes[qualified]
                yield Problem(node.file, node.line_of("prompt"), node.id,
                              f"a caller hears about {seconds:.0f} s in {lang} before they can act here "
                              f"(limit {LIMIT} s), on the way {' -> '.join(path)}")


def _turn_starts(model) -> list[str]:
    """Where the IVR starts talking after the caller acted, or as a call begins."""
    starts = [target for target, _ in model.line.entries().values()] if model.line else []
    for node in model.nodes.values():
        if node.gathers or node.ends_call:
            starts += [edge.target for edge in node.edges()]
    if model.line:
        starts += [t for t in (model.line.target("give_up"), *(g for g, _ in model.line.keys().values())) if t]
    return [start for start in dict.fromkeys(starts) if start in model.nodes]


def _walk(model, qualified: str, lang: str, heard: float, path: list[str], worst: dict) -> None:
    """Follow say and action nodes from a turn's start, keeping the most audio heard before each gather."""
    node = model.nodes[qualified]
    path = [*path, qualified]
    if node.gathers:
        seconds = heard + _audio(model, node, lang, until_act=True)
        if seconds > worst.get(qualified, (-1.0, []))[0]:
            worst[qualified] = (seconds, path)
        return
    if node.ends_call or qualified in path[:-1]:
        return
    heard += _audio(model, node, lang) if node.type == "say" else 0.0
    for edge in node.edges():
        if edge.target in model.nodes:
            _walk(model, edge.target, lang, heard, path, worst)


def _audio(model, node, lang: str, until_act: bool = False) -> float:
    """Seconds of the node's prompt a caller of `lang` hears (both languages at a bilingual node)."""
    prompt = model.prompts.get(node.field("prompt") or "")
    if prompt is None:
        return 0.0
    languages = LANGUAGES if node.raw.get("bilingual") is True else (lang,)
    texts = {la: prompt.texts.get(la, "") for la in languages}
    if until_act:
        texts = {la: _until_act(text, node.type == "input") for la, text in texts.items()}
    return sum(spoken_seconds(text, la, prompt.rate) for la, text in texts.items())


def _until_act(text: str, is_input: bool) -> str:
    """What a caller hears before they can act: an input's first sentence, a menu's up to its first offer."""
    sentences = _SENTENCE.findall(text)
    if is_input and sentences:
        return sentences[0]
    for index, sentence in enumerate(sentences):
        if offered_keys(sentence):
            return "".join(sentences[: index + 1])
    return text
