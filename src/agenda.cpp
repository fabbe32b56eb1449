// The case worker's agenda.
#include "jmdcm/agenda.hpp"

#include <algorithm>

namespace jmdcm {
namespace {

/// Where a date stands against the query: outside, inside, or inside only thanks to the tolerance.
struct Window {
    Date from, to, wide_from, wide_to;
    explicit Window(const AgendaQuery& q)
        : from(q.from), to(q.to), wide_from(q.from - boost::gregorian::days(q.tolerance_days)),
          wide_to(q.to + boost::gregorian::days(q.tolerance_days)) {}
    bool contains(Date d) const { return d >= wide_from && d <= wide_to; }
    bool tolerated(Date d) const { return d < from || d > to; }
};

}  // namespace

void validate(const AgendaQuery& q) {
    if (q.from.is_special()) fail(errc::invalid_argument, "", "query.from", "the agenda needs a start date");
    if (q.to.is_special()) fail(errc::invalid_argument, "", "query.to", "the agenda needs an end date");
    if (q.to < q.from) fail(errc::invalid_argument, "", "query.to", "the range ends before it starts");
    if (q.tolerance_days < 0 || q.tolerance_days > 366)
        fail(errc::invalid_argument, "", "query.tolerance_days", "the tolerance is 0 to 366 days");
}

std::vector<AgendaItem> agenda_items(const Case& c, const AgendaQuery& q, const Policy& policy) {
    std::vector<AgendaItem> items;
    const Window w(q);
    auto add = [&](Date d, AgendaKind kind, std::optional<std::string> goal, std::string what) {
        items.push_back({d, kind, c.id, std::move(goal), std::nullopt, std::move(what), w.tolerated(d)});
    };
    if (is_running(c)) {
        if (const Plan* p = current_plan(c)) {  // R9: reviews and tasks of the goals still worked on
            const auto concluded = concluded_goals(c);
            for (const auto& g : p->goals) {
                if (concluded.count(g.id)) continue;
                if (g.review_date && w.contains(*g.review_date)) add(*g.review_date, AgendaKind::plan_review, g.id, g.text.text);
                for (const auto& t : g.tasks) {
                    if (t.done || t.timing != Timing::due_by || !t.date) continue;
                    if (*t.date < w.wide_from) {
                        items.push_back({*t.date, AgendaKind::task_overdue, c.id, g.id, std::nullopt, t.description.text, false});
                    } else if (w.contains(*t.date)) {
                        add(*t.date, AgendaKind::task_due, g.id, t.description.text);
                    }
                }
            }
        }
        // R13: coming up for review after months without activity, unless a review is open already.
        const bool review_open = std::any_of(c.reminders.begin(), c.reminders.end(), [](const Reminder& r) {
            return !r.done && r.kind == ReminderKind::case_review;
        });
        const Date review = add_months(c.last_activity, policy.review_after_months);
        if (!review_open && w.contains(review)) add(review, AgendaKind::case_review, std::nullopt, "");
    }
    // Open to-dos: follow-up talks (R11), reviews (R13), paper files (R3, R13; an anonymised
    // case keeps only that one open, so it shows until someone completes it).
    for (const auto& r : c.reminders) {
        if (r.done || (is_anonymised(c) && r.kind != ReminderKind::paper_file_cleanup)) continue;  // stale ones in old files
        const AgendaKind kind = r.kind == ReminderKind::follow_up_talk ? AgendaKind::follow_up_talk
                                : r.kind == ReminderKind::case_review  ? AgendaKind::case_review
                                                                       : AgendaKind::paper_file_cleanup;
        if (r.due < w.wide_from) items.push_back({r.due, kind, c.id, std::nullopt, std::nullopt, r.text, false});
        else if (w.contains(r.due)) add(r.due, kind, std::nullopt, r.text);
    }
    return items;
}

std::vector<AgendaItem> agenda_items(const std::vector<Partner>& partners, const AgendaQuery& q) {
    std::vector<AgendaItem> items;
    const Window w(q);
    for (const auto& p : partners) {
        if (p.until && *p.until < q.from) continue;  // the cooperation is over
        if (p.review_on > w.wide_to) continue;
        items.push_back({p.review_on, AgendaKind::cooperation_review, "", std::nullopt, p.id, p.name,
                         p.review_on >= w.wide_from && w.tolerated(p.review_on)});
    }
    return items;
}

Agenda agenda(const std::vector<Case>& cases, const std::vector<Partner>& partners, const AgendaQuery& q,
              const Policy& policy) {
    validate(q);
    Agenda a{q, agenda_items(partners, q)};
    for (const auto& c : cases) {
        auto more = agenda_items(c, q, policy);
        a.items.insert(a.items.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    std::stable_sort(a.items.begin(), a.items.end(), [](const AgendaItem& x, const AgendaItem& y) {
        return std::tie(x.date, x.kind, x.case_id) < std::tie(y.date, y.kind, y.case_id);
    });
    return a;
}

}  // namespace jmdcm
