// R1-R15: the steps of the method by name (steps.hpp).
#include "jmdcm/steps.hpp"

#include "jmdcm/catalogue.hpp"
#include "jmdcm/json_schema.hpp"

namespace jmdcm {
namespace {

// Inputs of steps that take more than one value.
struct ConsentInput { DataConsent consent; Date birth_date; };
BOOST_DESCRIBE_STRUCT(ConsentInput, (), (consent, birth_date))
struct OnInput { Date on; };
BOOST_DESCRIBE_STRUCT(OnInput, (), (on))
struct PersonInput { MasterData person; Date on; };
BOOST_DESCRIBE_STRUCT(PersonInput, (), (person, on))
struct IntakeInput { Intake intake; Date on; };
BOOST_DESCRIBE_STRUCT(IntakeInput, (), (intake, on))
struct RevokeInput { std::string release_id; Date on; };
BOOST_DESCRIBE_STRUCT(RevokeInput, (), (release_id, on))
struct PhaseInput { Phase phase = Phase::intake; Date on; };
BOOST_DESCRIBE_STRUCT(PhaseInput, (), (phase, on))
struct HandOverInput { std::string case_worker; Date on; };
BOOST_DESCRIBE_STRUCT(HandOverInput, (), (case_worker, on))
struct TieInput { PersonalTie tie; Date on; };
BOOST_DESCRIBE_STRUCT(TieInput, (), (tie, on))
struct ReopenInput { std::string new_id; Date on; };
BOOST_DESCRIBE_STRUCT(ReopenInput, (), (new_id, on))
struct CompleteReminderInput {
    std::size_t index = 0;                    // in the case's reminders
    ReminderOutcome outcome = ReminderOutcome::continued;
    Date on;
    std::optional<FollowUpTalk> follow_up;    // a follow-up reminder: the talk (else one made from on and outcome)
};
BOOST_DESCRIBE_STRUCT(CompleteReminderInput, (), (index, outcome, on, follow_up))
struct DiscloseInput { std::string recipient; DisclosureKind kind = DisclosureKind::information; FreeText what; Date on; };
BOOST_DESCRIBE_STRUCT(DiscloseInput, (), (recipient, kind, what, on))

/// Reads a step's input; its errors name "input" and the path inside it.
template <class In>
In input_of(std::string_view text) {
    try {
        return json::from_string<In>(text, {.reject_unknown_fields = true});   // a misspelt key is an error, not a default
    } catch (const error& e) {
        const std::string what = e.what();
        const std::string path = e.field().size() > 1 ? e.field().substr(1) : "";  // "$.x" -> ".x"
        fail(e.code(), e.rule(), "input" + path, what.substr(0, what.find(" [field:")));
    }
}

using Table = std::map<std::string, NamedStep, std::less<>>;

template <class In, class F>
Table::value_type step(const char* name, F f) {
    return {name, NamedStep{[f](Case& c, std::string_view input, const Policy& p) {
                                f(c, input_of<In>(input), p);
                                return std::vector<Case>{};
                            },
                            &json::schema_of<In>}};
}

}  // namespace

const Table& document_steps() {
    static const Table table = {
        step<ConsentInput>("record_consent", [](Case& c, ConsentInput in, const Policy& p) { record_consent(c, in.consent, in.birth_date, p); }),
        step<OnInput>("withdraw_consent", [](Case& c, OnInput in, const Policy& p) { withdraw_consent(c, in.on, p.skeleton_age); }),
        step<PersonInput>("set_person", [](Case& c, PersonInput in, const Policy& p) { set_person(c, in.person, in.on, p); }),
        step<IntakeInput>("record_intake", [](Case& c, IntakeInput in, const Policy& p) { record_intake(c, in.intake, in.on, p); }),
        step<EligibilityRecord>("set_eligibility", [](Case& c, EligibilityRecord in, const Policy& p) { set_eligibility(c, in, p); }),
        step<CooperationAgreement>("record_cooperation", [](Case& c, CooperationAgreement in, const Policy& p) { record_cooperation(c, in, p); }),
        step<Release>("grant_release", [](Case& c, Release in, const Policy& p) { grant_release(c, in, p); }),
        step<RevokeInput>("revoke_release", [](Case& c, RevokeInput in, const Policy&) { revoke_release(c, in.release_id, in.on); }),
        step<DiscloseInput>("disclose", [](Case& c, DiscloseInput in, const Policy& p) { disclose(c, in.recipient, in.kind, in.what, in.on, p); }),
        step<Screening>("record_screening", [](Case& c, Screening in, const Policy& p) { record_screening(c, in, p); }),
        step<ScreeningDecision>("decide_screening", [](Case& c, ScreeningDecision in, const Policy& p) { decide_screening(c, in, p); }),
        step<OnInput>("start_case_management", [](Case& c, OnInput in, const Policy& p) { start_case_management(c, in.on, p); }),
        step<Assessment>("add_assessment", [](Case& c, Assessment in, const Policy& p) { add_assessment(c, in, p); }),
        step<Plan>("adopt_plan", [](Case& c, Plan in, const Policy& p) { adopt_plan(c, in, p, &catalogue_of(p)); }),  // R8: the host's catalogue
        step<JournalEntry>("add_journal_entry", [](Case& c, JournalEntry in, const Policy& p) { add_journal_entry(c, in, p); }),
        step<Referral>("refer", [](Case& c, Referral in, const Policy& p) { refer(c, in, p); }),
        step<GoalReview>("review_goal", [](Case& c, GoalReview in, const Policy& p) { review_goal(c, in, p); }),
        step<SupplyGap>("record_supply_gap", [](Case& c, SupplyGap in, const Policy& p) { record_supply_gap(c, in, p); }),
        step<TieInput>("record_personal_tie", [](Case& c, TieInput in, const Policy& p) { record_personal_tie(c, in.tie, in.on, p); }),
        step<PhaseInput>("change_phase", [](Case& c, PhaseInput in, const Policy& p) { change_phase(c, in.phase, in.on, p); }),
        step<Closure>("close_case", [](Case& c, Closure in, const Policy& p) { close_case(c, in, p); }),
        step<Evaluation>("record_evaluation", [](Case& c, Evaluation in, const Policy& p) { record_evaluation(c, in, p); }),
        step<FollowUpTalk>("record_follow_up", [](Case& c, FollowUpTalk in, const Policy& p) { record_follow_up(c, in, p); }),
        step<CompleteReminderInput>("complete_reminder", [](Case& c, CompleteReminderInput in, const Policy& p) {
            complete_reminder(c, in.index, in.outcome, in.on, p, in.follow_up);
        }),
        step<OnInput>("reopen_case", [](Case& c, OnInput in, const Policy& p) { reopen_case(c, in.on, p); }),
        step<OnInput>("anonymise", [](Case& c, OnInput in, const Policy& p) { anonymise(c, in.on, {}, p.skeleton_age); }),
        step<Substitution>("assign_substitute", [](Case& c, Substitution in, const Policy& p) { assign_substitute(c, in, p); }),
        step<HandOverInput>("hand_over", [](Case& c, HandOverInput in, const Policy& p) { hand_over(c, in.case_worker, in.on, p); }),
    };
    return table;
}

const Table& store_steps() {
    static const Table table = [] {
        Table t = document_steps();
        t.emplace("reopen_as_new_case", NamedStep{[](Case& c, std::string_view input, const Policy& p) {
                                                      const auto in = input_of<ReopenInput>(input);
                                                      return std::vector<Case>{reopen_as_new_case(c, in.new_id, in.on, p)};
                                                  },
                                                  &json::schema_of<ReopenInput>});
        return t;
    }();
    return table;
}

const NamedStep& find_step(const Table& table, std::string_view name) {
    const auto it = table.find(name);
    if (it == table.end()) fail(errc::invalid_argument, "", "step", "unknown step '" + std::string(name) + "'");
    return it->second;
}

}  // namespace jmdcm
