"""Storage the host provides: subclass Backend to keep the library's documents in your own
database (Python's sqlite3, a dict, a service). The library keeps everything with meaning
(access checks, the audit of every access, the rules every write is judged by, versions,
steps, the sweep, reports); a backend only keeps documents and answers queries.

Documents cross as JSON text, to be stored as they are:

- a case row ``{"summary": {...}, "substitutes": [...], "document": "<the case>"}``; the
  summary holds what queries filter on (id, version, case_worker, phase, kind, running,
  anonymised, opened, last_activity, last_contact);
- a stored partner ``{"id": ..., "version": n, "document": "<the partner>"}``;
- an audit record, as ``Store.audit`` shows it.

Raise ``jmdcm.ConflictError`` for a stale expected version, ``jmdcm.AlreadyExistsError`` for
an insert over a stored id; any other exception becomes a storage error naming the method.
Answers are checked: a wrong case, version or garbage is refused, never trusted.
"""
from __future__ import annotations

from typing import Iterable

__all__ = ["Backend"]


class Backend:
    """Base class of a host's backend. Calls on one store come one at a time."""

    #: shown in errors and capabilities
    name: str = "python"
    #: an erasing put leaves no recoverable copy of the old row (R3, R13); say False when
    #: your database keeps old rows (backups, history tables) and name them in erasure_gaps
    erases: bool = True
    erasure_gaps: str = ""
    #: append_audit keeps the audit records; False: pass an audit callable to Store.backend
    keeps_audit: bool = True

    def begin(self, write: bool) -> None:
        """Starts a transaction (write is False when only audit records will be written)."""

    def commit(self) -> None:
        """Makes the transaction's writes durable."""

    def rollback(self) -> None:
        """Drops the transaction's writes."""

    def get_case(self, case_id: str) -> str | None:
        """The stored row of the case, or None."""
        raise NotImplementedError

    def put_case(self, case_id: str, version: int, expected_version: int, row: str, erases: bool) -> None:
        """Stores the row as `version` if the stored version is `expected_version` (0: the
        id must not be stored yet). erases: leave no recoverable copy of the old row."""
        raise NotImplementedError

    def find_cases(self, query: str) -> Iterable[str]:
        """The rows a query selects, ordered by id, or every row (the library filters again;
        then ignore the query's limit). query: {"filter": {...}, "visible_to": id or None,
        "due": {...} or None, "documents": bool}."""
        raise NotImplementedError

    def list_partners(self) -> Iterable[str]:
        """Every stored partner."""
        raise NotImplementedError

    def put_partner(self, partner_id: str, version: int, expected_version: int, stored: str) -> None:
        """As put_case, for a partner of the office's network (no personal data)."""
        raise NotImplementedError

    def append_audit(self, record: str) -> None:
        """Appends one audit record (append-only)."""
        raise NotImplementedError

    def audit_records(self, query: str) -> Iterable[str]:
        """The records the query selects, oldest first, or all of them (filtered again)."""
        raise NotImplementedError

    def erasure_pending(self) -> bool:
        """True while an erasing put committed but old bytes remain."""
        return False
