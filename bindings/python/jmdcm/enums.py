"""The library's enumerations as Python enums, made from its own vocabulary.

Members are ``str`` subclasses named like their values (``Phase.intake == "intake"``), so
they go into documents unchanged; a value that is a Python keyword gets a trailing
underscore as its member name (``Timing.from_``), as in the C++ sources.
"""
from __future__ import annotations

import enum
import json
import keyword

from . import _jmdcm

__all__: list[str] = []


def _make(name: str, values: list[str]) -> type[enum.Enum]:
    members = [(v + "_" if keyword.iskeyword(v) else v, v) for v in values]
    return enum.Enum(name, members, type=str, module=__name__)


# ResearchTable names the research tables: the package offers them as jmdcm.TABLES and
# uses the name for the class of an exported table.
for _v in json.loads(_jmdcm.rule_evaluate("vocabulary", None, None)):
    if _v["name"] == "ResearchTable":
        continue
    globals()[_v["name"]] = _make(_v["name"], _v["values"])
    __all__.append(_v["name"])
