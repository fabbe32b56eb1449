"""Store.postgres against the test cluster: the worked example, the rules, the capabilities."""
import datetime as dt
import json
import os
import subprocess
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

import jmdcm

CASE_ID = "JMD-FFM-2016-0042"


@pytest.fixture
def store():
    base = os.environ["JMDCM_TEST_PG"]
    schema = "py_" + uuid.uuid4().hex[:12]
    # the library creates its tables in the first schema of the search path; the schema itself
    # is the operator's to create (here with psql)
    subprocess.run(["psql", "-q", "-X", base, "-c", f"CREATE SCHEMA {schema}"], check=True)
    with jmdcm.Store.postgres(f"{base} options=-csearch_path={schema}", today=dt.date(2017, 1, 10)) as s:
        yield s


def test_the_worked_example_runs_on_the_server(store, worker):
    store.samira(worker)
    assert store.requirements(jmdcm.Actor("tl-1", jmdcm.Role.team_lead), CASE_ID)["met"] == 9
    with pytest.raises(jmdcm.NotFoundError):  # R4: another worker's case looks missing
        store.load(jmdcm.Actor("fachkraft-2"), CASE_ID)
    caps = store.capabilities()
    assert caps["name"] == "postgresql" and caps["erases"] is False and "backups" in caps["erasure_gaps"]


def test_per_case_keys_on_the_server(worker):
    base = os.environ["JMDCM_TEST_PG"]
    schema = "py_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", "-q", "-X", base, "-c", f"CREATE SCHEMA {schema}"], check=True)
    kek = jmdcm.LocalKek("kek-1", jmdcm.generate_kek())
    conninfo = f"{base} options=-csearch_path={schema}"
    with jmdcm.Store.postgres(conninfo, today=dt.date(2017, 1, 10), kek=kek, key_store=schema + "_keys") as s:
        s.samira(worker)
        assert s.load(worker, CASE_ID).person["given_name"] == "Samira"
    docs = subprocess.run(["psql", "-q", "-X", "-A", "-t", conninfo, "-c", "SELECT doc::text FROM cases"],
                          check=True, capture_output=True, text=True).stdout
    assert '"sealed": 1' in docs and "Samira" not in docs
    with jmdcm.Store.postgres(conninfo, key_store=schema + "_keys",
                              kek=jmdcm.LocalKek("kek-1", jmdcm.generate_kek())) as s:
        with pytest.raises(jmdcm.KeyInvalidError):
            s.load(worker, CASE_ID)
    # KEK rotation on the server: every key re-wrapped, the cases untouched
    new = jmdcm.LocalKek("kek-2", jmdcm.generate_kek())
    assert jmdcm.rotate_keys_postgres(base, kek, new, key_store=schema + "_keys") == 1
    assert '"sealed": 1' in docs and docs == subprocess.run(
        ["psql", "-q", "-X", "-A", "-t", conninfo, "-c", "SELECT doc::text FROM cases"],
        check=True, capture_output=True, text=True).stdout
    with jmdcm.Store.postgres(conninfo, kek=new, key_store=schema + "_keys") as s:
        assert s.load(worker, CASE_ID).person["given_name"] == "Samira"
    with jmdcm.Store.postgres(conninfo, kek=kek, key_store=schema + "_keys") as s:
        with pytest.raises(jmdcm.KeyInvalidError, match="kek-2"):   # the old KEK no longer opens it
            s.load(worker, CASE_ID)


def test_a_bad_connection_string_is_a_storage_error():
    with pytest.raises(jmdcm.StorageError, match="cannot connect"):
        jmdcm.Store.postgres("host=/nonexistent-socket-dir user=nobody dbname=none connect_timeout=2")


def test_threads_share_one_pooled_store_and_lose_no_step(worker):
    base = os.environ["JMDCM_TEST_PG"]
    schema = "py_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", "-q", "-X", base, "-c", f"CREATE SCHEMA {schema}"], check=True)
    entry = {"date": dt.date(2017, 1, 10), "kind": "phone", "topic": "counselling", "with_young_person": True,
             "with_whom": "", "note": "Anruf"}
    with jmdcm.Store.postgres(f"{base} options=-csearch_path={schema}", today=dt.date(2017, 1, 10), pool_size=3) as store:
        start = store.samira(worker)
        store.step(worker, CASE_ID, "reopen_case", {"on": dt.date(2017, 1, 10)})
        # the GIL is released during a call: the steps run on up to three connections at once,
        # each retried when it lost a race on the shared case
        with ThreadPoolExecutor(max_workers=6) as pool:
            list(pool.map(lambda _: store.step(worker, CASE_ID, "add_journal_entry", entry), range(30)))
        final = store.load(worker, CASE_ID)
        assert final.version == start.version + 1 + 30
        assert len(json.loads(final.to_json())["journal"]) == len(json.loads(start.to_json())["journal"]) + 30


def test_a_pool_size_out_of_range_is_refused():
    with pytest.raises(jmdcm.InvalidArgumentError, match="options.pool_size"):
        jmdcm.Store.postgres("host=/nonexistent-socket-dir", pool_size=0)


def test_an_import_lands_whole_or_not_at_all(store, worker):
    samira = store.samira(worker)
    fresh = [jmdcm.Case(samira.to_json().replace(CASE_ID, f"IMP-{k}")) for k in range(3)]
    with pytest.raises(jmdcm.AlreadyExistsError, match="IMP-1"):   # twice among the new ones: nothing lands
        store.create_all(worker, fresh + [fresh[1]])
    with pytest.raises(jmdcm.NotFoundError):
        store.load(worker, "IMP-0")
    assert store.create_all(worker, fresh) == 3
    assert store.load(worker, "IMP-2").version == 1
