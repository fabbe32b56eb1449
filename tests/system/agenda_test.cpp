// The case worker's agenda: plan reviews, tasks, follow-ups, R13 reviews, cooperations;
// a tolerance window widens the range.
#include "../core/fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

std::vector<AgendaKind> kinds(const Agenda& a) {
    std::vector<AgendaKind> k;
    for (const auto& i : a.items) k.push_back(i.kind);
    return k;
}

}  // namespace

TEST(Agenda, R9_PlanReviewsAndTasksInTheRangeAndOverdueTasksAlways) {
    const Case c = case_at(Stage::implementing);  // goals G1, G2: task due 2020-03-01, review 2020-06-01
    const auto march = agenda({c}, {}, {d(2020, 2, 20), d(2020, 3, 10), 0}, {});
    EXPECT_EQ(kinds(march), (std::vector{AgendaKind::task_due, AgendaKind::task_due}));
    EXPECT_EQ(march.items[0].goal_id, "G1");
    EXPECT_EQ(march.items[0].what, "Anmeldung");
    const auto may = agenda({c}, {}, {d(2020, 5, 25), d(2020, 6, 5), 0}, {});
    EXPECT_EQ(kinds(may), (std::vector{AgendaKind::task_overdue, AgendaKind::task_overdue, AgendaKind::plan_review,
                                       AgendaKind::plan_review}));
    const auto april = agenda({c}, {}, {d(2020, 4, 1), d(2020, 4, 30), 0}, {});
    EXPECT_EQ(kinds(april), (std::vector{AgendaKind::task_overdue, AgendaKind::task_overdue}));
}

TEST(Agenda, TheToleranceWindowFindsWhatFallsJustOutsideAndSaysSo) {
    const Case c = case_at(Stage::implementing);
    const auto exact = kinds(agenda({c}, {}, {d(2020, 6, 3), d(2020, 6, 10), 0}, {}));
    EXPECT_EQ(std::count(exact.begin(), exact.end(), AgendaKind::plan_review), 0);
    const auto wide = agenda({c}, {}, {d(2020, 6, 3), d(2020, 6, 10), 3}, {});
    const auto k = kinds(wide);
    ASSERT_EQ(std::count(k.begin(), k.end(), AgendaKind::plan_review), 2);
    for (const auto& i : wide.items)
        if (i.kind == AgendaKind::plan_review) {
            EXPECT_TRUE(i.within_tolerance);
        }
}

TEST(Agenda, R13_ACaseComesUpForReviewAfterSixMonthsWithoutActivity) {
    const Case c = case_at(Stage::implementing);  // last activity 2020-01-27
    const auto a = agenda({c}, {}, {d(2020, 7, 20), d(2020, 7, 31), 0}, {});
    ASSERT_EQ(kinds(a), (std::vector{AgendaKind::task_overdue, AgendaKind::task_overdue, AgendaKind::case_review}));
    EXPECT_EQ(a.items[2].date, d(2020, 7, 27));
    Policy p;
    p.review_after_months = 4;
    EXPECT_EQ(kinds(agenda({c}, {}, {d(2020, 7, 20), d(2020, 7, 31), 0}, p)).size(), 2u);  // the tasks only
}

TEST(Agenda, R11_TheFollowUpTalkAfterClosureIsOnTheAgenda) {
    const Case s = samira();  // closed in March 2017, follow-up six months later
    ASSERT_TRUE(s.closure && s.closure->follow_up_on);
    const Date f = *s.closure->follow_up_on;
    const auto a = agenda({s}, {}, {f - boost::gregorian::days(7), f, 0}, {});
    ASSERT_EQ(kinds(a), std::vector{AgendaKind::follow_up_talk});
    EXPECT_EQ(a.items[0].case_id, std::string(example::samira_case_id));
    EXPECT_TRUE(agenda({s}, {}, {f + boost::gregorian::days(1), f + boost::gregorian::days(30), 0}, {}).items.size() == 1)
        << "an open follow-up stays on the agenda until it is done";
}

TEST(Agenda, R12_CooperationsDueForReviewAndNothingFromAnonymisedFiles) {
    Case c = case_at(Stage::implementing);
    anonymise(c, d(2020, 2, 1));
    const auto a = agenda({c}, example::samira_network(), {d(2017, 1, 1), d(2017, 1, 31), 0}, {});
    ASSERT_EQ(kinds(a), std::vector{AgendaKind::cooperation_review});
    EXPECT_EQ(a.items[0].partner_id, "P-FSB");
}

TEST(Agenda, ABadRangeIsRefusedNamingTheField) {
    EXPECT_EQ(error_of([] { agenda({}, {}, {d(2020, 2, 1), d(2020, 1, 1), 0}, {}); }).field(), "query.to");
    EXPECT_EQ(error_of([] { agenda({}, {}, {d(2020, 1, 1), d(2020, 2, 1), -1}, {}); }).field(), "query.tolerance_days");
    EXPECT_EQ(error_of([] { agenda({}, {}, {Date(), d(2020, 2, 1), 0}, {}); }).field(), "query.from");
    EXPECT_EQ(error_of([] { agenda({}, {}, {d(2020, 1, 1), d(2020, 2, 1), 400}, {}); }).field(), "query.tolerance_days");
}
