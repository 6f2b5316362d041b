"""The loader's contract analysis over a lint model, run once however many rules ask for it."""

from __future__ import annotations

from ivr.flows.contract_check import ContractError, variable_problems
from ivr.lint.model import LintModel
from ivr.lint.names import KnownNames
from ivr.lint.problem import Problem


def unset_problems(model: LintModel, known: KnownNames, kind: str) -> list[Problem]:
    """The placeholders or required variables (`kind`) some path leaves unset, as lint problems.

    Only when every file reads cleanly (the model holds the loader's FlowSet); otherwise IVR000
    and the other rules report what is wrong, and this analysis waits for a readable set.
    """
    if model.flowset is None or model.places is None:
        return []
    if model.analysis is None or model.analysis[0] is not known:
        model.analysis = (known, variable_problems(model.flowset, known.known(), model.places))
    found: list[ContractError] = model.analysis[1]
    return [Problem(error.path, error.line, error.node, error.message) for error in found if error.kind == kind]
