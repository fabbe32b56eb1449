"""Issue 20: the analyses (jmdcm.analysis) are right on small hand examples, and the structure
put into the synthetic population shows in their results, beyond the intervals."""
import datetime as dt
import math

import pytest

import jmdcm
from jmdcm import analysis

ON = dt.date(2026, 1, 1)


def test_kappa_and_intervals_on_hand_examples():
    assert analysis.weighted_kappa([1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]) == pytest.approx(1.0)
    # systematic disagreement by one step: well below perfect, above chance
    k = analysis.weighted_kappa([1, 2, 3, 4, 5] * 20, [2, 3, 4, 5, 5] * 20, [1, 2, 3, 4, 5])
    assert 0.5 < k < 1.0
    # raters that ignore each other: about zero
    assert abs(analysis.weighted_kappa([1, 5, 1, 5], [1, 1, 5, 5], [1, 2, 3, 4, 5])) < 1e-9
    share, low, high = analysis.wilson_ci(50, 100)
    assert share == 0.5 and low == pytest.approx(0.4038, abs=1e-3) and high == pytest.approx(0.5962, abs=1e-3)
    mean, low, high, n = analysis.mean_ci([1.0, 2.0, 3.0])
    assert (mean, n) == (2.0, 3) and low < 2.0 < high


def test_kaplan_meier_on_a_hand_example():
    # events at 1 and 3, censored at 2 and 4: S(1) = 3/4, S(3) = 3/4 * 1/2
    km = analysis.kaplan_meier([1, 2, 3, 4], [True, False, True, False])
    assert list(km["time"]) == [1, 3]
    assert list(km["at_risk"]) == [4, 2]
    assert km["survival"].iloc[-1] == pytest.approx(0.375)


@pytest.fixture(scope="module")
def tables():
    return {name: jmdcm.synthetic_table(name, 4000, seed=2026, on=ON) for name in ("cases", "goals", "assessments")}


def test_occupation_is_reached_less_often_than_leisure_beyond_the_interval(tables):
    by_area = analysis.achievement_by_area(tables["goals"])
    assert by_area.loc["occupation", "high"] < by_area.loc["leisure", "low"]
    assert by_area.loc["housing", "high"] < by_area.loc["leisure", "low"]


def test_perspectives_disagree_at_first_and_converge(tables):
    agreement = analysis.agreement_by_round(tables["assessments"])
    assert agreement.loc[0, "bias"] > 1.5          # the young person rates about two points higher at first
    assert agreement.loc[1, "bias"] < agreement.loc[0, "bias"] - 0.5
    assert agreement.loc[1, "kappa"] > agreement.loc[0, "kappa"]


def test_ratings_rise_more_where_goals_are_reached(tables):
    a, goals = tables["assessments"], tables["goals"]
    worker = a[a["perspective"] == "case_worker"]
    last = worker.groupby("case", observed=True)["round"].transform("max")
    first = worker[worker["round"] == 0].set_index(["case", "area"])["score"]
    final = worker[(worker["round"] == last) & (last > 0)].set_index(["case", "area"])["score"]
    change = (final - first).dropna().rename("change").reset_index()
    reached = goals.assign(achieved=goals["achievement"] == "achieved").groupby(["case", "area"], observed=True)["achieved"].any()
    joined = change.merge(reached.reset_index(), on=["case", "area"])
    with_goal = analysis.mean_ci(joined.loc[joined["achieved"], "change"])
    without = analysis.mean_ci(joined.loc[~joined["achieved"], "change"])
    assert with_goal[3] > 100 and without[3] > 100
    assert with_goal[1] > without[2]   # reached goals: the worker's rating rose more, beyond the intervals


def test_obstacles_and_time_to_closure(tables):
    cases = tables["cases"]
    closed = cases.dropna(subset=["closure_reason", "screening_obstacles"])
    few = closed[closed["screening_obstacles"].between(4, 5)]   # CM needs 4 or more (R6)
    many = closed[closed["screening_obstacles"] >= 8]
    reached = lambda frame: analysis.wilson_ci(int((frame["closure_reason"] == "goals_reached").sum()), len(frame))
    assert reached(many)[2] < reached(few)[1]
    months, observed = analysis.months_to_closure(cases, ON)
    km = analysis.kaplan_meier(months, observed)
    assert km["survival"].is_monotonic_decreasing and 0 < km["survival"].iloc[-1] < 1
    assert not math.isnan(km["survival"].iloc[0])


def test_a_researcher_changes_the_structure():
    flat = {"per_obstacle": 0, "duldung": 0, "areas": []}   # no area differs: every area neutral
    by_area = analysis.achievement_by_area(jmdcm.synthetic_table("goals", 3000, seed=5, on=ON, structure=flat))
    assert by_area.loc["occupation", "low"] < by_area.loc["leisure", "high"]   # the intervals overlap now
    assert by_area.loc["leisure", "low"] < by_area.loc["occupation", "high"]
    with pytest.raises(jmdcm.JsonUnknownFieldError, match="achieved_procent"):
        jmdcm.synthetic_table("goals", 10, structure={"achieved_procent": 10})
    with pytest.raises(jmdcm.InvalidArgumentError, match="structure.dropout_percent"):
        jmdcm.synthetic_table("goals", 10, structure={"dropout_percent": 101})


def test_t_scores_follow_the_closure_reason_and_phases_have_months():
    cases = jmdcm.synthetic_table("cases", 3000, seed=11, on=ON)
    scored = cases.dropna(subset=["gas_t_score", "closure_reason"])
    mean = scored.groupby("closure_reason", observed=True)["gas_t_score"].apply(lambda s: analysis.mean_ci(s.astype(float)))
    assert mean["goals_reached"][1] > mean["ended_by_young_person"][2]   # beyond the intervals
    phases = jmdcm.synthetic_table("phases", 300, seed=11, on=ON)
    assert set(phases["phase"].dropna()) >= {"intake", "screening", "assessment", "planning", "implementation"}
    assert (phases["months"].dropna() >= 0).all()
    assert phases.groupby("case", observed=True)["left"].apply(lambda s: s.isna().sum()).max() <= 1
