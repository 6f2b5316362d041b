"""Which cases the IVR must never read out (seed Q4: VAWA, U-visa and T-visa matters)."""

from __future__ import annotations

# The tier of senior officers, the only agents who hear a protected matter's details.
PROTECTED_TIER = "tier3"
# T visa (I-914, I-914A), U visa (I-918, I-918A, I-929): protected whatever the record says.
ALWAYS_PROTECTED_FORMS = frozenset({"I-914", "I-914A", "I-918", "I-918A", "I-929"})


def is_protected(form_type: str, protected_flag: bool) -> bool:
    """Whether a case goes to senior officers unspoken: the forms above, or a record flagged
    protected (an I-360 VAWA self-petition is flagged; an I-360 for a religious worker is not)."""
    return form_type.strip().upper() in ALWAYS_PROTECTED_FORMS or bool(protected_flag)
