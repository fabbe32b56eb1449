// R11 follow-up talk and R13 retention after closure; reminders that end (complete_reminder),
// and the paper-file (Handakte) reminder every anonymisation leaves.
#include "fixtures.hpp"

#include "jmdcm/agenda.hpp"
#include "jmdcm/change.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

Case closed_on(Date on, ClosureReason reason = ClosureReason::goals_reached) {
    Case c = case_at(Stage::implementing);
    add_journal_entry(c, {on, ContactKind::in_person, ContactTopic::counselling, true, {}, {}}, Policy{});
    Closure cl;
    cl.date = on;
    cl.reason = reason;
    close_case(c, cl, Policy{});
    return c;
}

std::size_t open_reminder(const Case& c, ReminderKind kind) {
    for (std::size_t i = 0; i < c.reminders.size(); ++i)
        if (c.reminders[i].kind == kind && !c.reminders[i].done) return i;
    ADD_FAILURE() << "no open reminder of kind " << reflect::enum_name(kind);
    return 0;
}

std::vector<AgendaItem> agenda_of(const Case& c, Date from, Date to) {
    return agenda_items(c, AgendaQuery{from, to, 0}, Policy{});
}

}  // namespace

TEST(FollowUp, R13_AClosedCaseStaysPersonalUntilItsFollowUpTalk) {
    // The worked example: closed on 2017-03-15 at the young person's wish. The next day's sweep
    // used to anonymise it, and its follow-up talk vanished from the agenda.
    Case c = samira();
    ASSERT_TRUE(c.closure && c.closure->follow_up_on);
    EXPECT_EQ(*c.closure->follow_up_on, d(2017, 9, 15));
    EXPECT_EQ(retention_decision(c, d(2017, 3, 16), Policy{}).action, RetentionAction::keep);
    EXPECT_EQ(retention_decision(c, d(2017, 9, 15), Policy{}).action, RetentionAction::keep);  // the talk is due, not held
    const auto items = agenda_of(c, d(2017, 9, 1), d(2017, 9, 30));
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].kind, AgendaKind::follow_up_talk);

    record_follow_up(c, {d(2017, 9, 20), true, 4, false, FreeText{"stabil"}}, Policy{});
    EXPECT_TRUE(agenda_of(c, d(2017, 9, 1), d(2017, 9, 30)).empty());   // the reminder is done
    EXPECT_EQ(c.reminders.back().outcome, ReminderOutcome::held);
    const auto dec = retention_decision(c, d(2017, 9, 21), Policy{});
    EXPECT_EQ(dec.action, RetentionAction::anonymise);
    EXPECT_EQ(dec.since, d(2017, 9, 20));
    apply_retention(c, dec, d(2017, 9, 21), Policy{});
    EXPECT_TRUE(is_anonymised(c));
    ASSERT_TRUE(c.follow_up);  // what the talk found survives in the skeleton, the note does not
    EXPECT_EQ(c.follow_up->sustainability, 4);
    EXPECT_TRUE(is_blank(c.follow_up->note));
}

TEST(FollowUp, R13_WithoutTheTalkTheClosedFileGoesNineMonthsAfterTheLastContact) {
    Case c = closed_on(d(2020, 5, 15));
    EXPECT_EQ(retention_decision(c, d(2020, 11, 15), Policy{}).action, RetentionAction::keep);  // talk due, not recorded
    EXPECT_EQ(retention_decision(c, d(2021, 2, 14), Policy{}).action, RetentionAction::keep);
    const auto dec = retention_decision(c, d(2021, 2, 15), Policy{});
    EXPECT_EQ(dec.action, RetentionAction::anonymise);
    EXPECT_EQ(dec.since, d(2021, 2, 15));
    // the last contact long before closure: nine months after it, even before the talk is due
    Case early = case_at(Stage::implementing);   // last contact 2020-01-20 (the assessment)
    Closure cl;
    cl.date = d(2020, 9, 1);
    cl.reason = ClosureReason::ended_by_young_person;
    close_case(early, cl, Policy{});
    EXPECT_EQ(retention_decision(early, d(2020, 10, 19), Policy{}).action, RetentionAction::keep);
    EXPECT_EQ(retention_decision(early, d(2020, 10, 20), Policy{}).action, RetentionAction::anonymise);
}

TEST(FollowUp, R11_ReopeningByClearingTheEndDateWorksUntilAnonymisation) {
    Case c = closed_on(d(2020, 5, 15));
    reopen_case(c, d(2020, 8, 3), Policy{});
    EXPECT_TRUE(is_running(c));
    EXPECT_EQ(c.phase, Phase::implementation);
    EXPECT_EQ(c.reminders.back().outcome, ReminderOutcome::lapsed);   // the follow-up talk no longer applies
    for (const auto& item : agenda_of(c, d(2020, 11, 1), d(2020, 11, 30))) EXPECT_NE(item.kind, AgendaKind::follow_up_talk);
    Case gone = closed_on(d(2020, 5, 15));
    apply_retention(gone, retention_decision(gone, d(2021, 2, 15), Policy{}), d(2021, 2, 15), Policy{});
    EXPECT_THROW(reopen_case(gone, d(2021, 3, 1), Policy{}), error);
}

TEST(FollowUp, R11_TheTalkIsRecordedOnceOnAClosedCaseUnderItsConditions) {
    Case running = case_at(Stage::implementing);
    expect_error([&] { record_follow_up(running, {d(2020, 9, 1), true, 4, false, {}}, Policy{}); }, errc::phase_gate, "R11", "case.closure");
    Case c = closed_on(d(2020, 5, 15));
    expect_error([&] { record_follow_up(c, {d(2020, 5, 14), true, 4, false, {}}, Policy{}); }, errc::invalid_argument, "R11", "follow_up.date");
    expect_error([&] { record_follow_up(c, {d(2020, 11, 16), true, 9, false, {}}, Policy{}); }, errc::invalid_argument, "R11",
                 "follow_up.sustainability");
    expect_error([&] { record_follow_up(c, {d(2020, 11, 16), false, 3, false, {}}, Policy{}); }, errc::invalid_argument, "R11",
                 "follow_up.held");
    const Case before = c;
    record_follow_up(c, {d(2020, 11, 16), false, std::nullopt, false, {}}, Policy{});   // declined
    EXPECT_EQ(c.reminders.back().outcome, ReminderOutcome::declined);
    EXPECT_EQ(c.reminders.back().done_on, d(2020, 11, 16));
    expect_error([&] { record_follow_up(c, {d(2020, 11, 17), true, 4, false, {}}, Policy{}); }, errc::invalid_argument, "R11", "case.follow_up");
    EXPECT_NO_THROW(check_change(before, [&] { Case v = c; v.version = before.version; return v; }(), d(2020, 11, 16), Policy{}));
}

TEST(FollowUp, R13_ASaveCannotEditOrRemoveTheTalkNorClaimAnOutcomeTheFileDoesNotHold) {
    Case c = closed_on(d(2020, 5, 15));
    Case held = c;
    record_follow_up(held, {d(2020, 11, 16), true, 4, true, {}}, Policy{});
    Case edited = held;
    edited.follow_up->sustainability = 5;
    expect_error([&] { check_change(held, edited, d(2020, 11, 17), Policy{}); }, errc::history_changed, "R11", "case.follow_up");
    Case removed = held;
    removed.follow_up.reset();
    expect_error([&] { check_change(held, removed, d(2020, 11, 17), Policy{}); }, errc::history_changed, "R11", "case.follow_up");
    // marking the follow-up reminder "held" without recording the talk
    Case claimed = c;
    auto& r = claimed.reminders[open_reminder(c, ReminderKind::follow_up_talk)];
    r.done = true;
    r.outcome = ReminderOutcome::held;
    r.done_on = d(2020, 11, 16);
    expect_error([&] { check_change(c, claimed, d(2020, 11, 16), Policy{}); }, errc::invalid_argument, "R11", "outcome");
    // an outcome of another kind, or none
    r.outcome = ReminderOutcome::destroyed;
    expect_error([&] { check_change(c, claimed, d(2020, 11, 16), Policy{}); }, errc::invalid_argument, "R13", "outcome");
    r.outcome.reset();
    expect_error([&] { check_change(c, claimed, d(2020, 11, 16), Policy{}); }, errc::invalid_argument, "R13", "outcome");
    // never undone
    Case undone = held;
    undone.reminders.back().done = false;
    expect_error([&] { check_change(held, undone, d(2020, 11, 17), Policy{}); }, errc::history_changed, "R13", "reminders[0]");
}

TEST(Reminders, R13_AReviewEndsContinuedOrClosedAndTheNextOneCanArise) {
    Policy p;
    p.anonymise_after_months = 18;   // no contact since 2020-01-20: only the review falls due here
    Case c = case_at(Stage::implementing, p);   // last activity 2020-01-27
    apply_retention(c, retention_decision(c, d(2020, 7, 27), p), d(2020, 7, 27), p);
    const std::size_t i = open_reminder(c, ReminderKind::case_review);
    expect_error([&] { complete_reminder(c, i, ReminderOutcome::held, d(2020, 7, 28), p); }, errc::invalid_argument, "R13", "outcome");
    expect_error([&] { complete_reminder(c, i, ReminderOutcome::closed, d(2020, 7, 28), p); }, errc::invalid_argument, "R11", "outcome");
    expect_error([&] { complete_reminder(c, 99, ReminderOutcome::continued, d(2020, 7, 28), p); }, errc::not_found, "R13", "reminders[99]");
    complete_reminder(c, i, ReminderOutcome::continued, d(2020, 7, 28), p);
    EXPECT_TRUE(c.reminders[i].done);
    EXPECT_EQ(c.reminders[i].outcome, ReminderOutcome::continued);
    EXPECT_EQ(c.last_activity, d(2020, 7, 28));   // continuing is activity
    expect_error([&] { complete_reminder(c, i, ReminderOutcome::continued, d(2020, 7, 29), p); }, errc::invalid_argument, "R13",
                 "reminders[0]");
    for (const auto& item : agenda_of(c, d(2020, 7, 1), d(2020, 12, 31))) EXPECT_NE(item.kind, AgendaKind::case_review);
    // six months on, the next review arises as a new reminder
    const auto again = retention_decision(c, d(2021, 1, 28), p);
    EXPECT_EQ(again.action, RetentionAction::review_due);
    EXPECT_TRUE(apply_retention(c, again, d(2021, 1, 28), p));
    const std::size_t j = open_reminder(c, ReminderKind::case_review);
    EXPECT_NE(i, j);
    // closing the case completes the open review with "closed"
    Closure cl;
    cl.date = d(2021, 2, 1);
    close_case(c, cl, p);
    EXPECT_EQ(c.reminders[j].outcome, ReminderOutcome::closed);
}

TEST(Reminders, R13_EveryAnonymisationLeavesAPaperFileReminderThatShowsUntilDone) {
    Case c = closed_on(d(2020, 5, 15));
    apply_retention(c, retention_decision(c, d(2021, 2, 15), Policy{}), d(2021, 2, 15), Policy{});
    ASSERT_TRUE(is_anonymised(c));
    const std::size_t follow_up = 0;
    EXPECT_EQ(c.reminders[follow_up].kind, ReminderKind::follow_up_talk);
    EXPECT_EQ(c.reminders[follow_up].outcome, ReminderOutcome::lapsed);   // nobody talks about an anonymous file
    const std::size_t i = open_reminder(c, ReminderKind::paper_file_cleanup);
    EXPECT_EQ(c.reminders[i].due, d(2021, 2, 1));
    EXPECT_EQ(c.reminders[i].text.find("Handakte") != std::string::npos, true);
    const auto items = agenda_of(c, d(2021, 2, 1), d(2021, 2, 28));
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].kind, AgendaKind::paper_file_cleanup);
    EXPECT_EQ(agenda_of(c, d(2022, 1, 1), d(2022, 1, 31)).size(), 1u);   // overdue: still listed

    const Case stored = c;
    expect_error([&] { complete_reminder(c, i, ReminderOutcome::continued, d(2021, 3, 3), Policy{}); }, errc::invalid_argument, "R13", "outcome");
    complete_reminder(c, i, ReminderOutcome::handed_over, d(2021, 3, 3), Policy{});
    EXPECT_EQ(c.reminders[i].done_on, d(2021, 3, 1));   // an anonymised file keeps months
    EXPECT_TRUE(agenda_of(c, d(2021, 2, 1), d(2022, 1, 31)).empty());
    EXPECT_NO_THROW(check_change(stored, c, d(2021, 3, 3), Policy{}, ChangeOrigin::step));
    // anything else on the anonymised file is still refused
    Case more = c;
    more.reminders[follow_up].outcome = ReminderOutcome::held;
    expect_error([&] { check_change(stored, more, d(2021, 3, 3), Policy{}); }, errc::history_changed, "R13", "reminders[0]");
    Case extra = stored;
    extra.closure->reason = ClosureReason::ended_by_young_person;
    extra.reminders[i].done = true;
    extra.reminders[i].outcome = ReminderOutcome::destroyed;
    extra.reminders[i].done_on = d(2021, 3, 1);
    expect_error([&] { check_change(stored, extra, d(2021, 3, 3), Policy{}); }, errc::case_anonymised, "R13", "case");
}

TEST(Reminders, R3_WithdrawalLeavesItsOwnPaperFileReminderOnce) {
    Case c = case_at(Stage::implementing);
    withdraw_consent(c, d(2020, 4, 8));
    std::size_t paper = 0;
    for (const auto& r : c.reminders)
        if (r.kind == ReminderKind::paper_file_cleanup) {
            ++paper;
            EXPECT_EQ(r.text.rfind("R3:", 0), 0u) << r.text;
        }
    EXPECT_EQ(paper, 1u);
    complete_reminder(c, open_reminder(c, ReminderKind::paper_file_cleanup), ReminderOutcome::destroyed, d(2020, 4, 9), Policy{});
    EXPECT_TRUE(agenda_of(c, d(2020, 1, 1), d(2020, 12, 31)).empty());
}
