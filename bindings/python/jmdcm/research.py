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

TABLES = ("cases", "goals", "assessments", "supply_gaps", "phases", "caseload")


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

    def write(self, path: str, format: str = "csv") -> None:
        """Writes the table for R, Stata or SPSS users (issue 20). Only a research table can be
        written this way, so only anonymised copies leave (R13).

        csv: one header line, categories as their names, dates as YYYY-MM-DD, missing empty.
        stata: a .dta file (version 118); a category of the library's vocabulary becomes a
        labelled integer (its value labels the names), other text (case ids, offices,
        regions) a string, dates Stata dates; missing stays missing. The column `case` is
        `case_id` there: `case` is a word Stata reserves."""
        frame = self.to_dataframe()
        if format == "csv":
            frame.to_csv(path, index=False, date_format="%Y-%m-%d")
        elif format == "stata":
            if self.rows == 0:   # pandas cannot size Stata's string columns from no rows
                raise ValueError(f"table {self.name} has no rows (the actor sees no case): a Stata file needs one")
            _for_stata(frame, self.schema).rename(columns={"case": "case_id"}).to_stata(
                path, write_index=False, version=118,
                convert_dates={c["name"]: "td" for c in self.schema["columns"] if c["type"] == "date"},
                                                    data_label=f"jmdcm research table {self.name} (anonymised)")
        else:
            raise ValueError(f"format '{format}': csv or stata")


def _vocabulary_values() -> list[set[str]]:
    from .rules import rule

    return [set(v["values"]) for v in rule("vocabulary")]


def _for_stata(frame, schema):
    """Stata has no nullable integers or booleans and wants value labels only for coded
    categories: nullable columns become floats (missing as .), booleans 0/1, text categories
    that are not one of the library's enumerations strings."""
    pd = need("pandas", "research tables as DataFrames")
    enums = _vocabulary_values()
    out = {}
    for info in schema["columns"]:
        name, column = info["name"], frame[info["name"]]
        if info["type"] == "category":
            labelled = bool(info["categories"]) and any(set(info["categories"]) <= values for values in enums)
            out[name] = column if labelled else column.astype(object).where(column.notna(), "").astype(str)
        elif info["type"] in ("int32", "boolean"):
            out[name] = pd.to_numeric(column.astype("Float64"), errors="coerce").astype(float)
        else:
            out[name] = column
    return pd.DataFrame(out)


def _dates(raw: "np.ndarray", missing: int) -> "np.ndarray":
    np = need("numpy", "research tables")
    days = raw.astype(np.int64)
    days[raw == missing] = np.iinfo(np.int64).min  # NaT
    return days.view("datetime64[D]")


def to_dataframe(handle: "_jmdcm.Table"):
    return ResearchTable(handle).to_dataframe()


def synthetic_table(table: str, count: int, *, seed: int = 1, first_index: int = 0,
                    on: _dt.date | None = None, frame: bool = True, policy: dict[str, Any] | None = None,
                    **population: Any):
    """A research table over `count` seeded synthetic cases (stored nowhere): a DataFrame,
    or with frame=False the ResearchTable. population: first_day, span_days,
    case_workers, office. `on`: the day the copies are anonymised as of. `policy`: the
    posts and levels of the caseload table (R15)."""
    options: dict[str, Any] = {"count": count, "first_index": first_index, "population": {"seed": seed, **population}}
    if on is not None:
        options["on"] = on
    if policy is not None:
        options["policy"] = policy
    t = ResearchTable(_jmdcm.Table.synthetic(table, _codec.dumps(options)))
    return t.to_dataframe() if frame else t
