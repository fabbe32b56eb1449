"""The handbook's worked example (Samira) end to end through Python."""
import datetime as dt

import pytest

import jmdcm

CASE_ID = "JMD-FFM-2016-0042"


def test_worked_example_runs_into_a_sqlite_file_and_reads_back(sqlite_store, worker):
    store, _ = sqlite_store
    samira = store.samira(worker)
    assert samira.id == CASE_ID
    assert samira.phase is jmdcm.Phase.closure
    assert samira.kind is jmdcm.CaseKind.cm
    assert samira.closure_reason is jmdcm.ClosureReason.ended_by_young_person
    assert samira.opened == dt.date(2016, 9, 12) and isinstance(samira.closed, dt.date)
    assert store.load(worker, CASE_ID) == samira
    report = samira.requirements()
    assert (report["met"], report["total"]) == (9, 9)
    summaries = store.query(worker)
    assert [s["id"] for s in summaries] == [CASE_ID]
    assert isinstance(summaries[0]["last_contact"], dt.date)


def test_a_team_lead_gets_the_report_but_not_the_file(sqlite_store, worker):
    store, _ = sqlite_store
    store.samira(worker)
    lead = jmdcm.Actor("teamleitung", jmdcm.Role.team_lead)
    assert store.requirements(lead, CASE_ID)["met"] == 9
    with pytest.raises(jmdcm.AccessDeniedError) as refused:
        store.load(lead, CASE_ID)
    assert refused.value.rule == "R4" and refused.value.field == "actor"


def test_steps_from_a_new_case_with_dates_and_enums(worker):
    case = jmdcm.Case.open("PY-1", "JMD Test", worker.id, dt.date(2020, 1, 6))
    assert case.phase is jmdcm.Phase.intake and case.version == 0
    consent = {"consent": {"given_on": dt.date(2020, 1, 6), "form_language": "de", "form_version": "1",
                           "text_sha256": "7db886f15325eb9bad07defb33177fb41ff86e0d3ebbb8117a222fd02f9a1f15",
                           "purpose": "Beratung", "consequences_explained": True},
               "birth_date": dt.date(2000, 1, 1)}
    consented = case.step("record_consent", consent)
    assert consented.document["consent"]["given_on"] == "2020-01-06"
    assert case.document.get("consent") is None  # steps return a new case
    with pytest.raises(jmdcm.ReleaseRequiredError) as refused:  # R4
        consented.step("refer", {"date": dt.date(2020, 2, 1), "recipient": "Jobcenter", "offer": "Beratung"})
    assert refused.value.rule == "R4" and "Jobcenter" in str(refused.value)
    gate = jmdcm.rule("phase_gate", {"case": consented, "to": jmdcm.Phase.assessment, "on": dt.date(2020, 2, 1)})
    assert any("R6" in missing or "screening" in missing for missing in gate)


def test_optimistic_versions_and_conflicts(worker):
    with jmdcm.Store.memory() as store:
        first = store.create(worker, jmdcm.Case.open("PY-2", "JMD Test", worker.id, dt.date(2020, 1, 6)))
        second = store.save(worker, first)
        assert (first.version, second.version) == (1, 2)
        with pytest.raises(jmdcm.ConflictError):
            store.save(worker, first)


def test_a_closed_store_refuses_calls(worker):
    store = jmdcm.Store.memory()
    store.close()
    with pytest.raises(jmdcm.InvalidArgumentError):
        store.query(worker)


def test_outcome_scores_of_the_worked_example(worker):  # R11: every goal reached, T = 50
    with jmdcm.Store.memory() as store:
        samira = store.samira(worker)
    scores = jmdcm.rule("gas_scores", samira)
    assert [s["score"] for s in scores] == [0] * 5
    assert jmdcm.rule("gas_t_score", {"scores": scores})["t_score"] == pytest.approx(50.0)
    assert jmdcm.rule("gas_t_score", {"scores": [{"goal_id": "G1", "score": 1, "weight": 1},
                                                  {"goal_id": "G2", "score": -1, "weight": 2},
                                                  {"goal_id": "G3", "score": 2, "weight": 1}]})["t_score"] == pytest.approx(50 + 10 / 3)
