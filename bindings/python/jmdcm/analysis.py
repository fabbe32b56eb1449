"""Evaluation analyses over the research tables (issue 20), with numpy and pandas only (no
scipy: Debian's would pull a second Boost). The notebook and the tests use the same functions,
so a test of the structure the synthetic population carries tests the notebook's figures too.

Intervals are normal approximations (Wilson's for shares), fine for the hundreds of cases an
office has and the thousands of a synthetic population; they are not exact for tiny groups.
"""
from __future__ import annotations

import math
from typing import Sequence

from ._optional import need

__all__ = ["Z95", "mean_ci", "wilson_ci", "achievement_by_area", "change_first_to_last", "weighted_kappa",
           "agreement_by_round", "kaplan_meier", "months_to_closure"]

Z95 = 1.959963984540054  # the 97.5% point of the standard normal


def mean_ci(values, z: float = Z95) -> tuple[float, float, float, int]:
    """Mean with its normal-approximation interval: (mean, low, high, n)."""
    np = need("numpy", "the analyses")
    v = np.asarray(values, dtype=float)
    v = v[~np.isnan(v)]
    n = len(v)
    if n == 0:
        return (math.nan, math.nan, math.nan, 0)
    mean = float(v.mean())
    half = z * float(v.std(ddof=1)) / math.sqrt(n) if n > 1 else math.nan
    return (mean, mean - half, mean + half, n)


def wilson_ci(hits: int, n: int, z: float = Z95) -> tuple[float, float, float]:
    """A share with Wilson's score interval: (share, low, high)."""
    if n == 0:
        return (math.nan, math.nan, math.nan)
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (p, centre - half, centre + half)


def achievement_by_area(goals):
    """Share of reviewed goals achieved per life area, with Wilson intervals."""
    pd = need("pandas", "the analyses")
    reviewed = goals.dropna(subset=["achievement", "area"])
    rows = []
    for area, group in reviewed.groupby("area", observed=True):
        hits = int((group["achievement"] == "achieved").sum())
        share, low, high = wilson_ci(hits, len(group))
        rows.append({"area": area, "achieved": share, "low": low, "high": high, "goals": len(group)})
    return pd.DataFrame(rows).set_index("area").sort_values("achieved")


def change_first_to_last(assessments):
    """Per life area and perspective: the mean change of the self-help score from the first
    assessment (round 0) to the last re-assessment of the same case, with its interval."""
    pd = need("pandas", "the analyses")
    keys = ["case", "area", "perspective"]
    last_round = assessments.groupby("case", observed=True)["round"].transform("max")
    first = assessments[assessments["round"] == 0].set_index(keys)["score"]
    last = assessments[(assessments["round"] == last_round) & (last_round > 0)].set_index(keys)["score"]
    change = (last - first).dropna().rename("change").reset_index()
    rows = []
    for (area, perspective), group in change.groupby(["area", "perspective"], observed=True):
        mean, low, high, n = mean_ci(group["change"])
        rows.append({"area": area, "perspective": perspective, "change": mean, "low": low, "high": high, "cases": n})
    return pd.DataFrame(rows).set_index(["area", "perspective"])


def weighted_kappa(a: Sequence[int], b: Sequence[int], categories: Sequence[int], weights: str = "quadratic") -> float:
    """Cohen's weighted kappa of two raters over ordered categories (1 = agreement beyond
    chance, 0 = none). weights: "quadratic" or "linear" disagreement weights."""
    np = need("numpy", "the analyses")
    index = {c: i for i, c in enumerate(categories)}
    k = len(categories)
    observed = np.zeros((k, k))
    for x, y in zip(a, b):
        observed[index[x], index[y]] += 1
    n = observed.sum()
    if n == 0:
        return math.nan
    observed /= n
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    i, j = np.indices((k, k))
    distance = np.abs(i - j) / max(k - 1, 1)
    w = distance ** 2 if weights == "quadratic" else distance
    denominator = (w * expected).sum()
    return float(1 - (w * observed).sum() / denominator) if denominator else 1.0


def agreement_by_round(assessments, scale: Sequence[int] = (1, 2, 3, 4, 5)):
    """Agreement between the young person's and the case worker's rating of the same case, area
    and round: quadratic weighted kappa and the Bland-Altman bias (young person minus worker)
    with its 95% limits of agreement."""
    pd = need("pandas", "the analyses")
    wide = assessments.pivot_table(index=["case", "round", "area"], columns="perspective", values="score",
                                   observed=True).dropna(subset=["young_person", "case_worker"])
    rows = []
    for rnd, group in wide.groupby(level="round"):
        diff = group["young_person"] - group["case_worker"]
        sd = float(diff.std(ddof=1)) if len(diff) > 1 else math.nan
        bias = float(diff.mean())
        rows.append({"round": rnd, "pairs": len(group),
                     "kappa": weighted_kappa(group["young_person"].astype(int), group["case_worker"].astype(int), scale),
                     "bias": bias, "limit_low": bias - Z95 * sd, "limit_high": bias + Z95 * sd})
    return pd.DataFrame(rows).set_index("round")


def kaplan_meier(durations, observed):
    """The Kaplan-Meier estimate: for each time with an event, the share still without one.
    durations: time to the event or to censoring; observed: True where the event happened."""
    np = need("numpy", "the analyses")
    pd = need("pandas", "the analyses")
    t = np.asarray(durations, dtype=float)
    e = np.asarray(observed, dtype=bool)
    rows, survival = [], 1.0
    for time in np.unique(t[e]):
        at_risk = int((t >= time).sum())
        events = int(((t == time) & e).sum())
        survival *= 1 - events / at_risk
        rows.append({"time": time, "at_risk": at_risk, "events": events, "survival": survival})
    return pd.DataFrame(rows, columns=["time", "at_risk", "events", "survival"])


def months_to_closure(cases, on):
    """Whole months from opening to closure (dates are month-coarse in the research tables),
    censored at `on` for running cases: (months, closed)."""
    pd = need("pandas", "the analyses")
    cm = cases[cases["kind"] == "cm"]
    end = cm["closed"].fillna(pd.Timestamp(on))
    months = (end.dt.year - cm["opened"].dt.year) * 12 + (end.dt.month - cm["opened"].dt.month)
    return months.to_numpy(), cm["closed"].notna().to_numpy()
