"""Research export: shapes, types and values of the columns and DataFrames."""
import datetime as dt

import numpy as np
import pandas as pd
import pytest

import jmdcm


def test_columns_are_int32_views_and_frames_have_pandas_types():
    table = jmdcm.synthetic_table("assessments", 300, seed=5, frame=False)
    assert table.name == "assessments" and table.rows > 300 * 9
    assert table.names == ["case", "round", "date", "area", "perspective", "score"]
    raw = table.column("score")
    assert raw.dtype == np.int32 and raw.shape == (table.rows,) and not raw.flags.writeable
    frame = table.to_dataframe()
    assert frame.shape == (table.rows, 6)
    assert str(frame["area"].dtype) == "category"
    assert list(frame["area"].cat.categories) == [a.value for a in jmdcm.LifeArea]
    assert str(frame["date"].dtype).startswith("datetime64")
    assert frame["score"].between(1, 5).all()
    np.testing.assert_array_equal(frame["score"].to_numpy(), raw)
    np.testing.assert_array_equal(frame["area"].cat.codes.to_numpy(), table.column("area"))
    columns = table.columns()
    assert columns["date"].dtype == np.dtype("datetime64[D]")


def test_the_same_seed_gives_the_same_frame_and_another_seed_another():
    a = jmdcm.synthetic_table("cases", 200, seed=11)
    b = jmdcm.synthetic_table("cases", 200, seed=11)
    c = jmdcm.synthetic_table("cases", 200, seed=12)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)


def test_missing_values_become_nat_and_na():
    cases = jmdcm.synthetic_table("cases", 200, seed=2)
    running = cases["closure_reason"].isna()
    assert running.any() and (~running).any()
    assert cases.loc[running, "closed"].isna().all()
    assert cases.loc[~running, "closed"].notna().all()
    assert str(cases["life_situation_improved"].dtype) == "boolean"
    assert (cases["closed"].dropna() >= cases.loc[cases["closed"].notna(), "opened"]).all()


def test_every_table_and_their_links():
    frames = {name: jmdcm.synthetic_table(name, 400, seed=9) for name in jmdcm.TABLES}
    ids = set(frames["cases"]["case"].astype(str))
    assert len(ids) == 400
    for name in ("goals", "assessments", "supply_gaps"):
        assert len(frames[name]) > 0
        assert set(frames[name]["case"].astype(str)) <= ids
    # the per-case counts agree with the long tables
    goals_per_case = frames["goals"].groupby("case", observed=True).size()
    cases = frames["cases"].set_index(frames["cases"]["case"].astype(str))
    for case_id, n in goals_per_case.items():
        assert cases.loc[str(case_id), "goals"] == n


def test_store_export_holds_only_anonymised_copies(worker):
    with jmdcm.Store.memory() as store:
        samira = store.samira(worker)
        store.generate(worker, 30, seed=4)
        frame = store.export(worker, "cases", on=dt.date(2030, 1, 1))
        assert len(frame) == 31
        row = frame[frame["case"] == samira.id].iloc[0]
        assert row["age_band_at_intake"] == "from_21_to_24" and pd.isna(row["birth_year"])  # one age (R13)
        assert row["opened"] == pd.Timestamp(2016, 9, 1)  # month only
        assert row["closure_reason"] == "ended_by_young_person"
        statistics = jmdcm.Actor("st", jmdcm.Role.statistics)
        only_anonymised = store.export(statistics, "cases", on=dt.date(2030, 1, 1))
        assert samira.id not in set(only_anonymised["case"].astype(str))
        assert len(store.export(worker, "cases", on=dt.date(2030, 1, 1), running=True)) < 31


def test_caseload_table_follows_the_posts_of_the_policy(worker):
    """Issue 20, R15: running CM cases per worker and month, per full-time post."""
    policy = {"posts": [{"case_worker": "fk-02", "share": 0.5}]}
    frame = jmdcm.synthetic_table("caseload", 300, seed=4, case_workers=2, on=dt.date(2026, 1, 15), policy=policy)
    assert list(frame.columns) == ["case_worker", "month", "running", "share_percent", "per_full_time_post", "level"]
    assert (frame["month"].dt.day == 1).all()
    per_worker = frame.groupby("case_worker", observed=True)
    assert per_worker.size().nunique() == 1   # every worker has every month
    last = frame[frame["month"] == frame["month"].max()].set_index("case_worker")
    assert last.loc["fk-02", "share_percent"] == 50 and last.loc["fk-01", "share_percent"] == 100
    assert last.loc["fk-02", "per_full_time_post"] == round(last.loc["fk-02", "running"] / 0.5)
    with jmdcm.Store.memory() as store:
        store.generate(worker, 20, seed=4)
        lead = jmdcm.Actor("tl", jmdcm.Role.team_lead)
        table = store.export(lead, "caseload", dt.date(2030, 1, 1), policy={"posts": [{"case_worker": worker.id, "share": 0.25}]})
        report = store.caseload(lead, policy={"posts": [{"case_worker": worker.id, "share": 0.25}]})
        assert table["running"].iloc[-1] == report[0]["running"] and table["share_percent"].iloc[-1] == 25
        with pytest.raises(jmdcm.PolicyInvalidError, match="options.policy.posts"):
            store.export(lead, "caseload", dt.date(2030, 1, 1), policy={"posts": [{"case_worker": "", "share": 1}]})


def test_unknown_table_is_refused():
    with pytest.raises(jmdcm.InvalidArgumentError):
        jmdcm.synthetic_table("people", 10)


def test_statistics_suppress_small_cells(worker):
    lead = jmdcm.Actor("tl", jmdcm.Role.team_lead)
    with jmdcm.Store.memory() as store:
        store.generate(worker, 200, seed=6)
        report = store.statistics(lead, dt.date(2030, 1, 1), min_cell=5)
        assert report["min_cell"] == 5
        reasons = report["tables"][0]
        assert reasons["name"] == "cases_by_closure_reason"
        published = [row[0]["count"] for row in reasons["cells"] if not row[0]["suppressed"]]
        assert all(n == 0 or n >= 5 for n in published)
        with pytest.raises(jmdcm.InvalidArgumentError):
            store.statistics(lead, dt.date(2030, 1, 1), min_cell=0)
