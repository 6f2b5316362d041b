"""IVR024 shared-words: words that two choices of one menu both listen for."""

from __future__ import annotations

from tests.lint.flows import BASE, line_of, lint_texts
from tests.lint.flows import TWO_CHOICES as MENU


def test_distinct_words_pass(tmp_path):
    assert lint_texts(tmp_path, MENU, rule="IVR024") == []


def test_a_phrase_inside_another_options_phrase_is_fine_the_longer_wins(tmp_path):
    flow = MENU.replace("[password]", "[status not known]")
    assert lint_texts(tmp_path, flow, rule="IVR024") == []


def test_the_same_stem_for_two_options_asks_the_caller(tmp_path):
    flow = MENU.replace("[password]", "[case statuses]")
    problems = lint_texts(tmp_path, flow, rule="IVR024")
    assert [p.line for p in problems] == [line_of(flow, "case status"), line_of(flow, "statuses")]
    assert problems[1].message == "saying 'case statuses' (en, key 2) also fits key 1: the caller is asked which"


def test_the_same_word_accents_aside_is_reported_in_its_language(tmp_path):
    flow = MENU.replace("[estado]", "[contrasena]")
    problems = lint_texts(tmp_path, flow, rule="IVR024")
    assert {p.line for p in problems} == {line_of(flow, "case status"), line_of(flow, "contraseña")}
    assert all("(es," in p.message for p in problems)


def test_an_option_of_a_menu_below_is_heard_at_the_menu_above(tmp_path):
    flow = MENU.replace("goto: base.agent, words: {en: [password]", "goto: more, words: {en: [more]").replace(
        "prompts:", """  more:
    type: menu
    prompt: choose
    back: start
    options:
      - {key: "1", goto: base.goodbye, words: {en: [case status], es: [algo]}}
      - {key: "2", goto: base.agent, words: {en: [other], es: [otro]}}
prompts:""")
    problems = lint_texts(tmp_path, flow, rule="IVR024")
    assert any(p.line == line_of(flow, "case status") and "'demo.more'" not in p.message
               and "base.goodbye' (through key 2)" in p.message for p in problems)


def test_an_unknown_meaning_is_reported(tmp_path):
    flow = MENU.replace("goto: base.goodbye,", 'goto: base.goodbye, means: "yes",')
    [problem] = lint_texts(tmp_path, flow, rule="IVR024")
    assert problem.line == line_of(flow, "case status")
    assert problem.message == "means: 'yes' is not one of the line's meanings (none)"


def test_a_meaning_of_the_line_is_heard_as_the_options_words(tmp_path):
    base = BASE.replace('  keys:\n', '  meanings:\n    "yes": {en: [yeah, case status], es: [claro]}\n  keys:\n')
    flow = MENU.replace("goto: base.agent,", 'goto: base.agent, means: "yes",')
    problems = lint_texts(tmp_path, flow, base=base, rule="IVR024")
    assert any("saying 'case status' (en, key 2)" in p.message for p in problems)


def test_words_two_options_share_under_asks_pass_and_ask_the_caller(tmp_path):
    flow = (MENU.replace("words: {en: [case status], es: [estado]}",
                         "words: {en: [case status], es: [estado]}, asks: {en: [urgent], es: [urgente]}")
            .replace("words: {en: [password], es: [contraseña]}",
                     "words: {en: [password], es: [contraseña]}, asks: {en: [urgent], es: [urgente]}"))
    assert lint_texts(tmp_path, flow, rule="IVR024") == []


def test_asks_words_no_other_choice_shares_are_reported(tmp_path):
    flow = MENU.replace("words: {en: [case status], es: [estado]}",
                        "words: {en: [case status], es: [estado]}, asks: {en: [urgent]}")
    [problem] = lint_texts(tmp_path, flow, rule="IVR024")
    assert problem.line == line_of(flow, "urgent")
    assert problem.message == ("saying 'urgent' (en, key 1, asks:) fits no other choice, so nothing is asked: "
                               "put it under words:")


def test_asks_words_another_option_takes_as_its_own_are_reported(tmp_path):
    flow = (MENU.replace("words: {en: [case status], es: [estado]}",
                         "words: {en: [case status], es: [estado]}, asks: {es: [urgente]}")
            .replace("es: [contraseña]", "es: [contraseña, urgente]"))
    [problem] = lint_texts(tmp_path, flow, rule="IVR024")
    assert problem.message == "saying 'urgente' (es, key 1, asks:) leads to key 2 instead of asking"
