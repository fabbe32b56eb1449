"""One exception class per status code of the library's error table.

The classes are made from the table itself (jmdcm_status_name), so they cannot drift from
it: ``release_required`` becomes ``ReleaseRequiredError``. Each carries the code, the
status name, the message, and the rule (``"R4"``) and field, as the library reports them
apart (``jmdcm_error_last``).
"""
from __future__ import annotations

import json

from . import _jmdcm

__all__ = ["JmdcmError"]  # and one class per status, added below


class JmdcmError(Exception):
    """Base of every error the library reports."""

    code: int = -1
    name: str = ""

    def __init__(self, message: str, code: int | None = None, rule: str | None = None,
                 field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None and code != type(self).code:
            self.code = code
        # from the library's structured error (jmdcm_error_last), never parsed from the message
        self.rule: str | None = rule
        self.field: str | None = field


def _class_name(status: str) -> str:
    return "".join(part.capitalize() for part in status.split("_")) + "Error"


def _status_table() -> dict[int, str]:
    return {s["code"]: s["name"] for s in json.loads(_jmdcm.status_names()) if s["name"] != "ok"}


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
