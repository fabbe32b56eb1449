"""One exception class per status code of the library's error table.

The classes are made from the table itself (jmdcm_status_name), so they cannot drift from
it: ``release_required`` becomes ``ReleaseRequiredError``. Each carries the code, the
status name, the message, and the rule (``"R4"``) and field the message names.
"""
from __future__ import annotations

import re

from . import _jmdcm

__all__ = ["JmdcmError"]  # and one class per status, added below

_RULE = re.compile(r"^(R\d+):")
_FIELD = re.compile(r"\[field: (.*)\]$")  # a field may hold brackets: posts[0].share


class JmdcmError(Exception):
    """Base of every error the library reports."""

    code: int = -1
    name: str = ""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None and code != type(self).code:
            self.code = code
        rule = _RULE.match(message)
        field = _FIELD.search(message)
        self.rule: str | None = rule.group(1) if rule else None
        self.field: str | None = field.group(1) if field else None


def _class_name(status: str) -> str:
    return "".join(part.capitalize() for part in status.split("_")) + "Error"


def _status_table() -> dict[int, str]:
    names = {}
    for code in range(0, 1000):
        name = _jmdcm.status_name(code)
        if name not in ("unknown", "ok"):
            names[code] = name
    return names


error_classes: dict[int, type[JmdcmError]] = {}
for _code, _name in _status_table().items():
    _cls = type(_class_name(_name), (JmdcmError,), {"code": _code, "name": _name, "__module__": __name__,
                                                     "__doc__": f"Status {_code} ({_name})."})
    error_classes[_code] = _cls
    globals()[_cls.__name__] = _cls
    __all__.append(_cls.__name__)

_jmdcm.register_errors(dict(error_classes))


def error_class(code_or_name: int | str) -> type[JmdcmError]:
    """The exception class of a status code or status name."""
    for cls in error_classes.values():
        if code_or_name in (cls.code, cls.name):
            return cls
    raise KeyError(code_or_name)
