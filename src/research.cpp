// Research tables: per-table row structs, turned into columns by one reflective builder.
#include "jmdcm/research.hpp"

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

Table research_table(ResearchTable which, std::span<const Case> cases, Date on, SkeletonAge age) {
    switch (which) {
    case ResearchTable::cases: return build<CaseRow>(which, cases, on, age);
    case ResearchTable::goals: return build<GoalRow>(which, cases, on, age);
    case ResearchTable::assessments: return build<AssessmentRow>(which, cases, on, age);
    case ResearchTable::supply_gaps: return build<SupplyGapRow>(which, cases, on, age);
    case ResearchTable::phases: return build<PhaseRow>(which, cases, on, age);
    }
    fail(errc::invalid_argument, "", "table", "unknown research table");
}

}  // namespace jmdcm
