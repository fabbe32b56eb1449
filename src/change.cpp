// R1, R3, R4, R11, R13, R15: judging a proposed case document against the stored one.
// Each check names the rule and the field; the first failure wins, nothing is changed.
#include "jmdcm/change.hpp"

#include <algorithm>
#include <climits>
#include <limits>

namespace jmdcm {

namespace {

std::string at(const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

/// The recorded entries of `before` stay unchanged at the front of `after`, except for the
/// narrow update `allowed(old, new)` permits. Returns the index of the first new entry.
template <class T, class Allowed>
std::size_t recorded(const std::vector<T>& before, const std::vector<T>& after, const char* rule, const char* list,
                     Allowed allowed) {
    if (after.size() < before.size())
        fail(errc::history_changed, rule, std::string("case.") + list,
             std::to_string(before.size()) + " entries are recorded, the document has " + std::to_string(after.size()) +
                 ": recorded entries cannot be removed");
    for (std::size_t i = 0; i < before.size(); ++i)
        if (!(before[i] == after[i]) && !allowed(before[i], after[i]))
            fail(errc::history_changed, rule, at(list, i), "a recorded entry cannot be edited; record a correction as a new entry");
    return before.size();
}

template <class T>
std::size_t recorded(const std::vector<T>& before, const std::vector<T>& after, const char* rule, const char* list) {
    return recorded(before, after, rule, list, [](const T&, const T&) { return false; });
}

/// An optional date that may only go from absent to present.
bool set_once(const std::optional<Date>& before, std::optional<Date>& after) {
    if (before || !after) return before == after;
    after.reset();
    return true;
}

void covered(const Case& p, Date d, const Policy& policy, const std::string& field) {
    if (d.is_special() || !p.consent || !consent_in_force(*p.consent, d, policy))
        fail(errc::consent_required, "R3", field,
             "no data consent in force on " + (d.is_special() ? std::string("(no date)") : to_iso(d)) +
                 ": this entry would store personal data");
}

/// R3 with the master data: under the guardian age on the day of consent, the guardians
/// consent too. The birth date comes from the document, not from what a step was told.
void consent_matches_person(const Case& p, const Policy& policy) {
    if (!p.person || !p.consent || p.person->birth_date.is_special()) return;
    validate_consent(*p.consent, age_on(p.person->birth_date, p.consent->given_on), policy);
}

/// R4: a disclosure names a release for its recipient that holds on its date.
void disclosure_covered(const Case& p, const Disclosure& d, const std::string& field) {
    const auto it = std::find_if(p.releases.begin(), p.releases.end(), [&](const Release& r) { return r.id == d.release_id; });
    if (it == p.releases.end() || it->recipient != d.recipient || !release_valid_on(*it, d.date))
        fail(errc::release_required, "R4", field,
             "no release from confidentiality for recipient '" + d.recipient + "' on " + to_iso(d.date));
}

bool has_new_disclosure(const Case& p, std::size_t first_new, DisclosureKind kind, const std::string& recipient) {
    return std::any_of(p.disclosures.begin() + static_cast<std::ptrdiff_t>(first_new), p.disclosures.end(),
                       [&](const Disclosure& d) { return d.kind == kind && d.recipient == recipient; });
}

bool closed(const Case& c) { return c.closure && !c.closure->continue_as_counselling; }

/// R13: a reminder may be marked done once, with its day and an outcome of its kind, never
/// undone. What a person's outcome claims must be so in the document: a review continued on
/// a running case or closed on a closed one, a follow-up talk recorded as held or declined.
std::size_t recorded_reminders(const Case& s, const Case& p) {
    const std::size_t n = recorded(s.reminders, p.reminders, "R13", "reminders", [](const Reminder& a, Reminder b) {
        if (a.done) return false;
        b.done = a.done;
        b.outcome = a.outcome;
        b.done_on = a.done_on;
        return a == b;
    });
    for (std::size_t i = 0; i < n; ++i) {
        const Reminder& r = p.reminders[i];
        if (s.reminders[i].done || !r.done) continue;
        const std::string field = at("reminders", i);
        if (!r.done_on) fail(errc::invalid_argument, "R13", field + ".done_on", "a reminder is done on a day");
        // a follow-up reminder lapses when the case is reopened
        require_outcome_of_kind(r.kind, r.outcome, field + ".outcome", r.kind == ReminderKind::follow_up_talk && !closed(p));
        const auto o = *r.outcome;
        if (o == ReminderOutcome::continued && !is_running(p))
            fail(errc::case_closed, "R13", field + ".outcome", "a closed case does not continue: reopen it first");
        if (o == ReminderOutcome::closed && !closed(p))
            fail(errc::invalid_argument, "R13", field + ".outcome", "the review says 'closed' but the case is not: use close_case");
        if ((o == ReminderOutcome::held || o == ReminderOutcome::declined) && !(p.follow_up && p.follow_up->held == (o == ReminderOutcome::held)))
            fail(errc::invalid_argument, "R11", field + ".outcome", "the follow-up talk is recorded with the reminder (record_follow_up)");
    }
    return n;
}

/// R11: the follow-up talk is recorded once, on a closed case, under its conditions; only
/// reopening clears it.
void check_follow_up_record(const Case& s, const Case& p, bool reopened, const Policy& policy) {
    if (s.follow_up && p.follow_up) {
        if (!(*s.follow_up == *p.follow_up))
            fail(errc::history_changed, "R11", "case.follow_up", "a recorded follow-up talk cannot be edited");
    } else if (s.follow_up && !reopened) {
        fail(errc::history_changed, "R11", "case.follow_up", "only reopening clears the follow-up talk");
    } else if (!s.follow_up && p.follow_up) {
        Case before = p;
        before.follow_up.reset();
        check_follow_up(before, *p.follow_up, policy);
    }
}

/// The history lists, each append-only, and what is new in them.
struct NewEntries {
    std::size_t journal, plans, assessments, reviews, referrals, disclosures, releases, supply_gaps, ties, substitutions,
        reminders, phases;
};

NewEntries check_history(const Case& s, const Case& p) {
    NewEntries n{};
    n.journal = recorded(s.journal, p.journal, "R10", "journal");
    n.plans = recorded(s.plans, p.plans, "R9", "plans");
    n.assessments = recorded(s.assessments, p.assessments, "R7", "assessments");
    n.reviews = recorded(s.reviews, p.reviews, "R10", "reviews");
    n.referrals = recorded(s.referrals, p.referrals, "R10", "referrals");
    n.disclosures = recorded(s.disclosures, p.disclosures, "R4", "disclosures");
    n.releases = recorded(s.releases, p.releases, "R4", "releases", [](const Release& a, Release b) {
        return set_once(a.revoked_on, b.revoked_on) && set_once(a.purpose_ended_on, b.purpose_ended_on) && a == b;
    });
    n.supply_gaps = recorded(s.supply_gaps, p.supply_gaps, "R12", "supply_gaps");
    n.ties = recorded(s.personal_network, p.personal_network, "R12", "personal_network");
    n.substitutions = recorded(s.substitutions, p.substitutions, "R15", "substitutions");
    n.reminders = recorded_reminders(s, p);
    n.phases = recorded(s.phase_history, p.phase_history, "R1", "phase_history");
    return n;
}

/// R3: every new entry that carries personal data is dated on or after consent.
void check_new_entries_consent(const Case& p, const NewEntries& n, const Policy& policy) {
    for (std::size_t i = n.journal; i < p.journal.size(); ++i)
        if (!is_blank(p.journal[i].with_whom) || !is_blank(p.journal[i].note)) covered(p, p.journal[i].date, policy, at("journal", i));
    for (std::size_t i = n.plans; i < p.plans.size(); ++i) covered(p, p.plans[i].date, policy, at("plans", i));
    for (std::size_t i = n.assessments; i < p.assessments.size(); ++i) covered(p, p.assessments[i].date, policy, at("assessments", i));
    for (std::size_t i = n.reviews; i < p.reviews.size(); ++i) covered(p, p.reviews[i].date, policy, at("reviews", i));
    for (std::size_t i = n.referrals; i < p.referrals.size(); ++i) covered(p, p.referrals[i].date, policy, at("referrals", i));
    for (std::size_t i = n.releases; i < p.releases.size(); ++i) covered(p, p.releases[i].granted_on, policy, at("releases", i));
    for (std::size_t i = n.disclosures; i < p.disclosures.size(); ++i) covered(p, p.disclosures[i].date, policy, at("disclosures", i));
    for (std::size_t i = n.supply_gaps; i < p.supply_gaps.size(); ++i)
        if (!is_blank(p.supply_gaps[i].description)) covered(p, p.supply_gaps[i].date, policy, at("supply_gaps", i));
}

/// R4, R15: new releases are complete, new disclosures and referrals have one, new
/// substitutions have the young person's consent and a release.
void check_new_releases(const Case& p, const NewEntries& n, const Policy& policy) {
    for (std::size_t i = n.releases; i < p.releases.size(); ++i) {
        const Release& r = p.releases[i];
        const auto age = age_of(p, r.granted_on);
        if (!age) fail(errc::release_invalid, "R4", "case.person.birth_date", "record master data first: the guardian rule needs the age");
        validate_release(r, *age, policy);
        for (std::size_t k = 0; k < i; ++k)
            if (p.releases[k].id == r.id) fail(errc::already_exists, "R4", at("releases", i) + ".id", "release '" + r.id + "' exists already");
    }
    for (std::size_t i = n.disclosures; i < p.disclosures.size(); ++i) disclosure_covered(p, p.disclosures[i], at("disclosures", i));
    for (std::size_t i = n.referrals; i < p.referrals.size(); ++i) {
        const Referral& r = p.referrals[i];
        require_release(p.releases, r.recipient, r.date, at("referrals", i) + ".recipient");
    }
    for (std::size_t i = n.substitutions; i < p.substitutions.size(); ++i) {
        const Substitution& s = p.substitutions[i];
        const std::string field = at("substitutions", i);
        if (!s.young_person_consented_on || *s.young_person_consented_on > s.from)
            fail(errc::substitution_refused, "R15", field + ".young_person_consented_on",
                 "substitution by '" + s.colleague + "' needs the young person's consent");
        const auto r = std::find_if(p.releases.begin(), p.releases.end(), [&](const Release& x) { return s.release_id && x.id == *s.release_id; });
        if (r == p.releases.end() || r->recipient != s.colleague || !release_valid_on(*r, s.from) ||
            !has_new_disclosure(p, n.disclosures, DisclosureKind::substitution, s.colleague))
            fail(errc::release_required, "R4", field + ".release_id",
                 "substitution by '" + s.colleague + "' is a disclosure: use assign_substitute, under a release for that colleague");
    }
}

/// R1, R5, R14: forward moves are gated; a counselling case enters CM only through the gate.
void check_phase(const Case& s, const Case& p, const NewEntries& n, Date on, const Policy& policy, bool reopened) {
    if (p.phase != s.phase && (p.phase_history.size() == n.phases || p.phase_history.back().to != p.phase))
        fail(errc::phase_gate, "R1", "case.phase_history", "a phase change is recorded in the phase history");
    if (reopened) return;  // R11 reopening continues in Implementation
    if (s.kind == CaseKind::counselling && p.kind == CaseKind::cm) {
        const auto missing = phase_gate(p, Phase::assessment, on, policy);
        if (!missing.empty()) fail(errc::phase_gate, "R1", "case.kind", "cannot start CM: " + missing.front());
    }
    if (p.phase <= s.phase) return;  // going back in the loop is always allowed
    if (p.phase == Phase::closure && p.closure) return;  // close_case's, judged with the closure
    if (p.phase == Phase::screening && p.screening) {  // record_screening enters it, after the eligibility check
        if (!p.eligibility) fail(errc::phase_gate, "R2", "case.eligibility", "screening needs an eligibility record");
        return;
    }
    const auto missing = phase_gate(p, p.phase, on, policy);
    if (!missing.empty())
        fail(errc::phase_gate, missing.front().substr(0, missing.front().find(':')), "case.phase",
             "cannot enter " + reflect::enum_name(p.phase) + ": missing " + missing.front().substr(missing.front().find(':') + 2));
}

/// R11: a closure is recorded once, under its reason's conditions; only reopening undoes it.
/// Returns whether the proposed document reopens the case.
bool check_closure(const Case& s, const Case& p, const NewEntries& n, Date on, const Policy& policy) {
    if (s.closure && p.closure) {
        if (!(*s.closure == *p.closure)) fail(errc::closure_invalid, "R11", "case.closure", "a recorded closure cannot be edited");
    } else if (s.closure && !p.closure) {
        if (!p.consent || !consent_in_force(*p.consent, on, policy))
            fail(errc::consent_required, "R3", "case.consent", "no data consent in force on " + to_iso(on) + ": reopening would store personal data");
        if (p.kind != CaseKind::cm || p.phase != Phase::implementation)
            fail(errc::case_closed, "R11", "case.closure", "reopening clears the end date and continues the CM case in Implementation (reopen_case)");
        return true;
    } else if (!s.closure && p.closure) {
        Case before = p;
        before.closure.reset();
        check_closure_conditions(before, *p.closure, policy);
        if (closure_anonymises(before, *p.closure, policy))
            fail(errc::closure_invalid, "R13", "case.closure.reason",
                 "closing for this reason anonymises the file, which a save cannot do: use the close_case step");
    }
    if (closed(s) && closed(p)) {  // a closed file takes only its evaluation and reminders
        const bool grew = p.journal.size() > n.journal || p.plans.size() > n.plans || p.assessments.size() > n.assessments ||
                          p.reviews.size() > n.reviews || p.referrals.size() > n.referrals || p.supply_gaps.size() > n.supply_gaps ||
                          p.personal_network.size() > n.ties || p.substitutions.size() > n.substitutions ||
                          p.releases.size() > n.releases || p.disclosures.size() > n.disclosures;
        if (grew || p.case_worker != s.case_worker || p.phase != s.phase)
            fail(errc::case_closed, "R11", "case.closure", "case '" + s.id + "' is closed; reopen it first");
    }
    return false;
}

/// R11: the evaluation is made in the closure phase and may be replaced until the case is
/// closed; a closed case keeps it, or takes one once if it has none.
void check_evaluation_record(const Case& s, const Case& p, bool reopened, const Policy& policy) {
    if (reopened) {   // as reopen_case does
        if (p.evaluation)
            fail(errc::closure_invalid, "R11", "case.evaluation", "reopening clears the evaluation; the next closure phase makes a new one");
        return;
    }
    if (s.evaluation == p.evaluation) return;
    const char* kept = "the case is closed with its evaluation; it is no longer changed";
    if (!p.evaluation) {   // dropped before closing
        if (s.closure) fail(errc::closure_invalid, "R11", "case.evaluation", kept);
        return;
    }
    if (s.closure && s.evaluation) fail(errc::closure_invalid, "R11", "case.evaluation", kept);
    if (!p.closure && !(p.kind == CaseKind::cm && p.phase == Phase::closure))
        fail(errc::phase_gate, "R11", "case.evaluation", "the evaluation belongs to the closure phase: enter it first");
    validate_evaluation(p, *p.evaluation, policy);
}

void check_plans(const Case& p, const NewEntries& n, const Policy& policy) {
    for (std::size_t i = n.plans; i < p.plans.size(); ++i) {
        const Plan& plan = p.plans[i];
        if (plan.version != static_cast<int>(i) + 1)
            fail(errc::plan_invalid, "R9", at("plans", i) + ".version", "plan versions count 1, 2, ...: this one is " + std::to_string(i + 1));
        if (i > 0 && plan.date < p.plans[i - 1].date)
            fail(errc::plan_invalid, "R9", at("plans", i) + ".date", "a revision cannot predate the plan it revises");
        if (p.assessments.empty() && !p.screening)
            fail(errc::phase_gate, "R1", "case.assessments", "no plan without a documented needs assessment");
        const Catalogue& catalogue = catalogue_of(policy);   // R8: as adopt_plan checks it
        for (std::size_t g = 0; g < plan.goals.size(); ++g)
            if (const auto& id = plan.goals[g].catalogue_id; id && !catalogue.find(*id))
                fail(errc::plan_invalid, "R9", at("plans", i) + ".goals[" + std::to_string(g) + "].catalogue_id",
                     "'" + *id + "' is not in the goal catalogue");
    }
    for (std::size_t i = n.assessments; i < p.assessments.size(); ++i) {
        (void)validate_assessment(p.assessments[i], policy);
        if (i > 0 && p.assessments[i].date < p.assessments[i - 1].date)
            fail(errc::assessment_invalid, "R7", at("assessments", i) + ".date", "a re-assessment cannot predate the previous assessment");
    }
    const Plan* current = current_plan(p);
    for (std::size_t i = n.reviews; i < p.reviews.size(); ++i) {
        const auto& id = p.reviews[i].goal_id;
        const bool found = current && std::any_of(current->goals.begin(), current->goals.end(), [&](const Goal& g) { return g.id == id; });
        if (!found) fail(errc::not_found, "R10", at("reviews", i) + ".goal_id", "no goal '" + id + "' in the current plan");
    }
}

void check_consent_record(const Case& s, const Case& p, const Policy& policy) {
    if (s.consent && !p.consent)
        fail(errc::consent_required, "R3", "case.consent",
             "consent cannot be removed: withdraw it (withdraw_consent), which deletes the personal data");
    if (!p.consent || (s.consent && *s.consent == *p.consent)) return;
    if (p.consent->withdrawn_on)
        fail(errc::consent_invalid, "R3", "case.consent.withdrawn_on",
             "withdrawal is its own step (withdraw_consent), which deletes the personal data at once");
    // a new consent is given later, or on a new text; the recorded one is never edited
    if (s.consent && !(p.consent->given_on > s.consent->given_on ||
                       (p.consent->given_on == s.consent->given_on && p.consent->text_sha256 != s.consent->text_sha256)))
        fail(errc::history_changed, "R3", "case.consent", "a recorded consent can only be replaced by a newer one");
    validate_consent(*p.consent, INT_MAX, policy);  // the guardian part needs the age: consent_matches_person
}

// R13: one age in the skeleton; a step's anonymisation keeps the one the store's policy chose.
void check_skeleton_age(const Case& p, const Policy* policy) {
    if (!p.skeleton) return;
    const auto& k = *p.skeleton;
    const int ages = k.birth_year.has_value() + k.age_at_intake.has_value() + k.age_band_at_intake.has_value();
    if (ages > 1)
        fail(errc::case_anonymised, "R13", "case.skeleton",
             "the skeleton keeps one age (year of birth, age at intake or its band), never two: together they narrow the birthday down");
    if (!policy || ages == 0) return;
    const bool chosen = policy->skeleton_age == SkeletonAge::birth_year ? k.birth_year.has_value()
                      : policy->skeleton_age == SkeletonAge::age_at_intake ? k.age_at_intake.has_value()
                      : k.age_band_at_intake.has_value();
    if (!chosen)
        fail(errc::case_anonymised, "R13", "case.skeleton",
             "the store's policy keeps the " + reflect::enum_name(policy->skeleton_age) + " in the skeleton; the anonymisation kept another age");
}

}  // namespace

void require_next_version(const Case& stored) {
    if (stored.version == std::numeric_limits<std::int64_t>::max())
        fail(errc::json_out_of_range, "", "case.version", "case '" + stored.id + "' cannot take another version");
}

bool holds_personal_data(const Case& c) {
    if (c.person) return true;  // personal ties hold their person in free text (`who`); the category stays
    bool text = false;
    reflect::walk(c, [&](const auto& leaf) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(leaf)>, FreeText>) text = text || !is_blank(leaf);
    });
    return text;
}

void check_change(const Case& s, const Case& p, Date on, const Policy& policy, ChangeOrigin origin) {
    if (p.id != s.id) fail(errc::invalid_argument, "R1", "case.id", "a case keeps its id");
    if (p.office != s.office) fail(errc::invalid_argument, "R1", "case.office", "a case keeps its office");
    if (p.version != s.version)
        fail(errc::conflict, "", "case.version",
             "case '" + s.id + "' is at version " + std::to_string(s.version) + ", the save was based on " + std::to_string(p.version));
    require_next_version(s);

    if (is_anonymised(s)) {  // R13: irreversible; an unchanged copy changes nothing
        Case same = p;
        same.last_activity = s.last_activity;
        if (same.reminders.size() == s.reminders.size()) {  // R3, R13: its paper file may be done with
            recorded_reminders(s, p);
            for (std::size_t i = 0; i < s.reminders.size(); ++i)
                if (!s.reminders[i].done && p.reminders[i].done && p.reminders[i].kind != ReminderKind::paper_file_cleanup)
                    fail(errc::case_anonymised, "R13", at("reminders", i), "an anonymised case completes only its paper-file reminder");
            same.reminders = s.reminders;
        }
        if (!(same == s)) fail(errc::case_anonymised, "R13", "case", "case '" + s.id + "' is anonymised; it can no longer be changed");
        return;
    }
    if (is_anonymised(p)) {
        if (origin == ChangeOrigin::host)
            fail(errc::case_anonymised, "R13", "case.anonymised_on",
                 "anonymising is its own operation, which wipes the data (jmdcm_store_anonymise_case, or the steps "
                 "withdraw_consent and close_case); a save cannot set it");
        if (holds_personal_data(p)) fail(errc::internal, "R13", "case", "an anonymised document still holds personal data");
        check_skeleton_age(p, &policy);
        return;
    }
    if (p.opened != s.opened) fail(errc::history_changed, "R1", "case.opened", "a case keeps its opening date");
    if (!(p.skeleton == s.skeleton))
        fail(errc::case_anonymised, "R13", "case.skeleton", "the statistical skeleton is made by anonymisation only");

    check_consent_record(s, p, policy);
    const NewEntries n = check_history(s, p);
    if (holds_personal_data(p)) covered(p, on, policy, "case.consent");
    consent_matches_person(p, policy);
    check_new_entries_consent(p, n, policy);
    check_new_releases(p, n, policy);
    if (p.case_worker != s.case_worker && !has_new_disclosure(p, n.disclosures, DisclosureKind::handover, p.case_worker))
        fail(errc::release_required, "R4", "case.case_worker",
             "handing the case to '" + p.case_worker + "' is a disclosure: use hand_over, under a release for that colleague");
    check_plans(p, n, policy);
    const bool reopened = check_closure(s, p, n, on, policy);
    check_follow_up_record(s, p, reopened, policy);
    check_evaluation_record(s, p, reopened, policy);
    check_phase(s, p, n, on, policy, reopened);
}

void check_new_case(const Case& p, Date on, const Policy& policy, ChangeOrigin origin) {
    if (is_blank(p.id)) fail(errc::invalid_argument, "R1", "case.id", "a case needs an id");
    if (std::any_of(p.id.begin(), p.id.end(), [](unsigned char ch) { return ch < 0x20; }))
        fail(errc::invalid_argument, "R1", "case.id", "a case id holds no control characters (a NUL would make the case unreachable)");
    if (is_blank(p.case_worker)) fail(errc::invalid_argument, "R15", "case.case_worker", "a case needs a responsible case worker");
    if (p.opened.is_special()) fail(errc::invalid_argument, "R1", "case.opened", "a date is required");
    if (is_anonymised(p)) {  // an anonymised file from elsewhere: nothing personal may come with it
        if (holds_personal_data(p))
            fail(errc::case_anonymised, "R13", "case.anonymised_on", "an anonymised case holds the statistical skeleton only");
        check_skeleton_age(p, nullptr);  // made elsewhere, under another office's policy
        return;
    }
    Case base = open_case(p.id, p.office, p.case_worker, p.opened, p.kind);
    base.version = p.version;
    check_change(base, p, on, policy, origin);
}

}  // namespace jmdcm
