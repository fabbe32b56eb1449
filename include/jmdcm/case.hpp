// R1 The case: kind, phases and the Regelkreis, and every step the rules allow on it.
// A case is a plain described value (JSON via json.hpp); the free functions below are
// the only way the library changes it, each applying its rule and citing it in errors.
// Every function takes the date it acts on; none reads the clock.
#pragma once

#include "jmdcm/closure.hpp"
#include "jmdcm/consent.hpp"
#include "jmdcm/eligibility.hpp"
#include "jmdcm/plan.hpp"
#include "jmdcm/release.hpp"
#include "jmdcm/screening.hpp"

#include <boost/describe/class.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(CaseKind, counselling, cm)
BOOST_DEFINE_ENUM_CLASS(Phase, intake, screening, assessment, planning, implementation, closure)

/// R2: what the first conversations record besides master data.
struct Intake {
    Date first_contact;
    std::vector<Date> conversations;
    FreeText concern;                         // Anliegen
    FreeText expectations;                    // expectations and wishes
    std::optional<Date> working_alliance_on;  // Arbeitsbündnis
};
BOOST_DESCRIBE_STRUCT(Intake, (), (first_contact, conversations, concern, expectations, working_alliance_on))

BOOST_DEFINE_ENUM_CLASS(ReminderKind, paper_file_cleanup, follow_up_talk, case_review)

/// How a reminder ended. Each kind has its own (complete_reminder): a review is continued or
/// closed (R13), a follow-up talk held or declined (R11), a paper file destroyed or handed
/// over (R3, R13). `lapsed`: the library ended it because the file was reopened or anonymised
/// before anyone did (a follow-up talk or review that can no longer happen).
BOOST_DEFINE_ENUM_CLASS(ReminderOutcome, continued, closed, held, declined, destroyed, handed_over, lapsed)

/// A to-do the library leaves for people (R3 paper file, R11 follow-up, R13 review).
/// Its text never holds personal data. Documents stored before outcomes existed have done
/// reminders without one.
struct Reminder {
    Date created;
    Date due;
    ReminderKind kind = ReminderKind::case_review;
    std::string text;
    bool done = false;
    std::optional<ReminderOutcome> outcome;   // set with done
    std::optional<Date> done_on;
};
BOOST_DESCRIBE_STRUCT(Reminder, (), (created, due, kind, text, done, outcome, done_on))

/// The outcomes a person may give a reminder of this kind (lapsed is the library's own).
std::vector<ReminderOutcome> outcomes_for(ReminderKind kind);
/// R13: unless `outcome` is one of its kind's (or, where `lapsed_too`, lapsed), throws
/// invalid_argument at `field` listing the kind's outcomes. One check for steps and saves.
void require_outcome_of_kind(ReminderKind kind, std::optional<ReminderOutcome> outcome, const std::string& field,
                             bool lapsed_too = false);
/// A new open reminder (the library leaves them; people complete them).
Reminder open_reminder(Date created, Date due, ReminderKind kind, std::string text);

/// R15: a colleague standing in, with the young person's consent and a release (R4).
struct Substitution {
    std::string colleague;
    Date from;
    std::optional<Date> until;
    std::optional<Date> young_person_consented_on;
    std::optional<std::string> release_id;    // set by assign_substitute
};
BOOST_DESCRIBE_STRUCT(Substitution, (), (colleague, from, until, young_person_consented_on, release_id))

struct PhaseChange {
    Date date;
    Phase from = Phase::intake;
    Phase to = Phase::intake;
};
BOOST_DESCRIBE_STRUCT(PhaseChange, (), (date, from, to))

struct Case {
    int schema = 1;
    std::string id;
    std::int64_t version = 0;                 // optimistic concurrency, kept by the repository
    std::string office;
    std::string case_worker;
    CaseKind kind = CaseKind::cm;
    Phase phase = Phase::intake;
    Date opened;
    Date last_activity;                       // R13 "untouched"
    std::optional<DataConsent> consent;
    std::optional<MasterData> person;         // personal: gone after withdrawal or anonymisation
    std::optional<StatisticalSkeleton> skeleton;
    std::optional<Intake> intake;
    std::optional<EligibilityRecord> eligibility;
    std::optional<CooperationAgreement> cooperation;
    std::vector<Release> releases;
    std::vector<Disclosure> disclosures;
    std::optional<Screening> screening;
    std::vector<Assessment> assessments;      // every (re-)assessment, oldest first
    std::vector<Plan> plans;                  // every plan version, oldest first
    std::vector<JournalEntry> journal;
    std::vector<Referral> referrals;
    std::vector<GoalReview> reviews;
    std::vector<SupplyGap> supply_gaps;
    std::vector<PersonalTie> personal_network;  // R12: family, friends, peers
    std::vector<Substitution> substitutions;
    std::optional<Closure> closure;
    std::optional<Evaluation> evaluation;
    std::optional<FollowUpTalk> follow_up;    // R11: the talk about six months after closure
    std::vector<Reminder> reminders;
    std::vector<PhaseChange> phase_history;
    std::optional<Date> anonymised_on;
};
BOOST_DESCRIBE_STRUCT(Case, (),
    (schema, id, version, office, case_worker, kind, phase, opened, last_activity, consent, person, skeleton, intake,
     eligibility, cooperation, releases, disclosures, screening, assessments, plans, journal, referrals, reviews,
     supply_gaps, personal_network, substitutions, closure, evaluation, follow_up, reminders, phase_history, anonymised_on))

// ------------------------------------------------------------------ queries
bool is_anonymised(const Case& c);
/// Running: not anonymised and not closed (a CM case closed for lack of cooperation that
/// continues as a counselling case is running again, R11).
bool is_running(const Case& c);
const Plan* current_plan(const Case& c);
/// Last documented contact with the young person (R13): intake conversations, journal
/// entries with them, assessments in which they gave their own view; else the opening date.
Date last_contact(const Case& c);
std::optional<Achievement> latest_achievement(const Case& c, std::string_view goal_id);
/// A goal as the latest plan that holds it words it, with that plan's version.
struct LatestGoal {
    const Goal* goal = nullptr;   // points into the case
    int plan_version = 0;
};
/// Every goal the case has had, once each, by id.
std::map<std::string, LatestGoal> latest_goals(const Case& c);
/// R12: every supply gap of the case, those recorded along the way and those the evaluation
/// names, in that order.
std::vector<const SupplyGap*> supply_gaps_of(const Case& c);
/// Ids of goals whose latest review concluded them (achieved, not achieved, dropped).
std::set<std::string> concluded_goals(const Case& c);
/// Age on a date from the master data; nullopt when no birth date is recorded.
std::optional<int> age_of(const Case& c, Date on);

// ------------------------------------------------------------------ intake (R1-R5)
Case open_case(std::string id, std::string office, std::string case_worker, Date opened, CaseKind kind = CaseKind::cm);
/// R3: validates (guardians under the policy's age, using `birth_date`) and stores.
void record_consent(Case& c, DataConsent consent, Date birth_date, const Policy& policy);
/// R3: deletes every personal field and free text at once and leaves a paper-file reminder.
void withdraw_consent(Case& c, Date on, SkeletonAge age = SkeletonAge::age_band_at_intake);
void set_person(Case& c, MasterData person, Date on, const Policy& policy);
void record_intake(Case& c, Intake intake, Date on, const Policy& policy);
void set_eligibility(Case& c, EligibilityRecord record, const Policy& policy);
void record_cooperation(Case& c, CooperationAgreement agreement, const Policy& policy);

// ------------------------------------------------------------------ releases (R4)
void grant_release(Case& c, Release release, const Policy& policy);
void revoke_release(Case& c, std::string_view release_id, Date on);
/// Any disclosure of personal data: refused without a valid release for the recipient.
const Disclosure& disclose(Case& c, std::string recipient, DisclosureKind kind, FreeText what, Date on, const Policy& policy);

// ------------------------------------------------------------------ screening, assessment, plan (R6-R9)
void record_screening(Case& c, Screening screening, const Policy& policy);
/// R6: records the decision; a decision against CM makes it a counselling case.
void decide_screening(Case& c, ScreeningDecision decision, const Policy& policy);
/// R1/R5: counselling -> CM after screening and cooperation agreement; enters Assessment.
void start_case_management(Case& c, Date on, const Policy& policy);
std::vector<AssessmentIssue> add_assessment(Case& c, Assessment assessment, const Policy& policy);
/// R9: the first plan or a revision; a revision is a new version and the old one stays.
/// Goals without a suitable offer are recorded as supply gaps (R12).
std::vector<PlanIssue> adopt_plan(Case& c, Plan plan, const Policy& policy, const Catalogue* catalogue = nullptr);

// ------------------------------------------------------------------ implementation (R10)
void add_journal_entry(Case& c, JournalEntry entry, const Policy& policy);
/// Linking: refused without a valid release for the recipient (R4).
const Referral& refer(Case& c, Referral referral, const Policy& policy);
/// Goal review; revise_plan goes back to Planning and reassess back to Assessment (R1).
void review_goal(Case& c, GoalReview review, const Policy& policy);
void record_supply_gap(Case& c, SupplyGap gap, const Policy& policy);
/// R12: a person of the young person's own network; personal data, so consent comes first.
void record_personal_tie(Case& c, PersonalTie tie, Date on, const Policy& policy);

// ------------------------------------------------------------------ phases (R1, R14)
/// What is missing before the case may enter `to` (empty: allowed). Steps back are always allowed.
std::vector<std::string> phase_gate(const Case& c, Phase to, Date on, const Policy& policy);
void change_phase(Case& c, Phase to, Date on, const Policy& policy);

// ------------------------------------------------------------------ closure (R11, R13)
void close_case(Case& c, Closure closure, const Policy& policy);
/// R11: in the closure phase before closing (replacing an earlier one), or once after closing.
void record_evaluation(Case& c, Evaluation evaluation, const Policy& policy);
/// R11, R12: ratings on the policy's scale, goals of the case's plans, supply gaps as
/// record_supply_gap checks them. Throws naming the field.
void validate_evaluation(const Case& c, const Evaluation& evaluation, const Policy& policy);
/// R11: the follow-up talk after closure, held or declined, recorded once; it completes the
/// follow-up reminder. From then on the file is due for anonymisation (R13).
void record_follow_up(Case& c, FollowUpTalk talk, const Policy& policy);
/// R11, R13: the follow-up talk's own conditions, on a case as it is before recording it.
void check_follow_up(const Case& c, const FollowUpTalk& talk, const Policy& policy);
/// A reminder done, with an outcome of its kind (outcomes_for):
/// - review: `continued` counts as activity (the next review is months away); `closed`
///   needs the case closed (close_case completes open reviews itself);
/// - follow-up talk: records the talk (record_follow_up), from `follow_up` when given;
/// - paper file (Handakte): also on an anonymised case, where nothing else changes.
/// Completing one lets the next of its kind arise.
void complete_reminder(Case& c, std::size_t index, ReminderOutcome outcome, Date on, const Policy& policy,
                       std::optional<FollowUpTalk> follow_up = std::nullopt);
/// Reopening, variant 1: clear the end date and continue the same case.
void reopen_case(Case& c, Date on, const Policy& policy);
/// Reopening, variant 2: anonymise the old file and open a new counselling case.
Case reopen_as_new_case(Case& old, std::string new_id, Date on, const Policy& policy);
/// R11: the conditions of the closure's reason on the case as it is before closing.
/// "No contact" is possible from the review (`review_after_months` without contact) with the
/// worker's note in `remark`, and due at `anonymise_after_months`.
void check_closure_conditions(const Case& c, const Closure& closure, const Policy& policy);
/// R11, R13: whether closing anonymises at once: the office closes, or nine months without
/// contact have passed. An earlier "no contact" closure keeps the file until then.
bool closure_anonymises(const Case& c, const Closure& closure, const Policy& policy);
/// R13: irreversible; keeps only the statistical skeleton, dates coarsened to the month.
/// Leaves a paper-file (Handakte) reminder: the retention rules hold for the paper file
/// too; open reviews and follow-up talks lapse.
/// Institutions named in releases, disclosures and referrals become their category in
/// `registry` (the office's network), else "institution"; colleagues become "colleague".
/// On an anonymised case it strips again, so it is also the projection shown on load.
/// `age` is the policy's skeleton_age: the one age the skeleton keeps.
void anonymise(Case& c, Date on, const std::vector<Partner>& registry = {},
               SkeletonAge age = SkeletonAge::age_band_at_intake);
/// The wipe of anonymise() without setting the mark (idempotent). A skeleton stored before
/// the policy chose (with more than one age) keeps only the coarsest it holds.
void strip_to_skeleton(Case& c, const std::vector<Partner>& registry = {});
/// Runs `use` on the anonymised form of `c` (as on `on`): the case itself when it is
/// anonymised already, else a copy. Research and statistics see nothing else (R13).
template <class F>
void with_anonymised(const Case& c, Date on, F&& use, SkeletonAge age = SkeletonAge::age_band_at_intake) {
    if (is_anonymised(c)) return use(c);
    Case copy = c;
    anonymise(copy, on, {}, age);
    use(static_cast<const Case&>(copy));
}

// ------------------------------------------------------------------ organisation (R15, R4)
void assign_substitute(Case& c, Substitution s, const Policy& policy);
/// Handing the case to a colleague is a disclosure (R4).
void hand_over(Case& c, std::string new_case_worker, Date on, const Policy& policy);

}  // namespace jmdcm
