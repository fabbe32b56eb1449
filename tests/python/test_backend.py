"""The store's contract over a host's backend written in Python (a dict and Python's sqlite3),
next to the library's own stores: the same calls give the same answers, the rules hold, and
what a Python backend raises or answers wrongly comes back as a clear error."""
import datetime as dt
import json

import pytest

import jmdcm
from host_backends import DictBackend, Sqlite3Backend

CASE_ID = "JMD-FFM-2016-0042"
TODAY = dt.date(2017, 1, 10)
LEAD = jmdcm.Actor("tl-1", jmdcm.Role.team_lead)
ADMIN = jmdcm.Actor("ad-1", jmdcm.Role.administrator)


@pytest.fixture(params=["memory", "sqlite", "dict", "python-sqlite3"])
def store(request, tmp_path):
    kind = request.param
    if kind == "memory":
        s = jmdcm.Store.memory(today=TODAY)
    elif kind == "sqlite":
        s = jmdcm.Store.sqlite(str(tmp_path / "lib.sqlite"), today=TODAY)
    elif kind == "dict":
        s = jmdcm.Store.backend(DictBackend(), today=TODAY)
    else:
        s = jmdcm.Store.backend(Sqlite3Backend(str(tmp_path / "host.sqlite")), today=TODAY)
    with s:
        yield s


def _new_case(case_id, worker="fachkraft-1"):
    return jmdcm.Case({"schema": 1, "id": case_id, "version": 0, "office": "JMD", "case_worker": worker, "kind": "cm",
                       "phase": "intake", "opened": "2017-01-06", "last_activity": "2017-01-06"})


def test_versions_conflicts_and_missing_cases(store, worker):
    created = store.create(worker, _new_case("C-1"))
    assert created.version == 1
    saved = store.save(worker, created)
    assert saved.version == 2
    with pytest.raises(jmdcm.ConflictError):
        store.save(worker, created)
    with pytest.raises(jmdcm.AlreadyExistsError):
        store.create(worker, _new_case("C-1"))
    with pytest.raises(jmdcm.NotFoundError):
        store.load(worker, "nope")
    assert store.load(worker, "C-1").version == 2


def test_a_case_worker_sees_only_their_cases(store, worker):
    store.create(worker, _new_case("C-1"))
    colleague = jmdcm.Actor("fachkraft-2", jmdcm.Role.case_worker)
    store.create(colleague, _new_case("C-2", "fachkraft-2"))
    assert [r["id"] for r in store.query(worker)] == ["C-1"]
    assert [r["id"] for r in store.query(LEAD)] == ["C-1", "C-2"]
    assert [r["id"] for r in store.query(LEAD, limit=1)] == ["C-1"]
    with pytest.raises(jmdcm.NotFoundError):  # R4: another's case looks missing
        store.load(worker, "C-2")


def test_the_worked_example_steps_sweep_and_audit(store, worker):
    samira = store.samira(worker)
    assert store.requirements(LEAD, CASE_ID)["met"] == 9
    reopened = store.step(worker, CASE_ID, "reopen_case", {"on": dt.date(2017, 1, 10)})
    assert reopened.version == samira.version + 1
    with pytest.raises(jmdcm.ReleaseRequiredError):  # R4 through a store-side step
        store.step(worker, CASE_ID, "refer", {"date": dt.date(2017, 1, 10), "recipient": "Nirgendwo", "offer": "x"})
    report = store.sweep(ADMIN, dt.date(2030, 1, 1))
    assert report["closed_no_contact"] == [CASE_ID]  # R13: reopened, then no contact for years
    assert "Samira" not in store.load(ADMIN, CASE_ID).to_json()
    trail = store.audit(ADMIN, case_id=CASE_ID)
    assert len(trail) > 3 and not trail["detail"].str.contains("Samira").any()


def test_capabilities_say_what_a_backend_promises(store):
    caps = store.capabilities()
    assert set(caps) == {"name", "erases", "erasure_gaps", "keeps_audit", "writable", "sealed"}
    assert caps["writable"] is True and caps["sealed"] is False
    if caps["name"] == "python-sqlite3":
        assert caps["erases"] is False and "nightly" in caps["erasure_gaps"]
    else:
        assert caps["erases"] is True


class Faulty(DictBackend):
    name = "faulty"
    fault = None

    def get_case(self, case_id):
        if self.fault == "garbage":
            return "{not json"
        if self.fault == "other":
            return next(iter(self.cases.values()))[1]
        return super().get_case(case_id)

    def put_case(self, case_id, version, expected_version, row, erases):
        if self.fault == "raise":
            raise OSError("the host's disk is full")
        super().put_case(case_id, version, expected_version, row, erases)

    def find_cases(self, query):
        if self.fault == "none":
            return [None]
        return super().find_cases(query)


def test_what_a_python_backend_raises_or_answers_wrongly_is_a_clear_error(worker):
    backend = Faulty()
    with jmdcm.Store.backend(backend, today=TODAY) as store:
        store.create(worker, _new_case("A"))
        created = store.create(worker, _new_case("B"))
        backend.fault = "raise"
        with pytest.raises(jmdcm.StorageError) as e:
            store.save(worker, created)
        assert "put_case" in e.value.message and "OSError: the host's disk is full" in e.value.message
        backend.fault = "garbage"
        with pytest.raises(jmdcm.StorageCorruptError, match="get_case"):
            store.load(worker, "B")
        backend.fault = "other"
        with pytest.raises(jmdcm.StorageCorruptError, match="answered case 'A' for case 'B'"):
            store.load(worker, "B")
        backend.fault = "none"
        with pytest.raises(jmdcm.StorageCorruptError, match="NULL"):
            store.query(LEAD)
        backend.fault = None
        assert store.load(worker, "B").version == 1  # nothing stored was lost


def test_a_backend_without_an_audit_log_needs_the_hosts_audit(worker):
    class NoAudit(DictBackend):
        keeps_audit = False

    with jmdcm.Store.backend(NoAudit(), today=TODAY) as store:
        with pytest.raises(jmdcm.StorageReadonlyError):
            store.create(worker, _new_case("A"))
    records = []
    with jmdcm.Store.backend(NoAudit(), audit=records.append, today_hook=lambda: "2017-01-10") as store:
        store.create(worker, _new_case("A"))
        store.load(worker, "A")
    assert [json.loads(r)["operation"] for r in records] == ["create", "load"]
