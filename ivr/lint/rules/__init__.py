"""The lint rules, one module each: ID, NAME, SEVERITY, a docstring that documents the rule, check()."""

from __future__ import annotations

from importlib import import_module

# In the order they run and are listed; a new rule is a new module here and one line below.
RULE_MODULES = (
    "ivr000_invalid_file",
    "ivr001_unknown_target",
    "ivr002_duplicate_id",
    "ivr003_unreachable_node",
    "ivr004_never_ends",
    "ivr005_input_handling",
    "ivr006_too_many_choices",
    "ivr007_duplicate_key",
    "ivr008_unhandled_key",
    "ivr009_unoffered_key",
    "ivr010_bilingual_prompt",
    "ivr011_voice_language",
    "ivr012_long_prompt",
    "ivr013_zero_to_agent",
    "ivr014_tty_note",
    "ivr015_unknown_name",
    "ivr016_unwired_event",
    "ivr017_gather_without_action",
    "ivr018_uncounted_cycle",
    "ivr019_undeclared_prompt",
    "ivr020_missing_placeholder",
    "ivr021_unknown_parameter",
    "ivr022_unset_variable",
    "ivr023_glossary",
    "ivr024_shared_words",
    "ivr025_wait_to_act",
)
RULES = tuple(import_module(f"{__name__}.{name}") for name in RULE_MODULES)
ALWAYS_ON = RULES[0]  # invalid-file: a file that cannot be read was not linted, never hide that


def find_rule(id_or_name: str):
    """The rule with this id (IVR007, ivr007) or name (duplicate-key), or None."""
    wanted = id_or_name.strip()
    return next((r for r in RULES if wanted.upper() == r.ID or wanted.lower() == r.NAME), None)


def summary(rule) -> str:
    """The first line of a rule's documentation."""
    return rule.__doc__.strip().splitlines()[0]
