"""The pure rule functions of the library (nothing stored, no case changed)."""
from __future__ import annotations

import functools
import json
import warnings
from typing import Any, Mapping

from . import _codec, _jmdcm

__all__ = ["rule", "rules", "requests", "deprecated_names", "schema", "schema_names", "policy", "catalogue", "synthetic_case", "render_plan", "render_evaluation",
           "radar_chart"]


def rules() -> list[str]:
    """The rule names rule() knows."""
    return json.loads(_jmdcm.rule_names())


def requests() -> list[str]:
    """The request names Store.request() knows."""
    return json.loads(_jmdcm.store_requests())


def schema_names() -> list[str]:
    """The names of the published JSON Schemas: document/..., step/<name>/input,
    rule/<name>/input|output, request/<name>/input|output."""
    return json.loads(_jmdcm.schema_names())


def schema(name: str) -> dict[str, Any]:
    """One published JSON Schema (draft 2020-12), made from the type the library reads or writes."""
    return json.loads(_jmdcm.schema(name))


@functools.cache
def deprecated_names() -> dict[str, dict[str, str]]:
    """Old rule and request names that still work: {"rules": {old: current}, "requests": {...}}."""
    listed = json.loads(_jmdcm.deprecated_names())
    return {family: {a["name"]: a["current"] for a in aliases} for family, aliases in listed.items()}


def warn_if_deprecated(family: str, name: str) -> None:
    """A DeprecationWarning, pointing at the caller's line, for an old name (family: rules, requests)."""
    current = deprecated_names()[family].get(name)
    if current is not None:
        warnings.warn(f"jmdcm: the {family[:-1]} name '{name}' is deprecated, use '{current}'", DeprecationWarning,
                      stacklevel=3)


def rule(name: str, input: Any = None, *, policy: Mapping[str, Any] | None = None) -> Any:
    """Evaluates a rule (check_eligibility, screening_recommendation, check_plan,
    phase_gate, retention_decision, caseload, ...) and returns its JSON answer."""
    warn_if_deprecated("rules", name)
    return json.loads(_jmdcm.rule_evaluate(name, _codec.dumps(input), _codec.dumps(policy)))


def policy(changes: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The effective policy: the handbook's defaults with `changes`, validated."""
    return rule("policy", policy={"schema": 1, **changes} if changes else None)


def catalogue(policy: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """R8: the goal catalogue plans are checked against: the policy's own (its "catalogue"
    member, validated), else the handbook's. Steps, rules and stores take it the same way."""
    return rule("catalogue", policy=policy)


def synthetic_case(index: int, *, seed: int = 1, **population: Any):
    """Case number `index` of the seeded synthetic population."""
    from .case import Case

    return Case(_jmdcm.rule_evaluate("synthetic_case", _codec.dumps({"options": {"seed": seed, **population},
                                                                      "index": index}), None))


def _case(case: Any) -> Any:
    return json.loads(case.to_json()) if hasattr(case, "to_json") else case


def render_plan(case: Any, language: str = "de", plan_version: int | None = None) -> str:
    """R9: the case's plan as a print-friendly HTML document (language de, en or plain)."""
    options = {"language": language, **({"plan_version": plan_version} if plan_version else {})}
    return rule("render_plan", {"case": _case(case), "options": options})


def render_evaluation(case: Any, language: str = "de", *, policy: Mapping[str, Any] | None = None) -> str:
    """R11: the case's evaluation as an HTML document."""
    return rule("render_evaluation", {"case": _case(case), "options": {"language": language}}, policy=policy)


def radar_chart(case: Any, language: str = "de", *, policy: Mapping[str, Any] | None = None, **options: Any) -> str:
    """R7: the case's assessment as an SVG radar chart, perspectives overlaid, the first and
    latest dates compared (options: first, second, perspectives, size)."""
    return rule("radar_chart", {"case": _case(case), "options": {"language": language, **options}}, policy=policy)
