"""`flask call`: a person walks the menu from a terminal."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("keys", "heard", "transfer"), [
    ("1\n5\n2\n", "For a VAWA, U visa or T visa matter", "queue:tier3"),
    ("2\n'contraseña\n1\n", "Olvidé mi contraseña", "queue:helpdesk"),
    ("2\n4\n1\n", "oficial de servicios de inmigración", "queue:tier2"),
])
def test_a_terminal_call_walks_the_menu(runner, keys, heard, transfer):
    result = runner.invoke(args=["call"], input=keys)
    assert result.exit_code == 0, result.output
    assert heard in result.output
    assert f"transferred to {transfer}" in result.output
    assert result.output.rstrip().endswith("Call ended.")


def test_nonsense_is_answered_in_both_languages_and_q_hangs_up(runner):
    result = runner.invoke(args=["call"], input="'hello there\n1\nq\n")
    assert "Sorry, I did not understand that." in result.output  # the language menu asks again
    assert "Disculpe, no entendí su respuesta." in result.output
    assert "For the status of a case" in result.output
    assert "Call ended." in result.output
