// R9 plan invariants (errors) and quality (warnings); revisions as versions.
#include "fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

namespace {
int count(const std::vector<PlanIssue>& v, Severity s) {
    return static_cast<int>(std::count_if(v.begin(), v.end(), [&](const PlanIssue& i) { return i.severity == s; }));
}
}  // namespace

TEST(Plan, R9_MoreActiveGoalsThanAllowedIsAnError) {
    const Plan p = plan_with({goal("G1", 1), goal("G2", 2), goal("G3", 3), goal("G4", 4)}, d(2020, 1, 27));
    const auto issues = check_plan(p, Policy{});
    ASSERT_EQ(count(issues, Severity::error), 1);
    EXPECT_EQ(issues[0].field, "plan.goals");
    EXPECT_NE(issues[0].message.find("at most 3"), std::string::npos);
    Policy four;
    four.active_goal_limit = 4;
    EXPECT_EQ(count(check_plan(p, four), Severity::error), 0);
}

TEST(Plan, R9_ConcludedGoalsDoNotCountAgainstTheLimit) {
    const Plan p = plan_with({goal("G1", 1), goal("G2", 2), goal("G3", 3), goal("G4", 3)}, d(2020, 1, 27));
    EXPECT_EQ(count(check_plan(p, Policy{}, {"G3"}), Severity::error), 0);
}

TEST(Plan, R9_ActiveGoalsAreOrderedByDistinctPriorities) {
    const Plan p = plan_with({goal("G1", 1), goal("G2", 1)}, d(2020, 1, 27));
    const auto issues = check_plan(p, Policy{});
    ASSERT_EQ(count(issues, Severity::error), 1);
    EXPECT_EQ(issues[0].field, "plan.goals[1].priority");
}

TEST(Plan, R9_ATaskWithoutAPartyIsAnError) {
    Goal g = goal("G1", 1);
    g.tasks[0].party.reset();
    auto e = error_of([&] { require_valid_plan(plan_with({g}, d(2020, 1, 27)), Policy{}); });
    EXPECT_EQ(e.code(), errc::plan_invalid);
    EXPECT_EQ(e.rule(), "R9");
    EXPECT_EQ(e.field(), "plan.goals[0].tasks[0].party");
}

TEST(Plan, R9_TasksNeedADateUnlessOngoingAndInstitutionsAreNamed) {
    Goal g = goal("G1", 1);
    g.tasks[0].date.reset();
    EXPECT_EQ(error_of([&] { require_valid_plan(plan_with({g}, d(2020, 1, 27)), Policy{}); }).field(), "plan.goals[0].tasks[0].date");
    g.tasks[0].timing = Timing::ongoing;
    EXPECT_NO_THROW(require_valid_plan(plan_with({g}, d(2020, 1, 27)), Policy{}));
    g.tasks[0].party = Party::other_institution;
    EXPECT_EQ(error_of([&] { require_valid_plan(plan_with({g}, d(2020, 1, 27)), Policy{}); }).field(),
              "plan.goals[0].tasks[0].institution");
}

TEST(Plan, R9_QualityGapsAreWarningsNotErrors) {
    Goal g = goal("G1", 1);
    g.indicator = "";
    g.review_date.reset();
    g.sub_goals.clear();
    const auto w = require_valid_plan(plan_with({g}, d(2020, 1, 27)), Policy{});
    EXPECT_EQ(w.size(), 3u);
    EXPECT_EQ(count(w, Severity::warning), 3);
    g.target_date = d(2020, 12, 1);
    EXPECT_EQ(require_valid_plan(plan_with({g}, d(2020, 1, 27)), Policy{}).size(), 2u);
}

TEST(Plan, R9_AHeaderNeedsDateOfficeAndAGoal) {
    Plan p;
    const auto issues = check_plan(p, Policy{});
    EXPECT_EQ(count(issues, Severity::error), 3);
}

TEST(Plan, R9_UnknownCatalogueGoalIsAnError) {
    Goal g = goal("G1", 1);
    g.catalogue_id = "language.fly";
    EXPECT_EQ(count(check_plan(plan_with({g}, d(2020, 1, 27)), Policy{}, {}, &default_catalogue()), Severity::error), 1);
    g.catalogue_id = "language.acquire_german";
    EXPECT_EQ(count(check_plan(plan_with({g}, d(2020, 1, 27)), Policy{}, {}, &default_catalogue()), Severity::error), 0);
}

TEST(Plan, R9_ARevisionIsANewVersionAndTheOldOneStays) {
    Case c = case_at(Stage::implementing);
    review_goal(c, {d(2020, 3, 2), "G1", Achievement::achieved, ReviewConsequence::revise_plan, {}}, Policy{});
    Plan v2 = c.plans.back();
    v2.date = d(2020, 3, 2);
    v2.goals.push_back(goal("G3", 1));
    v2.goals.push_back(goal("G4", 3));
    adopt_plan(c, v2, Policy{});
    ASSERT_EQ(c.plans.size(), 2u);
    EXPECT_EQ(c.plans[0].version, 1);
    EXPECT_EQ(c.plans[0].goals.size(), 2u);
    EXPECT_EQ(c.plans[1].version, 2);
    EXPECT_EQ(c.plans[1].goals.size(), 4u);
}

TEST(Plan, R9_AnInvalidRevisionLeavesTheCaseUnchanged) {
    Case c = case_at(Stage::implementing);
    const std::string before = json::to_string(c);
    Plan v2 = c.plans.back();
    v2.date = d(2020, 3, 2);
    v2.goals.push_back(goal("G3", 3));
    v2.goals.push_back(goal("G4", 4));  // four active goals
    EXPECT_EQ(error_of([&] { adopt_plan(c, v2, Policy{}); }).code(), errc::plan_invalid);
    EXPECT_EQ(json::to_string(c), before);
}

TEST(Plan, R9_NoSuitableOfferIsRecordedAsASupplyGap) {
    Case c = case_at(Stage::assessed);
    change_phase(c, Phase::planning, d(2020, 1, 27), Policy{});
    Goal g = goal("G1", 1);
    g.offer_available = false;
    g.gap = "Kein Sprachkurs mit Kinderbetreuung";
    adopt_plan(c, plan_with({g}, d(2020, 1, 27)), Policy{});
    ASSERT_EQ(c.supply_gaps.size(), 1u);
    EXPECT_EQ(c.supply_gaps[0].goal_id, "G1");
    EXPECT_EQ(c.supply_gaps[0].area, LifeArea::language);
    Plan v2 = c.plans.back();
    v2.date = d(2020, 2, 1);
    adopt_plan(c, v2, Policy{});
    EXPECT_EQ(c.supply_gaps.size(), 1u);  // the same gap is not counted twice
}

TEST(Plan, R1_NoPlanWithoutADocumentedNeedsAssessment) {
    Case c = case_at(Stage::consented);
    auto e = error_of([&] { adopt_plan(c, plan_with({goal("G1", 1)}, d(2020, 1, 27)), Policy{}); });
    EXPECT_EQ(e.code(), errc::phase_gate);
    EXPECT_TRUE(c.plans.empty());
}
