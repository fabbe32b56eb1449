"""R3 withdrawal and R13 anonymisation seen through Python: gone from the case and from the file."""
import datetime as dt

import pytest

import jmdcm

FAMILY_NAME = "Quvirazor"  # invented: must vanish from the SQLite file


def _consented_case(worker):
    case = jmdcm.Case.open("PY-ERASE", "JMD Test", worker.id, dt.date(2020, 1, 6))
    case = case.step("record_consent", {
        "consent": {"given_on": dt.date(2020, 1, 6), "form_language": "de", "form_version": "1",
                    "text_sha256": "7db886f15325eb9bad07defb33177fb41ff86e0d3ebbb8117a222fd02f9a1f15",
                    "purpose": "Beratung", "consequences_explained": True},
        "birth_date": dt.date(2001, 3, 4)})
    person = {"family_name": FAMILY_NAME, "given_name": "Testa", "birth_date": dt.date(2001, 3, 4),
              "gender": jmdcm.Gender.female, "country_of_origin": "Syrien", "arrival_date": None,
              "address": {"street": "Musterweg 7", "postcode": "60311", "city": "Frankfurt am Main"},
              "residence": {"category": jmdcm.ResidenceCategory.aufenthaltstitel, "other": ""}, "languages": []}
    return case.step("set_person", {"person": person, "on": dt.date(2020, 1, 6)})


def _file_bytes(path):
    data = path.read_bytes()
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            data += extra.read_bytes()
    return data


@pytest.fixture
def store_2020(tmp_path):
    """A store whose day follows the case's consent (2020-01-06): the store judges saves on it."""
    with jmdcm.Store.sqlite(str(tmp_path / "cases.sqlite"), today=dt.date(2020, 2, 1)) as store:
        yield store, tmp_path / "cases.sqlite"


def test_withdrawal_erases_the_person_from_the_case_and_the_file(store_2020, worker):
    store, path = store_2020
    stored = store.create(worker, _consented_case(worker))
    assert stored.person["family_name"] == FAMILY_NAME
    assert FAMILY_NAME.encode() in _file_bytes(path)

    withdrawn = stored.step("withdraw_consent", {"on": dt.date(2020, 2, 1)})
    assert withdrawn.person is None and withdrawn.anonymised_on is not None
    with pytest.raises(jmdcm.CaseAnonymisedError):  # R13: a raw save cannot anonymise
        store.save(worker, withdrawn)
    store.step(worker, "PY-ERASE", "withdraw_consent", {"on": dt.date(2020, 2, 1)})
    store.close()
    assert FAMILY_NAME.encode() not in _file_bytes(path)

    with jmdcm.Store.sqlite(str(path), today=dt.date(2020, 2, 1)) as again:
        loaded = again.load(worker, "PY-ERASE")
        assert loaded.person is None
        assert FAMILY_NAME not in loaded.to_json()


def test_administrator_anonymisation_is_on_disk(store_2020, worker, admin):
    store, path = store_2020
    store.create(worker, _consented_case(worker))
    store.anonymise(admin, "PY-ERASE", dt.date(2020, 3, 1))
    assert store.load(worker, "PY-ERASE").person is None
    store.close()
    assert FAMILY_NAME.encode() not in _file_bytes(path)
