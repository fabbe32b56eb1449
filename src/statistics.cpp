// Statistics with cell suppression. The tables are counted from anonymised copies only.
#include "jmdcm/statistics.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace jmdcm {
namespace {

StatCell cell(std::int64_t n) { return {n, false}; }

template <class E>
std::size_t index_of(E e) { return static_cast<std::size_t>(e); }

/// One line of the table: its member cells and the total they add up to.
struct Line {
    std::vector<StatCell*> members;
    StatCell* total;
};

std::vector<Line> lines_of(StatTable& t) {
    std::vector<Line> lines;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        Line l{{}, &t.row_totals[r]};
        for (auto& c : t.cells[r]) l.members.push_back(&c);
        lines.push_back(l);
    }
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        Line l{{}, &t.column_totals[c]};
        for (auto& row : t.cells) l.members.push_back(&row[c]);
        lines.push_back(l);
    }
    Line rows{{}, &t.total}, columns{{}, &t.total};
    for (auto& c : t.row_totals) rows.members.push_back(&c);
    for (auto& c : t.column_totals) columns.members.push_back(&c);
    lines.push_back(rows);
    lines.push_back(columns);
    return lines;
}

void hide(StatCell& c) { c.suppressed = true; }

void require_min_cell(int min_cell) {
    if (min_cell < 1) fail(errc::invalid_argument, "R12", "min_cell", "the minimum cell size must be at least 1");
}

int months_between(Date a, Date b) {
    return (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 + static_cast<int>(b.month()) -
           static_cast<int>(a.month());
}

const std::vector<std::string>& duration_buckets() {
    static const std::vector<std::string> b = {"under_1_month", "1_2_months", "3_5_months", "6_11_months", "12_months_plus"};
    return b;
}

std::size_t bucket_of(int months) {
    return months < 1 ? 0 : months < 3 ? 1 : months < 6 ? 2 : months < 12 ? 3 : 4;
}

/// Months spent in each phase by an anonymised case, loops back summed; the phase a case
/// is in runs until its closure, its anonymisation or `on`. -1: never in that phase.
std::vector<int> months_per_phase(const Case& c, Date on) {
    std::vector<int> months(reflect::enum_names<Phase>().size(), -1);
    auto spend = [&](Phase p, Date from, Date until) {
        auto& m = months[index_of(p)];
        m = std::max(m, 0) + std::max(0, months_between(from, until));
    };
    Date since = c.opened;
    Phase in = Phase::intake;
    for (const auto& change : c.phase_history) {
        spend(change.from, since, change.date);
        since = change.date;
        in = change.to;
    }
    const Date end = c.closure ? c.closure->date : c.anonymised_on.value_or(on);
    spend(in, since, std::max(since, end));
    return months;
}

/// R11: the rated dimensions of the evaluation, and the follow-up talk's sustainability on
/// the same scale; a table row each.
const std::vector<std::string>& rating_rows() {
    static const std::vector<std::string> r = [] {
        std::vector<std::string> rows;
        for (const auto& dimension : rated_dimensions) rows.emplace_back(dimension.name);
        rows.emplace_back("follow_up_sustainability");
        return rows;
    }();
    return r;
}

using RatingCounts = std::vector<std::map<int, std::int64_t>>;   // per row: rating -> cases

void count_ratings(const Evaluation& e, const std::optional<FollowUpTalk>& follow_up, RatingCounts& counts) {
    counts.resize(rating_rows().size());
    for (std::size_t i = 0; i < std::size(rated_dimensions); ++i)
        if (const auto& v = e.*rated_dimensions[i].member) ++counts[i][*v];
    if (follow_up && follow_up->sustainability) ++counts.back()[*follow_up->sustainability];
}

StatTable ratings_table(RatingCounts counts) {
    counts.resize(rating_rows().size());
    std::set<int> values;
    for (const auto& row : counts)
        for (const auto& [v, n] : row) values.insert(v);
    std::vector<std::string> columns;
    for (int v : values) columns.push_back(std::to_string(v));
    std::vector<std::vector<std::int64_t>> cells;
    for (const auto& row : counts) {
        auto& line = cells.emplace_back();
        for (int v : values) line.push_back(row.count(v) ? row.at(v) : 0);
    }
    return count_table("evaluation_ratings", rating_rows(), std::move(columns), cells);
}

std::string period_of(Date d, Period p) {
    const std::string y = std::to_string(static_cast<int>(d.year()));
    switch (p) {
    case Period::month: return to_iso(d).substr(0, 7);
    case Period::quarter: return y + "-Q" + std::to_string((static_cast<int>(d.month()) - 1) / 3 + 1);
    case Period::year: return y;
    }
    return y;
}

std::string label_of(const GapBundleKey& k) {
    auto or_none = [](const auto& o) { return o ? reflect::enum_name(*o) : std::string("none"); };
    return or_none(k.area) + "/" + or_none(k.partner_kind) + "/" + (k.region.empty() ? "unknown" : k.region);
}

}  // namespace

StatTable count_table(std::string name, std::vector<std::string> rows, std::vector<std::string> columns,
                      const std::vector<std::vector<std::int64_t>>& counts) {
    StatTable t{std::move(name), std::move(rows), std::move(columns), {}, {}, {}, {}};
    t.row_totals.assign(t.rows.size(), cell(0));
    t.column_totals.assign(t.columns.size(), cell(0));
    t.total = cell(0);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        t.cells.emplace_back();
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const std::int64_t n = counts.at(r).at(c);
            t.cells[r].push_back(cell(n));
            *t.row_totals[r].count += n;
            *t.column_totals[c].count += n;
            *t.total.count += n;
        }
    }
    return t;
}

void suppress(StatTable& t, int min_cell) {
    require_min_cell(min_cell);
    auto sensitive = [&](const StatCell& c) { return *c.count > 0 && *c.count < min_cell; };
    for (auto& row : t.cells)
        for (auto& c : row)
            if (sensitive(c)) hide(c);
    for (auto& c : t.row_totals)
        if (sensitive(c)) hide(c);
    for (auto& c : t.column_totals)
        if (sensitive(c)) hide(c);
    if (sensitive(t.total)) hide(t.total);

    // Secondary: a line with exactly one hidden cell gives it away (total minus the rest).
    // Hide the smallest other cell of that line (non-zero first) until no line does.
    auto lines = lines_of(t);
    for (bool changed = true; changed;) {
        changed = false;
        for (auto& l : lines) {
            std::vector<StatCell*> all = l.members;
            all.push_back(l.total);
            const auto hidden = std::count_if(all.begin(), all.end(), [](StatCell* c) { return c->suppressed; });
            if (hidden != 1) continue;
            StatCell* pick = nullptr;
            for (StatCell* c : all) {
                if (c->suppressed) continue;
                auto rank = [](const StatCell* x) { return std::pair{*x->count == 0, *x->count}; };
                if (!pick || rank(c) < rank(pick)) pick = c;
            }
            if (pick) {
                hide(*pick);
                changed = true;
            }
        }
    }
    auto blank = [](StatCell& c) { if (c.suppressed) c.count.reset(); };
    for (auto& row : t.cells) std::for_each(row.begin(), row.end(), blank);
    std::for_each(t.row_totals.begin(), t.row_totals.end(), blank);
    std::for_each(t.column_totals.begin(), t.column_totals.end(), blank);
    blank(t.total);
}

StatisticsReport statistics(std::span<const Case> cases, Date on, int min_cell) {
    require_min_cell(min_cell);
    const auto reasons = reflect::enum_names<ClosureReason>();
    const auto areas = reflect::enum_names<LifeArea>();
    auto achievements = reflect::enum_names<Achievement>();
    achievements.push_back("not_reviewed");

    std::vector<std::vector<std::int64_t>> by_reason(reasons.size(), {0});
    std::vector<std::vector<std::int64_t>> goals(areas.size() + 1, std::vector<std::int64_t>(achievements.size(), 0));
    std::map<int, std::vector<std::int64_t>> gaps_by_year;   // year -> per area (+ no area)
    std::map<std::string, std::int64_t> running;
    const auto phases = reflect::enum_names<Phase>();
    std::vector<std::vector<std::int64_t>> phase_time(phases.size(), std::vector<std::int64_t>(duration_buckets().size(), 0));
    RatingCounts ratings;
    std::vector<std::vector<std::int64_t>> improved(2, {0});   // R11: life situation improved yes / no

    for (const Case& original : cases) with_anonymised(original, on, [&](const Case& c) {  // R13: only anonymised copies count
        if (c.closure) ++by_reason[index_of(c.closure->reason)][0];
        for (const auto& [id, latest] : latest_goals(c)) {
            const Goal& g = *latest.goal;
            const auto a = latest_achievement(c, id);
            ++goals[g.area ? index_of(*g.area) : areas.size()][a ? index_of(*a) : achievements.size() - 1];
        }
        for (const SupplyGap* gap : supply_gaps_of(c)) {
            auto& per_area = gaps_by_year[static_cast<int>(gap->date.year())];
            per_area.resize(areas.size() + 1, 0);
            ++per_area[gap->area ? index_of(*gap->area) : areas.size()];
        }
        if (c.evaluation) {
            count_ratings(*c.evaluation, c.follow_up, ratings);
            if (c.evaluation->life_situation_improved) ++improved[*c.evaluation->life_situation_improved ? 0 : 1][0];
        }
        const auto months = months_per_phase(c, on);
        for (std::size_t p = 0; p < months.size(); ++p)
            if (months[p] >= 0) ++phase_time[p][bucket_of(months[p])];
        if (is_running(original)) ++running[original.case_worker];
    });

    StatisticsReport report{on, min_cell, {}};
    auto add = [&](StatTable t) {
        suppress(t, min_cell);
        report.tables.push_back(std::move(t));
    };
    add(count_table("cases_by_closure_reason", reasons, {"cases"}, by_reason));
    auto area_rows = areas;
    area_rows.push_back("no_area");
    add(count_table("goal_achievement_by_life_area", area_rows, achievements, goals));
    add(count_table("time_per_phase", phases, duration_buckets(), phase_time));
    std::vector<std::string> years;
    std::vector<std::vector<std::int64_t>> gap_counts(area_rows.size());
    for (const auto& [year, per_area] : gaps_by_year) {
        years.push_back(std::to_string(year));
        for (std::size_t a = 0; a < area_rows.size(); ++a) gap_counts[a].push_back(per_area[a]);
    }
    add(count_table("supply_gaps_by_life_area_and_year", area_rows, years, gap_counts));
    std::vector<std::string> workers;
    std::vector<std::vector<std::int64_t>> loads;
    for (const auto& [worker, n] : running) {
        workers.push_back(worker);
        loads.push_back({n});
    }
    add(count_table("running_cases_by_case_worker", workers, {"cases"}, loads));
    add(ratings_table(std::move(ratings)));
    add(count_table("life_situation_improved", {"yes", "no"}, {"cases"}, improved));
    return report;
}

SupplyGapReport supply_gap_bundles(std::span<const Case> cases, Date on, const GapQuery& q) {
    require_min_cell(q.min_cell);
    if (q.from && q.to && *q.to < *q.from) fail(errc::invalid_argument, "R12", "query.to", "the period ends before it starts");
    // Anonymised dates are month starts: the bounds are compared by month as well.
    const auto from = q.from ? std::optional(month_start(*q.from)) : std::nullopt;
    const auto to = q.to ? std::optional(month_start(*q.to)) : std::nullopt;
    std::map<std::string, std::pair<GapBundleKey, std::map<std::string, std::int64_t>>> bundles;  // label -> key, period -> n
    std::set<std::string> periods;
    for (const Case& original : cases) with_anonymised(original, on, [&](const Case& c) {
        const std::string region = c.skeleton ? c.skeleton->region : std::string();
        for (const SupplyGap* g : supply_gaps_of(c)) {
            const SupplyGap& gap = *g;
            if ((from && gap.date < *from) || (to && gap.date > *to)) continue;
            GapBundleKey key{gap.area, gap.partner_kind, region};
            auto& [k, counts] = bundles[label_of(key)];
            k = key;
            const auto period = period_of(gap.date, q.period);
            periods.insert(period);
            ++counts[period];
        }
    });
    SupplyGapReport report{on, q, {}, {}};
    std::vector<std::string> rows;
    const std::vector<std::string> columns(periods.begin(), periods.end());
    std::vector<std::vector<std::int64_t>> counts;
    for (const auto& [label, bundle] : bundles) {
        rows.push_back(label);
        report.keys.push_back(bundle.first);
        auto& line = counts.emplace_back();
        for (const auto& p : columns) {
            const auto it = bundle.second.find(p);
            line.push_back(it == bundle.second.end() ? 0 : it->second);
        }
    }
    report.table = count_table("supply_gap_bundles", std::move(rows), columns, counts);
    suppress(report.table, q.min_cell);
    return report;
}

}  // namespace jmdcm
