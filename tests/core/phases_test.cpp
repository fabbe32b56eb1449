// R1 kinds and phases: the Regelkreis, steps back always, steps forward gated (R14).
#include "fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

TEST(Phases, R1_StepsForwardAreGatedByTheMinimumRequirements) {
    Case c = case_at(Stage::consented);
    c.phase = Phase::screening;
    auto e = error_of([&] { change_phase(c, Phase::planning, d(2020, 1, 14), Policy{}); });
    EXPECT_EQ(e.code(), errc::phase_gate);
    EXPECT_EQ(e.rule(), "R2");   // the eligibility check comes first
    EXPECT_EQ(c.phase, Phase::screening);
    const auto missing = phase_gate(c, Phase::implementation, d(2020, 1, 14), Policy{});
    EXPECT_EQ(missing.size(), 5u);  // eligibility, screening, cooperation, assessment, plan
    set_eligibility(c, eligible_on(d(2020, 1, 13)), Policy{});
    EXPECT_EQ(error_of([&] { change_phase(c, Phase::planning, d(2020, 1, 14), Policy{}); }).rule(), "R6");
}

TEST(Phases, R1_NoScreeningPhaseWithoutConsentAndMasterData) {
    Case c = case_at(Stage::opened);
    auto e = error_of([&] { change_phase(c, Phase::screening, d(2020, 1, 7), Policy{}); });
    EXPECT_EQ(e.rule(), "R3");
}

TEST(Phases, R1_StepsBackAreAlwaysAllowedAndRecorded) {
    Case c = case_at(Stage::implementing);
    change_phase(c, Phase::assessment, d(2020, 3, 1), Policy{});
    EXPECT_EQ(c.phase, Phase::assessment);
    EXPECT_EQ(c.phase_history.back().from, Phase::implementation);
    change_phase(c, Phase::implementation, d(2020, 3, 2), Policy{});  // gates still met
    EXPECT_EQ(c.phase, Phase::implementation);
}

TEST(Phases, R1_GoalReviewSendsTheCaseBackInTheLoop) {
    Case c = case_at(Stage::implementing);
    review_goal(c, {d(2020, 3, 2), "G1", Achievement::not_achieved, ReviewConsequence::reassess, "neue Lage"}, Policy{});
    EXPECT_EQ(c.phase, Phase::assessment);
    Case c2 = case_at(Stage::implementing);
    review_goal(c2, {d(2020, 3, 2), "G1", Achievement::partly, ReviewConsequence::revise_plan, {}}, Policy{});
    EXPECT_EQ(c2.phase, Phase::planning);
    Case c3 = case_at(Stage::implementing);
    review_goal(c3, {d(2020, 3, 2), "G1", Achievement::partly, ReviewConsequence::continue_plan, {}}, Policy{});
    EXPECT_EQ(c3.phase, Phase::implementation);
}

TEST(Phases, R10_ReviewOfAGoalNotInThePlanIsRejected) {
    Case c = case_at(Stage::implementing);
    auto e = error_of([&] { review_goal(c, {d(2020, 3, 2), "G9", Achievement::achieved, ReviewConsequence::continue_plan, {}}, Policy{}); });
    EXPECT_EQ(e.code(), errc::not_found);
    EXPECT_EQ(e.field(), "review.goal_id");
    EXPECT_TRUE(c.reviews.empty());
}

TEST(Phases, R10_ConcludedGoalsFollowTheLatestReview) {
    Case c = case_at(Stage::implementing);
    review_goal(c, {d(2020, 3, 2), "G1", Achievement::partly, ReviewConsequence::continue_plan, {}}, Policy{});
    EXPECT_TRUE(concluded_goals(c).empty());
    review_goal(c, {d(2020, 4, 2), "G1", Achievement::achieved, ReviewConsequence::continue_plan, {}}, Policy{});
    EXPECT_EQ(concluded_goals(c), std::set<std::string>{"G1"});
    EXPECT_EQ(latest_achievement(c, "G1"), Achievement::achieved);
}

TEST(Phases, R1_ACounsellingCaseHasNoPhases) {
    Case c = open_case("B-1", "JMD", "fk-1", d(2020, 1, 6), CaseKind::counselling);
    EXPECT_EQ(error_of([&] { change_phase(c, Phase::screening, d(2020, 1, 7), Policy{}); }).code(), errc::phase_gate);
}

TEST(Phases, R11_TheClosurePhaseComesBeforeTheClosureReason) {
    Case c = case_at(Stage::implementing);
    change_phase(c, Phase::closure, d(2020, 3, 1), Policy{});   // evaluate first, then decide
    EXPECT_EQ(c.phase, Phase::closure);
    EXPECT_TRUE(is_running(c));
    change_phase(c, Phase::implementation, d(2020, 3, 2), Policy{});   // decided to continue
    EXPECT_TRUE(is_running(c));
    Case early = case_at(Stage::assessed);   // no plan yet: the gate of the phases before holds
    expect_error([&] { change_phase(early, Phase::closure, d(2020, 3, 1), Policy{}); }, errc::phase_gate, "R9", "case.phase");
}

TEST(Phases, R1_ACounsellingCaseBecomesCMAfterScreeningAndAgreement) {
    Case c = open_case("B-1", "JMD", "fk-1", d(2020, 1, 6), CaseKind::counselling);
    record_consent(c, consent_on(d(2020, 1, 6)), d(2000, 1, 1), Policy{});
    set_person(c, person_born(d(2000, 1, 1)), d(2020, 1, 6), Policy{});
    EXPECT_EQ(error_of([&] { start_case_management(c, d(2020, 1, 6), Policy{}); }).code(), errc::phase_gate);
    set_eligibility(c, eligible_on(d(2020, 2, 3)), Policy{});
    record_screening(c, screening_with(5, d(2020, 2, 3)), Policy{});
    decide_screening(c, {d(2020, 2, 3), true, std::nullopt}, Policy{});
    record_cooperation(c, {d(2020, 2, 3), true, AgreementForm::written}, Policy{});
    start_case_management(c, d(2020, 2, 3), Policy{});
    EXPECT_EQ(c.kind, CaseKind::cm);
    EXPECT_EQ(c.phase, Phase::assessment);
}

TEST(Phases, R10_LastContactCountsOnlyContactsWithTheYoungPerson) {
    Case c = case_at(Stage::implementing);
    EXPECT_EQ(last_contact(c), d(2020, 1, 20));  // the assessment in which she rated herself (R13)
    add_journal_entry(c, {d(2020, 2, 1), ContactKind::phone, ContactTopic::monitoring, false, "Sprachkursträger", {}}, Policy{});
    EXPECT_EQ(last_contact(c), d(2020, 1, 20));
    add_journal_entry(c, {d(2020, 2, 5), ContactKind::in_person, ContactTopic::counselling, true, {}, "Gespräch"}, Policy{});
    EXPECT_EQ(last_contact(c), d(2020, 2, 5));
}
