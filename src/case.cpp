// R1-R11, R15: the steps on a case. Guards first (open, consent), then the rule, then
// the change, so a refused step leaves the case exactly as it was.
#include "jmdcm/case.hpp"

#include <algorithm>

namespace jmdcm {

namespace {

std::string name_of(Phase p) { return boost::describe::enum_to_string(p, "?"); }

void require_not_anonymised(const Case& c) {
    if (is_anonymised(c)) fail(errc::case_anonymised, "R13", "case", "case '" + c.id + "' is anonymised; nothing can be added");
}

void require_running(const Case& c) {
    require_not_anonymised(c);
    if (!is_running(c)) fail(errc::case_closed, "R11", "case.closure", "case '" + c.id + "' is closed; reopen it first");
}

/// R1/R3: without consent in force only anonymous counselling is possible.
void require_consent(const Case& c, Date on, const Policy& policy, const char* what) {
    if (!c.consent || !consent_in_force(*c.consent, on, policy))
        fail(errc::consent_required, "R3", "case.consent",
             std::string("no data consent in force on ") + to_iso(on) + ": " + what + " would store personal data");
}

void touch(Case& c, Date on) {
    if (c.last_activity.is_special() || on > c.last_activity) c.last_activity = on;
}

void require_date(Date d, const char* rule, const std::string& field) {
    if (d.is_special()) fail(errc::invalid_argument, rule, field, "a date is required");
}

bool has_personal_text(const JournalEntry& e) { return !is_blank(e.with_whom) || !is_blank(e.note); }

/// Marks the open reminders of a kind done (the library's own completions).
void end_reminders(Case& c, ReminderKind kind, ReminderOutcome outcome, Date on) {
    for (auto& r : c.reminders)
        if (r.kind == kind && !r.done) {
            r.done = true;
            r.outcome = outcome;
            r.done_on = on;
        }
}

void anonymise_leaving(Case& c, Date on, const std::vector<Partner>& registry, SkeletonAge age,
                       std::string paper_file_reminder);

void validate_supply_gap(const Case& c, const SupplyGap& gap, const Policy& policy, const std::string& field) {
    require_date(gap.date, "R10", field + ".date");
    if (!is_blank(gap.description)) require_consent(c, gap.date, policy, "a supply gap description");
    if (gap.category && gap.partner_kind && is_personal(*gap.category) != (*gap.partner_kind == PartnerKind::personal))
        fail(errc::invalid_argument, "R12", field + ".category",
             std::string("category '") + reflect::enum_name(*gap.category) + "' does not go with partner kind '" +
                 reflect::enum_name(*gap.partner_kind) + "'");
}

}  // namespace

// ------------------------------------------------------------------ queries
bool is_anonymised(const Case& c) { return c.anonymised_on.has_value(); }

bool is_running(const Case& c) {
    return !is_anonymised(c) && (!c.closure || c.closure->continue_as_counselling);
}

const Plan* current_plan(const Case& c) { return c.plans.empty() ? nullptr : &c.plans.back(); }

std::vector<const SupplyGap*> supply_gaps_of(const Case& c) {
    std::vector<const SupplyGap*> all;
    for (const auto& g : c.supply_gaps) all.push_back(&g);
    if (c.evaluation)
        for (const auto& g : c.evaluation->gaps) all.push_back(&g);
    return all;
}

Date last_contact(const Case& c) {
    Date last = c.opened;
    auto seen = [&](Date d) {
        if (!d.is_special() && (last.is_special() || d > last)) last = d;
    };
    if (c.intake) {  // R13: the first conversations are contact too
        seen(c.intake->first_contact);
        for (const auto& d : c.intake->conversations) seen(d);
    }
    for (const auto& e : c.journal)
        if (e.with_young_person) seen(e.date);
    for (const auto& a : c.assessments)  // held with the young person when they gave their own view
        if (std::any_of(a.ratings.begin(), a.ratings.end(), [](const AreaRating& r) { return r.perspective == Perspective::young_person; }))
            seen(a.date);
    return last;
}

std::map<std::string, LatestGoal> latest_goals(const Case& c) {
    std::map<std::string, LatestGoal> latest;
    for (const auto& p : c.plans)  // oldest first: later versions overwrite
        for (const auto& g : p.goals) latest[g.id] = {&g, p.version};
    return latest;
}

std::optional<Achievement> latest_achievement(const Case& c, std::string_view goal_id) {
    std::optional<Achievement> a;
    Date at;
    for (const auto& r : c.reviews)
        if (r.goal_id == goal_id && (at.is_special() || r.date >= at)) { a = r.achievement; at = r.date; }
    return a;
}

std::set<std::string> concluded_goals(const Case& c) {
    std::set<std::string> ids;
    for (const auto& r : c.reviews)
        if (auto a = latest_achievement(c, r.goal_id); a && concludes_goal(*a)) ids.insert(r.goal_id);
    return ids;
}

std::optional<int> age_of(const Case& c, Date on) {
    if (!c.person || c.person->birth_date.is_special()) return std::nullopt;
    return age_on(c.person->birth_date, on);
}

// ------------------------------------------------------------------ intake
Case open_case(std::string id, std::string office, std::string case_worker, Date opened, CaseKind kind) {
    if (is_blank(id)) fail(errc::invalid_argument, "R1", "case.id", "a case needs an id");
    if (is_blank(case_worker)) fail(errc::invalid_argument, "R15", "case.case_worker", "a case needs a responsible case worker");
    require_date(opened, "R1", "case.opened");
    Case c;
    c.id = std::move(id);
    c.office = std::move(office);
    c.case_worker = std::move(case_worker);
    c.kind = kind;
    c.phase = Phase::intake;
    c.opened = opened;
    c.last_activity = opened;
    return c;
}

void record_consent(Case& c, DataConsent consent, Date birth_date, const Policy& policy) {
    require_running(c);
    require_date(birth_date, "R3", "birth_date");
    validate_consent(consent, age_on(birth_date, consent.given_on), policy);
    if (consent.withdrawn_on) fail(errc::consent_invalid, "R3", "consent.withdrawn_on", "a new consent cannot be already withdrawn");
    touch(c, consent.given_on);
    c.consent = std::move(consent);
}

void withdraw_consent(Case& c, Date on, SkeletonAge age) {
    require_not_anonymised(c);
    if (!c.consent) fail(errc::consent_required, "R3", "case.consent", "there is no consent to withdraw");
    require_date(on, "R3", "withdrawn_on");
    anonymise_leaving(c, on, {}, age, "R3: consent withdrawn for case " + c.id + ": remove personal data from the paper file (Handakte)");
    c.consent->withdrawn_on = on;
    c.kind = CaseKind::counselling;         // CM needs consent; what is left is anonymous
}

void set_person(Case& c, MasterData person, Date on, const Policy& policy) {
    require_running(c);
    require_consent(c, on, policy, "master data");
    require_date(person.birth_date, "R2", "person.birth_date");
    validate_consent(*c.consent, age_on(person.birth_date, c.consent->given_on), policy);  // R3: the age decides, not what record_consent was told
    touch(c, on);
    c.person = std::move(person);
}

void record_intake(Case& c, Intake intake, Date on, const Policy& policy) {
    require_running(c);
    require_consent(c, on, policy, "the intake record");
    require_date(intake.first_contact, "R2", "intake.first_contact");
    touch(c, on);
    c.intake = std::move(intake);
}

void set_eligibility(Case& c, EligibilityRecord record, const Policy& policy) {
    require_running(c);
    require_consent(c, record.date, policy, "the eligibility check");
    record = record_eligibility(record.date, std::move(record.result), std::move(record.referral),
                                std::move(record.cm_justification));  // R2 referral rule
    touch(c, record.date);
    c.eligibility = std::move(record);
}

void record_cooperation(Case& c, CooperationAgreement agreement, const Policy& policy) {
    require_running(c);
    require_date(agreement.informed_on, "R5", "cooperation.informed_on");
    require_consent(c, agreement.informed_on, policy, "the cooperation agreement");
    touch(c, agreement.informed_on);
    if (!agreement.agreed) c.kind = CaseKind::counselling;  // R5 refused: counselling without CM
    c.cooperation = agreement;
}

// ------------------------------------------------------------------ releases
void grant_release(Case& c, Release release, const Policy& policy) {
    require_running(c);
    require_consent(c, release.granted_on, policy, "a release");
    const auto age = age_of(c, release.granted_on);
    if (!age) fail(errc::release_invalid, "R4", "person.birth_date", "record master data first: the guardian rule needs the age");
    validate_release(release, *age, policy);
    for (const auto& r : c.releases)
        if (r.id == release.id) fail(errc::already_exists, "R4", "release.id", "release '" + release.id + "' exists already");
    touch(c, release.granted_on);
    c.releases.push_back(std::move(release));
}

void revoke_release(Case& c, std::string_view release_id, Date on) {
    require_not_anonymised(c);
    for (auto& r : c.releases)
        if (r.id == release_id) {
            if (!r.revoked_on) r.revoked_on = on;
            touch(c, on);
            return;
        }
    fail(errc::not_found, "R4", "release.id", "no release '" + std::string(release_id) + "'");
}

const Disclosure& disclose(Case& c, std::string recipient, DisclosureKind kind, FreeText what, Date on, const Policy& policy) {
    require_not_anonymised(c);
    require_consent(c, on, policy, "a disclosure");
    const Release& r = require_release(c.releases, recipient, on, "disclosure.recipient");
    touch(c, on);
    c.disclosures.push_back({on, std::move(recipient), r.id, kind, std::move(what)});
    return c.disclosures.back();
}

// ------------------------------------------------------------------ screening, assessment, plan
void record_screening(Case& c, Screening screening, const Policy& policy) {
    require_running(c);
    if (!c.eligibility)
        fail(errc::phase_gate, "R2", "case.eligibility", "screening needs an eligibility record: check eligibility first (set_eligibility)");
    require_date(screening.date, "R6", "screening.date");
    require_consent(c, screening.date, policy, "the screening");
    validate_screening(screening);
    if (screening.decision) {  // a decision that comes along is checked like decide_screening
        auto d = std::move(*screening.decision);
        screening.decision.reset();
        jmdcm::decide_screening(screening, std::move(d), policy);
    }
    touch(c, screening.date);
    c.screening = std::move(screening);
    if (c.kind == CaseKind::cm && c.phase == Phase::intake) {
        c.phase_history.push_back({c.screening->date, c.phase, Phase::screening});
        c.phase = Phase::screening;
    }
}

void decide_screening(Case& c, ScreeningDecision decision, const Policy& policy) {
    require_running(c);
    if (!c.screening) fail(errc::phase_gate, "R6", "case.screening", "record the screening before deciding");
    Screening s = *c.screening;
    const Date on = decision.decided_on;
    jmdcm::decide_screening(s, std::move(decision), policy);
    touch(c, on);
    c.screening = std::move(s);
    if (!c.screening->decision->take_into_cm) c.kind = CaseKind::counselling;
}

void start_case_management(Case& c, Date on, const Policy& policy) {
    require_running(c);
    auto missing = phase_gate(c, Phase::assessment, on, policy);
    if (!missing.empty()) fail(errc::phase_gate, "R1", "case.kind", "cannot start CM: " + missing.front());
    c.kind = CaseKind::cm;
    if (c.phase < Phase::assessment) {
        c.phase_history.push_back({on, c.phase, Phase::assessment});
        c.phase = Phase::assessment;
    }
    touch(c, on);
}

std::vector<AssessmentIssue> add_assessment(Case& c, Assessment assessment, const Policy& policy) {
    require_running(c);
    auto warnings = validate_assessment(assessment, policy);
    require_consent(c, assessment.date, policy, "the assessment");
    if (!c.assessments.empty() && assessment.date < c.assessments.back().date)
        fail(errc::assessment_invalid, "R7", "assessment.date", "a re-assessment cannot predate the previous assessment");
    touch(c, assessment.date);
    c.assessments.push_back(std::move(assessment));
    return warnings;
}

std::vector<PlanIssue> adopt_plan(Case& c, Plan plan, const Policy& policy, const Catalogue* catalogue) {
    require_running(c);
    require_date(plan.date, "R9", "plan.date");
    require_consent(c, plan.date, policy, "the plan");
    if (c.assessments.empty() && !c.screening)
        fail(errc::phase_gate, "R1", "case.assessments", "no plan without a documented needs assessment");
    if (const Plan* prev = current_plan(c); prev && plan.date < prev->date)
        fail(errc::plan_invalid, "R9", "plan.date", "a revision cannot predate the plan it revises");
    plan.version = static_cast<int>(c.plans.size()) + 1;
    auto warnings = require_valid_plan(plan, policy, concluded_goals(c), catalogue);
    for (const auto& g : plan.goals) {  // R9 "no suitable offer" is a supply gap (R12)
        const bool known = std::any_of(c.supply_gaps.begin(), c.supply_gaps.end(),
                                       [&](const SupplyGap& s) { return s.goal_id == g.id; });
        if (!g.offer_available && !known) c.supply_gaps.push_back({plan.date, g.area, g.id, g.gap, std::nullopt, std::nullopt});
    }
    touch(c, plan.date);
    c.plans.push_back(std::move(plan));
    return warnings;
}

// ------------------------------------------------------------------ implementation
void add_journal_entry(Case& c, JournalEntry entry, const Policy& policy) {
    require_running(c);
    require_date(entry.date, "R10", "journal.date");
    if (has_personal_text(entry)) require_consent(c, entry.date, policy, "a journal note");
    touch(c, entry.date);
    c.journal.push_back(std::move(entry));
}

const Referral& refer(Case& c, Referral referral, const Policy& policy) {
    require_running(c);
    require_date(referral.date, "R10", "referral.date");
    require_consent(c, referral.date, policy, "a referral");
    if (referral.goal_id) {
        const Plan* p = current_plan(c);
        const bool found = p && std::any_of(p->goals.begin(), p->goals.end(), [&](const Goal& g) { return g.id == *referral.goal_id; });
        if (!found) fail(errc::not_found, "R10", "referral.goal_id", "no goal '" + *referral.goal_id + "' in the current plan");
    }
    const Release& r = require_release(c.releases, referral.recipient, referral.date, "referral.recipient");
    referral.release_id = r.id;
    touch(c, referral.date);
    c.disclosures.push_back({referral.date, referral.recipient, r.id, DisclosureKind::referral, referral.offer});
    c.referrals.push_back(std::move(referral));
    return c.referrals.back();
}

void review_goal(Case& c, GoalReview review, const Policy& policy) {
    require_running(c);
    require_date(review.date, "R10", "review.date");
    require_consent(c, review.date, policy, "a goal review");
    const Plan* p = current_plan(c);
    const bool found = p && std::any_of(p->goals.begin(), p->goals.end(), [&](const Goal& g) { return g.id == review.goal_id; });
    if (!found) fail(errc::not_found, "R10", "review.goal_id", "no goal '" + review.goal_id + "' in the current plan");
    const Phase back = review.consequence == ReviewConsequence::reassess     ? Phase::assessment
                       : review.consequence == ReviewConsequence::revise_plan ? Phase::planning
                                                                               : c.phase;
    touch(c, review.date);
    if (back < c.phase) {  // R1 Regelkreis: back in the loop
        c.phase_history.push_back({review.date, c.phase, back});
        c.phase = back;
    }
    c.reviews.push_back(std::move(review));
}

void record_supply_gap(Case& c, SupplyGap gap, const Policy& policy) {
    require_running(c);
    validate_supply_gap(c, gap, policy, "supply_gap");
    touch(c, gap.date);
    c.supply_gaps.push_back(std::move(gap));
}

void record_personal_tie(Case& c, PersonalTie tie, Date on, const Policy& policy) {
    require_running(c);
    require_date(on, "R12", "on");
    require_consent(c, on, policy, "a personal network entry");
    validate_tie(tie);
    touch(c, on);
    c.personal_network.push_back(std::move(tie));
}

// ------------------------------------------------------------------ phases
std::vector<std::string> phase_gate(const Case& c, Phase to, Date on, const Policy& policy) {
    std::vector<std::string> missing;
    if (c.kind == CaseKind::counselling && to > Phase::screening && !(c.screening && c.screening->decision && c.screening->decision->take_into_cm))
        missing.push_back("R1: a counselling case has no CM phases until screening takes it into CM");
    if (to >= Phase::screening) {
        if (!c.consent || !consent_in_force(*c.consent, on, policy)) missing.push_back("R3: data consent");
        if (!c.person) missing.push_back("R14: master data");
    }
    if (to >= Phase::screening && !c.eligibility) missing.push_back("R2: eligibility record");
    if (to >= Phase::assessment) {
        if (c.eligibility && !admits_cm(*c.eligibility))
            missing.push_back("R2: eligibility, or a professional justification for CM although not eligible");
        if (!c.screening) missing.push_back("R6: screening");
        else if (!c.screening->decision || !c.screening->decision->take_into_cm) missing.push_back("R6: screening decision to take into CM");
        if (!c.cooperation || !c.cooperation->agreed) missing.push_back("R5: cooperation agreement");
    }
    if (to >= Phase::planning && c.assessments.empty()) missing.push_back("R7: documented needs assessment");
    if (to >= Phase::implementation) {
        const Plan* p = current_plan(c);
        if (!p || p->goals.empty()) missing.push_back("R9: a plan with at least one goal");
    }
    return missing;
}

void change_phase(Case& c, Phase to, Date on, const Policy& policy) {
    require_running(c);
    if (c.kind == CaseKind::counselling) fail(errc::phase_gate, "R1", "case.phase", "a counselling case has no phases");
    if (to > c.phase) {
        auto missing = phase_gate(c, to, on, policy);
        if (!missing.empty())
            fail(errc::phase_gate, missing.front().substr(0, missing.front().find(':')), "case.phase",
                 "cannot enter " + name_of(to) + ": missing " + missing.front().substr(missing.front().find(':') + 2));
    }
    if (to == c.phase) return;
    c.phase_history.push_back({on, c.phase, to});
    c.phase = to;
    touch(c, on);
}

// ------------------------------------------------------------------ closure
void check_closure_conditions(const Case& c, const Closure& closure, const Policy& policy) {
    require_date(closure.date, "R11", "closure.date");
    switch (closure.reason) {
    case ClosureReason::no_contact: {   // possible from the review, due at nine months (R11)
        const Date possible = add_months(last_contact(c), policy.review_after_months);
        const Date due = add_months(last_contact(c), policy.anonymise_after_months);
        if (closure.date < possible)
            fail(errc::closure_invalid, "R11", "closure.reason",
                 "last contact was on " + to_iso(last_contact(c)) + "; 'no contact' applies from " + to_iso(possible));
        if (closure.date < due && is_blank(closure.remark))
            fail(errc::closure_invalid, "R11", "closure.remark",
                 "a 'no contact' closure before " + to_iso(due) + " needs the worker's note (how the young person was sought)");
        break;
    }
    case ClosureReason::structural_obstacles:
        if (is_blank(closure.referred_to) && supply_gaps_of(c).empty())
            fail(errc::closure_invalid, "R11", "closure.referred_to",
                 "structural obstacles: name where the young person was referred or record the missing offer");
        if (!is_blank(closure.referred_to)) require_release(c.releases, closure.referred_to, closure.date, "closure.referred_to");
        break;
    case ClosureReason::lack_of_cooperation:
        break;
    default:
        if (closure.continue_as_counselling)
            fail(errc::closure_invalid, "R11", "closure.continue_as_counselling",
                 "only a closure for lack of cooperation continues as a counselling case");
        break;
    }
}

bool closure_anonymises(const Case& c, const Closure& closure, const Policy& policy) {
    if (closure.reason == ClosureReason::office_closed) return true;
    return closure.reason == ClosureReason::no_contact && closure.date >= add_months(last_contact(c), policy.anonymise_after_months);
}

void close_case(Case& c, Closure closure, const Policy& policy) {
    require_not_anonymised(c);
    if (c.closure && !c.closure->continue_as_counselling) fail(errc::case_closed, "R11", "case.closure", "the case is closed already");
    check_closure_conditions(c, closure, policy);
    const auto reason = closure.reason;
    const bool anonymise_now = closure_anonymises(c, closure, policy);
    // no follow-up talk without contact; an early "no contact" file waits for its nine months (R13)
    if (reason != ClosureReason::no_contact && reason != ClosureReason::office_closed)
        closure.follow_up_on = add_months(closure.date, policy.follow_up_after_months);
    end_reminders(c, ReminderKind::case_review, ReminderOutcome::closed, closure.date);  // R13: the review decided "close"
    if (closure.follow_up_on)
        c.reminders.push_back(open_reminder(closure.date, *closure.follow_up_on, ReminderKind::follow_up_talk, "R11: follow-up talk for case " + c.id));
    if (c.kind == CaseKind::cm && c.phase != Phase::closure) c.phase_history.push_back({closure.date, c.phase, Phase::closure});
    if (c.kind == CaseKind::cm) c.phase = Phase::closure;
    if (closure.continue_as_counselling) c.kind = CaseKind::counselling;
    touch(c, closure.date);
    const Date on = closure.date;
    c.closure = std::move(closure);
    if (anonymise_now) anonymise(c, on, {}, policy.skeleton_age);  // R11/R13: no contact for nine months, office closes
}

void validate_evaluation(const Case& c, const Evaluation& evaluation, const Policy& policy) {
    require_date(evaluation.date, "R11", "evaluation.date");
    for (const auto& [field, member] : rated_dimensions)
        if (const auto& v = evaluation.*member; v && (*v < policy.scale_min || *v > policy.scale_max))
            fail(errc::invalid_argument, "R11", std::string("evaluation.") + field,
                 "rating " + std::to_string(*v) + " is off the scale " + std::to_string(policy.scale_min) + "-" + std::to_string(policy.scale_max));
    std::set<std::string> ids;
    for (const auto& p : c.plans)
        for (const auto& g : p.goals) ids.insert(g.id);
    for (std::size_t i = 0; i < evaluation.goals.size(); ++i)
        if (!ids.count(evaluation.goals[i].goal_id))
            fail(errc::not_found, "R11", "evaluation.goals[" + std::to_string(i) + "].goal_id",
                 "no goal '" + evaluation.goals[i].goal_id + "' in any plan of the case");
    for (std::size_t i = 0; i < evaluation.gaps.size(); ++i)
        validate_supply_gap(c, evaluation.gaps[i], policy, "evaluation.gaps[" + std::to_string(i) + "]");
}

void record_evaluation(Case& c, Evaluation evaluation, const Policy& policy) {
    require_not_anonymised(c);
    const bool deciding = c.kind == CaseKind::cm && c.phase == Phase::closure && !c.closure;
    if (!deciding && !c.closure)
        fail(errc::phase_gate, "R11", "case.phase", "the evaluation belongs to the closure phase: enter it (change_phase) or close the case");
    if (c.closure && c.evaluation)
        fail(errc::closure_invalid, "R11", "case.evaluation", "the case is closed with its evaluation; it is no longer changed");
    validate_evaluation(c, evaluation, policy);
    touch(c, evaluation.date);
    c.evaluation = std::move(evaluation);
}

Reminder open_reminder(Date created, Date due, ReminderKind kind, std::string text) {
    return {created, due, kind, std::move(text), false, std::nullopt, std::nullopt};
}

std::vector<ReminderOutcome> outcomes_for(ReminderKind kind) {
    switch (kind) {
    case ReminderKind::case_review: return {ReminderOutcome::continued, ReminderOutcome::closed};
    case ReminderKind::follow_up_talk: return {ReminderOutcome::held, ReminderOutcome::declined};
    case ReminderKind::paper_file_cleanup: return {ReminderOutcome::destroyed, ReminderOutcome::handed_over};
    }
    return {};
}

void require_outcome_of_kind(ReminderKind kind, std::optional<ReminderOutcome> outcome, const std::string& field, bool lapsed_too) {
    auto allowed = outcomes_for(kind);
    if (lapsed_too) allowed.push_back(ReminderOutcome::lapsed);
    if (outcome && std::find(allowed.begin(), allowed.end(), *outcome) != allowed.end()) return;
    std::string names;
    for (auto o : allowed) names += (names.empty() ? "" : " or ") + reflect::enum_name(o);
    fail(errc::invalid_argument, "R13", field, "a " + reflect::enum_name(kind) + " reminder ends " + names);
}

void check_follow_up(const Case& c, const FollowUpTalk& talk, const Policy& policy) {
    require_not_anonymised(c);
    if (!c.closure || c.closure->continue_as_counselling)
        fail(errc::phase_gate, "R11", "case.closure", "the follow-up talk follows the closure of case '" + c.id + "'");
    if (c.follow_up) fail(errc::invalid_argument, "R11", "case.follow_up", "the follow-up talk of case '" + c.id + "' is recorded already");
    require_date(talk.date, "R11", "follow_up.date");
    if (talk.date < c.closure->date)
        fail(errc::invalid_argument, "R11", "follow_up.date", "the follow-up talk cannot predate the closure on " + to_iso(c.closure->date));
    if (!talk.held && (talk.sustainability || talk.renewed_help_needed))
        fail(errc::invalid_argument, "R11", "follow_up.held", "a declined talk records no sustainability and no renewed need");
    if (talk.sustainability && (*talk.sustainability < policy.scale_min || *talk.sustainability > policy.scale_max))
        fail(errc::invalid_argument, "R11", "follow_up.sustainability",
             "rating " + std::to_string(*talk.sustainability) + " is off the scale " + std::to_string(policy.scale_min) + "-" +
                 std::to_string(policy.scale_max));
    if (!is_blank(talk.note)) require_consent(c, talk.date, policy, "a note on the follow-up talk");
}

void record_follow_up(Case& c, FollowUpTalk talk, const Policy& policy) {
    check_follow_up(c, talk, policy);
    end_reminders(c, ReminderKind::follow_up_talk, talk.held ? ReminderOutcome::held : ReminderOutcome::declined, talk.date);
    touch(c, talk.date);
    c.follow_up = std::move(talk);
}

void complete_reminder(Case& c, std::size_t index, ReminderOutcome outcome, Date on, const Policy& policy,
                       std::optional<FollowUpTalk> follow_up) {
    const std::string field = "reminders[" + std::to_string(index) + "]";
    if (index >= c.reminders.size()) fail(errc::not_found, "R13", field, "case '" + c.id + "' has no such reminder");
    require_date(on, "R13", "on");
    const Reminder& r = c.reminders[index];
    if (r.done) fail(errc::invalid_argument, "R13", field, "the reminder is done already");
    require_outcome_of_kind(r.kind, outcome, "outcome");
    if (follow_up && r.kind != ReminderKind::follow_up_talk)
        fail(errc::invalid_argument, "R11", "follow_up", "only a follow-up reminder records a follow-up talk");
    switch (r.kind) {
    case ReminderKind::follow_up_talk: {
        FollowUpTalk talk = follow_up.value_or(FollowUpTalk{on, outcome == ReminderOutcome::held, std::nullopt, false, {}});
        if (talk.held != (outcome == ReminderOutcome::held))
            fail(errc::invalid_argument, "R11", "follow_up.held", "the talk's 'held' contradicts the outcome " + reflect::enum_name(outcome));
        return record_follow_up(c, std::move(talk), policy);   // completes this reminder
    }
    case ReminderKind::case_review:
        require_not_anonymised(c);
        if (outcome == ReminderOutcome::continued) {
            require_running(c);
            touch(c, on);   // the decision to continue is activity: the next review is months away
        } else if (is_running(c)) {
            fail(errc::invalid_argument, "R11", "outcome", "close case '" + c.id + "' with close_case, which completes its review");
        }
        break;
    case ReminderKind::paper_file_cleanup:
        break;   // the paper file is the office's: done on an anonymised case too
    }
    Reminder& done = c.reminders[index];
    done.done = true;
    done.outcome = outcome;
    done.done_on = is_anonymised(c) ? month_start(on) : on;   // an anonymised file keeps months only (R13)
}

void reopen_case(Case& c, Date on, const Policy& policy) {
    require_not_anonymised(c);
    if (!c.closure) fail(errc::invalid_argument, "R11", "case.closure", "the case is not closed");
    require_consent(c, on, policy, "reopening");
    end_reminders(c, ReminderKind::follow_up_talk, ReminderOutcome::lapsed, on);
    c.closure.reset();                      // R11: clear the end date and continue
    c.evaluation.reset();
    c.follow_up.reset();                    // it belonged to the closure just cleared
    c.kind = CaseKind::cm;
    c.phase_history.push_back({on, c.phase, Phase::implementation});
    c.phase = Phase::implementation;
    touch(c, on);
}

Case reopen_as_new_case(Case& old, std::string new_id, Date on, const Policy& policy) {
    if (new_id == old.id) fail(errc::invalid_argument, "R11", "new_id", "the new case needs a new id");
    // Reopening follows a closure; a file anonymised without one (R3 withdrawal) is also over.
    if (!old.closure && !is_anonymised(old)) fail(errc::invalid_argument, "R11", "case.closure", "the case is not closed");
    Case fresh = open_case(std::move(new_id), old.office, old.case_worker, on, CaseKind::counselling);
    if (!is_anonymised(old)) anonymise(old, on, {}, policy.skeleton_age);  // R11: the old file is anonymised first, never deleted
    return fresh;
}

void anonymise(Case& c, Date on, const std::vector<Partner>& registry, SkeletonAge age) {
    anonymise_leaving(c, on, registry, age,
                      "R13: case " + c.id + " anonymised: destroy the personal data in the paper file (Handakte) or hand it over as the retention rules say");
}

namespace {

// R13: the one age the policy chose, never two. Without an intake date the age at intake
// is unknown, so nothing is kept rather than something finer.
void keep_age(StatisticalSkeleton& s, Date birth, Date intake, SkeletonAge age) {
    s.birth_year.reset();
    s.age_at_intake.reset();
    s.age_band_at_intake.reset();
    if (age == SkeletonAge::birth_year) s.birth_year = birth.year();
    else if (intake.is_special()) return;
    else if (age == SkeletonAge::age_at_intake) s.age_at_intake = age_on(birth, intake);
    else s.age_band_at_intake = age_band(age_on(birth, intake));
}

void anonymise_leaving(Case& c, Date on, const std::vector<Partner>& registry, SkeletonAge age,
                       std::string paper_file_reminder) {
    require_date(on, "R13", "anonymised_on");
    if (is_anonymised(c)) return strip_to_skeleton(c, registry);
    end_reminders(c, ReminderKind::case_review, ReminderOutcome::lapsed, on);     // nobody can review or
    end_reminders(c, ReminderKind::follow_up_talk, ReminderOutcome::lapsed, on);  // talk about an anonymous file
    StatisticalSkeleton s = c.skeleton.value_or(StatisticalSkeleton{});
    if (c.person) {
        const auto& p = *c.person;
        if (!p.birth_date.is_special()) keep_age(s, p.birth_date, c.opened, age);
        s.gender = p.gender;
        s.region = p.address.postcode.substr(0, 3);
        s.residence = p.residence.category;
    } else if (c.screening) {
        s.residence = c.screening->residence.category;
    }
    c.skeleton = s;
    strip_to_skeleton(c, registry);
    c.anonymised_on = on;
    // R3, R13: the paper file holds the same data; its reminder is the one open item an
    // anonymised case keeps (dated to the month like every date that survives).
    c.reminders.push_back(open_reminder(month_start(on), month_start(on), ReminderKind::paper_file_cleanup, std::move(paper_file_reminder)));
}

}  // namespace

namespace {

bool is_recipient_label(const std::string& r) {
    if (r == "colleague" || r == "institution") return true;
    PartnerCategory k{};
    return boost::describe::enum_from_string(r.c_str(), k);
}

// A skeleton stored before the policy chose held both the year of birth and the age at
// intake: what it shows now is the band, the coarsest (R13).
void keep_one_age(StatisticalSkeleton& s) {
    const int ages = s.birth_year.has_value() + s.age_at_intake.has_value() + s.age_band_at_intake.has_value();
    if (ages < 2) return;
    if (!s.age_band_at_intake && s.age_at_intake) s.age_band_at_intake = age_band(*s.age_at_intake);
    if (s.age_band_at_intake) s.birth_year.reset();
    s.age_at_intake.reset();
}

}  // namespace

void strip_to_skeleton(Case& c, const std::vector<Partner>& registry) {
    c.person.reset();
    if (c.skeleton) keep_one_age(*c.skeleton);
    const auto anonymised_on = c.anonymised_on;  // the day of the operation stays exact
    // Every free text goes, every date is coarsened to its month: one walk over the whole case.
    reflect::walk(c, [](auto& leaf) {
        using L = std::remove_cvref_t<decltype(leaf)>;
        if constexpr (std::is_same_v<L, FreeText>) leaf.wipe();
        else if constexpr (std::is_same_v<L, Date>) { if (!leaf.is_special()) leaf = month_start(leaf); }
    });
    // Names typed by people narrow a person down too: institutions become their category
    // in the office's network (or "institution"), colleagues "colleague" (R13 skeleton).
    std::set<std::string> colleagues{c.case_worker};
    for (const auto& d : c.disclosures)
        if (d.kind == DisclosureKind::handover || d.kind == DisclosureKind::substitution) colleagues.insert(d.recipient);
    for (const auto& s : c.substitutions) colleagues.insert(s.colleague);
    auto label = [&](std::string& name, const std::optional<std::string>& partner_id = std::nullopt) {
        if (name.empty() || is_recipient_label(name)) return;
        if (colleagues.count(name)) { name = "colleague"; return; }
        const auto p = std::find_if(registry.begin(), registry.end(),
                                    [&](const Partner& x) { return (partner_id && x.id == *partner_id) || x.name == name || x.id == name; });
        name = p == registry.end() ? "institution" : reflect::enum_name(p->category);
    };
    for (auto& r : c.referrals) label(r.recipient, r.partner_id);
    for (auto& r : c.releases) label(r.recipient);
    for (auto& d : c.disclosures) label(d.recipient);
    if (c.eligibility && c.eligibility->referral) label(c.eligibility->referral->recipient);
    if (c.closure) label(c.closure->referred_to);
    if (c.consent) c.consent->form_language.clear();  // the form's language hints at the origin
    for (auto& t : c.plans)
        for (auto& g : t.goals) {
            g.institutions.clear();
            for (auto& task : g.tasks) task.institution.clear();
        }
    for (auto& r : c.assessments)
        for (auto& rating : r.ratings) rating.rater.clear();
    c.anonymised_on = anonymised_on;
}

// ------------------------------------------------------------------ organisation
void assign_substitute(Case& c, Substitution s, const Policy& policy) {
    require_running(c);
    require_date(s.from, "R15", "substitution.from");
    if (!s.young_person_consented_on || *s.young_person_consented_on > s.from)
        fail(errc::substitution_refused, "R15", "substitution.young_person_consented_on",
             "substitution by '" + s.colleague + "' needs the young person's consent");
    const Disclosure& d = disclose(c, s.colleague, DisclosureKind::substitution, FreeText("case file for substitution"), s.from, policy);
    s.release_id = d.release_id;
    c.substitutions.push_back(std::move(s));
}

void hand_over(Case& c, std::string new_case_worker, Date on, const Policy& policy) {
    require_running(c);
    if (new_case_worker == c.case_worker) return;
    disclose(c, new_case_worker, DisclosureKind::handover, FreeText("case file handed over"), on, policy);
    c.case_worker = std::move(new_case_worker);
}

}  // namespace jmdcm
