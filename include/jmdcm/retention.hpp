// R13 Data protection over time: decisions are pure functions of a case and a date;
// applying one changes only that case. A store's sweep runs these over every case.
#pragma once

#include "jmdcm/case.hpp"

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(RetentionAction, keep, review_due, close_and_anonymise, anonymise)

struct RetentionDecision {
    RetentionAction action = RetentionAction::keep;
    Date since;                 // the day the action fell due
    std::string reason;
};
BOOST_DESCRIBE_STRUCT(RetentionDecision, (), (action, since, reason))

/// - anonymised: keep (anonymised files are never deleted);
/// - closed: anonymise once the follow-up talk is recorded (held or declined), at the latest
///   `anonymise_after_months` after the last contact; until then keep (R11 talk, reopening);
/// - no contact with the young person for `anonymise_after_months`: close ("no contact") and anonymise;
/// - untouched for `review_after_months`: review due (continue or close);
/// - otherwise keep.
RetentionDecision retention_decision(const Case& c, Date today, const Policy& policy);

/// Carries a decision out; returns whether the case changed. Leaves last_activity alone,
/// so a review reminder does not count as touching the case.
bool apply_retention(Case& c, const RetentionDecision& d, Date today, const Policy& policy,
                     const std::vector<Partner>& registry = {});

}  // namespace jmdcm
