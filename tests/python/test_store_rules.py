"""The rules hold at the store through Python: steps on stored cases, checked saves, the
audit trail, and several threads on one handle (a hang fails the test)."""
import datetime as dt
import threading

import pytest

import jmdcm

CASE_ID = "JMD-FFM-2016-0042"


def test_a_step_on_a_stored_case_runs_under_its_rule_in_the_store(sqlite_store, worker):
    store, _ = sqlite_store
    samira = store.samira(worker)
    reopened = store.step(worker, CASE_ID, "reopen_case", {"on": dt.date(2017, 4, 3)})
    assert reopened.version == samira.version + 1
    assert reopened.phase is jmdcm.Phase.implementation
    with pytest.raises(jmdcm.ReleaseRequiredError) as refused:  # R4: no release for this recipient
        store.step(worker, CASE_ID, "refer", {"date": dt.date(2017, 4, 4), "recipient": "Nirgendwo", "offer": "x"})
    assert refused.value.rule == "R4"
    with pytest.raises(jmdcm.ConflictError):
        store.step(worker, CASE_ID, "reopen_case", {"on": dt.date(2017, 4, 3)}, expected_version=samira.version)
    assert store.load(worker, CASE_ID).version == reopened.version


def _raw_save_of_samira(store, worker, error, **changes):
    """Saves the worked example with `changes` written straight into the document; returns
    the refusal, which must be `error`."""
    samira = store.samira(worker)
    with pytest.raises(error) as refused:
        store.save(worker, jmdcm.Case(dict(samira.document, **changes)))
    return refused.value


def test_a_raw_save_cannot_hand_the_case_to_a_colleague(sqlite_store, worker):
    store, _ = sqlite_store
    refused = _raw_save_of_samira(store, worker, jmdcm.ReleaseRequiredError, case_worker="fachkraft-2")
    assert refused.rule == "R4" and refused.field == "case.case_worker"
    colleague = jmdcm.Actor("fachkraft-2", jmdcm.Role.case_worker)
    with pytest.raises(jmdcm.NotFoundError):  # another's case looks like a missing one
        store.load(colleague, CASE_ID)


def test_a_save_cannot_mark_a_case_anonymised_and_keep_the_name(sqlite_store, worker):
    store, _ = sqlite_store
    refused = _raw_save_of_samira(store, worker, jmdcm.CaseAnonymisedError, anonymised_on="2017-04-01")
    assert refused.rule == "R13" and refused.field == "case.anonymised_on"


def test_the_audit_trail_is_a_dataframe_without_values(sqlite_store, worker):
    store, _ = sqlite_store
    store.samira(worker)
    store.load(worker, CASE_ID)
    lead = jmdcm.Actor("teamleitung", jmdcm.Role.team_lead)
    trail = store.audit(lead, case_id=CASE_ID, operation="load")
    assert list(trail.columns) == ["at", "actor", "role", "case_id", "operation", "allowed", "detail"]
    assert len(trail) == 1 and trail.iloc[0]["actor"] == worker.id
    everything = store.audit(lead)
    assert not everything["detail"].str.contains("Samira").any()
    with pytest.raises(jmdcm.AccessDeniedError):
        store.audit(jmdcm.Actor("st", jmdcm.Role.statistics))


def test_threads_share_one_sqlite_handle_without_a_deadlock(tmp_path, worker):
    with jmdcm.Store.sqlite(str(tmp_path / "threads.sqlite"), today=dt.date(2017, 1, 10)) as store:
        store.samira(worker)
        errors = []

        def reader():
            try:
                for _ in range(50):
                    store.load(worker, CASE_ID)
                    store.query(worker)
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)

        threads = [threading.Thread(target=reader, daemon=True) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not any(t.is_alive() for t in threads), "threads hung on one store handle"
        assert errors == []
