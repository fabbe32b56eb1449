"""Per-case keys (encryption at rest, issue 19): the host's key-encryption key (KEK).

A store opened with a KEK seals each case's personal data under the case's own key; the
keys are kept wrapped by the KEK in a key store apart from the data (for SQLite a file of
its own), and an anonymisation destroys the case's key, so that every older copy of the case
(backups included) stops opening. The KEK is either 32 bytes the host holds
(:class:`LocalKek`, read from a key file) or any object with ``id``,
``wrap(case_id, key: bytes) -> str`` and ``unwrap(case_id, wrapped: str) -> bytes``
(an OS keystore, a KMS)."""
from __future__ import annotations

import json
from typing import Any

from . import _jmdcm

__all__ = ["LocalKek", "generate_kek", "rotate_keys", "rotate_keys_postgres"]


class LocalKek:
    """A KEK of 32 bytes the library keeps (and wipes) once it is handed to a store. Its
    repr never shows the key."""

    def __init__(self, id: str, key: bytes) -> None:
        if not isinstance(key, bytes) or len(key) != 32:
            raise ValueError("a local KEK is 32 bytes")
        if not id:
            raise ValueError("a KEK needs an id (which keys it wrapped)")
        self.id = id
        self.key = key

    def __repr__(self) -> str:
        return f"LocalKek(id={self.id!r}, key=<32 bytes>)"


def _checked(kek: Any) -> Any:
    if isinstance(kek, LocalKek):
        return kek
    for name in ("id", "wrap", "unwrap"):
        if not hasattr(kek, name):
            raise TypeError(f"a KEK is a jmdcm.LocalKek or has id, wrap and unwrap; {type(kek).__name__} has no {name}")
    return kek


def generate_kek() -> bytes:
    """32 random bytes (libsodium) for a new key file."""
    return _jmdcm.kek_generate()


def rotate_keys(key_store: str, old: Any, new: Any) -> int:
    """Re-wraps every case key of the key store file that `old` wrapped under `new`, all or
    none, without touching any case. Returns how many. Keep backups of the key store wrapped
    under `old` only as long as the retention rules allow; then destroy `old`."""
    return int(json.loads(_jmdcm.keys_rotate(str(key_store), _checked(old), _checked(new)))["rewrapped"])


def rotate_keys_postgres(conninfo: str, old: Any, new: Any, key_store: str = "jmdcm_keys") -> int:
    """As rotate_keys, for the key store in schema `key_store` of the PostgreSQL database
    `conninfo` names, in one transaction."""
    return int(json.loads(_jmdcm.keys_rotate_postgres(conninfo, key_store, _checked(old), _checked(new)))["rewrapped"])
