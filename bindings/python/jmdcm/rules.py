"""The pure rule functions of the library (nothing stored, no case changed)."""
from __future__ import annotations

import json
from typing import Any, Mapping

from . import _codec, _jmdcm

__all__ = ["rule", "rules", "policy", "catalogue", "synthetic_case"]


def rules() -> list[str]:
    """The rule names rule() knows."""
    return json.loads(_jmdcm.rule_names())


def rule(name: str, input: Any = None, *, policy: Mapping[str, Any] | None = None) -> Any:
    """Evaluates a rule (check_eligibility, screening_recommendation, check_plan,
    phase_gate, retention_decision, caseload, ...) and returns its JSON answer."""
    return json.loads(_jmdcm.rule_evaluate(name, _codec.dumps(input), _codec.dumps(policy)))


def policy(changes: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The effective policy: the handbook's defaults with `changes`, validated."""
    return rule("policy", policy={"schema": 1, **changes} if changes else None)


def catalogue() -> dict[str, Any]:
    """R8: the goal catalogue."""
    return rule("catalogue")


def synthetic_case(index: int, *, seed: int = 1, **population: Any):
    """Case number `index` of the seeded synthetic population."""
    from .case import Case

    return Case(_jmdcm.rule_evaluate("synthetic_case", _codec.dumps({"options": {"seed": seed, **population},
                                                                      "index": index}), None))
