"""Research tables: anonymised copies only (R13), as numpy columns and pandas DataFrames.

The library hands over int32 columns that numpy reads in place; categories, dates and
missing values are turned into pandas types by whole-column operations, never row by row.
"""
from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from . import _codec, _jmdcm
from ._optional import need

__all__ = ["ResearchTable", "synthetic_table", "to_dataframe", "TABLES"]

TABLES = ("cases", "goals", "assessments", "supply_gaps", "phases")


class ResearchTable:
    """One exported table: its schema and its columns as read-only int32 numpy arrays
    (categories as codes, dates as days since 1970-01-01, `missing` where not recorded)."""

    def __init__(self, handle: "_jmdcm.Table") -> None:
        need("numpy", "research tables")
        self._h = handle
        self.schema: dict[str, Any] = json.loads(handle.schema())
        self._index = {c["name"]: i for i, c in enumerate(self.schema["columns"])}

    @property
    def name(self) -> str:
        return self.schema["table"]

    @property
    def rows(self) -> int:
        return self.schema["rows"]

    @property
    def names(self) -> list[str]:
        return [c["name"] for c in self.schema["columns"]]

    def info(self, name: str) -> dict[str, Any]:
        return self.schema["columns"][self._index[name]]

    def column(self, name: str) -> np.ndarray:
        """The raw int32 column, a view of the library's memory."""
        return self._h.column(self._index[name])

    def columns(self) -> dict[str, np.ndarray]:
        """Every column as numpy arrays: categories as int32 codes (-1 missing), dates as
        datetime64[D] (NaT missing), booleans and numbers as int32 with their sentinel."""
        out = {}
        for info in self.schema["columns"]:
            raw = self.column(info["name"])
            out[info["name"]] = _dates(raw, info["missing"]) if info["type"] == "date" else raw
        return out

    def to_dataframe(self):
        """The table as a pandas DataFrame (categorical, datetime64, nullable Int32/boolean)."""
        pd = need("pandas", "research tables as DataFrames")
        data = {}
        for info in self.schema["columns"]:
            raw = self.column(info["name"])
            missing = raw == info["missing"]
            kind = info["type"]
            if kind == "category":
                data[info["name"]] = pd.Categorical.from_codes(raw, categories=info["categories"])
            elif kind == "date":
                data[info["name"]] = _dates(raw, info["missing"])
            elif kind == "boolean":
                data[info["name"]] = pd.arrays.BooleanArray(raw == 1, missing) if missing.any() else raw == 1
            else:
                data[info["name"]] = pd.arrays.IntegerArray(raw.copy(), missing) if missing.any() else raw
        return pd.DataFrame(data, copy=False)


def _dates(raw: "np.ndarray", missing: int) -> "np.ndarray":
    np = need("numpy", "research tables")
    days = raw.astype(np.int64)
    days[raw == missing] = np.iinfo(np.int64).min  # NaT
    return days.view("datetime64[D]")


def to_dataframe(handle: "_jmdcm.Table"):
    return ResearchTable(handle).to_dataframe()


def synthetic_table(table: str, count: int, *, seed: int = 1, first_index: int = 0,
                    on: _dt.date | None = None, frame: bool = True, **population: Any):
    """A research table over `count` seeded synthetic cases (stored nowhere): a DataFrame,
    or with frame=False the ResearchTable. population: first_day, span_days,
    case_workers, office. `on`: the day the copies are anonymised as of."""
    options: dict[str, Any] = {"count": count, "first_index": first_index, "population": {"seed": seed, **population}}
    if on is not None:
        options["on"] = on
    t = ResearchTable(_jmdcm.Table.synthetic(table, _codec.dumps(options)))
    return t.to_dataframe() if frame else t
