"""JSON in and out of the library: dates as datetime.date, enums as their names."""
from __future__ import annotations

import datetime as _dt
import enum
import json
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    document = getattr(value, "document", None)
    if isinstance(document, dict):  # a Case
        return document
    raise TypeError(f"cannot put {type(value).__name__} into a jmdcm document")


def dumps(value: Any) -> str | None:
    """A JSON argument for the library; None stays None (the library's default)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value  # already a document
    return json.dumps(value, default=_default, ensure_ascii=False, separators=(",", ":"))


def to_date(text: str | None) -> _dt.date | None:
    return None if text is None else _dt.date.fromisoformat(text)


def iso(day: _dt.date | str) -> str:
    return day if isinstance(day, str) else day.isoformat()


def with_dates(row: dict, keys: tuple[str, ...]) -> dict:
    """A copy of `row` with the named ISO date strings turned into datetime.date."""
    out = dict(row)
    for key in keys:
        if isinstance(out.get(key), str):
            out[key] = _dt.date.fromisoformat(out[key])
    return out
