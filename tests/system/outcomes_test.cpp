// R11 outcome scores: Goal Attainment Scaling and the Kiresuk-Sherman T-score.
#include "../core/fixtures.hpp"

#include <cmath>

using namespace jmdcm;
using namespace jmdcm::test;

TEST(Outcomes, R11_ExpectedLevelEverywhereGivesFifty) {
    const std::vector<GasScore> s{{"G1", 0, 1}, {"G2", 0, 2}, {"G3", 0, 1}};
    EXPECT_DOUBLE_EQ(gas_t_score(s), 50.0);
}

TEST(Outcomes, R11_KiresukShermanFormulaWithWeightsAndRho) {
    // 3 goals, x = (+1, -1, +2), w = (1, 2, 1), rho = 0.3:
    // sum wx = 1 - 2 + 2 = 1; sum w^2 = 6; (sum w)^2 = 16; denominator sqrt(0.7*6 + 0.3*16) = sqrt(9)
    const std::vector<GasScore> s{{"G1", 1, 1}, {"G2", -1, 2}, {"G3", 2, 1}};
    EXPECT_NEAR(gas_t_score(s, 0.3), 50.0 + 10.0 / 3.0, 1e-12);
    // with rho 0 the denominator is sqrt(sum w^2)
    EXPECT_NEAR(gas_t_score(s, 0.0), 50.0 + 10.0 / std::sqrt(6.0), 1e-12);
    // all at +2 with one goal: 50 + 10 * 2 / sqrt(0.7 + 0.3) = 70
    EXPECT_DOUBLE_EQ(gas_t_score(std::vector<GasScore>{{"G1", 2, 1}}), 70.0);
}

TEST(Outcomes, R11_BadScoresWeightsAndRhoAreRefusedByField) {
    EXPECT_EQ(error_of([] { gas_t_score(std::vector<GasScore>{}); }).field(), "scores");
    EXPECT_EQ(error_of([] { gas_t_score(std::vector<GasScore>{{"G1", 3, 1}}); }).field(), "scores[0].score");
    EXPECT_EQ(error_of([] { gas_t_score(std::vector<GasScore>{{"G1", 1, 0}}); }).field(), "scores[0].weight");
    EXPECT_EQ(error_of([] { gas_t_score(std::vector<GasScore>{{"G1", 1, 1}}, 1.0); }).field(), "rho");
}

TEST(Outcomes, R11_WorkedExampleReachedEveryGoalSoItsTScoreIsFifty) {
    const auto scores = gas_scores(samira());
    ASSERT_EQ(scores.size(), 5u);
    for (const auto& s : scores) EXPECT_EQ(s.score, 0);
    EXPECT_DOUBLE_EQ(gas_t_score(scores), 50.0);
}

TEST(Outcomes, R11_PartlyAndNotAchievedScoreBelowExpectedAndUnreviewedGoalsAreLeftOut) {
    Case c = case_at(Stage::implementing);
    const std::string goal = c.plans.back().goals.front().id;
    EXPECT_TRUE(gas_scores(c).empty());  // nothing reviewed yet
    GoalReview r;
    r.date = c.last_activity + boost::gregorian::days(1);
    r.goal_id = goal;
    r.achievement = Achievement::partly;
    review_goal(c, r, Policy{});
    auto scores = gas_scores(c);
    ASSERT_EQ(scores.size(), 1u);
    EXPECT_EQ(scores[0].score, -1);
    r.date += boost::gregorian::days(1);
    r.achievement = Achievement::not_achieved;
    review_goal(c, r, Policy{});
    EXPECT_EQ(gas_scores(c)[0].score, -2);
    EXPECT_LT(gas_t_score(gas_scores(c)), 50.0);
}
