// jmdcm_case_step: every step the core offers on a case document (R1-R15), by name.
#include "dispatch.hpp"
#include "store.hpp"

#include <functional>

namespace jmdcm::capi {
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
struct DiscloseInput { std::string recipient; DisclosureKind kind = DisclosureKind::information; FreeText what; Date on; };
BOOST_DESCRIBE_STRUCT(DiscloseInput, (), (recipient, kind, what, on))

using Step = std::function<void(Case&, const char* input, const Policy&)>;

template <class In, class F>
std::pair<const std::string, Step> step(const char* name, F f) {
    return {name, [f](Case& c, const char* input, const Policy& p) { f(c, doc<In>(input, "input"), p); }};
}

const Table<Step>& steps() {
    static const Table<Step> table = {
        step<ConsentInput>("record_consent", [](Case& c, ConsentInput in, const Policy& p) { record_consent(c, in.consent, in.birth_date, p); }),
        step<OnInput>("withdraw_consent", [](Case& c, OnInput in, const Policy&) { withdraw_consent(c, in.on); }),
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
        step<Plan>("adopt_plan", [](Case& c, Plan in, const Policy& p) { adopt_plan(c, in, p, &default_catalogue()); }),
        step<JournalEntry>("add_journal_entry", [](Case& c, JournalEntry in, const Policy& p) { add_journal_entry(c, in, p); }),
        step<Referral>("refer", [](Case& c, Referral in, const Policy& p) { refer(c, in, p); }),
        step<GoalReview>("review_goal", [](Case& c, GoalReview in, const Policy& p) { review_goal(c, in, p); }),
        step<SupplyGap>("record_supply_gap", [](Case& c, SupplyGap in, const Policy& p) { record_supply_gap(c, in, p); }),
        step<TieInput>("record_personal_tie", [](Case& c, TieInput in, const Policy& p) { record_personal_tie(c, in.tie, in.on, p); }),
        step<PhaseInput>("change_phase", [](Case& c, PhaseInput in, const Policy& p) { change_phase(c, in.phase, in.on, p); }),
        step<Closure>("close_case", [](Case& c, Closure in, const Policy& p) { close_case(c, in, p); }),
        step<Evaluation>("record_evaluation", [](Case& c, Evaluation in, const Policy& p) { record_evaluation(c, in, p); }),
        step<OnInput>("reopen_case", [](Case& c, OnInput in, const Policy& p) { reopen_case(c, in.on, p); }),
        step<OnInput>("anonymise", [](Case& c, OnInput in, const Policy&) { anonymise(c, in.on); }),
        step<Substitution>("assign_substitute", [](Case& c, Substitution in, const Policy& p) { assign_substitute(c, in, p); }),
        step<HandOverInput>("hand_over", [](Case& c, HandOverInput in, const Policy& p) { hand_over(c, in.case_worker, in.on, p); }),
    };
    return table;
}

/// The steps on a stored case: every document step, plus reopen_as_new_case, which also
/// creates the new case in the same transaction (R11).
using StoreStep = std::function<std::vector<Case>(Case&, const char* input, const Policy&)>;

const Table<StoreStep>& store_steps() {
    static const Table<StoreStep> table = [] {
        Table<StoreStep> t;
        for (const auto& [name, apply] : steps())
            t.emplace(name, [apply = apply](Case& c, const char* input, const Policy& p) {
                apply(c, input, p);
                return std::vector<Case>{};
            });
        t.emplace("reopen_as_new_case", [](Case& c, const char* input, const Policy& p) {
            const auto in = doc<ReopenInput>(input, "input", strict);
            return std::vector<Case>{reopen_as_new_case(c, in.new_id, in.on, p)};
        });
        return t;
    }();
    return table;
}

}  // namespace
}  // namespace jmdcm::capi

using namespace jmdcm;
using namespace jmdcm::capi;

extern "C" {

jmdcm_status jmdcm_case_step(char** out_case, const char* case_json, const char* step_name, const char* input_json,
                             const char* policy_json) {
    return guard([&] {
        reset(out_case, "out_case");
        const Step& apply = lookup(steps(), step_name, "step");
        Case c = doc<Case>(case_json, "case");
        apply(c, input_json, policy_of(policy_json));
        give(out_case, json::to_string(c));
    });
}

jmdcm_status jmdcm_case_steps(char** out_names) { return answer_names(out_names, steps()); }

jmdcm_status jmdcm_store_step(char** out_case, jmdcm_store* store, const char* actor_json, const char* case_id,
                              int64_t expected_version, const char* step_name, const char* input_json, const char* policy_json) {
    return answer(out_case, "out_case", store, actor_json, [&](Repository& r, const Actor& actor) {
        need(case_id, "case_id");
        const StoreStep& apply = lookup(store_steps(), step_name, "step");
        need(input_json, "input");
        if (expected_version < 0) fail(errc::invalid_argument, "", "expected_version", "a version is 0 (the stored one) or positive");
        const Policy policy = policy_of(policy_json);
        return json::to_string(r.step(actor, case_id, expected_version, step_name, policy,
                                      [&](Case& c) { return apply(c, input_json, policy); }));
    });
}

jmdcm_status jmdcm_store_steps(char** out_names) { return answer_names(out_names, store_steps()); }

jmdcm_status jmdcm_case_requirements(char** out_report, const char* case_json) {
    return guard([&] {
        reset(out_report, "out_report");
        give(out_report, json::to_string(minimum_requirements(doc<Case>(case_json, "case"))));
    });
}

}  // extern "C"
