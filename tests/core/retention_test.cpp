// R13 retention decisions on a passed-in date, and what anonymisation leaves.
#include "fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

TEST(Retention, R13_ReviewIsDueAfterSixMonthsUntouched) {
    Case c = case_at(Stage::implementing);  // last activity 2020-01-27, last contact 2020-01-06
    add_journal_entry(c, {d(2020, 3, 2), ContactKind::in_person, ContactTopic::counselling, true, {}, {}}, Policy{});
    EXPECT_EQ(retention_decision(c, d(2020, 9, 1), Policy{}).action, RetentionAction::keep);
    const auto due = retention_decision(c, d(2020, 9, 2), Policy{});
    EXPECT_EQ(due.action, RetentionAction::review_due);
    EXPECT_EQ(due.since, d(2020, 9, 2));
    EXPECT_TRUE(apply_retention(c, due, d(2020, 9, 2), Policy{}));
    EXPECT_FALSE(apply_retention(c, due, d(2020, 9, 3), Policy{}));  // one open reminder, not two
    EXPECT_EQ(c.last_activity, d(2020, 3, 2));                        // the reminder does not touch the case
}

TEST(Retention, R13_NoContactForNineMonthsClosesAndAnonymises) {
    Case c = case_at(Stage::implementing);
    add_journal_entry(c, {d(2020, 2, 10), ContactKind::in_person, ContactTopic::counselling, true, {}, {}}, Policy{});
    EXPECT_NE(retention_decision(c, d(2020, 11, 9), Policy{}).action, RetentionAction::close_and_anonymise);
    const auto dec = retention_decision(c, d(2020, 11, 10), Policy{});
    EXPECT_EQ(dec.action, RetentionAction::close_and_anonymise);
    apply_retention(c, dec, d(2020, 11, 10), Policy{});
    EXPECT_EQ(c.closure->reason, ClosureReason::no_contact);
    EXPECT_FALSE(c.closure->by_consensus);
    EXPECT_TRUE(is_anonymised(c));
}

TEST(Retention, R13_PeriodsAreConfigurable) {
    Policy p;
    p.review_after_months = 2;
    p.anonymise_after_months = 4;
    Case c = case_at(Stage::implementing, p);
    EXPECT_EQ(retention_decision(c, d(2020, 3, 27), p).action, RetentionAction::review_due);
    EXPECT_NE(retention_decision(c, d(2020, 5, 19), p).action, RetentionAction::close_and_anonymise);
    EXPECT_EQ(retention_decision(c, d(2020, 5, 20), p).action, RetentionAction::close_and_anonymise);  // 4 months after 01-20
}

TEST(Retention, R13_AClosedCaseIsAnonymisedAndThenKeptForever) {
    Case c = case_at(Stage::implementing);
    Closure cl;
    cl.date = d(2020, 5, 15);
    cl.reason = ClosureReason::goals_reached;
    close_case(c, cl, Policy{});
    record_follow_up(c, {d(2020, 11, 16), false, std::nullopt, false, {}}, Policy{});   // declined (R11)
    const auto dec = retention_decision(c, d(2020, 11, 16), Policy{});
    EXPECT_EQ(dec.action, RetentionAction::anonymise);
    apply_retention(c, dec, d(2020, 11, 16), Policy{});
    EXPECT_TRUE(is_anonymised(c));
    for (Date later : {d(2021, 1, 1), d(2030, 1, 1)}) {
        const auto again = retention_decision(c, later, Policy{});
        EXPECT_EQ(again.action, RetentionAction::keep);
        EXPECT_FALSE(apply_retention(c, again, later, Policy{}));
    }
}

TEST(Retention, R13_AnonymisationLeavesOnlyTheCoarsenedSkeleton) {
    Case c = samira();
    anonymise(c, d(2017, 4, 1));
    const std::string doc = json::to_string(c);
    for (const char* gone : {"Samira", "Beispiel", "1994-05-03", "60386", "Sammelunterkunft", "Afghanistan", "Farsi",
                             "Ausländerbehörde", "ALG II", "2016-09-12", "2017-03-15", "Sehr zufrieden"})
        EXPECT_EQ(doc.find(gone), std::string::npos) << gone;
    ASSERT_TRUE(c.skeleton);
    EXPECT_EQ(c.skeleton->age_band_at_intake, AgeBand::from_21_to_24);  // 22 at intake; the policy's default
    EXPECT_FALSE(c.skeleton->birth_year);
    EXPECT_FALSE(c.skeleton->age_at_intake);
    EXPECT_EQ(c.skeleton->gender, Gender::female);
    EXPECT_EQ(c.skeleton->region, "603");
    EXPECT_EQ(c.skeleton->residence, ResidenceCategory::aufenthaltstitel);   // protection granted in December 2016
    // the statistical content survives, dates coarsened to the month
    EXPECT_EQ(c.opened, d(2016, 9, 1));
    EXPECT_EQ(c.closure->reason, ClosureReason::ended_by_young_person);
    EXPECT_EQ(c.closure->date, d(2017, 3, 1));
    EXPECT_EQ(c.plans.back().goals.size(), 5u);
    EXPECT_EQ(c.plans.back().goals[1].area, LifeArea::social_problems);
    EXPECT_EQ(c.reviews.size(), 5u);
    EXPECT_EQ(c.assessments[0].ratings[0].score, 1);
    EXPECT_EQ(c.evaluation->results, 5);
    EXPECT_EQ(c.screening->answers.size(), 12u);
}

TEST(Retention, R13_AnonymisationIsIrreversibleAndIdempotent) {
    Case c = samira();
    anonymise(c, d(2017, 4, 1));
    const std::string once = json::to_string(c);
    anonymise(c, d(2018, 4, 1));
    EXPECT_EQ(json::to_string(c), once);
    EXPECT_EQ(c.anonymised_on, d(2017, 4, 1));
}
