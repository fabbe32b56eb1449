// R6 screening: recommendation from the twelve criteria, the worker's decision.
#include "fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

TEST(Screening, R6_FourSeriousObstaclesRecommendCM) {
    const auto r = screening_recommendation(screening_with(4, d(2020, 1, 13)), Policy{});
    EXPECT_TRUE(r.indicated);
    EXPECT_EQ(r.route, ScreeningRoute::obstacles);
    EXPECT_EQ(r.obstacles, 4);
}

TEST(Screening, R6_ThreeObstaclesDoNotRecommendCM) {
    const auto r = screening_recommendation(screening_with(3, d(2020, 1, 13)), Policy{});
    EXPECT_FALSE(r.indicated);
    EXPECT_EQ(r.obstacles, 3);
}

TEST(Screening, R6_ObstaclesThePersonCannotInfluenceDoNotCount) {
    auto s = screening_with(4, d(2020, 1, 13));
    s.answers[0].influenceable = false;
    EXPECT_FALSE(screening_recommendation(s, Policy{}).indicated);
}

TEST(Screening, R6_NotIndicatedWhenIntegrationIsNotAtRisk) {
    const auto r = screening_recommendation(screening_with(8, d(2020, 1, 13), false), Policy{});
    EXPECT_FALSE(r.indicated);
    EXPECT_NE(r.reason.find("not at risk"), std::string::npos);
}

TEST(Screening, R6_UnansweredCriteriaCountAsNoObstacle) {
    auto s = screening_with(5, d(2020, 1, 13));
    s.answers[0].answer = Answer::not_answered;
    s.answers[1].answer = Answer::not_answered;
    EXPECT_EQ(screening_recommendation(s, Policy{}).obstacles, 3);
}

TEST(Screening, R6_PreventiveRouteNeedsAJustification) {
    auto s = screening_with(1, d(2020, 1, 13), false);
    s.preventive_justification = FreeText(" ");
    EXPECT_FALSE(screening_recommendation(s, Policy{}).indicated);
    s.preventive_justification = FreeText("Frühe Begleitung senkt das Risiko der Desintegration");
    const auto r = screening_recommendation(s, Policy{});
    EXPECT_TRUE(r.indicated);
    EXPECT_EQ(r.route, ScreeningRoute::preventive);
}

TEST(Screening, R6_ThresholdIsConfigurable) {
    Policy p;
    p.screening_threshold = 6;
    EXPECT_FALSE(screening_recommendation(screening_with(5, d(2020, 1, 13)), p).indicated);
    EXPECT_TRUE(screening_recommendation(screening_with(6, d(2020, 1, 13)), p).indicated);
}

TEST(Screening, R6_DecisionAgainstTheRecommendationNeedsAJustification) {
    auto s = screening_with(2, d(2020, 1, 13));
    auto e = error_of([&] { decide_screening(s, {d(2020, 1, 13), true, std::nullopt}, Policy{}); });
    EXPECT_EQ(e.code(), errc::justification_required);
    EXPECT_EQ(e.field(), "screening.decision.justification");
    EXPECT_FALSE(s.decision);
    EXPECT_NO_THROW(decide_screening(s, {d(2020, 1, 13), true, FreeText("Akute Krise, viele Akteure")}, Policy{}));
    EXPECT_TRUE(s.decision->take_into_cm);

    auto strong = screening_with(6, d(2020, 1, 13));
    EXPECT_EQ(error_of([&] { decide_screening(strong, {d(2020, 1, 13), false, std::nullopt}, Policy{}); }).code(),
              errc::justification_required);
    EXPECT_NO_THROW(decide_screening(strong, {d(2020, 1, 13), true, std::nullopt}, Policy{}));  // follows: none needed
}

TEST(Screening, R6_ACriterionAnsweredTwiceIsRejected) {
    auto s = screening_with(4, d(2020, 1, 13));
    s.answers.push_back({Criterion::debts, Answer::yes, true, {}});
    auto e = error_of([&] { screening_recommendation(s, Policy{}); });
    EXPECT_EQ(e.field(), "screening.answers[12].criterion");
}

TEST(Screening, R6_DecisionAgainstCMMakesACounsellingCase) {
    Case c = case_at(Stage::consented);
    set_eligibility(c, eligible_on(d(2020, 1, 13)), Policy{});
    record_screening(c, screening_with(2, d(2020, 1, 13)), Policy{});
    EXPECT_EQ(c.phase, Phase::screening);
    decide_screening(c, {d(2020, 1, 13), false, std::nullopt}, Policy{});
    EXPECT_EQ(c.kind, CaseKind::counselling);
}
