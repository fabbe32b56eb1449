# The package comes from the build tree: ctest sets PYTHONPATH to <build>/python.
import datetime as dt

import pytest

import jmdcm


@pytest.fixture
def worker():
    return jmdcm.Actor("fachkraft-1", jmdcm.Role.case_worker)


@pytest.fixture
def admin():
    return jmdcm.Actor("admin-1", jmdcm.Role.administrator)


@pytest.fixture
def sqlite_store(tmp_path):
    with jmdcm.Store.sqlite(str(tmp_path / "cases.sqlite"), today=dt.date(2017, 1, 10)) as store:
        yield store, tmp_path / "cases.sqlite"
