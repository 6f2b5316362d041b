"""IVR025 wait-to-act: no caller hears more than 20 s of audio before they can act, in either language."""

from __future__ import annotations

from datetime import UTC, datetime

from ivr.domain.contact_center import LANGUAGES
from ivr.domain.locations import LOCATIONS
from ivr.domain.office_names import office_to, spoken_address, spoken_office
from ivr.domain.spoken_dates import spoken_date, spoken_moment
from ivr.domain.statuses import STATUSES
from ivr.lint.texts import filled_words, spoken_words
from tests.lint.flows import BASE, line_of, lint_texts

NOTE_EN = " ".join(["Please listen to this important notice about our services."] * 4)  # 36 words: 14 s
NOTE_ES = " ".join(["Escuche este aviso importante sobre nuestros servicios."] * 4)
LONG_OPENING = BASE.replace(
    'tty_note: {en: "TTY users, dial 711.", es: "Usuarios de TTY, marquen 711."}',
    f'tty_note: {{en: "TTY users, dial 711. {NOTE_EN}", es: "Usuarios de TTY, marquen 711. {NOTE_ES}"}}',
)


def test_the_clean_line_passes(tmp_path):
    assert lint_texts(tmp_path, rule="IVR025") == []


def test_a_long_bilingual_opening_fails_at_the_menu_it_delays(tmp_path):
    problems = lint_texts(tmp_path, base=LONG_OPENING, rule="IVR025")
    assert [(p.node, p.line, p.severity) for p in problems] == [("menu", line_of(LONG_OPENING, "prompt: menu"),
                                                                 "error")] * 2
    assert problems[0].message.startswith("a caller hears about 3")  # both languages: about 35 s
    assert problems[0].message.endswith("(limit 20 s), on the way base.opening -> base.menu")


def test_the_same_note_in_one_language_at_a_time_passes(tmp_path):
    one_language = LONG_OPENING.replace("{type: say, bilingual: true, prompt: tty_note", "{type: say, prompt: tty_note")
    assert lint_texts(tmp_path, base=one_language, rule="IVR025") == []


def test_a_menu_counts_only_up_to_its_first_offer(tmp_path):
    long_menu = BASE.replace('menu: {en: "For the demo, press 1.", es: "Para la demostracion, oprima 1."}',
                             f'menu: {{en: "For the demo, press 1. {NOTE_EN} {NOTE_EN}", '
                             f'es: "Para la demostracion, oprima 1. {NOTE_ES} {NOTE_ES}"}}')
    assert lint_texts(tmp_path, base=long_menu, rule="IVR025") == []
    late_offer = long_menu.replace('en: "For the demo, press 1. ', 'en: "').replace(f'{NOTE_EN}", ',
                                                                                      f'{NOTE_EN} Press 1.", ')
    [problem] = lint_texts(tmp_path, base=late_offer, rule="IVR025")
    assert " in en " in problem.message


def test_a_node_can_be_excused(tmp_path):
    marker = "  menu:\n    type: menu\n    lint: {ignore: [IVR025]}\n"
    excused = LONG_OPENING.replace("  menu:\n    type: menu\n", marker)
    assert lint_texts(tmp_path, base=excused, rule="IVR025") == []


def test_numbers_the_voice_reads_one_by_one_count_a_word_each():
    # 800-767-1833 is read as 10 digits, 711 as 3, a spelled receipt number as its 13 characters
    assert spoken_words("Call 800-767-1833 or dial 711.") == 1 + 10 + 2 + 3
    assert spoken_words("Receipt EAC2190012345.") == spoken_words("Receipt E A C, 2 1 9, 0 0 1, 2 3 4 5.") == 14
    spelled = "Llame al ocho cero cero siete seis siete uno ocho tres tres"
    assert spoken_words("Llame al 800-767-1833.") == spoken_words(spelled)


def test_a_spelled_read_back_counts_its_characters_and_other_placeholders_their_longest_value():
    assert spoken_words("{receipt_spoken}.") == 13 and spoken_words("{callback_phone_spoken}") == 10
    assert spoken_words("{zip_spoken}, {zone_name}") == 5 + 3
    assert spoken_words("{zip_spoken}, {zone_name}", "es") == 5 + 7  # "hora de las Islas Marianas del Norte"
    assert spoken_words("{next_open}", "es") > spoken_words("{next_open}", "en") > spoken_words("{anything}") == 3


def test_each_placeholder_counts_at_least_the_longest_value_the_line_fills_in():
    starts = [datetime(2026, month, day, hour, minute, tzinfo=UTC)
              for month in (1, 8, 9, 12) for day in (1, 23, 31 if month != 9 else 30) for hour in range(24)
              for minute in (0, 30)]
    ascs = [location for location in LOCATIONS if location.kind == "asc"]
    for lang in LANGUAGES:
        filled = {
            "status_text": [getattr(status, lang) for status in STATUSES],
            "appointment_spoken": [spoken_moment(start, asc.time_zone, lang) for asc in ascs for start in starts],
            "status_date": [spoken_date(start.date(), lang) for start in starts],
            "asc_name": [spoken_office(asc, lang) for asc in ascs],
            "asc_address": [" ".join(spoken_address(asc.address, lang)) for asc in ascs],
            "office_to": [office_to(location.id, lang) for location in LOCATIONS],
        }
        for name, values in filled.items():
            longest = max(values, key=lambda value: spoken_words(value, lang))
            assert filled_words(name, lang) >= spoken_words(longest, lang), (name, lang, longest)


def test_an_opening_with_long_filled_in_values_fails(tmp_path):
    said = ('{en: "Your appointment is on {appointment_spoken}, at {asc_name}, {asc_address}.", '
            'es: "Su cita es el {appointment_spoken}, en {asc_name}, {asc_address}."}')
    long_values = BASE.replace('tty_note: {en: "TTY users, dial 711.", es: "Usuarios de TTY, marquen 711."}',
                               f"tty_note: {said}")
    problems = lint_texts(tmp_path, base=long_values, rule="IVR025")
    assert [p.node for p in problems] == ["menu", "menu"]  # about 14 s + 16 s, both languages before "press 1"
    # the same words with placeholders the estimate does not know count three words each: about 11 s
    unknown = long_values.replace("appointment_spoken", "a").replace("asc_name", "b").replace("asc_address", "c")
    assert lint_texts(tmp_path, base=unknown, rule="IVR025") == []


def test_a_long_opening_of_numbers_read_digit_by_digit_fails(tmp_path):
    numbers = " ".join(["Call 800-767-1833 or 800-375-5283, or dial 711."] * 3)  # 81 words: about 32 s in each language
    long_numbers = BASE.replace(
        'tty_note: {en: "TTY users, dial 711.", es: "Usuarios de TTY, marquen 711."}',
        f'tty_note: {{en: "TTY users, dial 711. {numbers}", es: "Usuarios de TTY, marquen 711. {numbers}"}}',
    )
    assert [p.node for p in lint_texts(tmp_path, base=long_numbers, rule="IVR025")] == ["menu", "menu"]
