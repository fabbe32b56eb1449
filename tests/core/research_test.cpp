// Research export (R13): tables over anonymised copies, typed int32 columns, categories.
#include "fixtures.hpp"

#include <map>
#include <set>

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

const ColumnInfo& column(const Table& t, std::string_view name, std::size_t* index = nullptr) {
    for (std::size_t i = 0; i < t.info.columns.size(); ++i)
        if (t.info.columns[i].name == name) {
            if (index) *index = i;
            return t.info.columns[i];
        }
    throw std::runtime_error("no column " + std::string(name));
}

std::vector<std::int32_t> values(const Table& t, std::string_view name) {
    std::size_t i = 0;
    column(t, name, &i);
    return t.data[i];
}

std::string category(const Table& t, std::string_view name, std::size_t row) {
    std::size_t i = 0;
    const auto& c = column(t, name, &i);
    const auto code = t.data[i][row];
    return code < 0 ? "<missing>" : c.categories[static_cast<std::size_t>(code)];
}

std::int32_t days(Date day) { return static_cast<std::int32_t>((day - Date(1970, 1, 1)).days()); }

}  // namespace

TEST(Research, R13_CasesTableHoldsTheAnonymisedSkeletonOfTheWorkedExample) {
    const std::vector<Case> cases{samira()};
    const Table t = research_table(ResearchTable::cases, cases, d(2017, 4, 1));
    ASSERT_EQ(t.info.rows, 1);
    EXPECT_EQ(category(t, "case", 0), "JMD-FFM-2016-0042");
    EXPECT_EQ(category(t, "closure_reason", 0), "ended_by_young_person");
    EXPECT_EQ(category(t, "age_band_at_intake", 0), "from_21_to_24");
    EXPECT_EQ(values(t, "birth_year")[0], missing_number);   // one age only (R13)
    EXPECT_EQ(category(t, "region", 0), "603");
    EXPECT_EQ(values(t, "goals")[0], 5);
    EXPECT_EQ(values(t, "assessments")[0], 2);
    EXPECT_EQ(values(t, "opened")[0], days(d(2016, 9, 1)));  // coarsened to the month
    EXPECT_EQ(column(t, "closure_reason").type, ColumnType::category);
    EXPECT_EQ(column(t, "opened").type, ColumnType::date);
    // nothing personal in any category, and the caller's case is untouched
    for (const auto& c : t.info.columns)
        for (const auto& cat : c.categories) EXPECT_EQ(cat.find("Beispiel"), std::string::npos) << c.name;
    EXPECT_FALSE(is_anonymised(cases[0]));
    EXPECT_TRUE(cases[0].person.has_value());
}

TEST(Research, MissingValuesUseTheDeclaredSentinels) {
    const std::vector<Case> cases{case_at(Stage::implementing)};
    const Table t = research_table(ResearchTable::cases, cases, d(2020, 6, 1));
    EXPECT_EQ(values(t, "closed")[0], missing_number);
    EXPECT_EQ(column(t, "closed").missing, missing_number);
    EXPECT_EQ(values(t, "closure_reason")[0], missing_category);
    EXPECT_EQ(category(t, "closure_reason", 0), "<missing>");
    EXPECT_EQ(values(t, "life_situation_improved")[0], missing_number);
}

TEST(Research, AssessmentsInLongFormatWithRoundsAndEnumCategoriesInDeclaredOrder) {
    const Case c = samira();
    std::size_t ratings = 0;
    for (const auto& a : c.assessments) ratings += a.ratings.size();
    const std::vector<Case> cases{c};
    const Table t = research_table(ResearchTable::assessments, cases, d(2017, 4, 1));
    ASSERT_EQ(t.info.rows, static_cast<std::int64_t>(ratings));
    const auto& area = column(t, "area");
    ASSERT_EQ(area.categories.size(), 9u);
    EXPECT_EQ(area.categories[0], "language");
    EXPECT_EQ(area.categories[8], "political_participation");
    const auto rounds = values(t, "round");
    EXPECT_EQ(rounds.front(), 0);
    EXPECT_EQ(rounds.back(), 1);
    EXPECT_EQ(values(t, "score")[0], c.assessments[0].ratings[0].score);
    for (auto s : values(t, "score")) {
        EXPECT_GE(s, 1);
        EXPECT_LE(s, 5);
    }
}

TEST(Research, GoalsOnceEachWithTheirLatestReview) {
    const Case c = samira();
    const std::vector<Case> cases{c};
    const Table t = research_table(ResearchTable::goals, cases, d(2017, 4, 1));
    ASSERT_EQ(t.info.rows, 5);
    for (std::size_t i = 0; i < 5; ++i) {
        const std::string goal = category(t, "goal", i);
        const auto latest = latest_achievement(c, goal);
        EXPECT_EQ(category(t, "achievement", i), latest ? boost::describe::enum_to_string(*latest, "?") : "<missing>") << goal;
    }
}

TEST(Research, SyntheticPopulationFillsEveryTable) {
    std::vector<Case> cases;
    for (std::uint64_t i = 0; i < 200; ++i) cases.push_back(synthetic_case({}, i));
    const Date on = d(2023, 1, 1);
    const Table all = research_table(ResearchTable::cases, cases, on);
    EXPECT_EQ(all.info.rows, 200);
    for (const auto& col : all.data) EXPECT_EQ(col.size(), 200u);
    EXPECT_GT(research_table(ResearchTable::goals, cases, on).info.rows, 150);   // about 1.5 goals a case reach a plan
    EXPECT_GT(research_table(ResearchTable::assessments, cases, on).info.rows, 1000);
    EXPECT_GT(research_table(ResearchTable::supply_gaps, cases, on).info.rows, 0);
    // the same seed gives the same table
    const Table again = research_table(ResearchTable::cases, cases, on);
    EXPECT_EQ(json::to_string(all.info), json::to_string(again.info));
    EXPECT_EQ(all.data, again.data);
}

// Issue 20: the phases a case went through with their months, and the GAS outcome scores.
TEST(Research, Issue20_TheWorkedExamplesPhasesAddUpToItsDuration) {
    const Case s = samira();
    ASSERT_TRUE(s.closure);
    const Table t = research_table(ResearchTable::phases, std::vector<Case>{s}, d(2017, 4, 1));
    ASSERT_GE(t.info.rows, 5);
    EXPECT_EQ(category(t, "phase", 0), "intake");
    EXPECT_EQ(category(t, "phase", static_cast<std::size_t>(t.info.rows - 1)), "closure");
    const auto months = values(t, "months");
    const auto entered = values(t, "entered");
    const auto left = values(t, "left");
    int total = 0;
    for (std::size_t i = 0; i < months.size(); ++i) {
        ASSERT_NE(months[i], missing_number) << "a closed case has left every phase";
        EXPECT_GE(months[i], 0);
        if (i > 0) {
            EXPECT_EQ(entered[i], left[i - 1]) << "phases follow each other without a gap";
        }
        total += months[i];
    }
    const Date opened = month_start(s.opened), closed = month_start(s.closure->date);   // month-coarse copies
    EXPECT_EQ(total, (int(closed.year()) - int(opened.year())) * 12 + int(closed.month()) - int(opened.month()));
}

TEST(Research, Issue20_ARunningPhaseHasNoEndAndGasScoresFollowTheReviews) {
    std::vector<Case> cases;
    for (std::uint64_t i = 0; i < 300; ++i) cases.push_back(synthetic_case({}, i));
    const Date on = d(2023, 1, 1);
    const Table phases = research_table(ResearchTable::phases, cases, on);
    const auto left = values(phases, "left");
    const auto months = values(phases, "months");
    int open = 0;
    for (std::size_t i = 0; i < left.size(); ++i) {
        EXPECT_EQ(left[i] == missing_number, months[i] == missing_number);
        open += left[i] == missing_number;
    }
    EXPECT_GT(open, 10);    // running cases
    EXPECT_LE(open, 300);   // at most one open phase a case
    const Table goals = research_table(ResearchTable::goals, cases, on);
    const auto gas = values(goals, "gas_score");
    for (std::size_t row = 0; row < gas.size(); ++row) {
        const std::string a = category(goals, "achievement", row);
        const int want = a == "achieved" ? 0 : a == "partly" ? -1 : a == "not_achieved" ? -2 : missing_number;
        EXPECT_EQ(gas[row], want) << a;
    }
    const Table all = research_table(ResearchTable::cases, cases, on);
    const auto t_scores = values(all, "gas_t_score");
    int scored = 0;
    for (auto t : t_scores) {
        if (t == missing_number) continue;
        ++scored;
        EXPECT_GE(t, 10);   // -2 on every goal gives the lowest T: about 23 with three goals, 20 with five
        EXPECT_LE(t, 50);   // the expected level on every goal is 50; none above is drawn
    }
    EXPECT_GT(scored, 50);
}

// Issue 20, R15: running CM cases per case worker and month, per full-time post, against the levels.
namespace {
std::map<std::pair<std::string, std::int32_t>, std::size_t> caseload_rows_by_worker_and_month(const Table& t) {
    std::map<std::pair<std::string, std::int32_t>, std::size_t> at;
    const auto months = values(t, "month");
    for (std::size_t row = 0; row < months.size(); ++row) at[{category(t, "case_worker", row), months[row]}] = row;
    return at;
}
}  // namespace

TEST(Research, R15_CaseloadTableCountsRunningCmCasesMonthByMonth) {
    Policy policy;
    policy.posts = {{"fk-1", 0.5}, {"fk-9", 0.75}};   // fk-9 holds a post but no case
    std::vector<Case> cases{samira(),                                      // fachkraft-1, CM, closed
                            open_case("A", "JMD Test", "fk-1", d(2020, 1, 6)),
                            open_case("B", "JMD Test", "fk-1", d(2020, 3, 10), CaseKind::counselling)};   // never CM
    const Date on = d(2020, 6, 15);
    const Table t = research_table(ResearchTable::caseload, cases, on, SkeletonAge::age_band_at_intake, policy);
    const auto at = caseload_rows_by_worker_and_month(t);
    const auto running = values(t, "running");
    const auto share = values(t, "share_percent");
    const auto per_post = values(t, "per_full_time_post");

    const std::size_t first = at.at({"fk-1", days(d(2020, 1, 1))});
    EXPECT_EQ(running[first], 1);
    EXPECT_EQ(running[at.at({"fk-1", days(d(2019, 12, 1))})], 0) << "before the case opened";
    const std::size_t june = at.at({"fk-1", days(d(2020, 6, 1))});
    EXPECT_EQ(running[june], 1) << "the counselling case B does not count (R15)";
    EXPECT_EQ(share[june], 50);
    EXPECT_EQ(per_post[june], 2) << "one case on half a post";
    EXPECT_EQ(category(t, "level", june), "far_below_basis");
    EXPECT_FALSE(at.contains({"fk-1", days(d(2020, 7, 1))})) << "the table ends with the month of the export";

    const Case& s = cases[0];
    ASSERT_TRUE(s.closure);
    const std::int32_t opened = days(month_start(s.opened)), closed = days(month_start(s.closure->date));
    EXPECT_EQ(running[at.at({"fachkraft-1", opened})], 1);
    EXPECT_EQ(running[at.at({"fachkraft-1", closed})], 0) << "closed in that month: not running at its end";
    EXPECT_EQ(running[at.at({"fachkraft-1", days(month_start(s.closure->date - boost::gregorian::days(31)))})], 1);
    EXPECT_EQ(share[at.at({"fachkraft-1", closed})], 100) << "not listed in the posts: a full post";

    const std::size_t idle = at.at({"fk-9", days(d(2020, 6, 1))});
    EXPECT_EQ(running[idle], 0);
    EXPECT_EQ(share[idle], 75);
    EXPECT_EQ(category(t, "level", idle), "far_below_basis");
    EXPECT_EQ(t.info.rows, 3 * static_cast<std::int64_t>(at.size() / 3)) << "every worker has a row for every month";
}

TEST(Research, R15_CaseloadTablesLastMonthIsTheCaseloadReport) {
    SyntheticOptions four_workers;
    four_workers.case_workers = 4;
    std::vector<Case> cases;
    for (std::uint64_t i = 0; i < 400; ++i) cases.push_back(synthetic_case(four_workers, i));
    Policy policy;
    policy.posts = {{"fk-02", 0.25}, {"fk-03", 0.5}};
    policy.caseload_far_below = 5;
    policy.caseload_realistic = 10;
    policy.caseload_agreed = 20;
    policy.caseload_observed = 40;
    policy.caseload_unjustifiable = 80;
    const Date on = d(2026, 1, 15);   // after every generated event: the report sees the same cases
    std::vector<CaseSummary> summaries;
    for (const Case& c : cases) summaries.push_back(summarise(c));
    const auto report = caseload(summaries, policy);
    const Table t = research_table(ResearchTable::caseload, cases, on, SkeletonAge::age_band_at_intake, policy);
    const auto at = caseload_rows_by_worker_and_month(t);
    const auto running = values(t, "running");
    const auto per_post = values(t, "per_full_time_post");
    ASSERT_EQ(report.size(), 4u);
    std::set<std::string> levels;
    for (const Caseload& row : report) {
        const std::size_t i = at.at({row.case_worker, days(d(2026, 1, 1))});
        EXPECT_EQ(running[i], row.running) << row.case_worker;
        EXPECT_EQ(per_post[i], std::lround(row.per_full_time_post)) << row.case_worker;
        EXPECT_EQ(category(t, "level", i), reflect::enum_name(row.level)) << row.case_worker;
        EXPECT_GT(row.running, 0);
        levels.insert(reflect::enum_name(row.level));
    }
    EXPECT_GE(levels.size(), 2u) << "the shares put the workers on different levels";
}
