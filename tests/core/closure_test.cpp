// R11 closure reasons and their consequences, reopening both ways, evaluation.
#include "fixtures.hpp"

#include "jmdcm/change.hpp"
#include "jmdcm/retention.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

TEST(Closure, R11_EndedByTheYoungPersonSchedulesTheFollowUpTalk) {
    Case c = case_at(Stage::implementing);
    close_case(c, closing(ClosureReason::ended_by_young_person, d(2020, 5, 15)), Policy{});
    EXPECT_EQ(c.phase, Phase::closure);
    EXPECT_FALSE(is_running(c));
    EXPECT_EQ(c.closure->follow_up_on, d(2020, 11, 15));
    EXPECT_EQ(c.reminders.back().kind, ReminderKind::follow_up_talk);
    Policy p;
    p.follow_up_after_months = 3;
    Case c2 = case_at(Stage::implementing);
    close_case(c2, closing(ClosureReason::goals_reached, d(2020, 5, 15)), p);
    EXPECT_EQ(c2.closure->follow_up_on, d(2020, 8, 15));
    EXPECT_EQ(error_of([&] { close_case(c2, closing(ClosureReason::goals_reached, d(2020, 5, 16)), p); }).code(), errc::case_closed);
}

TEST(Closure, R11_NoContactNeedsNineMonthsAndAnonymises) {
    Case c = case_at(Stage::implementing);  // last contact 2020-01-20: the assessment with the young person (R13)
    auto e = error_of([&] { close_case(c, closing(ClosureReason::no_contact, d(2020, 10, 19)), Policy{}); });
    EXPECT_EQ(e.code(), errc::closure_invalid);
    EXPECT_TRUE(is_running(c));
    close_case(c, closing(ClosureReason::no_contact, d(2020, 10, 20)), Policy{});
    EXPECT_TRUE(is_anonymised(c));
    EXPECT_FALSE(c.closure->follow_up_on);
}

TEST(Closure, R11_OfficeClosingAnonymisesEveryFile) {
    Case c = case_at(Stage::planned);
    close_case(c, closing(ClosureReason::office_closed, d(2020, 3, 1)), Policy{});
    EXPECT_TRUE(is_anonymised(c));
    EXPECT_FALSE(c.person);
}

TEST(Closure, R11_LackOfCooperationMayContinueAsCounselling) {
    Case c = case_at(Stage::implementing);
    auto cl = closing(ClosureReason::lack_of_cooperation, d(2020, 4, 1));
    cl.by_consensus = false;
    cl.continue_as_counselling = true;
    close_case(c, cl, Policy{});
    EXPECT_EQ(c.kind, CaseKind::counselling);
    EXPECT_TRUE(is_running(c));
    EXPECT_NO_THROW(add_journal_entry(c, {d(2020, 5, 1), ContactKind::in_person, ContactTopic::counselling, true, {}, "Beratung"}, Policy{}));
    Case other = case_at(Stage::implementing);
    auto wrong = closing(ClosureReason::goals_reached, d(2020, 4, 1));
    wrong.continue_as_counselling = true;
    EXPECT_EQ(error_of([&] { close_case(other, wrong, Policy{}); }).field(), "closure.continue_as_counselling");
}

TEST(Closure, R11_StructuralObstaclesNameTheReferralOrTheMissingOffer) {
    Case c = case_at(Stage::implementing);
    EXPECT_EQ(error_of([&] { close_case(c, closing(ClosureReason::structural_obstacles, d(2020, 4, 1)), Policy{}); }).field(),
              "closure.referred_to");
    auto cl = closing(ClosureReason::structural_obstacles, d(2020, 4, 1));
    cl.referred_to = "JMD Offenbach";
    EXPECT_EQ(error_of([&] { close_case(c, cl, Policy{}); }).code(), errc::release_required);  // a referral is a disclosure (R4)
    grant_release(c, release_for("R-1", "JMD Offenbach", d(2020, 4, 1)), Policy{});
    EXPECT_NO_THROW(close_case(c, cl, Policy{}));
}

TEST(Closure, R11_ReopeningClearsTheEndDateAndContinuesTheSameCase) {
    Case c = case_at(Stage::implementing);
    close_case(c, closing(ClosureReason::goals_reached, d(2020, 5, 15)), Policy{});
    reopen_case(c, d(2020, 7, 1), Policy{});
    EXPECT_FALSE(c.closure);
    EXPECT_TRUE(is_running(c));
    EXPECT_EQ(c.phase, Phase::implementation);
    EXPECT_TRUE(c.reminders.back().done);  // the follow-up talk is no longer due
    EXPECT_EQ(error_of([&] { reopen_case(c, d(2020, 7, 2), Policy{}); }).code(), errc::invalid_argument);
}

TEST(Closure, R11_ReopeningAsANewCaseAnonymisesTheOldFileNeverDeletesIt) {
    Case old = case_at(Stage::implementing);
    const auto running = error_of([&] { reopen_as_new_case(old, "T-2", d(2021, 1, 10), Policy{}); });
    EXPECT_EQ(running.code(), errc::invalid_argument);  // a running case is not reopened
    EXPECT_EQ(running.rule(), "R11");
    EXPECT_FALSE(is_anonymised(old));
    close_case(old, closing(ClosureReason::goals_reached, d(2020, 5, 15)), Policy{});
    Case fresh = reopen_as_new_case(old, "T-2", d(2021, 1, 10), Policy{});
    EXPECT_TRUE(is_anonymised(old));
    EXPECT_EQ(old.plans.size(), 1u);  // kept for the statistics
    EXPECT_EQ(fresh.id, "T-2");
    EXPECT_EQ(fresh.kind, CaseKind::counselling);
    EXPECT_FALSE(fresh.consent);
    EXPECT_EQ(error_of([&] { reopen_case(old, d(2021, 1, 10), Policy{}); }).code(), errc::case_anonymised);
}

TEST(Closure, R11_EvaluationFollowsClosureAndRatesOnTheScale) {
    Case c = case_at(Stage::implementing);
    Evaluation ev;
    ev.date = d(2020, 5, 15);
    ev.goals = {{"G1", Achievement::achieved, {}}, {"G2", Achievement::partly, {}}};
    EXPECT_EQ(error_of([&] { record_evaluation(c, ev, Policy{}); }).code(), errc::phase_gate);
    close_case(c, closing(ClosureReason::goals_reached, d(2020, 5, 15)), Policy{});
    ev.results = 6;
    EXPECT_EQ(error_of([&] { record_evaluation(c, ev, Policy{}); }).field(), "evaluation.results");
    ev.results = 4;
    ev.goals.push_back({"G7", Achievement::achieved, {}});
    EXPECT_EQ(error_of([&] { record_evaluation(c, ev, Policy{}); }).field(), "evaluation.goals[2].goal_id");
    ev.goals.pop_back();
    record_evaluation(c, ev, Policy{});
    EXPECT_EQ(c.evaluation->goals.size(), 2u);
}

TEST(Closure, R11_AClosedCaseTakesNoNewWork) {
    Case c = case_at(Stage::implementing);
    close_case(c, closing(ClosureReason::goals_reached, d(2020, 5, 15)), Policy{});
    EXPECT_EQ(error_of([&] { add_journal_entry(c, {d(2020, 6, 1), ContactKind::phone, ContactTopic::other, true, {}, {}}, Policy{}); }).code(),
              errc::case_closed);
}

TEST(Closure, R11_NoContactIsPossibleFromTheReviewWithTheWorkersNoteAndDueAtNineMonths) {
    Case c = case_at(Stage::implementing);  // last contact 2020-01-20: review from 2020-07-20, due 2020-10-20
    expect_error([&] { close_case(c, closing(ClosureReason::no_contact, d(2020, 7, 19)), Policy{}); }, errc::closure_invalid, "R11",
                 "closure.reason");
    expect_error([&] { close_case(c, closing(ClosureReason::no_contact, d(2020, 7, 20)), Policy{}); }, errc::closure_invalid, "R11",
                 "closure.remark");
    EXPECT_TRUE(is_running(c));
    auto early = closing(ClosureReason::no_contact, d(2020, 7, 20));
    early.by_consensus = false;
    early.remark = FreeText{"drei Briefe und zwei Anrufe ohne Antwort"};
    close_case(c, early, Policy{});
    EXPECT_FALSE(is_anonymised(c));   // the file waits for its nine months: the young person may still turn up
    EXPECT_FALSE(c.closure->follow_up_on);   // no follow-up talk without contact
    EXPECT_EQ(retention_decision(c, d(2020, 10, 19), Policy{}).action, RetentionAction::keep);
    EXPECT_EQ(retention_decision(c, d(2020, 10, 20), Policy{}).action, RetentionAction::anonymise);
    Case back = c;
    EXPECT_NO_THROW(reopen_case(back, d(2020, 8, 1), Policy{}));
    // a host's save may record the early closure, not the one that anonymises
    Case stored = case_at(Stage::implementing);
    Case saved = stored;
    saved.closure = early;
    saved.phase_history.push_back({d(2020, 7, 20), saved.phase, Phase::closure});
    saved.phase = Phase::closure;
    EXPECT_NO_THROW(check_change(stored, saved, d(2020, 7, 20), Policy{}));
    saved.closure->date = d(2020, 10, 20);
    expect_error([&] { check_change(stored, saved, d(2020, 10, 20), Policy{}); }, errc::closure_invalid, "R13", "case.closure.reason");
}
