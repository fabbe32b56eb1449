"""Issue 20, item 4: research tables as CSV and Stata files, with the categories' value
labels, through ResearchTable.write and `python3 -m jmdcm export`. Only research tables
(anonymised copies) can be written."""
import datetime as dt
import os
import subprocess
import sys

import pandas as pd
import pytest

import jmdcm

ON = dt.date(2026, 1, 1)


def test_csv_keeps_names_dates_and_missing(tmp_path):
    table = jmdcm.synthetic_table("goals", 200, seed=3, on=ON, frame=False)
    path = tmp_path / "goals.csv"
    table.write(str(path), "csv")
    back = pd.read_csv(path)
    assert list(back.columns) == table.names and len(back) == table.rows
    assert set(back["achievement"].dropna()) <= {"achieved", "partly", "not_achieved", "dropped"}
    dropped = back["achievement"] == "dropped"
    assert dropped.any() and back.loc[dropped, "gas_score"].isna().all()   # no GAS level: an empty cell


def test_stata_carries_value_labels_and_dates(tmp_path):
    table = jmdcm.synthetic_table("cases", 300, seed=3, on=ON, frame=False)
    path = tmp_path / "cases.dta"
    table.write(str(path), "stata")
    back = pd.read_stata(path)   # categoricals from the value labels
    assert len(back) == table.rows
    assert isinstance(back["closure_reason"].dtype, pd.CategoricalDtype)
    assert "goals_reached" in back["closure_reason"].cat.categories
    assert back["case_id"].str.startswith("SYN-").all()       # ids as text, not labelled codes ("case" is Stata's)
    assert pd.api.types.is_datetime64_any_dtype(back["opened"])
    original = table.to_dataframe()
    assert (back["closure_reason"].astype(str).replace("nan", None).fillna("") ==
            original["closure_reason"].astype(str).replace("nan", None).fillna("")).all()
    with pd.io.stata.StataReader(path) as reader:
        labels = reader.value_labels()
    assert any("ended_by_young_person" in v.values() for v in labels.values())


def test_an_unknown_format_is_refused(tmp_path):
    table = jmdcm.synthetic_table("goals", 10, seed=3, on=ON, frame=False)
    with pytest.raises(ValueError, match="csv or stata"):
        table.write(str(tmp_path / "x"), "xlsx")


def test_the_command_line_writes_from_a_store_and_from_synthetic_cases(tmp_path):
    store_path = tmp_path / "cases.sqlite"
    with jmdcm.Store.sqlite(str(store_path), today=dt.date(2017, 1, 10)) as store:
        store.samira(jmdcm.Actor("fachkraft-1"))
    env = {**os.environ}
    run = lambda *args: subprocess.run([sys.executable, "-m", "jmdcm", "export", *args], capture_output=True, text=True, env=env)
    done = run("--table", "phases", "--format", "stata", "--out", str(tmp_path / "p.dta"), "--on", "2018-01-01",
               "--store", str(store_path), "--actor", "tl-1", "--role", "team_lead")
    assert done.returncode == 0, done.stderr
    assert len(pd.read_stata(tmp_path / "p.dta")) >= 5
    done = run("--table", "goals", "--out", str(tmp_path / "g.csv"), "--on", "2026-01-01", "--synthetic", "50")
    assert done.returncode == 0 and "rows of goals (csv)" in done.stdout, done.stderr
    refused = run("--table", "goals", "--out", str(tmp_path / "n.csv"), "--on", "2026-01-01",
                  "--store", str(tmp_path / "missing.sqlite"), "--actor", "st-1")
    assert refused.returncode != 0 and "no store at" in refused.stderr
    assert not (tmp_path / "missing.sqlite").exists()
    empty = run("--table", "goals", "--format", "stata", "--out", str(tmp_path / "e.dta"), "--on", "2018-01-01",
                 "--store", str(store_path), "--actor", "st-1")   # the statistics role sees no case that is not anonymised
    assert empty.returncode != 0 and "has no rows" in empty.stderr
    refused = run("--table", "persons", "--out", str(tmp_path / "x.csv"), "--on", "2026-01-01", "--synthetic", "5")
    assert refused.returncode != 0 and "invalid choice" in refused.stderr


def test_the_command_line_writes_the_caseload_table_with_a_policy_file(tmp_path):
    """Issue 20, R15: the staffing comes from a policy file; a wrong one is refused by name."""
    store_path = tmp_path / "cases.sqlite"
    with jmdcm.Store.sqlite(str(store_path), today=dt.date(2017, 1, 10)) as store:
        store.samira(jmdcm.Actor("fachkraft-1"))
    (tmp_path / "policy.json").write_text('{"posts": [{"case_worker": "fachkraft-1", "share": 0.5}]}')
    (tmp_path / "bad.json").write_text('{"posts": [{"case_worker": "fachkraft-1", "share": 5}]}')
    run = lambda *args: subprocess.run([sys.executable, "-m", "jmdcm", "export", "--table", "caseload", "--on", "2016-12-15",
                                        "--store", str(store_path), "--actor", "tl-1", "--role", "team_lead", *args],
                                       capture_output=True, text=True)
    done = run("--out", str(tmp_path / "c.csv"), "--policy", str(tmp_path / "policy.json"))
    assert done.returncode == 0, done.stderr
    last = pd.read_csv(tmp_path / "c.csv").iloc[-1]
    assert (last["case_worker"], last["month"], last["running"], last["share_percent"]) == ("fachkraft-1", "2016-12-01", 1, 50)
    refused = run("--out", str(tmp_path / "d.csv"), "--policy", str(tmp_path / "bad.json"))
    assert refused.returncode != 0 and "options.policy.posts[0].share" in refused.stderr
    missing = run("--out", str(tmp_path / "e.csv"), "--policy", str(tmp_path / "none.json"))
    assert missing.returncode != 0 and "none.json" in missing.stderr
