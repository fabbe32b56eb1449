// R13 deadlines in months follow German civil law (BGB §188): the same day number in the
// target month, its last day when that month is shorter, never snapped to a month's end.
#include "fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

TEST(Dates, R13_MonthsKeepTheDayNumberAndNeverSnapToTheMonthsEnd) {
    EXPECT_EQ(add_months(d(2017, 2, 28), 6), d(2017, 8, 28));   // Boost's month arithmetic gives 08-31
    EXPECT_EQ(add_months(d(2016, 4, 30), 9), d(2017, 1, 30));   // not 01-31
    EXPECT_EQ(add_months(d(2017, 1, 31), 1), d(2017, 2, 28));   // a shorter month: its last day
    EXPECT_EQ(add_months(d(2016, 1, 31), 1), d(2016, 2, 29));   // a leap year
    EXPECT_EQ(add_months(d(2016, 2, 29), 12), d(2017, 2, 28));
    EXPECT_EQ(add_months(d(2016, 8, 31), -6), d(2016, 2, 29));
    EXPECT_EQ(add_months(d(2020, 12, 15), 1), d(2021, 1, 15));
    EXPECT_EQ(add_months(d(2021, 1, 15), -1), d(2020, 12, 15));
}

TEST(Dates, R13_AMonthOutsideTheCalendarIsADateError) {
    EXPECT_EQ(error_of([] { add_months(d(9999, 6, 1), 12); }).code(), errc::json_bad_date);
    EXPECT_EQ(error_of([] { add_months(d(1400, 6, 1), -12); }).code(), errc::json_bad_date);
}

TEST(Dates, R13_TheReviewAndTheAnonymisationCountFromTheLastDayNumber) {
    Case c = case_at(Stage::implementing);
    add_journal_entry(c, {d(2020, 2, 29), ContactKind::in_person, ContactTopic::counselling, true, {}, {}}, Policy{});
    c.last_activity = d(2020, 2, 29);
    EXPECT_EQ(retention_decision(c, d(2020, 8, 28), Policy{}).action, RetentionAction::keep);
    EXPECT_EQ(retention_decision(c, d(2020, 8, 29), Policy{}).action, RetentionAction::review_due);  // not 08-31
    EXPECT_NE(retention_decision(c, d(2020, 11, 28), Policy{}).action, RetentionAction::close_and_anonymise);
    EXPECT_EQ(retention_decision(c, d(2020, 11, 29), Policy{}).action, RetentionAction::close_and_anonymise);
}

TEST(Dates, R13_IntakeConversationsAndAssessmentsWithTheYoungPersonAreContact) {
    Case c = case_at(Stage::consented);
    Intake intake;
    intake.first_contact = d(2020, 1, 6);
    intake.conversations = {d(2020, 1, 6), d(2020, 5, 2)};
    record_intake(c, intake, d(2020, 1, 6), Policy{});
    EXPECT_EQ(last_contact(c), d(2020, 5, 2));
    const Closure early{d(2020, 10, 4), ClosureReason::no_contact, false, {}, false, std::nullopt, {}};
    EXPECT_EQ(error_of([&] { close_case(c, early, Policy{}); }).code(), errc::closure_invalid);  // only five months
    Case assessed = case_at(Stage::assessed);
    EXPECT_EQ(last_contact(assessed), d(2020, 1, 20));  // the young person rated themselves that day
}
