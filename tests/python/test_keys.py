"""Per-case keys from Python (issue 19): a local KEK and a KEK object of the host's own (a
keystore or KMS stand-in), no person in the file, clear errors, conversion and rotation."""
import base64
import datetime as dt
import hmac
import threading

import pytest

import jmdcm

SAMIRA = "JMD-FFM-2016-0042"


class XorKek:
    """A host's KEK stand-in (not a cipher): wraps by XOR with a pad, bound to the case id by
    a MAC, as a KMS would refuse a key wrapped for another context."""

    def __init__(self, id, pad):
        self.id = id
        self.pad = pad
        self.calls = 0
        self.lock = threading.Lock()

    def _mac(self, case_id, body):
        return hmac.new(self.pad, case_id.encode() + body, "sha256").digest()[:8]

    def wrap(self, case_id, key):
        with self.lock:
            self.calls += 1
        body = bytes(a ^ b for a, b in zip(key, self.pad))
        return base64.b64encode(self._mac(case_id, body) + body).decode()

    def unwrap(self, case_id, wrapped):
        raw = base64.b64decode(wrapped)
        mac, body = raw[:8], raw[8:]
        if not hmac.compare_digest(mac, self._mac(case_id, body)):
            raise jmdcm.KeyInvalidError(f"not wrapped by {self.id} for {case_id}", 60)
        return bytes(a ^ b for a, b in zip(body, self.pad))


def _raw(path):
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def test_a_sealed_store_keeps_the_person_out_of_the_file(tmp_path, worker):
    kek = jmdcm.LocalKek("kek-1", jmdcm.generate_kek())
    assert "key=<32 bytes>" in repr(kek)
    path = tmp_path / "office.sqlite"
    with jmdcm.Store.sqlite(path, today=dt.date(2017, 1, 10), kek=kek) as store:
        store.samira(worker)
        assert store.load(worker, SAMIRA).person["given_name"] == "Samira"
    assert b"Samira" not in _raw(path)
    assert b"1994-05-03" not in _raw(path)
    assert (tmp_path / "office.sqlite.keys").exists()

    wrong = jmdcm.LocalKek("kek-1", jmdcm.generate_kek())
    with jmdcm.Store.sqlite(path, kek=wrong) as store:
        with pytest.raises(jmdcm.KeyInvalidError, match="the key of case 'JMD-FFM-2016-0042'"):
            store.load(worker, SAMIRA)
        assert [s["id"] for s in store.query(worker)] == [SAMIRA]   # the clear summaries need no key
        assert store.capabilities()["sealed"] is True
    with pytest.raises(jmdcm.StoreSealedError, match="open it with its key-encryption key"):
        jmdcm.Store.sqlite(path)   # the file is marked sealed: no writer without the key


def test_a_hosts_kek_object_wraps_from_several_threads(tmp_path, worker):
    kek = XorKek("host-kek", jmdcm.generate_kek())
    path = tmp_path / "host.sqlite"
    with jmdcm.Store.sqlite(path, today=dt.date(2020, 6, 1), kek=kek, key_store=tmp_path / "host.keys") as store:
        def create(n):
            for i in range(5):
                store.create(worker, jmdcm.Case.open(f"T{n}-{i}", "JMD Test", worker.id, dt.date(2020, 6, 1)))
        threads = [threading.Thread(target=create, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(store.query(worker)) == 20
        assert kek.calls == 20
        assert store.load(worker, "T3-4").id == "T3-4"

    other = XorKek("host-kek", jmdcm.generate_kek())
    with jmdcm.Store.sqlite(path, kek=other, key_store=tmp_path / "host.keys") as store:
        with pytest.raises(jmdcm.KeyInvalidError, match="KeyInvalidError: not wrapped by host-kek"):
            store.load(worker, "T0-0")
    with pytest.raises(TypeError, match="has no unwrap"):
        jmdcm.Store.sqlite(path, kek=object.__new__(type("Half", (), {"id": "x", "wrap": None})))


def test_conversion_and_rotation(tmp_path, worker, admin):
    path = tmp_path / "office.sqlite"
    with jmdcm.Store.sqlite(path, today=dt.date(2017, 1, 10)) as store:
        store.samira(worker)
    assert b"Samira" in _raw(path)
    old = jmdcm.LocalKek("kek-2026", jmdcm.generate_kek())
    with jmdcm.Store.sqlite(path, kek=old) as store:
        with pytest.raises(jmdcm.AccessDeniedError):
            store.seal_all(worker)
        assert store.seal_all(admin) == 1
    assert b"Samira" not in _raw(path)

    new = XorKek("kek-2027", jmdcm.generate_kek())
    before = path.read_bytes()
    assert jmdcm.rotate_keys(tmp_path / "office.sqlite.keys", old, new) == 1
    assert path.read_bytes() == before   # the cases are not touched
    with jmdcm.Store.sqlite(path, kek=new) as store:
        assert store.load(worker, SAMIRA).person["given_name"] == "Samira"
    with jmdcm.Store.sqlite(path, kek=jmdcm.LocalKek("kek-2026", old.key)) as store:
        with pytest.raises(jmdcm.KeyInvalidError, match="'kek-2027'"):
            store.load(worker, SAMIRA)
