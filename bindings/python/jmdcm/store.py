"""Stores: in memory, a SQLite file, or the host's own storage; all access-checked and audited."""
from __future__ import annotations

import datetime as _dt
import json
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, NamedTuple

from . import _codec, _jmdcm
from ._optional import need
from .case import Case
from .keys import _checked as _checked_kek
from .enums import Role  # type: ignore[attr-defined]

if TYPE_CHECKING:
    from .backend import Backend

__all__ = ["Actor", "Store"]

_SUMMARY_DATES = ("opened", "last_activity", "last_contact")


class Actor(NamedTuple):
    """Who asks: every store call is checked against the actor's role and audited."""

    id: str
    role: Role = Role.case_worker  # type: ignore[attr-defined]

    def to_json(self) -> str:
        return json.dumps({"id": self.id, "role": Role(self.role).value})  # type: ignore[misc]


def _options(**values: Any) -> str | None:
    given = {k: v for k, v in values.items() if v is not None}
    return _codec.dumps(given) if given else None


class Store:
    """A case store. Use as a context manager, or call close().

    The host authenticates the person and passes them as the actor; the library authorises
    every access by the actor's role and records it in the audit trail. To a case worker a
    case of another worker and a missing id look the same (NotFoundError). One handle may be
    shared by several threads."""

    def __init__(self, handle: "_jmdcm.Store") -> None:
        self._h = handle

    @classmethod
    def memory(cls, *, today: _dt.date | None = None, policy: Mapping[str, Any] | None = None) -> "Store":
        """An in-memory store; `today` pins the day access rules and saves are judged on,
        `policy` the rules raw creates and saves are judged under."""
        return cls(_jmdcm.Store.memory(_options(today=today, policy=policy)))

    @classmethod
    def sqlite(cls, path: str, *, today: _dt.date | None = None, read_only: bool | None = None,
               busy_timeout_ms: int | None = None, synchronous_full: bool | None = None,
               check_on_open: bool | None = None, policy: Mapping[str, Any] | None = None,
               kek: Any = None, key_store: str | None = None) -> "Store":
        """Opens or creates a SQLite file (WAL, audited, real erasure on anonymisation).

        With `kek` (a jmdcm.LocalKek, or an object with id, wrap and unwrap: see jmdcm.keys)
        each case's personal data is sealed under a key of its own, kept wrapped by the KEK in
        the key store file `key_store` (default: path + ".keys"); an anonymisation destroys
        the key, so older copies of the file stop yielding the person."""
        options = _options(today=today, read_only=read_only, busy_timeout_ms=busy_timeout_ms,
                           synchronous_full=synchronous_full, check_on_open=check_on_open, policy=policy,
                           key_store=None if key_store is None else str(key_store))
        if kek is not None:
            return cls(_jmdcm.Store.sqlite_sealed(str(path), _checked_kek(kek), options))
        return cls(_jmdcm.Store.sqlite(str(path), options))

    @classmethod
    def postgres(cls, conninfo: str, *, today: _dt.date | None = None, policy: Mapping[str, Any] | None = None,
                 vacuum_after_erasure: bool | None = None, pool_size: int | None = None,
                 kek: Any = None, key_store: str | None = None) -> "Store":
        """A store on a PostgreSQL server (libpq connection string or postgresql:// URI; TLS
        settings pass through). `pool_size` connections (default 1) serve that many threads
        at once (the GIL is released during calls). Erasure there does not reach WAL
        archives, backups or replicas: capabilities() says so. With `kek` (see jmdcm.keys)
        each case's personal data is sealed under a key of its own, kept in the schema
        `key_store` (default "jmdcm_keys"); destroying it at anonymisation reaches those copies."""
        options = _options(today=today, policy=policy, vacuum_after_erasure=vacuum_after_erasure,
                           pool_size=pool_size, key_store=key_store)
        if kek is not None:
            return cls(_jmdcm.Store.postgres_sealed(conninfo, _checked_kek(kek), options))
        return cls(_jmdcm.Store.postgres(conninfo, options))

    @classmethod
    def backend(cls, backend: "Backend", *, today: _dt.date | None = None, policy: Mapping[str, Any] | None = None,
                audit: Callable[[str], None] | None = None, today_hook: Callable[[], str] | None = None) -> "Store":
        """A store over the host's own storage (a jmdcm.Backend subclass). The library keeps
        the rules and the audit; `audit` receives every audit record's JSON after its
        transaction (required when the backend keeps none), `today_hook` answers the day
        ("YYYY-MM-DD") when it is not pinned by `today`."""
        return cls(_jmdcm.Store.backend(backend, audit, today_hook, _options(today=today, policy=policy)))

    def capabilities(self) -> dict[str, Any]:
        """What the store's storage can promise: name, erases, erasure_gaps, keeps_audit."""
        return json.loads(self._h.capabilities())

    def close(self) -> None:
        self._h.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ cases
    def create(self, actor: Actor, case: Case) -> Case:
        """Stores a new case (version 1)."""
        return Case(self._h.case_create(actor.to_json(), case.to_json()))

    def create_all(self, actor: Actor, cases: Iterable[Case]) -> int:
        """Stores new cases all or none (an import), each judged and audited as create();
        on a server in batches. Returns how many were created."""
        docs = "[" + ",".join(c.to_json() for c in cases) + "]"
        return int(json.loads(self._h.case_create_all(actor.to_json(), docs))["created"])

    def seal_all(self, actor: Actor) -> int:
        """Converts a store opened with a KEK (administrators only): seals every case stored
        in clear, erasing its clear bytes. Returns how many."""
        return int(json.loads(self._h.seal_all(actor.to_json()))["sealed"])

    def load(self, actor: Actor, case_id: str) -> Case:
        return Case(self._h.case_load(actor.to_json(), case_id))

    def save(self, actor: Actor, case: Case) -> Case:
        """Saves a changed case; ConflictError when it was changed meanwhile. The change is
        judged against the stored case: one no step could make is refused, naming the rule."""
        return Case(self._h.case_save(actor.to_json(), case.to_json()))

    def step(self, actor: Actor, case_id: str, step: str, input: Any, expected_version: int | None = None, *,
             policy: Mapping[str, Any] | None = None) -> Case:
        """Applies one step of the method to a stored case in one transaction: load, access
        check, the step's rule, save (see steps()). `expected_version` None means the stored
        one; a number is an optimistic check (ConflictError)."""
        return Case(self._h.step(actor.to_json(), case_id, expected_version or 0, step, _codec.dumps(input),
                                 _codec.dumps(policy)))

    def audit(self, actor: Actor, **query: Any):
        """The audit trail as a pandas DataFrame (at, actor, role, case_id, operation, allowed,
        detail), oldest first, without any values. Filters: case_id, actor, operation, from_,
        to (dates, inclusive), limit. Administrators and team leads see all records, a case
        worker those of one of their cases (name case_id)."""
        pd = need("pandas", "the audit trail as a DataFrame")

        if "from_" in query:
            query["from"] = query.pop("from_")
        rows = json.loads(self._h.audit(actor.to_json(), _options(**query)))
        return pd.DataFrame(rows, columns=["at", "actor", "role", "case_id", "operation", "allowed", "detail"])

    def query(self, actor: Actor, **filters: Any) -> list[dict[str, Any]]:
        """Case summaries visible to the actor; filters: case_worker, phase, kind, running,
        anonymised, last_contact_before, last_activity_before, open_reminders, limit."""
        rows = json.loads(self._h.case_query(actor.to_json(), _options(**filters)))
        return [_codec.with_dates(r, _SUMMARY_DATES) for r in rows]

    def samira(self, actor: Actor) -> Case:
        """Runs the handbook's worked example into the store."""
        return Case(self._h.example_samira(actor.to_json()))

    def generate(self, actor: Actor, count: int, *, seed: int = 1, first_index: int = 0,
                 **population: Any) -> dict[str, Any]:
        """Creates `count` seeded synthetic cases with the actor as case worker, in one
        transaction. population: first_day, span_days, case_workers, office."""
        options = {"count": count, "first_index": first_index, "population": {"seed": seed, **population}}
        return json.loads(self._h.generate(actor.to_json(), _codec.dumps(options)))

    # ------------------------------------------------------------ administration and reports
    def sweep(self, actor: Actor, on: _dt.date, policy: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """R13 retention sweep for the day `on` (administrators)."""
        return json.loads(self._h.sweep(actor.to_json(), _codec.iso(on), _codec.dumps(policy)))

    def requirements(self, actor: Actor, case_id: str) -> dict[str, Any]:
        """R14 report on a stored case (team lead or its case worker)."""
        return json.loads(self._h.requirements(actor.to_json(), case_id))

    def anonymise(self, actor: Actor, case_id: str, on: _dt.date) -> None:
        """Anonymises one case at once, on disk (administrators)."""
        self._h.anonymise_case(actor.to_json(), case_id, _codec.iso(on))

    def caseload(self, actor: Actor, policy: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """R15: running cases per case worker with the policy's level."""
        return json.loads(self._h.caseload(actor.to_json(), _codec.dumps(policy)))

    def statistics(self, actor: Actor, on: _dt.date, min_cell: int = 3, **query: Any) -> dict[str, Any]:
        """R12/R15 statistics over the anonymised copies of the cases the actor may see:
        tables of counts in which cells below `min_cell` (and the cells that would give
        them away) are suppressed (count None, suppressed True)."""
        options = {"on": on, "min_cell": min_cell, **({"query": query} if query else {})}
        return json.loads(self._h.statistics(actor.to_json(), _codec.dumps(options)))

    # ------------------------------------------------------------ system level (R12, agenda, documents)
    def request(self, actor: Actor, name: str, input: Any = None, *, policy: Mapping[str, Any] | None = None) -> Any:
        """One of the store's system-level requests by name (see requests())."""
        from .rules import warn_if_deprecated

        warn_if_deprecated("requests", name)
        return json.loads(self._h.request(actor.to_json(), name, _codec.dumps(input), _codec.dumps(policy)))

    def save_partner(self, actor: Actor, partner: Mapping[str, Any]) -> dict[str, Any]:
        """R12: creates (version 0) or updates a partner of the office's network; returns it
        with its new version. Refused for the statistics role and for invalid partners."""
        return self.request(actor, "save_partner", partner)

    def partners(self, actor: Actor) -> list[dict[str, Any]]:
        """R12: the office's partners, by id."""
        return self.request(actor, "partners")

    def network_map(self, actor: Actor, on: _dt.date) -> dict[str, Any]:
        """R12: partners with the cases linked to them through referrals, personal networks counted."""
        return self.request(actor, "network_map", {"on": on})

    def system_requirements(self, actor: Actor, on: _dt.date) -> dict[str, Any]:
        """R12: the minimum requirements on the system level on a day (network map kept, yearly
        cooperation review, supply gaps passed on, working groups attended), each met or not."""
        return self.request(actor, "system_requirements", {"on": on})

    def cooperations_due(self, actor: Actor, year: int, on: _dt.date) -> list[dict[str, Any]]:
        """R12: the year's list of cooperations to evaluate."""
        return self.request(actor, "cooperations_due", {"year": year, "on": on})

    def supply_gaps(self, actor: Actor, on: _dt.date, *, period: str = "year", start: _dt.date | None = None,
                    end: _dt.date | None = None, min_cell: int = 3) -> dict[str, Any]:
        """R12: supply gaps bundled by life area, partner kind, region and period, suppressed."""
        gaps = {"period": period, "min_cell": min_cell, **({"from": start} if start else {}), **({"to": end} if end else {})}
        return self.request(actor, "supply_gaps", {"on": on, "gaps": gaps})

    def agenda(self, actor: Actor, start: _dt.date, end: _dt.date, tolerance_days: int = 0,
               policy: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The actor's agenda from `start` to `end`, widened by `tolerance_days` on each side."""
        return self.request(actor, "agenda", {"from": start, "to": end, "tolerance_days": tolerance_days}, policy=policy)

    def render_plan(self, actor: Actor, case_id: str, language: str = "de", plan_version: int | None = None) -> str:
        """R9: the stored case's plan as an HTML document (language de, en or plain)."""
        options = {"language": language, **({"plan_version": plan_version} if plan_version else {})}
        return self.request(actor, "render_plan", {"case_id": case_id, "options": options})

    def render_evaluation(self, actor: Actor, case_id: str, language: str = "de") -> str:
        """R11: the stored case's evaluation as an HTML document."""
        return self.request(actor, "render_evaluation", {"case_id": case_id, "options": {"language": language}})

    def radar_chart(self, actor: Actor, case_id: str, language: str = "de", **options: Any) -> str:
        """R7: the stored case's assessment as an SVG radar chart (options: first, second,
        perspectives, size)."""
        return self.request(actor, "radar_chart", {"case_id": case_id, "options": {"language": language, **options}})

    def export(self, actor: Actor, table: str, on: _dt.date, *, frame: bool = True,
               policy: Mapping[str, Any] | None = None, **query: Any):
        """A research table (cases, goals, assessments, supply_gaps, phases, caseload) over the
        anonymised copies of the cases the actor may see, as a pandas DataFrame, or with
        frame=False the ResearchTable (which can write itself as CSV or Stata). `policy`
        gives the caseload table its posts and levels (R15); the store's policy otherwise."""
        from .research import ResearchTable

        options: dict[str, Any] = {"on": on, "query": query} if query else {"on": on}
        if policy is not None:
            options["policy"] = dict(policy)
        t = ResearchTable(self._h.table_export(actor.to_json(), table, _codec.dumps(options)))
        return t.to_dataframe() if frame else t
