// A case worker's agenda for a date range: plan reviews (R9 Wiedervorlage), tasks due
// and overdue (R9/R10), follow-up talks after closure (R11), cases coming up for the
// review after months without activity (R13), open reminders, and cooperations due for
// their yearly review (R12). A tolerance window widens the range for workers who plan
// by weeks rather than days; items found only thanks to it say so.
#pragma once

#include "jmdcm/case.hpp"
#include "jmdcm/network.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(AgendaKind, plan_review, task_due, task_overdue, follow_up_talk, case_review, paper_file_cleanup,
                        cooperation_review)

struct AgendaQuery {
    using absent_members_keep_default = void;   // a host names from and to, the rest as it likes
    Date from;
    Date to;
    int tolerance_days = 0;                     // the range widened by this many days on each side (0..366)
};
BOOST_DESCRIBE_STRUCT(AgendaQuery, (), (from, to, tolerance_days))

struct AgendaItem {
    Date date;
    AgendaKind kind = AgendaKind::plan_review;
    std::string case_id;                        // empty for cooperations
    std::optional<std::string> goal_id;
    std::optional<std::string> partner_id;
    std::string what;                           // the task or goal wording, the partner's name
    bool within_tolerance = false;              // outside [from, to], inside the tolerance window
};
BOOST_DESCRIBE_STRUCT(AgendaItem, (), (date, kind, case_id, goal_id, partner_id, what, within_tolerance))

struct Agenda {
    AgendaQuery query;
    std::vector<AgendaItem> items;              // by date, then kind, then case
};
BOOST_DESCRIBE_STRUCT(Agenda, (), (query, items))

/// Refuses a range that ends before it starts or a negative tolerance, naming the field.
void validate(const AgendaQuery& q);

/// The items of one case (of an anonymised one, its open paper-file reminder). Overdue
/// tasks and reminders are listed however long ago they fell due: they are not done.
std::vector<AgendaItem> agenda_items(const Case& c, const AgendaQuery& q, const Policy& policy);
/// Cooperations whose review date falls in the window, or has passed.
std::vector<AgendaItem> agenda_items(const std::vector<Partner>& partners, const AgendaQuery& q);

/// Everything, ordered.
Agenda agenda(const std::vector<Case>& cases, const std::vector<Partner>& partners, const AgendaQuery& q,
              const Policy& policy);

}  // namespace jmdcm
