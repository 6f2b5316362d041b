"""On a served line a scenario's records get numbers no other call uses, rewritten everywhere the scenario says them."""

from __future__ import annotations

import random

from ivr.config import ROOT
from ivr.harness.fresh_data import FreshIds, with_fresh_identifiers
from ivr.harness.scenario import load_scenario

SCENARIOS = ROOT / "tests" / "scenarios"


def test_a_receipt_number_is_renewed_as_written_keyed_and_read_back():
    scenario = load_scenario(SCENARIOS / "biometrics_reschedule_en.yaml")
    fresh = with_fresh_identifiers(scenario, FreshIds(random.Random(7)))
    new = fresh.data["cases"][0]["receipt_number"]
    assert new.startswith("NBC") and new != "NBC2190070001"
    assert fresh.data["appointments"][0]["receipt_number"] == new
    written = " ".join(step.text for step in fresh.steps)
    assert "6222190070001" not in written and f'"622{new[3:]}#"' in written
    groups = f"N B C, {' '.join(new[3:6])}, {' '.join(new[6:9])}, {' '.join(new[9:])}"
    assert any(step.arg == {"in": "turn", "regex": groups} for step in fresh.steps)


def test_a_reference_number_is_renewed_keyed_with_7_7_and_said_in_spanish():
    tertiary = with_fresh_identifiers(load_scenario(SCENARIOS / "follow_up_tertiary_en.yaml"), FreshIds())
    primary, secondary = tertiary.data["service_requests"]
    assert secondary["parent"] == primary["reference"] != "SR20261004"
    assert f'"77{secondary["reference"][2:]}#"' in " ".join(step.text for step in tertiary.steps)
    said = with_fresh_identifiers(load_scenario(SCENARIOS / "follow_up_secondary_es.yaml"), FreshIds(random.Random(1)))
    words = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
    digits = said.data["service_requests"][0]["reference"][2:]
    assert any(step.arg[0] == "ese erre " + " ".join(words[int(d)] for d in digits)
               for step in said.steps if step.kind == "say")


def test_every_call_gets_numbers_of_its_own():
    ids = FreshIds()
    scenario = load_scenario(SCENARIOS / "follow_up_tertiary_es.yaml")
    calls = [with_fresh_identifiers(scenario, ids) for _ in range(500)]
    receipts = {c.data["cases"][0]["receipt_number"] for c in calls}
    references = {r["reference"] for c in calls for r in c.data["service_requests"]}
    assert len(receipts) == 500 and len(references) == 1000


class Drawn(FreshIds):
    """Fresh numbers in a set order: the first reference is one whose digits read "3 1 0"."""

    def __init__(self, references: list[str]):
        super().__init__(random.Random(3))
        self.references = iter(references)

    def reference(self, like: str = "SR") -> str:
        return next(self.references)


def test_a_new_number_never_says_what_the_scenario_expects_not_to_hear():
    scenario = load_scenario(SCENARIOS / "callback_protected_by_receipt_en.yaml")  # "3 1 0" must not be heard
    fresh = with_fresh_identifiers(scenario, Drawn(["CB75913108", "CB75924418"]))
    assert fresh.data["callbacks"][0]["reference"] == "CB75924418"
    assert any("C B, 7 5 9 2, 4 4 1 8" in step.text for step in fresh.steps)


def test_test_callbacks_are_numbered_downwards_away_from_the_lines_own_bookings():
    """SQLite numbers a callback the line books after the highest id in the table: a test callback's."""
    ids = FreshIds(random.Random(5))
    drawn = [ids.callback_id() for _ in range(100)]
    assert drawn == sorted(drawn, reverse=True) and len(set(drawn)) == 100
