// The operations' names with their documents, generated from the library's JSON Schemas
// (Library.Schema) by capi/abi/check_schemas.py --update: do not edit.
namespace Jmdcm
{
    /// <summary>The names of the steps (jmdcm_case_step and jmdcm_store_step; every step answers the case), each with its input and output;
    /// <c>?</c> marks a member a host may leave out. Library.Schema gives the whole schema.</summary>
    public static class Steps
    {
        /// <summary>Input: {date, ratings?, competence_procedure?, reassessment_planned?}. Output: the case.</summary>
        public const string AddAssessment = "add_assessment";
        /// <summary>Input: {date, kind, topic, with_young_person?, with_whom?, note?}. Output: the case.</summary>
        public const string AddJournalEntry = "add_journal_entry";
        /// <summary>Input: {version, date, office, goals?, revision_reason?}. Output: the case.</summary>
        public const string AdoptPlan = "adopt_plan";
        /// <summary>Input: {on}. Output: the case.</summary>
        public const string Anonymise = "anonymise";
        /// <summary>Input: {colleague, from, until?, young_person_consented_on?, release_id?}. Output: the case.</summary>
        public const string AssignSubstitute = "assign_substitute";
        /// <summary>Input: {phase, on}. Output: the case.</summary>
        public const string ChangePhase = "change_phase";
        /// <summary>Input: {date, reason, by_consensus?, referred_to?, continue_as_counselling?, follow_up_on?, remark?}. Output: the case.</summary>
        public const string CloseCase = "close_case";
        /// <summary>Input: {index, outcome, on, follow_up?}. Output: the case.</summary>
        public const string CompleteReminder = "complete_reminder";
        /// <summary>Input: {decided_on, take_into_cm?, justification?}. Output: the case.</summary>
        public const string DecideScreening = "decide_screening";
        /// <summary>Input: {recipient, kind, what?, on}. Output: the case.</summary>
        public const string Disclose = "disclose";
        /// <summary>Input: {id, recipient, information?, purpose?, mutual?, written?, granted_on, guardian_signed_on?, expires_on?, revoked_on?, purpose_ended_on?}. Output: the case.</summary>
        public const string GrantRelease = "grant_release";
        /// <summary>Input: {case_worker, on}. Output: the case.</summary>
        public const string HandOver = "hand_over";
        /// <summary>Input: {consent, birth_date}. Output: the case.</summary>
        public const string RecordConsent = "record_consent";
        /// <summary>Input: {informed_on, agreed?, form}. Output: the case.</summary>
        public const string RecordCooperation = "record_cooperation";
        /// <summary>Input: Evaluation. Output: the case.</summary>
        public const string RecordEvaluation = "record_evaluation";
        /// <summary>Input: {date, held?, sustainability?, renewed_help_needed?, note?}. Output: the case.</summary>
        public const string RecordFollowUp = "record_follow_up";
        /// <summary>Input: {intake, on}. Output: the case.</summary>
        public const string RecordIntake = "record_intake";
        /// <summary>Input: {tie, on}. Output: the case.</summary>
        public const string RecordPersonalTie = "record_personal_tie";
        /// <summary>Input: {date, residence, answers?, integration_at_risk_without_cm?, preventive_justification?, decision?}. Output: the case.</summary>
        public const string RecordScreening = "record_screening";
        /// <summary>Input: {date, area?, goal_id?, description?, partner_kind?, category?}. Output: the case.</summary>
        public const string RecordSupplyGap = "record_supply_gap";
        /// <summary>Input: {date, recipient, offer?, goal_id?, release_id?, partner_id?}. Output: the case.</summary>
        public const string Refer = "refer";
        /// <summary>Input: {new_id, on}. Output: the case.</summary>
        public const string ReopenAsNewCase = "reopen_as_new_case";
        /// <summary>Input: {on}. Output: the case.</summary>
        public const string ReopenCase = "reopen_case";
        /// <summary>Input: {date, goal_id, achievement, consequence, remark?}. Output: the case.</summary>
        public const string ReviewGoal = "review_goal";
        /// <summary>Input: {release_id, on}. Output: the case.</summary>
        public const string RevokeRelease = "revoke_release";
        /// <summary>Input: {date, result, referral?, cm_justification?}. Output: the case.</summary>
        public const string SetEligibility = "set_eligibility";
        /// <summary>Input: {person, on}. Output: the case.</summary>
        public const string SetPerson = "set_person";
        /// <summary>Input: {on}. Output: the case.</summary>
        public const string StartCaseManagement = "start_case_management";
        /// <summary>Input: {on}. Output: the case.</summary>
        public const string WithdrawConsent = "withdraw_consent";
    }

    /// <summary>The names of the rules (jmdcm_rule_evaluate), each with its input and output;
    /// <c>?</c> marks a member a host may leave out. Library.Schema gives the whole schema.</summary>
    public static class Rules
    {
        /// <summary>Input: {cases?, partners?, query?}. Output: {query, items}.</summary>
        public const string Agenda = "agenda";
        /// <summary>Input: [{id, version, office, case_worker, kind, phase, running?, anonymised?, opened, last_activity, last_contact, open_reminders?}]. Output: [{case_worker, running, share, per_full_time_post, level, warning}].</summary>
        public const string Caseload = "caseload";
        /// <summary>Input: (none). Output: {schema, goals}.</summary>
        public const string Catalogue = "catalogue";
        /// <summary>Input: {person, region?}. Output: {eligible, checks}.</summary>
        public const string CheckEligibility = "check_eligibility";
        /// <summary>Input: {plan, concluded?}. Output: [{severity, field, message}].</summary>
        public const string CheckPlan = "check_plan";
        /// <summary>Input: {before, after}. Output: [{area, perspective, rater, before, after, delta}].</summary>
        public const string CompareAssessments = "compare_assessments";
        /// <summary>Input: {partners?, year, on}. Output: [{partner_id, name, kind, review_on, overdue, term_ends}].</summary>
        public const string CooperationsDue = "cooperations_due";
        /// <summary>Input: {partner, on, next?}. Output: Partner.</summary>
        public const string EvaluateCooperation = "evaluate_cooperation";
        /// <summary>Input: Case. Output: [{goal_id, score, weight}].</summary>
        public const string GasScores = "gas_scores";
        /// <summary>Input: {scores?, rho?}. Output: {t_score, scores}.</summary>
        public const string GasTScore = "gas_t_score";
        /// <summary>Input: {partners?, cases?, on}. Output: {on, partners, personal, unknown_recipients}.</summary>
        public const string NetworkMap = "network_map";
        /// <summary>Input: {id, office, case_worker, opened, kind?}. Output: Case.</summary>
        public const string OpenCase = "open_case";
        /// <summary>Input: {case, to, on}. Output: [string].</summary>
        public const string PhaseGate = "phase_gate";
        /// <summary>Input: (none). Output: Policy.</summary>
        public const string Policy = "policy";
        /// <summary>Input: {case, options?}. Output: string.</summary>
        public const string RadarChart = "radar_chart";
        /// <summary>Input: {date, result, referral?, cm_justification?}. Output: {date, result, referral, cm_justification}.</summary>
        public const string RecordEligibility = "record_eligibility";
        /// <summary>Input: {case, options?}. Output: string.</summary>
        public const string RenderEvaluation = "render_evaluation";
        /// <summary>Input: {case, options?}. Output: string.</summary>
        public const string RenderPlan = "render_plan";
        /// <summary>Input: {case, new_id, on}. Output: {previous, reopened}.</summary>
        public const string ReopenAsNewCase = "reopen_as_new_case";
        /// <summary>Input: {case, on}. Output: {action, since, reason}.</summary>
        public const string RetentionDecision = "retention_decision";
        /// <summary>Input: {date, residence, answers?, integration_at_risk_without_cm?, preventive_justification?, decision?}. Output: {indicated, route, obstacles, reason}.</summary>
        public const string ScreeningRecommendation = "screening_recommendation";
        /// <summary>Input: {cases?, on, min_cell?}. Output: {on, min_cell, tables}.</summary>
        public const string Statistics = "statistics";
        /// <summary>Input: Case. Output: {id, version, office, case_worker, kind, phase, running, anonymised, opened, last_activity, last_contact, open_reminders}.</summary>
        public const string Summarise = "summarise";
        /// <summary>Input: {cases?, on, query?}. Output: {on, query, keys, table}.</summary>
        public const string SupplyGaps = "supply_gaps";
        /// <summary>Input: {options?, index}. Output: Case.</summary>
        public const string SyntheticCase = "synthetic_case";
        /// <summary>Input: {partners?, cases?, on}. Output: {on, items, met, total}.</summary>
        public const string SystemRequirements = "system_requirements";
        /// <summary>Input: {date, ratings?, competence_procedure?, reassessment_planned?}. Output: [{field, message}].</summary>
        public const string ValidateAssessment = "validate_assessment";
        /// <summary>Input: {schema, goals?}. Output: {schema, goals}.</summary>
        public const string ValidateCatalogue = "validate_catalogue";
        /// <summary>Input: Partner. Output: Partner.</summary>
        public const string ValidatePartner = "validate_partner";
        /// <summary>Input: (none). Output: [{name, values}].</summary>
        public const string Vocabulary = "vocabulary";
    }

    /// <summary>The names of the requests (jmdcm_store_request), each with its input and output;
    /// <c>?</c> marks a member a host may leave out. Library.Schema gives the whole schema.</summary>
    public static class Requests
    {
        /// <summary>Input: {from?, to?, tolerance_days?}. Output: {query, items}.</summary>
        public const string Agenda = "agenda";
        /// <summary>Input: (none). Output: [{case_worker, running, share, per_full_time_post, level, warning}].</summary>
        public const string Caseload = "caseload";
        /// <summary>Input: {year, on}. Output: [{partner_id, name, kind, review_on, overdue, term_ends}].</summary>
        public const string CooperationsDue = "cooperations_due";
        /// <summary>Input: {on}. Output: {on, partners, personal, unknown_recipients}.</summary>
        public const string NetworkMap = "network_map";
        /// <summary>Input: (none). Output: [Partner].</summary>
        public const string Partners = "partners";
        /// <summary>Input: {case_id, options?}. Output: string.</summary>
        public const string RadarChart = "radar_chart";
        /// <summary>Input: {case_id, options?}. Output: string.</summary>
        public const string RenderEvaluation = "render_evaluation";
        /// <summary>Input: {case_id, options?}. Output: string.</summary>
        public const string RenderPlan = "render_plan";
        /// <summary>Input: Partner. Output: Partner.</summary>
        public const string SavePartner = "save_partner";
        /// <summary>Input: {on, min_cell?, query?}. Output: {on, min_cell, tables}.</summary>
        public const string Statistics = "statistics";
        /// <summary>Input: {on, query?, gaps?}. Output: {on, query, keys, table}.</summary>
        public const string SupplyGaps = "supply_gaps";
        /// <summary>Input: {on}. Output: {on, items, met, total}.</summary>
        public const string SystemRequirements = "system_requirements";
    }
}
