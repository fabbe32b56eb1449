"""Store.postgres against the test cluster: the worked example, the rules, the capabilities."""
import datetime as dt
import os
import subprocess
import uuid

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


def test_a_bad_connection_string_is_a_storage_error():
    with pytest.raises(jmdcm.StorageError, match="cannot connect"):
        jmdcm.Store.postgres("host=/nonexistent-socket-dir user=nobody dbname=none connect_timeout=2")
