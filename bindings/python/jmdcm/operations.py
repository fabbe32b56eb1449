"""The operations' names and documents as Python types, generated from the library's JSON
Schemas (jmdcm.schema) by capi/abi/check_schemas.py --update: do not edit.

StepName, RuleName and RequestName are the names Case.step, Store.step, rule and
Store.request take; <FAMILY>_INPUTS and <FAMILY>_OUTPUTS map each name to the TypedDict of
its document, NotRequired marking a member a host may leave out; SUMMARY gives each
operation's members in one line. Dates are 'YYYY-MM-DD' or datetime.date."""
from __future__ import annotations

import datetime as _dt
from typing import Any, Literal, Never, NotRequired, TypedDict, Union

Date = Union[str, _dt.date]

StepName = Literal["add_assessment", "add_journal_entry", "adopt_plan", "anonymise", "assign_substitute", "change_phase", "close_case", "complete_reminder", "decide_screening", "disclose", "grant_release", "hand_over", "record_consent", "record_cooperation", "record_evaluation", "record_follow_up", "record_intake", "record_personal_tie", "record_screening", "record_supply_gap", "refer", "reopen_as_new_case", "reopen_case", "review_goal", "revoke_release", "set_eligibility", "set_person", "start_case_management", "withdraw_consent"]
RuleName = Literal["agenda", "caseload", "catalogue", "check_eligibility", "check_plan", "compare_assessments", "cooperations_due", "evaluate_cooperation", "gas_scores", "gas_t_score", "network_map", "open_case", "phase_gate", "policy", "radar_chart", "record_eligibility", "render_evaluation", "render_plan", "reopen_as_new_case", "retention_decision", "screening_recommendation", "statistics", "summarise", "supply_gaps", "synthetic_case", "system_requirements", "validate_assessment", "validate_catalogue", "validate_partner", "vocabulary"]
RequestName = Literal["agenda", "caseload", "cooperations_due", "network_map", "partners", "radar_chart", "render_evaluation", "render_plan", "save_partner", "statistics", "supply_gaps", "system_requirements"]

AreaRating = TypedDict("AreaRating", {
    "area": Literal["language", "occupation", "relationships", "leisure", "everyday_life", "housing", "social_problems", "finances", "political_participation"],
    "perspective": Literal["young_person", "case_worker", "third_party"],
    "rater": str,
    "score": int,
    "problems": NotRequired[str],
    "resources": NotRequired[str],
    "remarks": NotRequired[str],
})

Assessment = TypedDict("Assessment", {
    "date": Date,
    "ratings": NotRequired[list[AreaRating]],
    "competence_procedure": NotRequired[bool],
    "reassessment_planned": NotRequired[Date | None],
})

JournalEntry = TypedDict("JournalEntry", {
    "date": Date,
    "kind": Literal["in_person", "phone", "written", "email", "network_meeting", "home_visit", "other"],
    "topic": Literal["counselling", "monitoring", "linking", "crisis", "other"],
    "with_young_person": NotRequired[bool],
    "with_whom": NotRequired[str],
    "note": NotRequired[str],
})

Task = TypedDict("Task", {
    "description": NotRequired[str],
    "party": NotRequired[Literal["young_person", "jmd", "other_institution"] | None],
    "institution": str,
    "timing": Literal["due_by", "from", "ongoing"],
    "date": NotRequired[Date | None],
    "done": NotRequired[bool],
})

Goal = TypedDict("Goal", {
    "id": str,
    "catalogue_id": NotRequired[str | None],
    "area": NotRequired[Literal["language", "occupation", "relationships", "leisure", "everyday_life", "housing", "social_problems", "finances", "political_participation"] | None],
    "priority": int,
    "text": NotRequired[str],
    "measures": NotRequired[str],
    "indicator": NotRequired[str],
    "motto": NotRequired[str | None],
    "sub_goals": NotRequired[list[str]],
    "tasks": NotRequired[list[Task]],
    "institutions": NotRequired[list[str]],
    "target_date": NotRequired[Date | None],
    "review_date": NotRequired[Date | None],
    "offer_available": NotRequired[bool],
    "gap": NotRequired[str],
})

Plan = TypedDict("Plan", {
    "version": int,
    "date": Date,
    "office": str,
    "goals": NotRequired[list[Goal]],
    "revision_reason": NotRequired[str],
})

OnInput = TypedDict("OnInput", {
    "on": Date,
})

Substitution = TypedDict("Substitution", {
    "colleague": str,
    "from": Date,
    "until": NotRequired[Date | None],
    "young_person_consented_on": NotRequired[Date | None],
    "release_id": NotRequired[str | None],
})

PhaseInput = TypedDict("PhaseInput", {
    "phase": Literal["intake", "screening", "assessment", "planning", "implementation", "closure"],
    "on": Date,
})

Closure = TypedDict("Closure", {
    "date": Date,
    "reason": Literal["goals_reached", "ended_by_young_person", "lack_of_cooperation", "structural_obstacles", "no_contact", "office_closed"],
    "by_consensus": NotRequired[bool],
    "referred_to": NotRequired[str],
    "continue_as_counselling": NotRequired[bool],
    "follow_up_on": NotRequired[Date | None],
    "remark": NotRequired[str],
})

FollowUpTalk = TypedDict("FollowUpTalk", {
    "date": Date,
    "held": NotRequired[bool],
    "sustainability": NotRequired[int | None],
    "renewed_help_needed": NotRequired[bool],
    "note": NotRequired[str],
})

CompleteReminderInput = TypedDict("CompleteReminderInput", {
    "index": int,
    "outcome": Literal["continued", "closed", "held", "declined", "destroyed", "handed_over", "lapsed"],
    "on": Date,
    "follow_up": NotRequired[FollowUpTalk | None],
})

ScreeningDecision = TypedDict("ScreeningDecision", {
    "decided_on": Date,
    "take_into_cm": NotRequired[bool],
    "justification": NotRequired[str | None],
})

DiscloseInput = TypedDict("DiscloseInput", {
    "recipient": str,
    "kind": Literal["referral", "handover", "substitution", "information"],
    "what": NotRequired[str],
    "on": Date,
})

Release = TypedDict("Release", {
    "id": str,
    "recipient": str,
    "information": NotRequired[str],
    "purpose": NotRequired[str],
    "mutual": NotRequired[bool],
    "written": NotRequired[bool],
    "granted_on": Date,
    "guardian_signed_on": NotRequired[Date | None],
    "expires_on": NotRequired[Date | None],
    "revoked_on": NotRequired[Date | None],
    "purpose_ended_on": NotRequired[Date | None],
})

HandOverInput = TypedDict("HandOverInput", {
    "case_worker": str,
    "on": Date,
})

GuardianConsent = TypedDict("GuardianConsent", {
    "role": Literal["mother", "father", "legal_guardian", "other_custodian"],
    "given_on": Date,
})

DataConsent = TypedDict("DataConsent", {
    "given_on": Date,
    "young_person_signed": NotRequired[bool | None],
    "form_language": str,
    "form_version": str,
    "text_sha256": str,
    "purpose": NotRequired[str],
    "consequences_explained": NotRequired[bool],
    "guardian_consent_on": NotRequired[Date | None],
    "guardians": NotRequired[list[GuardianConsent]],
    "withdrawn_on": NotRequired[Date | None],
})

ConsentInput = TypedDict("ConsentInput", {
    "consent": DataConsent,
    "birth_date": Date,
})

CooperationAgreement = TypedDict("CooperationAgreement", {
    "informed_on": Date,
    "agreed": NotRequired[bool],
    "form": Literal["oral", "written"],
})

GoalOutcome = TypedDict("GoalOutcome", {
    "goal_id": str,
    "achievement": Literal["achieved", "partly", "not_achieved", "dropped"],
    "remark": NotRequired[str],
})

SupplyGap = TypedDict("SupplyGap", {
    "date": Date,
    "area": NotRequired[Literal["language", "occupation", "relationships", "leisure", "everyday_life", "housing", "social_problems", "finances", "political_participation"] | None],
    "goal_id": NotRequired[str | None],
    "description": NotRequired[str],
    "partner_kind": NotRequired[Literal["personal", "case_specific", "non_case_specific"] | None],
    "category": NotRequired[Literal["family", "friends", "peers", "foreigners_authority", "job_centre", "social_welfare_office", "bamf", "family_court", "therapy_centre", "language_course", "school", "volunteer_project", "supported_housing", "counselling_service", "childcare", "other"] | None],
})

Evaluation = TypedDict("Evaluation", {
    "date": Date,
    "goals": NotRequired[list[GoalOutcome]],
    "life_situation_improved": NotRequired[bool | None],
    "supply_gaps": NotRequired[list[str]],
    "gaps": NotRequired[list[SupplyGap]],
    "satisfaction_measures": NotRequired[int | None],
    "satisfaction_case_worker": NotRequired[int | None],
    "general_satisfaction": NotRequired[int | None],
    "course": NotRequired[int | None],
    "results": NotRequired[int | None],
    "expectations": NotRequired[int | None],
    "mandate": NotRequired[int | None],
    "remarks": NotRequired[str],
})

Intake = TypedDict("Intake", {
    "first_contact": Date,
    "conversations": NotRequired[list[Date]],
    "concern": NotRequired[str],
    "expectations": NotRequired[str],
    "working_alliance_on": NotRequired[Date | None],
})

IntakeInput = TypedDict("IntakeInput", {
    "intake": Intake,
    "on": Date,
})

PersonalTie = TypedDict("PersonalTie", {
    "category": Literal["family", "friends", "peers", "foreigners_authority", "job_centre", "social_welfare_office", "bamf", "family_court", "therapy_centre", "language_course", "school", "volunteer_project", "supported_housing", "counselling_service", "childcare", "other"],
    "who": NotRequired[str],
    "contact_modes": NotRequired[list[Literal["network_meeting", "working_group", "round_table", "phone", "in_person", "written"]]],
    "since": NotRequired[Date | None],
})

TieInput = TypedDict("TieInput", {
    "tie": PersonalTie,
    "on": Date,
})

ResidenceStatus = TypedDict("ResidenceStatus", {
    "category": Literal["duldung", "aufenthaltsgestattung", "aufenthaltstitel", "other"],
    "other": NotRequired[str],
    "lawful": NotRequired[bool | None],
})

CriterionAnswer = TypedDict("CriterionAnswer", {
    "criterion": Literal["newly_arrived", "little_german", "no_knowledge_of_support", "no_school_certificate", "no_vocational_orientation", "no_vocational_qualification", "stressful_housing", "problems_with_authorities", "psychological_strain", "delinquency", "debts", "isolation"],
    "answer": Literal["not_answered", "yes", "no"],
    "influenceable": NotRequired[bool],
    "remark": NotRequired[str],
})

Screening = TypedDict("Screening", {
    "date": Date,
    "residence": ResidenceStatus,
    "answers": NotRequired[list[CriterionAnswer]],
    "integration_at_risk_without_cm": NotRequired[bool],
    "preventive_justification": NotRequired[str | None],
    "decision": NotRequired[ScreeningDecision | None],
})

Referral = TypedDict("Referral", {
    "date": Date,
    "recipient": str,
    "offer": NotRequired[str],
    "goal_id": NotRequired[str | None],
    "release_id": NotRequired[str | None],
    "partner_id": NotRequired[str | None],
})

ReopenInput = TypedDict("ReopenInput", {
    "new_id": str,
    "on": Date,
})

GoalReview = TypedDict("GoalReview", {
    "date": Date,
    "goal_id": str,
    "achievement": Literal["achieved", "partly", "not_achieved", "dropped"],
    "consequence": Literal["continue_plan", "revise_plan", "reassess"],
    "remark": NotRequired[str],
})

RevokeInput = TypedDict("RevokeInput", {
    "release_id": str,
    "on": Date,
})

EligibilityCheck = TypedDict("EligibilityCheck", {
    "criterion": Literal["age", "residence", "support_need", "region"],
    "passed": NotRequired[bool],
    "reason": NotRequired[str],
})

EligibilityResult = TypedDict("EligibilityResult", {
    "eligible": NotRequired[bool],
    "checks": NotRequired[list[EligibilityCheck]],
})

ExternalReferral = TypedDict("ExternalReferral", {
    "recipient": str,
    "date": Date,
    "note": NotRequired[str],
})

EligibilityRecord = TypedDict("EligibilityRecord", {
    "date": Date,
    "result": EligibilityResult,
    "referral": NotRequired[ExternalReferral | None],
    "cm_justification": NotRequired[str | None],
})

Address = TypedDict("Address", {
    "street": NotRequired[str],
    "postcode": NotRequired[str],
    "city": NotRequired[str],
})

MasterData = TypedDict("MasterData", {
    "family_name": NotRequired[str],
    "given_name": NotRequired[str],
    "birth_date": Date,
    "gender": NotRequired[Literal["female", "male", "diverse", "not_stated"] | None],
    "country_of_origin": NotRequired[str],
    "arrival_date": NotRequired[Date | None],
    "address": NotRequired[Address],
    "residence": ResidenceStatus,
    "languages": NotRequired[list[str]],
})

PersonInput = TypedDict("PersonInput", {
    "person": MasterData,
    "on": Date,
})

StatisticalSkeleton = TypedDict("StatisticalSkeleton", {
    "birth_year": NotRequired[int | None],
    "age_at_intake": NotRequired[int | None],
    "age_band_at_intake": NotRequired[Literal["under_12", "from_12_to_15", "from_16_to_17", "from_18_to_20", "from_21_to_24", "from_25_to_27", "over_27"] | None],
    "gender": NotRequired[Literal["female", "male", "diverse", "not_stated"] | None],
    "region": str,
    "residence": NotRequired[Literal["duldung", "aufenthaltsgestattung", "aufenthaltstitel", "other"] | None],
})

Disclosure = TypedDict("Disclosure", {
    "date": Date,
    "recipient": str,
    "release_id": str,
    "kind": Literal["referral", "handover", "substitution", "information"],
    "what": NotRequired[str],
})

Reminder = TypedDict("Reminder", {
    "created": Date,
    "due": Date,
    "kind": Literal["paper_file_cleanup", "follow_up_talk", "case_review"],
    "text": str,
    "done": NotRequired[bool],
    "outcome": NotRequired[Literal["continued", "closed", "held", "declined", "destroyed", "handed_over", "lapsed"] | None],
    "done_on": NotRequired[Date | None],
})

PhaseChange = TypedDict("PhaseChange", {
    "date": Date,
    "from": Literal["intake", "screening", "assessment", "planning", "implementation", "closure"],
    "to": Literal["intake", "screening", "assessment", "planning", "implementation", "closure"],
})

Case = TypedDict("Case", {
    "schema": int,
    "id": str,
    "version": int,
    "office": str,
    "case_worker": str,
    "kind": Literal["counselling", "cm"],
    "phase": Literal["intake", "screening", "assessment", "planning", "implementation", "closure"],
    "opened": Date,
    "last_activity": Date,
    "consent": NotRequired[DataConsent | None],
    "person": NotRequired[MasterData | None],
    "skeleton": NotRequired[StatisticalSkeleton | None],
    "intake": NotRequired[Intake | None],
    "eligibility": NotRequired[EligibilityRecord | None],
    "cooperation": NotRequired[CooperationAgreement | None],
    "releases": NotRequired[list[Release]],
    "disclosures": NotRequired[list[Disclosure]],
    "screening": NotRequired[Screening | None],
    "assessments": NotRequired[list[Assessment]],
    "plans": NotRequired[list[Plan]],
    "journal": NotRequired[list[JournalEntry]],
    "referrals": NotRequired[list[Referral]],
    "reviews": NotRequired[list[GoalReview]],
    "supply_gaps": NotRequired[list[SupplyGap]],
    "personal_network": NotRequired[list[PersonalTie]],
    "substitutions": NotRequired[list[Substitution]],
    "closure": NotRequired[Closure | None],
    "evaluation": NotRequired[Evaluation | None],
    "follow_up": NotRequired[FollowUpTalk | None],
    "reminders": NotRequired[list[Reminder]],
    "phase_history": NotRequired[list[PhaseChange]],
    "anonymised_on": NotRequired[Date | None],
})

GapHandOver = TypedDict("GapHandOver", {
    "on": Date,
    "from": Date,
    "to": Date,
})

Partner = TypedDict("Partner", {
    "id": str,
    "version": int,
    "office": str,
    "name": str,
    "kind": Literal["personal", "case_specific", "non_case_specific"],
    "category": Literal["family", "friends", "peers", "foreigners_authority", "job_centre", "social_welfare_office", "bamf", "family_court", "therapy_centre", "language_course", "school", "volunteer_project", "supported_housing", "counselling_service", "childcare", "other"],
    "region": str,
    "areas": NotRequired[list[Literal["language", "occupation", "relationships", "leisure", "everyday_life", "housing", "social_problems", "finances", "political_participation"]]],
    "contact_modes": NotRequired[list[Literal["network_meeting", "working_group", "round_table", "phone", "in_person", "written"]]],
    "formalisation": Literal["oral", "minutes", "written_agreement"],
    "since": Date,
    "until": NotRequired[Date | None],
    "review_on": Date,
    "last_evaluated": NotRequired[Date | None],
    "attended": NotRequired[list[Date]],
    "gaps_passed_on": NotRequired[list[GapHandOver]],
})

AgendaQuery = TypedDict("AgendaQuery", {
    "from": NotRequired[Date],
    "to": NotRequired[Date],
    "tolerance_days": NotRequired[int],
})

AgendaInput = TypedDict("AgendaInput", {
    "cases": NotRequired[list[Case]],
    "partners": NotRequired[list[Partner]],
    "query": NotRequired[AgendaQuery],
})

CaseSummary = TypedDict("CaseSummary", {
    "id": str,
    "version": int,
    "office": str,
    "case_worker": str,
    "kind": Literal["counselling", "cm"],
    "phase": Literal["intake", "screening", "assessment", "planning", "implementation", "closure"],
    "running": NotRequired[bool],
    "anonymised": NotRequired[bool],
    "opened": Date,
    "last_activity": Date,
    "last_contact": Date,
    "open_reminders": NotRequired[bool],
})

EligibilityInput = TypedDict("EligibilityInput", {
    "intake_date": Date,
    "birth_date": Date,
    "residence": ResidenceStatus,
    "many_needs_many_actors": NotRequired[bool],
    "preventive_justification": NotRequired[str | None],
    "postcode": str,
})

EligibilityQuestion = TypedDict("EligibilityQuestion", {
    "person": EligibilityInput,
    "region": NotRequired[list[str]],
})

PlanQuestion = TypedDict("PlanQuestion", {
    "plan": Plan,
    "concluded": NotRequired[list[str]],
})

AssessmentPair = TypedDict("AssessmentPair", {
    "before": Assessment,
    "after": Assessment,
})

DueInput = TypedDict("DueInput", {
    "partners": NotRequired[list[Partner]],
    "year": int,
    "on": Date,
})

EvaluateInput = TypedDict("EvaluateInput", {
    "partner": Partner,
    "on": Date,
    "next": NotRequired[Date | None],
})

GasScore = TypedDict("GasScore", {
    "goal_id": str,
    "score": int,
    "weight": float,
})

GasInput = TypedDict("GasInput", {
    "scores": NotRequired[list[GasScore]],
    "rho": NotRequired[float | None],
})

NetworkInput = TypedDict("NetworkInput", {
    "partners": NotRequired[list[Partner]],
    "cases": NotRequired[list[Case]],
    "on": Date,
})

OpenInput = TypedDict("OpenInput", {
    "id": str,
    "office": str,
    "case_worker": str,
    "opened": Date,
    "kind": NotRequired[Literal["counselling", "cm"] | None],
})

GateQuestion = TypedDict("GateQuestion", {
    "case": Case,
    "to": Literal["intake", "screening", "assessment", "planning", "implementation", "closure"],
    "on": Date,
})

RadarOptions = TypedDict("RadarOptions", {
    "language": NotRequired[Literal["de", "en", "plain"]],
    "first": NotRequired[Date | None],
    "second": NotRequired[Date | None],
    "perspectives": NotRequired[list[Literal["young_person", "case_worker", "third_party"]]],
    "size": NotRequired[int],
})

RadarInput = TypedDict("RadarInput", {
    "case": Case,
    "options": NotRequired[RadarOptions | None],
})

RenderOptions = TypedDict("RenderOptions", {
    "language": NotRequired[Literal["de", "en", "plain"]],
    "plan_version": NotRequired[int | None],
})

RenderInput = TypedDict("RenderInput", {
    "case": Case,
    "options": NotRequired[RenderOptions | None],
})

ReopenInput_ReopenAsNewCase = TypedDict("ReopenInput_ReopenAsNewCase", {
    "case": Case,
    "new_id": str,
    "on": Date,
})

CaseOn = TypedDict("CaseOn", {
    "case": Case,
    "on": Date,
})

StatisticsInput = TypedDict("StatisticsInput", {
    "cases": NotRequired[list[Case]],
    "on": Date,
    "min_cell": NotRequired[int | None],
})

GapQuery = TypedDict("GapQuery", {
    "period": NotRequired[Literal["month", "quarter", "year"]],
    "from": NotRequired[Date | None],
    "to": NotRequired[Date | None],
    "min_cell": NotRequired[int],
})

GapInput = TypedDict("GapInput", {
    "cases": NotRequired[list[Case]],
    "on": Date,
    "query": NotRequired[GapQuery | None],
})

AreaStructure = TypedDict("AreaStructure", {
    "area": Literal["language", "occupation", "relationships", "leisure", "everyday_life", "housing", "social_problems", "finances", "political_participation"],
    "difficulty": int,
    "gap_percent": int,
    "missing": NotRequired[Literal["family", "friends", "peers", "foreigners_authority", "job_centre", "social_welfare_office", "bamf", "family_court", "therapy_centre", "language_course", "school", "volunteer_project", "supported_housing", "counselling_service", "childcare", "other"] | None],
    "gap": str,
})

PopulationStructure = TypedDict("PopulationStructure", {
    "achieved_percent": NotRequired[int],
    "per_obstacle": NotRequired[int],
    "duldung": NotRequired[int],
    "dropout_percent": NotRequired[int],
    "first_rating_gap": NotRequired[int],
    "areas": NotRequired[list[AreaStructure]],
})

SyntheticOptions = TypedDict("SyntheticOptions", {
    "seed": NotRequired[int],
    "first_day": NotRequired[Date],
    "span_days": NotRequired[int],
    "case_workers": NotRequired[int],
    "office": NotRequired[str],
    "structure": NotRequired[PopulationStructure],
})

SyntheticInput = TypedDict("SyntheticInput", {
    "options": NotRequired[SyntheticOptions],
    "index": int,
})

CatalogueGoal = TypedDict("CatalogueGoal", {
    "id": str,
    "area": NotRequired[Literal["language", "occupation", "relationships", "leisure", "everyday_life", "housing", "social_problems", "finances", "political_participation"] | None],
    "label_de": str,
    "label_en": str,
})

Catalogue = TypedDict("Catalogue", {
    "schema": int,
    "goals": NotRequired[list[CatalogueGoal]],
})

AgendaItem = TypedDict("AgendaItem", {
    "date": Date,
    "kind": Literal["plan_review", "task_due", "task_overdue", "follow_up_talk", "case_review", "paper_file_cleanup", "cooperation_review"],
    "case_id": str,
    "goal_id": NotRequired[str | None],
    "partner_id": NotRequired[str | None],
    "what": str,
    "within_tolerance": NotRequired[bool],
})

Agenda = TypedDict("Agenda", {
    "query": NotRequired[AgendaQuery],
    "items": NotRequired[list[AgendaItem]],
})

Caseload = TypedDict("Caseload", {
    "case_worker": str,
    "running": int,
    "share": float,
    "per_full_time_post": float,
    "level": Literal["far_below_basis", "realistic", "agreed_basis", "high", "critical", "unjustifiable"],
    "warning": str,
})

PlanIssue = TypedDict("PlanIssue", {
    "severity": Literal["warning", "error"],
    "field": str,
    "message": str,
})

AreaChange = TypedDict("AreaChange", {
    "area": Literal["language", "occupation", "relationships", "leisure", "everyday_life", "housing", "social_problems", "finances", "political_participation"],
    "perspective": Literal["young_person", "case_worker", "third_party"],
    "rater": str,
    "before": int,
    "after": int,
    "delta": int,
})

CooperationDue = TypedDict("CooperationDue", {
    "partner_id": str,
    "name": str,
    "kind": Literal["personal", "case_specific", "non_case_specific"],
    "review_on": Date,
    "overdue": NotRequired[bool],
    "term_ends": NotRequired[bool],
})

GasResult = TypedDict("GasResult", {
    "t_score": float,
    "scores": NotRequired[list[GasScore]],
})

PartnerNode = TypedDict("PartnerNode", {
    "partner": Partner,
    "cases": NotRequired[list[str]],
    "referrals": int,
    "review_due": NotRequired[bool],
})

PersonalNetworkCount = TypedDict("PersonalNetworkCount", {
    "category": Literal["family", "friends", "peers", "foreigners_authority", "job_centre", "social_welfare_office", "bamf", "family_court", "therapy_centre", "language_course", "school", "volunteer_project", "supported_housing", "counselling_service", "childcare", "other"],
    "cases": int,
    "ties": int,
})

NetworkMap = TypedDict("NetworkMap", {
    "on": Date,
    "partners": NotRequired[list[PartnerNode]],
    "personal": NotRequired[list[PersonalNetworkCount]],
    "unknown_recipients": NotRequired[list[str]],
})

Post = TypedDict("Post", {
    "case_worker": str,
    "share": float,
})

Policy = TypedDict("Policy", {
    "schema": NotRequired[int],
    "min_age": NotRequired[int],
    "max_age": NotRequired[int],
    "guardian_consent_below_age": NotRequired[int | None],
    "consent_form_version": NotRequired[str | None],
    "screening_threshold": NotRequired[int],
    "scale_min": NotRequired[int],
    "scale_max": NotRequired[int],
    "active_goal_limit": NotRequired[int],
    "review_after_months": NotRequired[int],
    "anonymise_after_months": NotRequired[int],
    "follow_up_after_months": NotRequired[int],
    "skeleton_age": NotRequired[Literal["age_band_at_intake", "age_at_intake", "birth_year"]],
    "caseload_far_below": NotRequired[int],
    "caseload_realistic": NotRequired[int],
    "caseload_agreed": NotRequired[int],
    "caseload_observed": NotRequired[int],
    "caseload_unjustifiable": NotRequired[int],
    "posts": NotRequired[list[Post]],
    "catalogue": NotRequired[Catalogue | None],
})

Reopened = TypedDict("Reopened", {
    "previous": Case,
    "reopened": Case,
})

RetentionDecision = TypedDict("RetentionDecision", {
    "action": Literal["keep", "review_due", "close_and_anonymise", "anonymise"],
    "since": Date,
    "reason": str,
})

ScreeningRecommendation = TypedDict("ScreeningRecommendation", {
    "indicated": NotRequired[bool],
    "route": Literal["not_indicated", "obstacles", "preventive"],
    "obstacles": int,
    "reason": str,
})

StatCell = TypedDict("StatCell", {
    "count": NotRequired[int | None],
    "suppressed": NotRequired[bool],
})

StatTable = TypedDict("StatTable", {
    "name": str,
    "rows": NotRequired[list[str]],
    "columns": NotRequired[list[str]],
    "cells": NotRequired[list[list[StatCell]]],
    "row_totals": NotRequired[list[StatCell]],
    "column_totals": NotRequired[list[StatCell]],
    "total": StatCell,
})

StatisticsReport = TypedDict("StatisticsReport", {
    "on": Date,
    "min_cell": int,
    "tables": NotRequired[list[StatTable]],
})

GapBundleKey = TypedDict("GapBundleKey", {
    "area": NotRequired[Literal["language", "occupation", "relationships", "leisure", "everyday_life", "housing", "social_problems", "finances", "political_participation"] | None],
    "partner_kind": NotRequired[Literal["personal", "case_specific", "non_case_specific"] | None],
    "region": str,
})

SupplyGapReport = TypedDict("SupplyGapReport", {
    "on": Date,
    "query": NotRequired[GapQuery],
    "keys": NotRequired[list[GapBundleKey]],
    "table": StatTable,
})

SystemRequirementStatus = TypedDict("SystemRequirementStatus", {
    "requirement": Literal["network_map", "cooperation_review", "supply_gaps_passed_on", "working_groups"],
    "met": NotRequired[bool],
    "detail": str,
})

SystemRequirementsReport = TypedDict("SystemRequirementsReport", {
    "on": Date,
    "items": NotRequired[list[SystemRequirementStatus]],
    "met": int,
    "total": int,
})

AssessmentIssue = TypedDict("AssessmentIssue", {
    "field": str,
    "message": str,
})

Vocabulary = TypedDict("Vocabulary", {
    "name": str,
    "values": NotRequired[list[str]],
})

DueInput_CooperationsDue = TypedDict("DueInput_CooperationsDue", {
    "year": int,
    "on": Date,
})

ChartInput = TypedDict("ChartInput", {
    "case_id": str,
    "options": NotRequired[RadarOptions | None],
})

DocumentInput = TypedDict("DocumentInput", {
    "case_id": str,
    "options": NotRequired[RenderOptions | None],
})

CaseQuery = TypedDict("CaseQuery", {
    "case_worker": NotRequired[str | None],
    "phase": NotRequired[Literal["intake", "screening", "assessment", "planning", "implementation", "closure"] | None],
    "kind": NotRequired[Literal["counselling", "cm"] | None],
    "running": NotRequired[bool | None],
    "anonymised": NotRequired[bool | None],
    "last_contact_before": NotRequired[Date | None],
    "last_activity_before": NotRequired[Date | None],
    "open_reminders": NotRequired[bool | None],
    "limit": NotRequired[int],
})

StatisticsOptions = TypedDict("StatisticsOptions", {
    "on": Date,
    "min_cell": NotRequired[int | None],
    "query": NotRequired[CaseQuery | None],
})

GapsInput = TypedDict("GapsInput", {
    "on": Date,
    "query": NotRequired[CaseQuery | None],
    "gaps": NotRequired[GapQuery | None],
})

STEP_INPUTS: dict[str, Any] = {
    "add_assessment": Assessment,
    "add_journal_entry": JournalEntry,
    "adopt_plan": Plan,
    "anonymise": OnInput,
    "assign_substitute": Substitution,
    "change_phase": PhaseInput,
    "close_case": Closure,
    "complete_reminder": CompleteReminderInput,
    "decide_screening": ScreeningDecision,
    "disclose": DiscloseInput,
    "grant_release": Release,
    "hand_over": HandOverInput,
    "record_consent": ConsentInput,
    "record_cooperation": CooperationAgreement,
    "record_evaluation": Evaluation,
    "record_follow_up": FollowUpTalk,
    "record_intake": IntakeInput,
    "record_personal_tie": TieInput,
    "record_screening": Screening,
    "record_supply_gap": SupplyGap,
    "refer": Referral,
    "reopen_as_new_case": ReopenInput,
    "reopen_case": OnInput,
    "review_goal": GoalReview,
    "revoke_release": RevokeInput,
    "set_eligibility": EligibilityRecord,
    "set_person": PersonInput,
    "start_case_management": OnInput,
    "withdraw_consent": OnInput,
}

RULE_INPUTS: dict[str, Any] = {
    "agenda": AgendaInput,
    "caseload": list[CaseSummary],
    "check_eligibility": EligibilityQuestion,
    "check_plan": PlanQuestion,
    "compare_assessments": AssessmentPair,
    "cooperations_due": DueInput,
    "evaluate_cooperation": EvaluateInput,
    "gas_scores": Case,
    "gas_t_score": GasInput,
    "network_map": NetworkInput,
    "open_case": OpenInput,
    "phase_gate": GateQuestion,
    "radar_chart": RadarInput,
    "record_eligibility": EligibilityRecord,
    "render_evaluation": RenderInput,
    "render_plan": RenderInput,
    "reopen_as_new_case": ReopenInput_ReopenAsNewCase,
    "retention_decision": CaseOn,
    "screening_recommendation": Screening,
    "statistics": StatisticsInput,
    "summarise": Case,
    "supply_gaps": GapInput,
    "synthetic_case": SyntheticInput,
    "system_requirements": NetworkInput,
    "validate_assessment": Assessment,
    "validate_catalogue": Catalogue,
    "validate_partner": Partner,
}

RULE_OUTPUTS: dict[str, Any] = {
    "agenda": Agenda,
    "caseload": list[Caseload],
    "catalogue": Catalogue,
    "check_eligibility": EligibilityResult,
    "check_plan": list[PlanIssue],
    "compare_assessments": list[AreaChange],
    "cooperations_due": list[CooperationDue],
    "evaluate_cooperation": Partner,
    "gas_scores": list[GasScore],
    "gas_t_score": GasResult,
    "network_map": NetworkMap,
    "open_case": Case,
    "phase_gate": list[str],
    "policy": Policy,
    "radar_chart": str,
    "record_eligibility": EligibilityRecord,
    "render_evaluation": str,
    "render_plan": str,
    "reopen_as_new_case": Reopened,
    "retention_decision": RetentionDecision,
    "screening_recommendation": ScreeningRecommendation,
    "statistics": StatisticsReport,
    "summarise": CaseSummary,
    "supply_gaps": SupplyGapReport,
    "synthetic_case": Case,
    "system_requirements": SystemRequirementsReport,
    "validate_assessment": list[AssessmentIssue],
    "validate_catalogue": Catalogue,
    "validate_partner": Partner,
    "vocabulary": list[Vocabulary],
}

REQUEST_INPUTS: dict[str, Any] = {
    "agenda": AgendaQuery,
    "cooperations_due": DueInput_CooperationsDue,
    "network_map": OnInput,
    "radar_chart": ChartInput,
    "render_evaluation": DocumentInput,
    "render_plan": DocumentInput,
    "save_partner": Partner,
    "statistics": StatisticsOptions,
    "supply_gaps": GapsInput,
    "system_requirements": OnInput,
}

REQUEST_OUTPUTS: dict[str, Any] = {
    "agenda": Agenda,
    "caseload": list[Caseload],
    "cooperations_due": list[CooperationDue],
    "network_map": NetworkMap,
    "partners": list[Partner],
    "radar_chart": str,
    "render_evaluation": str,
    "render_plan": str,
    "save_partner": Partner,
    "statistics": StatisticsReport,
    "supply_gaps": SupplyGapReport,
    "system_requirements": SystemRequirementsReport,
}

SUMMARY: dict[str, str] = {
    "request/agenda": "Input: {from?, to?, tolerance_days?}. Output: {query, items}.",
    "request/caseload": "Input: (none). Output: [{case_worker, running, share, per_full_time_post, level, warning}].",
    "request/cooperations_due": "Input: {year, on}. Output: [{partner_id, name, kind, review_on, overdue, term_ends}].",
    "request/network_map": "Input: {on}. Output: {on, partners, personal, unknown_recipients}.",
    "request/partners": "Input: (none). Output: [Partner].",
    "request/radar_chart": "Input: {case_id, options?}. Output: string.",
    "request/render_evaluation": "Input: {case_id, options?}. Output: string.",
    "request/render_plan": "Input: {case_id, options?}. Output: string.",
    "request/save_partner": "Input: Partner. Output: Partner.",
    "request/statistics": "Input: {on, min_cell?, query?}. Output: {on, min_cell, tables}.",
    "request/supply_gaps": "Input: {on, query?, gaps?}. Output: {on, query, keys, table}.",
    "request/system_requirements": "Input: {on}. Output: {on, items, met, total}.",
    "rule/agenda": "Input: {cases?, partners?, query?}. Output: {query, items}.",
    "rule/caseload": "Input: [{id, version, office, case_worker, kind, phase, running?, anonymised?, opened, last_activity, last_contact, open_reminders?}]. Output: [{case_worker, running, share, per_full_time_post, level, warning}].",
    "rule/catalogue": "Input: (none). Output: {schema, goals}.",
    "rule/check_eligibility": "Input: {person, region?}. Output: {eligible, checks}.",
    "rule/check_plan": "Input: {plan, concluded?}. Output: [{severity, field, message}].",
    "rule/compare_assessments": "Input: {before, after}. Output: [{area, perspective, rater, before, after, delta}].",
    "rule/cooperations_due": "Input: {partners?, year, on}. Output: [{partner_id, name, kind, review_on, overdue, term_ends}].",
    "rule/evaluate_cooperation": "Input: {partner, on, next?}. Output: Partner.",
    "rule/gas_scores": "Input: Case. Output: [{goal_id, score, weight}].",
    "rule/gas_t_score": "Input: {scores?, rho?}. Output: {t_score, scores}.",
    "rule/network_map": "Input: {partners?, cases?, on}. Output: {on, partners, personal, unknown_recipients}.",
    "rule/open_case": "Input: {id, office, case_worker, opened, kind?}. Output: Case.",
    "rule/phase_gate": "Input: {case, to, on}. Output: [string].",
    "rule/policy": "Input: (none). Output: Policy.",
    "rule/radar_chart": "Input: {case, options?}. Output: string.",
    "rule/record_eligibility": "Input: {date, result, referral?, cm_justification?}. Output: {date, result, referral, cm_justification}.",
    "rule/render_evaluation": "Input: {case, options?}. Output: string.",
    "rule/render_plan": "Input: {case, options?}. Output: string.",
    "rule/reopen_as_new_case": "Input: {case, new_id, on}. Output: {previous, reopened}.",
    "rule/retention_decision": "Input: {case, on}. Output: {action, since, reason}.",
    "rule/screening_recommendation": "Input: {date, residence, answers?, integration_at_risk_without_cm?, preventive_justification?, decision?}. Output: {indicated, route, obstacles, reason}.",
    "rule/statistics": "Input: {cases?, on, min_cell?}. Output: {on, min_cell, tables}.",
    "rule/summarise": "Input: Case. Output: {id, version, office, case_worker, kind, phase, running, anonymised, opened, last_activity, last_contact, open_reminders}.",
    "rule/supply_gaps": "Input: {cases?, on, query?}. Output: {on, query, keys, table}.",
    "rule/synthetic_case": "Input: {options?, index}. Output: Case.",
    "rule/system_requirements": "Input: {partners?, cases?, on}. Output: {on, items, met, total}.",
    "rule/validate_assessment": "Input: {date, ratings?, competence_procedure?, reassessment_planned?}. Output: [{field, message}].",
    "rule/validate_catalogue": "Input: {schema, goals?}. Output: {schema, goals}.",
    "rule/validate_partner": "Input: Partner. Output: Partner.",
    "rule/vocabulary": "Input: (none). Output: [{name, values}].",
    "step/add_assessment": "Input: {date, ratings?, competence_procedure?, reassessment_planned?}. Output: the case.",
    "step/add_journal_entry": "Input: {date, kind, topic, with_young_person?, with_whom?, note?}. Output: the case.",
    "step/adopt_plan": "Input: {version, date, office, goals?, revision_reason?}. Output: the case.",
    "step/anonymise": "Input: {on}. Output: the case.",
    "step/assign_substitute": "Input: {colleague, from, until?, young_person_consented_on?, release_id?}. Output: the case.",
    "step/change_phase": "Input: {phase, on}. Output: the case.",
    "step/close_case": "Input: {date, reason, by_consensus?, referred_to?, continue_as_counselling?, follow_up_on?, remark?}. Output: the case.",
    "step/complete_reminder": "Input: {index, outcome, on, follow_up?}. Output: the case.",
    "step/decide_screening": "Input: {decided_on, take_into_cm?, justification?}. Output: the case.",
    "step/disclose": "Input: {recipient, kind, what?, on}. Output: the case.",
    "step/grant_release": "Input: {id, recipient, information?, purpose?, mutual?, written?, granted_on, guardian_signed_on?, expires_on?, revoked_on?, purpose_ended_on?}. Output: the case.",
    "step/hand_over": "Input: {case_worker, on}. Output: the case.",
    "step/record_consent": "Input: {consent, birth_date}. Output: the case.",
    "step/record_cooperation": "Input: {informed_on, agreed?, form}. Output: the case.",
    "step/record_evaluation": "Input: Evaluation. Output: the case.",
    "step/record_follow_up": "Input: {date, held?, sustainability?, renewed_help_needed?, note?}. Output: the case.",
    "step/record_intake": "Input: {intake, on}. Output: the case.",
    "step/record_personal_tie": "Input: {tie, on}. Output: the case.",
    "step/record_screening": "Input: {date, residence, answers?, integration_at_risk_without_cm?, preventive_justification?, decision?}. Output: the case.",
    "step/record_supply_gap": "Input: {date, area?, goal_id?, description?, partner_kind?, category?}. Output: the case.",
    "step/refer": "Input: {date, recipient, offer?, goal_id?, release_id?, partner_id?}. Output: the case.",
    "step/reopen_as_new_case": "Input: {new_id, on}. Output: the case.",
    "step/reopen_case": "Input: {on}. Output: the case.",
    "step/review_goal": "Input: {date, goal_id, achievement, consequence, remark?}. Output: the case.",
    "step/revoke_release": "Input: {release_id, on}. Output: the case.",
    "step/set_eligibility": "Input: {date, result, referral?, cm_justification?}. Output: the case.",
    "step/set_person": "Input: {person, on}. Output: the case.",
    "step/start_case_management": "Input: {on}. Output: the case.",
    "step/withdraw_consent": "Input: {on}. Output: the case.",
}
