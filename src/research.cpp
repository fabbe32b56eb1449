// Research tables: per-table row structs, turned into columns by one reflective builder.
#include "jmdcm/research.hpp"

#include "jmdcm/organisation.hpp"
#include "jmdcm/outcomes.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>

namespace jmdcm {
namespace {

// ---------------------------------------------------------------- rows (one struct per table)
struct CaseRow {
    std::string case_;
    std::string office;
    CaseKind kind = CaseKind::cm;
    Phase phase = Phase::intake;
    Date opened;
    std::optional<Date> closed;
    std::optional<ClosureReason> closure_reason;
    std::optional<int> birth_year;
    std::optional<int> age_at_intake;
    std::optional<AgeBand> age_band_at_intake;   // one of the three, as the policy chose (R13)
    std::optional<Gender> gender;
    std::string region;
    std::optional<ResidenceCategory> residence;
    std::optional<int> screening_obstacles;      // R6: criteria answered yes at the screening
    std::optional<int> gas_t_score;              // R11: Kiresuk-Sherman T over the goals' GAS levels, rounded
    int goals = 0;
    int goals_achieved = 0;
    int assessments = 0;
    int journal_entries = 0;
    int contacts_with_young_person = 0;
    int referrals = 0;
    int supply_gaps = 0;
    // R11: every rating of the evaluation and of the follow-up talk
    std::optional<bool> life_situation_improved;
    std::optional<int> satisfaction_measures;
    std::optional<int> satisfaction_case_worker;
    std::optional<int> general_satisfaction;
    std::optional<int> course;
    std::optional<int> results;
    std::optional<int> expectations;
    std::optional<int> mandate;
    std::optional<bool> follow_up_held;
    std::optional<int> follow_up_sustainability;
    std::optional<bool> renewed_help_needed;
};
BOOST_DESCRIBE_STRUCT(CaseRow, (),
    (case_, office, kind, phase, opened, closed, closure_reason, birth_year, age_at_intake, age_band_at_intake, gender, region, residence,
     screening_obstacles, gas_t_score, goals, goals_achieved, assessments, journal_entries, contacts_with_young_person, referrals, supply_gaps,
     life_situation_improved, satisfaction_measures, satisfaction_case_worker, general_satisfaction, course, results,
     expectations, mandate, follow_up_held, follow_up_sustainability, renewed_help_needed))

/// Each goal once, as in the latest plan that holds it, with its latest review.
struct GoalRow {
    std::string case_;
    std::string goal;
    int plan_version = 1;
    std::optional<std::string> catalogue_id;
    std::optional<LifeArea> area;
    int priority = 1;
    bool offer_available = true;
    std::optional<Achievement> achievement;
    std::optional<int> gas_score;                 // R11: the GAS level (-2..0) its latest review gives
};
BOOST_DESCRIBE_STRUCT(GoalRow, (), (case_, goal, plan_version, catalogue_id, area, priority, offer_available, achievement, gas_score))

/// Long format: one row per rating; `round` 0 is the first assessment of the case.
struct AssessmentRow {
    std::string case_;
    int round = 0;
    Date date;
    LifeArea area = LifeArea::language;
    Perspective perspective = Perspective::young_person;
    int score = 0;
};
BOOST_DESCRIBE_STRUCT(AssessmentRow, (), (case_, round, date, area, perspective, score))

struct SupplyGapRow {
    std::string case_;
    Date date;
    std::optional<LifeArea> area;
    std::optional<PartnerKind> partner_kind;
    std::optional<PartnerCategory> category;
    bool named_in_evaluation = false;
};
BOOST_DESCRIBE_STRUCT(SupplyGapRow, (), (case_, date, area, partner_kind, category, named_in_evaluation))

/// One row per phase a case went through (R1): when it entered and left, and the whole months
/// between (dates are month-coarse in the anonymised copy). The phase a case is still in has
/// no end and no months; a closed case leaves its last phase on the day of closure.
struct PhaseRow {
    std::string case_;
    Phase phase = Phase::intake;
    Date entered;
    std::optional<Date> left;
    std::optional<int> months;
};
BOOST_DESCRIBE_STRUCT(PhaseRow, (), (case_, phase, entered, left, months))

/// R15: one row per case worker and month, from the month the first case opened to the month
/// of the export: the CM cases running at the end of that month (a case opened in it counts,
/// one closed or anonymised in it does not), and that number per full-time post against the
/// policy's levels. A case counts for its current case worker in every month: the case keeps
/// no record of who held it before a hand-over, only to whom it was handed. Likewise its kind
/// is the one it has now: a case screened out of CM counts in no month.
struct CaseloadRow {
    std::string case_worker;
    Date month;                     // the first day of the month
    int running = 0;
    int share_percent = 100;        // of a full-time post (Policy::posts; 100 when not listed)
    int per_full_time_post = 0;     // running / share, rounded to whole cases
    CaseloadLevel level = CaseloadLevel::realistic;
};
BOOST_DESCRIBE_STRUCT(CaseloadRow, (), (case_worker, month, running, share_percent, per_full_time_post, level))

void rows_of(const Case& c, std::vector<CaseRow>& out) {
    CaseRow r;
    r.case_ = c.id;
    r.office = c.office;
    r.kind = c.kind;
    r.phase = c.phase;
    r.opened = c.opened;
    if (c.closure) {
        r.closed = c.closure->date;
        r.closure_reason = c.closure->reason;
    }
    if (c.skeleton) reflect::copy_same_named(*c.skeleton, r);      // ages, gender, region, residence
    if (const auto gas = gas_scores(c); !gas.empty()) r.gas_t_score = static_cast<int>(std::lround(gas_t_score(gas)));
    if (c.screening) {
        r.screening_obstacles = 0;
        for (const auto& a : c.screening->answers) *r.screening_obstacles += a.answer == Answer::yes;
    }
    const auto goals = latest_goals(c);
    r.goals = static_cast<int>(goals.size());
    for (const auto& [id, g] : goals) r.goals_achieved += latest_achievement(c, id) == Achievement::achieved;
    r.assessments = static_cast<int>(c.assessments.size());
    r.journal_entries = static_cast<int>(c.journal.size());
    for (const auto& j : c.journal) r.contacts_with_young_person += j.with_young_person;
    r.referrals = static_cast<int>(c.referrals.size());
    r.supply_gaps = static_cast<int>(supply_gaps_of(c).size());
    if (c.evaluation) reflect::copy_same_named(*c.evaluation, r);  // every rating (R11)
    if (c.follow_up) {
        r.follow_up_held = c.follow_up->held;
        r.follow_up_sustainability = c.follow_up->sustainability;
        if (c.follow_up->held) r.renewed_help_needed = c.follow_up->renewed_help_needed;   // asked only in a talk held
    }
    out.push_back(std::move(r));
}

void rows_of(const Case& c, std::vector<GoalRow>& out) {
    const auto gas = gas_scores(c);
    for (const auto& [id, latest] : latest_goals(c)) {
        const Goal& g = *latest.goal;
        const std::string& goal_id = id;   // a lambda may not capture a structured binding before C++20 in clang 14
        const auto level = std::find_if(gas.begin(), gas.end(), [&](const GasScore& s) { return s.goal_id == goal_id; });
        out.push_back({c.id, id, latest.plan_version, g.catalogue_id, g.area, g.priority, g.offer_available,
                       latest_achievement(c, id), level == gas.end() ? std::nullopt : std::optional<int>(level->score)});
    }
}

int whole_months(Date from, Date to) {
    return (static_cast<int>(to.year()) - static_cast<int>(from.year())) * 12 + (static_cast<int>(to.month()) - static_cast<int>(from.month()));
}

void rows_of(const Case& c, std::vector<PhaseRow>& out) {
    PhaseRow current{c.id, Phase::intake, c.opened, std::nullopt, std::nullopt};
    for (const auto& change : c.phase_history) {
        if (change.to == current.phase) continue;
        current.left = change.date;
        current.months = whole_months(current.entered, change.date);
        out.push_back(current);
        current = {c.id, change.to, change.date, std::nullopt, std::nullopt};
    }
    if (c.closure) {
        current.left = c.closure->date;
        current.months = whole_months(current.entered, c.closure->date);
    }
    out.push_back(current);
}

void rows_of(const Case& c, std::vector<AssessmentRow>& out) {
    int round = 0;
    for (const auto& a : c.assessments) {
        for (const auto& r : a.ratings) out.push_back({c.id, round, a.date, r.area, r.perspective, r.score});
        ++round;
    }
}

void rows_of(const Case& c, std::vector<SupplyGapRow>& out) {
    for (const auto& g : c.supply_gaps) out.push_back({c.id, g.date, g.area, g.partner_kind, g.category, false});
    if (c.evaluation)
        for (const auto& g : c.evaluation->gaps) out.push_back({c.id, g.date, g.area, g.partner_kind, g.category, true});
}

int month_index(Date d) { return static_cast<int>(d.year()) * 12 + static_cast<int>(d.month()) - 1; }

std::vector<CaseloadRow> caseload_rows(std::span<const Case> cases, Date on, SkeletonAge age, const Policy& policy) {
    struct Span { int from; int until; };   // months [from, until) the case ran as a CM case
    std::map<std::string, std::vector<Span>> by_worker;
    for (const auto& post : policy.posts) by_worker[post.case_worker];   // a post without cases shows too (R15)
    const int last = month_index(on);
    int first = last;
    for (const Case& original : cases) with_anonymised(original, on, [&](const Case& c) {
        // R15 counts CM cases only. A counselling case that went through the CM phases to their
        // closure continued as counselling after it (R11): it was a CM case until then.
        int until = last + 1;
        if (c.kind == CaseKind::cm) {
            if (c.closure) until = month_index(c.closure->date);
        } else {
            const auto closed = std::find_if(c.phase_history.begin(), c.phase_history.end(),
                                             [](const PhaseChange& p) { return p.to == Phase::closure; });
            if (closed == c.phase_history.end()) return;
            until = month_index(closed->date);
        }
        if (original.anonymised_on) until = std::min(until, month_index(*original.anonymised_on));
        const Span span{month_index(c.opened), until};
        if (span.from >= span.until) return;
        first = std::min(first, span.from);
        by_worker[original.case_worker].push_back(span);   // the copy keeps no worker: staffing is no personal data of the young person
    }, age);
    std::vector<CaseloadRow> rows;
    for (const auto& [worker, spans] : by_worker) {
        std::vector<int> change(static_cast<std::size_t>(last - first + 2), 0);   // running counts by difference
        for (const Span& s : spans) {
            ++change[static_cast<std::size_t>(s.from - first)];
            --change[static_cast<std::size_t>(std::min(s.until, last + 1) - first)];
        }
        double share = 1.0;
        for (const auto& post : policy.posts)
            if (post.case_worker == worker) share = post.share;
        int running = 0;
        for (int m = first; m <= last; ++m) {
            running += change[static_cast<std::size_t>(m - first)];
            const double per_post = running / share;
            rows.push_back({worker, Date(static_cast<unsigned short>(m / 12), static_cast<unsigned short>(m % 12 + 1), 1), running,
                            static_cast<int>(std::lround(share * 100)), static_cast<int>(std::lround(per_post)),
                            caseload_level(per_post, policy)});
        }
    }
    return rows;
}

// ---------------------------------------------------------------- rows -> columns
template <class T> struct unwrapped { using type = T; };
template <class T> struct unwrapped<std::optional<T>> { using type = T; };

/// One column being filled; text categories are numbered in order of appearance.
struct ColumnBuilder {
    ColumnInfo info;
    std::vector<std::int32_t> values;
    std::unordered_map<std::string, std::int32_t> codes;

    template <class T>
    static ColumnType type_of() {
        using namespace reflect;
        if constexpr (is_optional_v<T>) return type_of<typename unwrapped<T>::type>();
        else if constexpr (std::is_same_v<T, bool>) return ColumnType::boolean;
        else if constexpr (std::is_same_v<T, Date>) return ColumnType::date;
        else if constexpr (std::is_same_v<T, std::string> || is_described_enum_v<T>) return ColumnType::category;
        else {
            static_assert(std::is_same_v<T, int>, "research columns are int, bool, Date, text or enums");
            return ColumnType::int32;
        }
    }

    template <class T>
    void start(std::string_view name, std::size_t rows) {
        info.name = std::string(name);
        info.type = type_of<T>();
        info.missing = info.type == ColumnType::category ? missing_category : missing_number;
        using V = typename unwrapped<T>::type;
        if constexpr (reflect::is_described_enum_v<V>) info.categories = reflect::enum_names<V>();
        values.reserve(rows);
    }

    template <class T>
    void push(const T& v) {
        using namespace reflect;
        if constexpr (is_optional_v<T>) {
            if (v) push(*v);
            else values.push_back(info.missing);
        } else if constexpr (std::is_same_v<T, std::string>) {
            auto [it, added] = codes.try_emplace(v, static_cast<std::int32_t>(info.categories.size()));
            if (added) info.categories.push_back(v);
            values.push_back(it->second);
        } else if constexpr (std::is_same_v<T, Date>) {
            values.push_back(static_cast<std::int32_t>((v - Date(1970, 1, 1)).days()));
        } else {
            values.push_back(static_cast<std::int32_t>(v));  // int, bool, enum (declared order from 0)
        }
    }
};

template <class Row>
Table to_table(ResearchTable which, const std::vector<Row>& rows) {
    std::vector<ColumnBuilder> cols;
    boost::mp11::mp_for_each<reflect::members_of<Row>>([&](auto D) {
        using M = std::remove_cvref_t<decltype(std::declval<Row>().*D.pointer)>;
        cols.emplace_back().template start<M>(reflect::key_of(D.name), rows.size());
    });
    for (const Row& r : rows) {
        std::size_t i = 0;
        boost::mp11::mp_for_each<reflect::members_of<Row>>([&](auto D) { cols[i++].push(r.*D.pointer); });
    }
    Table t;
    t.info.table = which;
    t.info.rows = static_cast<std::int64_t>(rows.size());
    for (auto& c : cols) {
        t.info.columns.push_back(std::move(c.info));
        t.data.push_back(std::move(c.values));
    }
    return t;
}

template <class Row>
Table build(ResearchTable which, std::span<const Case> cases, Date on, SkeletonAge age) {
    std::vector<Row> rows;
    for (const Case& c : cases) with_anonymised(c, on, [&](const Case& a) { rows_of(a, rows); }, age);
    return to_table(which, rows);
}

}  // namespace

Table research_table(ResearchTable which, std::span<const Case> cases, Date on, SkeletonAge age, const Policy& policy) {
    switch (which) {
    case ResearchTable::cases: return build<CaseRow>(which, cases, on, age);
    case ResearchTable::goals: return build<GoalRow>(which, cases, on, age);
    case ResearchTable::assessments: return build<AssessmentRow>(which, cases, on, age);
    case ResearchTable::supply_gaps: return build<SupplyGapRow>(which, cases, on, age);
    case ResearchTable::phases: return build<PhaseRow>(which, cases, on, age);
    case ResearchTable::caseload: return to_table(which, caseload_rows(cases, on, age, policy));
    }
    fail(errc::invalid_argument, "", "table", "unknown research table");
}

}  // namespace jmdcm
