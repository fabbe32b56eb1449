// R13 retention decisions.
#include "jmdcm/retention.hpp"

#include <algorithm>

namespace jmdcm {

RetentionDecision retention_decision(const Case& c, Date today, const Policy& policy) {
    if (is_anonymised(c)) return {RetentionAction::keep, today, "anonymised; kept for statistics"};
    const Date contact_due = add_months(last_contact(c), policy.anonymise_after_months);
    if (!is_running(c)) {
        // R11, R13: personal until the follow-up talk is held or declined, so that the talk and
        // reopening stay possible; at the latest nine months after the last contact.
        if (c.follow_up)
            return {RetentionAction::anonymise, c.follow_up->date,
                    std::string("R13: closed, follow-up talk ") + (c.follow_up->held ? "held" : "declined") + " on " + to_iso(c.follow_up->date)};
        if (today >= contact_due)
            return {RetentionAction::anonymise, contact_due,
                    "R13: closed, no contact since " + to_iso(last_contact(c)) + " (" + std::to_string(policy.anonymise_after_months) + " months)"};
        return {RetentionAction::keep, today, ""};
    }
    if (today >= contact_due)
        return {RetentionAction::close_and_anonymise, contact_due,
                "R13: no contact since " + to_iso(last_contact(c)) + " (" + std::to_string(policy.anonymise_after_months) + " months)"};
    const Date review_due = add_months(c.last_activity, policy.review_after_months);
    if (today >= review_due)
        return {RetentionAction::review_due, review_due,
                "R13: untouched since " + to_iso(c.last_activity) + " (" + std::to_string(policy.review_after_months) + " months): continue or close"};
    return {RetentionAction::keep, today, ""};
}

bool apply_retention(Case& c, const RetentionDecision& d, Date today, const Policy& policy, const std::vector<Partner>& registry) {
    switch (d.action) {
    case RetentionAction::keep:
        return false;
    case RetentionAction::review_due: {
        const bool open = std::any_of(c.reminders.begin(), c.reminders.end(), [](const Reminder& r) {
            return r.kind == ReminderKind::case_review && !r.done;
        });
        if (open) return false;  // idempotent: one open review reminder at a time
        c.reminders.push_back(open_reminder(today, d.since, ReminderKind::case_review, "R13: review case " + c.id + ": continue or close"));
        return true;
    }
    case RetentionAction::close_and_anonymise: {
        Closure cl;
        cl.date = today;
        cl.reason = ClosureReason::no_contact;
        cl.by_consensus = false;
        close_case(c, std::move(cl), policy);  // anonymises (R11)
        return true;
    }
    case RetentionAction::anonymise:
        anonymise(c, today, registry, policy.skeleton_age);
        return true;
    }
    return false;
}

}  // namespace jmdcm
