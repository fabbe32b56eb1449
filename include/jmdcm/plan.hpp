// R9 Integration support plan (Integrationsförderplan), which also serves as the
// integration agreement. Invariants are errors; quality gaps are warnings. Revisions
// are new versions (kept in the case, see case.hpp).
#pragma once

#include "jmdcm/catalogue.hpp"
#include "jmdcm/policy.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(Party, young_person, jmd, other_institution)
BOOST_DEFINE_ENUM_CLASS(Timing, due_by, from, ongoing)

struct Task {
    FreeText description;
    std::optional<Party> party;          // who does it; a task without one breaks R9
    std::string institution;             // required when party is other_institution
    Timing timing = Timing::due_by;
    std::optional<Date> date;            // required for due_by and from
    bool done = false;
};
BOOST_DESCRIBE_STRUCT(Task, (), (description, party, institution, timing, date, done))

struct Goal {
    std::string id;
    std::optional<std::string> catalogue_id;
    std::optional<LifeArea> area;
    int priority = 1;                    // 1 = first
    FreeText text;                       // the change to reach, positive and concrete
    FreeText measures;                   // how
    FreeText indicator;                  // how we see it happened
    std::optional<FreeText> motto;       // attitude level (Zurich Resource Model)
    std::vector<FreeText> sub_goals;
    std::vector<Task> tasks;
    std::vector<std::string> institutions;
    std::optional<Date> target_date;
    std::optional<Date> review_date;     // Wiedervorlage
    bool offer_available = true;         // "no" is a supply gap (R12)
    FreeText gap;                        // what is missing when no offer is available
};
BOOST_DESCRIBE_STRUCT(Goal, (),
    (id, catalogue_id, area, priority, text, measures, indicator, motto, sub_goals, tasks, institutions,
     target_date, review_date, offer_available, gap))

struct Plan {
    int version = 1;
    Date date;
    std::string office;
    std::vector<Goal> goals;
    FreeText revision_reason;
};
BOOST_DESCRIBE_STRUCT(Plan, (), (version, date, office, goals, revision_reason))

BOOST_DEFINE_ENUM_CLASS(Severity, warning, error)

struct PlanIssue {
    Severity severity = Severity::error;
    std::string field;
    std::string message;
};
BOOST_DESCRIBE_STRUCT(PlanIssue, (), (severity, field, message))

/// All issues of a plan. `concluded` holds ids of goals already achieved, dropped or
/// given up (R10 review): they no longer count against the active-goal limit.
std::vector<PlanIssue> check_plan(const Plan& plan, const Policy& policy, const std::set<std::string>& concluded = {},
                                  const Catalogue* catalogue = nullptr);

/// Throws errc::plan_invalid (R9) with the first error; returns the warnings.
std::vector<PlanIssue> require_valid_plan(const Plan& plan, const Policy& policy,
                                          const std::set<std::string>& concluded = {}, const Catalogue* catalogue = nullptr);

}  // namespace jmdcm
