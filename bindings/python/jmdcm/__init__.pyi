"""Type stubs of the jmdcm package (checked against the library by tests/python/test_stubs.py).
The operations' names and their documents' TypedDicts are generated from the library's
schemas into jmdcm/operations.py (capi/abi/check_schemas.py), not written here."""
import datetime as _dt
import enum
from typing import Any, Callable, Iterable, Mapping, NamedTuple

import numpy as np
import pandas as pd

from .operations import RequestName, RuleName, StepName

__version__: str
ABI_VERSION: int
TABLES: tuple[str, ...]

# ---------------------------------------------------------------- enums (the library's vocabulary)
class Role(str, enum.Enum):
    case_worker = 'case_worker'
    team_lead = 'team_lead'
    statistics = 'statistics'
    administrator = 'administrator'

class CaseKind(str, enum.Enum):
    counselling = 'counselling'
    cm = 'cm'

class Phase(str, enum.Enum):
    intake = 'intake'
    screening = 'screening'
    assessment = 'assessment'
    planning = 'planning'
    implementation = 'implementation'
    closure = 'closure'

class ClosureReason(str, enum.Enum):
    goals_reached = 'goals_reached'
    ended_by_young_person = 'ended_by_young_person'
    lack_of_cooperation = 'lack_of_cooperation'
    structural_obstacles = 'structural_obstacles'
    no_contact = 'no_contact'
    office_closed = 'office_closed'

class LifeArea(str, enum.Enum):
    language = 'language'
    occupation = 'occupation'
    relationships = 'relationships'
    leisure = 'leisure'
    everyday_life = 'everyday_life'
    housing = 'housing'
    social_problems = 'social_problems'
    finances = 'finances'
    political_participation = 'political_participation'

class Perspective(str, enum.Enum):
    young_person = 'young_person'
    case_worker = 'case_worker'
    third_party = 'third_party'

class Achievement(str, enum.Enum):
    achieved = 'achieved'
    partly = 'partly'
    not_achieved = 'not_achieved'
    dropped = 'dropped'

class ReviewConsequence(str, enum.Enum):
    continue_plan = 'continue_plan'
    revise_plan = 'revise_plan'
    reassess = 'reassess'

class Gender(str, enum.Enum):
    female = 'female'
    male = 'male'
    diverse = 'diverse'
    not_stated = 'not_stated'

class ResidenceCategory(str, enum.Enum):
    duldung = 'duldung'
    aufenthaltsgestattung = 'aufenthaltsgestattung'
    aufenthaltstitel = 'aufenthaltstitel'
    other = 'other'

class Criterion(str, enum.Enum):
    newly_arrived = 'newly_arrived'
    little_german = 'little_german'
    no_knowledge_of_support = 'no_knowledge_of_support'
    no_school_certificate = 'no_school_certificate'
    no_vocational_orientation = 'no_vocational_orientation'
    no_vocational_qualification = 'no_vocational_qualification'
    stressful_housing = 'stressful_housing'
    problems_with_authorities = 'problems_with_authorities'
    psychological_strain = 'psychological_strain'
    delinquency = 'delinquency'
    debts = 'debts'
    isolation = 'isolation'

class Answer(str, enum.Enum):
    not_answered = 'not_answered'
    yes = 'yes'
    no = 'no'

class ContactKind(str, enum.Enum):
    in_person = 'in_person'
    phone = 'phone'
    written = 'written'
    email = 'email'
    network_meeting = 'network_meeting'
    home_visit = 'home_visit'
    other = 'other'

class ContactTopic(str, enum.Enum):
    counselling = 'counselling'
    monitoring = 'monitoring'
    linking = 'linking'
    crisis = 'crisis'
    other = 'other'

class DisclosureKind(str, enum.Enum):
    referral = 'referral'
    handover = 'handover'
    substitution = 'substitution'
    information = 'information'

class AgreementForm(str, enum.Enum):
    oral = 'oral'
    written = 'written'

class Party(str, enum.Enum):
    young_person = 'young_person'
    jmd = 'jmd'
    other_institution = 'other_institution'

class Timing(str, enum.Enum):
    due_by = 'due_by'
    from_ = 'from'
    ongoing = 'ongoing'

class CaseloadLevel(str, enum.Enum):
    far_below_basis = 'far_below_basis'
    realistic = 'realistic'
    agreed_basis = 'agreed_basis'
    high = 'high'
    critical = 'critical'
    unjustifiable = 'unjustifiable'

class RetentionAction(str, enum.Enum):
    keep = 'keep'
    review_due = 'review_due'
    close_and_anonymise = 'close_and_anonymise'
    anonymise = 'anonymise'

class ColumnType(str, enum.Enum):
    int32 = 'int32'
    boolean = 'boolean'
    date = 'date'
    category = 'category'

class PartnerKind(str, enum.Enum):
    personal = 'personal'
    case_specific = 'case_specific'
    non_case_specific = 'non_case_specific'

class PartnerCategory(str, enum.Enum):
    family = 'family'
    friends = 'friends'
    peers = 'peers'
    foreigners_authority = 'foreigners_authority'
    job_centre = 'job_centre'
    social_welfare_office = 'social_welfare_office'
    bamf = 'bamf'
    family_court = 'family_court'
    therapy_centre = 'therapy_centre'
    language_course = 'language_course'
    school = 'school'
    volunteer_project = 'volunteer_project'
    supported_housing = 'supported_housing'
    counselling_service = 'counselling_service'
    childcare = 'childcare'
    other = 'other'

class ContactMode(str, enum.Enum):
    network_meeting = 'network_meeting'
    working_group = 'working_group'
    round_table = 'round_table'
    phone = 'phone'
    in_person = 'in_person'
    written = 'written'

class Formalisation(str, enum.Enum):
    oral = 'oral'
    minutes = 'minutes'
    written_agreement = 'written_agreement'

class Period(str, enum.Enum):
    month = 'month'
    quarter = 'quarter'
    year = 'year'

class AgendaKind(str, enum.Enum):
    plan_review = 'plan_review'
    task_due = 'task_due'
    task_overdue = 'task_overdue'
    follow_up_talk = 'follow_up_talk'
    case_review = 'case_review'
    paper_file_cleanup = 'paper_file_cleanup'
    cooperation_review = 'cooperation_review'

class Language(str, enum.Enum):
    de = 'de'
    en = 'en'
    plain = 'plain'

class AgeBand(str, enum.Enum):
    under_12 = 'under_12'
    from_12_to_15 = 'from_12_to_15'
    from_16_to_17 = 'from_16_to_17'
    from_18_to_20 = 'from_18_to_20'
    from_21_to_24 = 'from_21_to_24'
    from_25_to_27 = 'from_25_to_27'
    over_27 = 'over_27'

class SkeletonAge(str, enum.Enum):
    age_band_at_intake = 'age_band_at_intake'
    age_at_intake = 'age_at_intake'
    birth_year = 'birth_year'

class GuardianRole(str, enum.Enum):
    mother = 'mother'
    father = 'father'
    legal_guardian = 'legal_guardian'
    other_custodian = 'other_custodian'

class Requirement(str, enum.Enum):
    consent = 'consent'
    master_data = 'master_data'
    working_relationship = 'working_relationship'
    cooperation_agreement = 'cooperation_agreement'
    documented_needs = 'documented_needs'
    plan_with_goal = 'plan_with_goal'
    goal_review = 'goal_review'
    evaluation = 'evaluation'
    formal_closure = 'formal_closure'

class SystemRequirement(str, enum.Enum):
    network_map = 'network_map'
    cooperation_review = 'cooperation_review'
    supply_gaps_passed_on = 'supply_gaps_passed_on'
    working_groups = 'working_groups'

# ---------------------------------------------------------------- errors (one per status code)
class JmdcmError(Exception):
    code: int
    name: str
    message: str
    rule: str | None
    field: str | None
    def __init__(self, message: str, code: int | None = ..., rule: str | None = ...,
                 field: str | None = ...) -> None: ...

class InvalidArgumentError(JmdcmError): ...
class JsonSyntaxError(JmdcmError): ...
class JsonTypeError(JmdcmError): ...
class JsonMissingFieldError(JmdcmError): ...
class JsonUnknownFieldError(JmdcmError): ...
class JsonBadEnumError(JmdcmError): ...
class JsonBadDateError(JmdcmError): ...
class JsonSchemaVersionError(JmdcmError): ...
class JsonOutOfRangeError(JmdcmError): ...
class PolicyInvalidError(JmdcmError): ...
class CatalogueInvalidError(JmdcmError): ...
class ReferralRequiredError(JmdcmError): ...
class ConsentRequiredError(JmdcmError): ...
class ConsentInvalidError(JmdcmError): ...
class ReleaseRequiredError(JmdcmError): ...
class ReleaseInvalidError(JmdcmError): ...
class JustificationRequiredError(JmdcmError): ...
class AssessmentInvalidError(JmdcmError): ...
class PlanInvalidError(JmdcmError): ...
class PhaseGateError(JmdcmError): ...
class CaseClosedError(JmdcmError): ...
class CaseAnonymisedError(JmdcmError): ...
class SubstitutionRefusedError(JmdcmError): ...
class ClosureInvalidError(JmdcmError): ...
class HistoryChangedError(JmdcmError): ...
class NotFoundError(JmdcmError): ...
class AlreadyExistsError(JmdcmError): ...
class ConflictError(JmdcmError): ...
class AccessDeniedError(JmdcmError): ...
class StorageError(JmdcmError): ...
class StorageBusyError(JmdcmError): ...
class StorageCorruptError(JmdcmError): ...
class StorageFullError(JmdcmError): ...
class StorageSchemaError(JmdcmError): ...
class StorageReadonlyError(JmdcmError): ...
class KeyInvalidError(JmdcmError): ...
class KeyMissingError(JmdcmError): ...
class StoreSealedError(JmdcmError): ...
class InternalError(JmdcmError): ...

# ---------------------------------------------------------------- cases, stores, rules, research
class Actor(NamedTuple):
    id: str
    role: Role = ...
    def to_json(self) -> str: ...

class Case:
    document: dict[str, Any]
    def __init__(self, document: Mapping[str, Any] | str) -> None: ...
    @classmethod
    def open(cls, id: str, office: str, case_worker: str, opened: _dt.date, kind: CaseKind = ...) -> Case: ...
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def office(self) -> str: ...
    @property
    def case_worker(self) -> str: ...
    @property
    def kind(self) -> CaseKind: ...
    @property
    def phase(self) -> Phase: ...
    @property
    def opened(self) -> _dt.date: ...
    @property
    def last_activity(self) -> _dt.date: ...
    @property
    def closed(self) -> _dt.date | None: ...
    @property
    def closure_reason(self) -> ClosureReason | None: ...
    @property
    def anonymised_on(self) -> _dt.date | None: ...
    @property
    def person(self) -> dict[str, Any] | None: ...
    def step(self, name: StepName, input: Any = ..., *, policy: Mapping[str, Any] | None = ...) -> Case: ...
    def requirements(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...

class Backend:
    name: str
    erases: bool
    erasure_gaps: str
    keeps_audit: bool
    def begin(self, write: bool) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def get_case(self, case_id: str) -> str | None: ...
    def put_case(self, case_id: str, version: int, expected_version: int, row: str, erases: bool) -> None: ...
    def find_cases(self, query: str) -> Iterable[str]: ...
    def list_partners(self) -> Iterable[str]: ...
    def put_partner(self, partner_id: str, version: int, expected_version: int, stored: str) -> None: ...
    def append_audit(self, record: str) -> None: ...
    def audit_records(self, query: str) -> Iterable[str]: ...
    def erasure_pending(self) -> bool: ...

class LocalKek:
    id: str
    key: bytes
    def __init__(self, id: str, key: bytes) -> None: ...

def generate_kek() -> bytes: ...
def rotate_keys(key_store: str, old: Any, new: Any) -> int: ...
def rotate_keys_postgres(conninfo: str, old: Any, new: Any, key_store: str = ...) -> int: ...

class Store:
    @classmethod
    def memory(cls, *, today: _dt.date | None = ..., policy: Mapping[str, Any] | None = ...) -> Store: ...
    @classmethod
    def sqlite(cls, path: str, *, today: _dt.date | None = ..., read_only: bool | None = ...,
               busy_timeout_ms: int | None = ..., synchronous_full: bool | None = ...,
               check_on_open: bool | None = ..., policy: Mapping[str, Any] | None = ...,
               kek: Any = ..., key_store: str | None = ...) -> Store: ...
    @classmethod
    def postgres(cls, conninfo: str, *, today: _dt.date | None = ..., policy: Mapping[str, Any] | None = ...,
                 vacuum_after_erasure: bool | None = ..., pool_size: int | None = ...,
                 kek: Any = ..., key_store: str | None = ...) -> Store: ...
    @classmethod
    def backend(cls, backend: Backend, *, today: _dt.date | None = ..., policy: Mapping[str, Any] | None = ...,
                audit: Callable[[str], None] | None = ..., today_hook: Callable[[], str] | None = ...) -> Store: ...
    def capabilities(self) -> dict[str, Any]: ...
    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...
    def create(self, actor: Actor, case: Case) -> Case: ...
    def create_all(self, actor: Actor, cases: Iterable[Case]) -> int: ...
    def seal_all(self, actor: Actor) -> int: ...
    def load(self, actor: Actor, case_id: str) -> Case: ...
    def save(self, actor: Actor, case: Case) -> Case: ...
    def step(self, actor: Actor, case_id: str, step: StepName, input: Any, expected_version: int | None = ..., *,
             policy: Mapping[str, Any] | None = ...) -> Case: ...
    def audit(self, actor: Actor, **query: Any) -> Any: ...
    def query(self, actor: Actor, **filters: Any) -> list[dict[str, Any]]: ...
    def samira(self, actor: Actor) -> Case: ...
    def generate(self, actor: Actor, count: int, *, seed: int = ..., first_index: int = ..., **population: Any) -> dict[str, Any]: ...
    def sweep(self, actor: Actor, on: _dt.date, policy: Mapping[str, Any] | None = ...) -> dict[str, Any]: ...
    def requirements(self, actor: Actor, case_id: str) -> dict[str, Any]: ...
    def anonymise(self, actor: Actor, case_id: str, on: _dt.date) -> None: ...
    def caseload(self, actor: Actor, policy: Mapping[str, Any] | None = ...) -> list[dict[str, Any]]: ...
    def statistics(self, actor: Actor, on: _dt.date, min_cell: int = ..., **query: Any) -> dict[str, Any]: ...
    def request(self, actor: Actor, name: RequestName, input: Any = ..., *, policy: Mapping[str, Any] | None = ...) -> Any: ...
    def save_partner(self, actor: Actor, partner: Mapping[str, Any]) -> dict[str, Any]: ...
    def partners(self, actor: Actor) -> list[dict[str, Any]]: ...
    def network_map(self, actor: Actor, on: _dt.date) -> dict[str, Any]: ...
    def system_requirements(self, actor: Actor, on: _dt.date) -> dict[str, Any]: ...
    def cooperations_due(self, actor: Actor, year: int, on: _dt.date) -> list[dict[str, Any]]: ...
    def supply_gaps(self, actor: Actor, on: _dt.date, *, period: str = ..., start: _dt.date | None = ...,
                    end: _dt.date | None = ..., min_cell: int = ...) -> dict[str, Any]: ...
    def agenda(self, actor: Actor, start: _dt.date, end: _dt.date, tolerance_days: int = ...,
               policy: Mapping[str, Any] | None = ...) -> dict[str, Any]: ...
    def render_plan(self, actor: Actor, case_id: str, language: str = ..., plan_version: int | None = ...) -> str: ...
    def render_evaluation(self, actor: Actor, case_id: str, language: str = ...) -> str: ...
    def radar_chart(self, actor: Actor, case_id: str, language: str = ..., **options: Any) -> str: ...
    def export(self, actor: Actor, table: str, on: _dt.date, *, frame: bool = ...,
               policy: Mapping[str, Any] | None = ..., **query: Any) -> Any: ...

class ResearchTable:
    schema: dict[str, Any]
    @property
    def name(self) -> str: ...
    @property
    def rows(self) -> int: ...
    @property
    def names(self) -> list[str]: ...
    def info(self, name: str) -> dict[str, Any]: ...
    def column(self, name: str) -> np.ndarray: ...
    def columns(self) -> dict[str, np.ndarray]: ...
    def to_dataframe(self) -> pd.DataFrame: ...
    def write(self, path: str, format: str = ...) -> None: ...

def synthetic_table(table: str, count: int, *, seed: int = ..., first_index: int = ..., on: _dt.date | None = ...,
                    frame: bool = ..., policy: dict[str, Any] | None = ..., **population: Any) -> Any: ...
def synthetic_case(index: int, *, seed: int = ..., **population: Any) -> Case: ...
def steps() -> list[str]: ...
def rules() -> list[str]: ...
def requests() -> list[str]: ...
def deprecated_names() -> dict[str, dict[str, str]]: ...
def schema_names() -> list[str]: ...
def schema(name: str) -> dict[str, Any]: ...
def render_plan(case: Case | Mapping[str, Any], language: str = ..., plan_version: int | None = ...) -> str: ...
def render_evaluation(case: Case | Mapping[str, Any], language: str = ..., *, policy: Mapping[str, Any] | None = ...) -> str: ...
def radar_chart(case: Case | Mapping[str, Any], language: str = ..., *, policy: Mapping[str, Any] | None = ...,
                **options: Any) -> str: ...
def rule(name: RuleName, input: Any = ..., *, policy: Mapping[str, Any] | None = ...) -> Any: ...
def policy(changes: Mapping[str, Any] | None = ...) -> dict[str, Any]: ...
def catalogue(policy: Mapping[str, Any] | None = None) -> dict[str, Any]: ...
