// R7 assessment: scale, perspectives side by side, re-assessments over time.
#include "fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

TEST(Assessment, R7_ScoreOffTheScaleIsRejected) {
    auto a = assessment_on(d(2020, 1, 20));
    a.ratings[3].score = 6;
    auto e = error_of([&] { validate_assessment(a, Policy{}); });
    EXPECT_EQ(e.code(), errc::assessment_invalid);
    EXPECT_EQ(e.field(), "assessment.ratings[3].score");
    Policy ten;
    ten.scale_max = 10;
    EXPECT_NO_THROW(validate_assessment(a, ten));
}

TEST(Assessment, R7_PerspectivesStaySideBySideNeverAveraged) {
    auto a = assessment_on(d(2020, 1, 20), 2);
    a.ratings.push_back({LifeArea::housing, Perspective::third_party, "Betreutes Wohnen", 4, {}, {}, {}});
    const auto young = scores_of(a, Perspective::young_person);
    const auto worker = scores_of(a, Perspective::case_worker);
    const auto third = scores_of(a, Perspective::third_party, "Betreutes Wohnen");
    ASSERT_EQ(young.size(), 9u);
    EXPECT_EQ(young[0], 2);
    EXPECT_EQ(worker[0], 3);
    EXPECT_EQ(third[static_cast<int>(LifeArea::housing)], 4);
    EXPECT_FALSE(third[0]);
}

TEST(Assessment, R7_ReAssessmentsAreKeptAndComparedPerPerspective) {
    const Case c = samira();
    ASSERT_EQ(c.assessments.size(), 2u);
    const auto changes = compare_assessments(c.assessments.front(), c.assessments.back());
    EXPECT_EQ(changes.size(), 18u);  // nine areas x two perspectives
    for (const auto& ch : changes)
        if (ch.area == LifeArea::housing && ch.perspective == Perspective::young_person) {
            EXPECT_EQ(ch.before, 1);
            EXPECT_EQ(ch.after, 4);
            EXPECT_EQ(ch.delta, 3);
        }
}

TEST(Assessment, R7_TheSameViewTwiceIsRejectedAndThirdPartiesAreNamed) {
    auto a = assessment_on(d(2020, 1, 20));
    a.ratings.push_back(a.ratings.front());
    EXPECT_EQ(error_of([&] { validate_assessment(a, Policy{}); }).field(), "assessment.ratings[18]");
    auto b = assessment_on(d(2020, 1, 20));
    b.ratings.push_back({LifeArea::housing, Perspective::third_party, "", 3, {}, {}, {}});
    EXPECT_EQ(error_of([&] { validate_assessment(b, Policy{}); }).field(), "assessment.ratings[18].rater");
}

TEST(Assessment, R7_WarnsWhenNoReAssessmentIsPlanned) {
    auto a = assessment_on(d(2020, 1, 20));
    EXPECT_TRUE(validate_assessment(a, Policy{}).empty());
    a.reassessment_planned.reset();
    const auto w = validate_assessment(a, Policy{});
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].field, "assessment.reassessment_planned");
}

TEST(Assessment, R7_AReAssessmentCannotPredateThePreviousOne) {
    Case c = case_at(Stage::assessed);
    EXPECT_EQ(error_of([&] { add_assessment(c, assessment_on(d(2020, 1, 19)), Policy{}); }).field(), "assessment.date");
    EXPECT_NO_THROW(add_assessment(c, assessment_on(d(2020, 4, 20)), Policy{}));
    EXPECT_EQ(c.assessments.size(), 2u);
}
