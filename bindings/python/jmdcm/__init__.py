"""jmdcm: the Case Management method of the German youth migration services (JMD).

A thin package over the library's C ABI::

    import datetime as dt, jmdcm
    me = jmdcm.Actor("fachkraft-1")
    with jmdcm.Store.sqlite("cases.sqlite") as store:
        case = store.samira(me)                       # the handbook's worked example
        case.closure_reason                           # ClosureReason.ended_by_young_person
        store.export(me, "assessments", on=dt.date(2030, 1, 1))   # anonymised, a DataFrame

Errors are one class per status code (``jmdcm.ReleaseRequiredError`` ...), all
``jmdcm.JmdcmError`` with ``.rule`` and ``.field``.
"""
from . import _jmdcm
from .errors import *  # noqa: F401,F403  (JmdcmError and one subclass per status; registered first)
from .errors import __all__ as _error_names
from .enums import *  # noqa: F401,F403  (Phase, CaseKind, ... from the library's vocabulary)
from .enums import __all__ as _enum_names
from .case import Case, steps
from .research import TABLES, ResearchTable, synthetic_table
from .rules import (catalogue, deprecated_names, policy, radar_chart, render_evaluation, render_plan, requests, rule,
                    rules, schema, schema_names, synthetic_case)
from .backend import Backend
from .store import Actor, Store
from .keys import LocalKek, generate_kek, rotate_keys, rotate_keys_postgres

__version__ = _jmdcm.version()
ABI_VERSION = _jmdcm.abi_version()

__all__ = ["Actor", "Backend", "Case", "Store", "LocalKek", "generate_kek", "rotate_keys", "rotate_keys_postgres", "ResearchTable", "TABLES", "synthetic_table", "synthetic_case", "steps",
           "rule", "rules", "requests", "deprecated_names", "schema", "schema_names", "policy", "catalogue", "render_plan", "render_evaluation", "radar_chart",
           "ABI_VERSION", *_enum_names, *_error_names]
