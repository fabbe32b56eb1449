"""A case document with typed access to its head, and the steps of the method."""
from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Mapping

from . import _codec, _jmdcm
from .enums import CaseKind, ClosureReason, Phase  # type: ignore[attr-defined]

__all__ = ["Case", "steps"]


def steps() -> list[str]:
    """The step names Case.step knows (record_consent, refer, review_goal, close_case, ...)."""
    return json.loads(_jmdcm.case_steps())


class Case:
    """One case as the library's JSON document (``document``), with typed properties for
    the fields hosts use most. Steps return a new Case; the old one is unchanged."""

    __slots__ = ("document",)

    def __init__(self, document: Mapping[str, Any] | str) -> None:
        self.document: dict[str, Any] = json.loads(document) if isinstance(document, str) else dict(document)

    @classmethod
    def open(cls, id: str, office: str, case_worker: str, opened: _dt.date,
             kind: CaseKind = CaseKind.cm) -> "Case":  # type: ignore[attr-defined]
        """R1: a new case in the intake phase."""
        doc = {"id": id, "office": office, "case_worker": case_worker, "opened": opened, "kind": kind}
        return cls(_jmdcm.rule_evaluate("open_case", _codec.dumps(doc), None))

    # ------------------------------------------------------------ typed head
    @property
    def id(self) -> str:
        return self.document["id"]

    @property
    def version(self) -> int:
        return self.document["version"]

    @property
    def office(self) -> str:
        return self.document["office"]

    @property
    def case_worker(self) -> str:
        return self.document["case_worker"]

    @property
    def kind(self) -> CaseKind:  # type: ignore[valid-type]
        return CaseKind(self.document["kind"])

    @property
    def phase(self) -> Phase:  # type: ignore[valid-type]
        return Phase(self.document["phase"])

    @property
    def opened(self) -> _dt.date:
        return _codec.to_date(self.document["opened"])  # type: ignore[return-value]

    @property
    def last_activity(self) -> _dt.date:
        return _codec.to_date(self.document["last_activity"])  # type: ignore[return-value]

    @property
    def closed(self) -> _dt.date | None:
        closure = self.document.get("closure")
        return _codec.to_date(closure["date"]) if closure else None

    @property
    def closure_reason(self) -> ClosureReason | None:  # type: ignore[valid-type]
        closure = self.document.get("closure")
        return ClosureReason(closure["reason"]) if closure else None

    @property
    def anonymised_on(self) -> _dt.date | None:
        return _codec.to_date(self.document.get("anonymised_on"))

    @property
    def person(self) -> dict[str, Any] | None:
        """Master data (personal); None before consent and after withdrawal or anonymisation."""
        return self.document.get("person")

    # ------------------------------------------------------------ the method
    def step(self, name: str, input: Any = None, *, policy: Mapping[str, Any] | None = None) -> "Case":
        """Applies one step (see steps()); `input` may hold dates and enums. A refused step
        raises its rule's error, e.g. ReleaseRequiredError (R4)."""
        return Case(_jmdcm.case_step(self.to_json(), name, _codec.dumps(input), _codec.dumps(policy)))

    def requirements(self) -> dict[str, Any]:
        """R14: which minimum requirements the case meets."""
        return json.loads(_jmdcm.case_requirements(self.to_json()))

    def to_json(self) -> str:
        return _codec.dumps(self.document)  # type: ignore[return-value]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Case) and other.document == self.document

    def __repr__(self) -> str:
        return f"Case(id={self.id!r}, phase={self.phase.value!r}, version={self.version})"
