"""IVR014 tty-note: every way through the opening gives the TTY and 711 note, in en and es."""

from __future__ import annotations

from tests.lint.flows import BASE, KNOWN, line_of, lint_texts


def test_an_opening_with_the_note_in_both_languages_passes(tmp_path):
    assert lint_texts(tmp_path) == []


def test_a_spanish_note_without_711_is_reported_for_spanish_only(tmp_path):
    base = BASE.replace("Usuarios de TTY, marquen 711.", "Usuarios de TTY, llamen.")
    [problem] = lint_texts(tmp_path, base=base, rule="IVR014")
    assert (problem.node, problem.line) == (None, line_of(base, "entry:"))
    assert problem.message.startswith("the opening reaches 'base.menu' without the TTY note in es")


def test_a_branch_of_the_opening_that_skips_the_note_is_reported(tmp_path):
    assert "check" in KNOWN.contracts
    base = BASE.replace(
        "  opening: {type: say, bilingual: true, prompt: tty_note, next: menu}",
        "  opening: {type: action, action: check, on: {yes: note, no: menu}}\n"
        "  note: {type: say, bilingual: true, prompt: tty_note, next: menu}",
    )
    messages = [p.message for p in lint_texts(tmp_path, base=base, rule="IVR014")]
    assert [m.split(" (")[0] for m in messages] == [
        "the opening reaches 'base.menu' without the TTY note in en",
        "the opening reaches 'base.menu' without the TTY note in es",
    ]


LANGUAGE_FIRST = BASE.replace(
    "  opening: {type: say, bilingual: true, prompt: tty_note, next: menu}",
    "  opening:\n"
    "    type: menu\n"
    "    bilingual: true\n"
    "    prompt: menu\n"
    "    options:\n"
    "      - {key: \"1\", goto: note, set: {lang: en}, words: {en: [english]}}\n"
    "      - {key: \"2\", goto: SPANISH, set: {lang: es}, words: {es: [espanol]}}\n"
    "  note: {type: say, prompt: tty_note, next: menu}",
)


def test_the_language_choice_may_come_before_the_note_in_the_chosen_language(tmp_path):
    assert lint_texts(tmp_path, base=LANGUAGE_FIRST.replace("SPANISH", "note"), rule="IVR014") == []


def test_a_language_whose_choice_skips_the_note_is_reported(tmp_path):
    [problem] = lint_texts(tmp_path, base=LANGUAGE_FIRST.replace("SPANISH", "menu"), rule="IVR014")
    assert problem.message.startswith("the opening reaches 'base.menu' without the TTY note in es")
