// R12/R15 statistics: counts from anonymised copies, primary and secondary suppression.
#include "../core/fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

std::vector<std::vector<std::int64_t>> grid(std::initializer_list<std::initializer_list<std::int64_t>> rows) {
    std::vector<std::vector<std::int64_t>> g;
    for (auto r : rows) g.emplace_back(r);
    return g;
}

/// No line (row, column, margins) may hold exactly one suppressed cell.
void expect_no_line_gives_a_cell_away(const StatTable& t) {
    auto count_hidden = [](std::vector<StatCell> cells) {
        return std::count_if(cells.begin(), cells.end(), [](const StatCell& c) { return c.suppressed; });
    };
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        auto line = t.cells[r];
        line.push_back(t.row_totals[r]);
        EXPECT_NE(count_hidden(line), 1) << t.name << " row " << t.rows[r];
    }
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        std::vector<StatCell> line;
        for (const auto& row : t.cells) line.push_back(row[c]);
        line.push_back(t.column_totals[c]);
        EXPECT_NE(count_hidden(line), 1) << t.name << " column " << t.columns[c];
    }
    auto rows = t.row_totals, columns = t.column_totals;
    rows.push_back(t.total);
    columns.push_back(t.total);
    EXPECT_NE(count_hidden(rows), 1);
    EXPECT_NE(count_hidden(columns), 1);
    for (const auto& row : t.cells)
        for (const auto& c : row) EXPECT_EQ(c.suppressed, !c.count.has_value());
}

}  // namespace

TEST(Statistics, R12_SmallCellsAreSuppressedAndTheirPartnersToo) {
    StatTable t = count_table("t", {"a", "b", "c"}, {"x", "y"}, grid({{10, 2}, {7, 9}, {5, 6}}));
    suppress(t, 3);
    EXPECT_TRUE(t.cells[0][1].suppressed);       // primary: 2 < 3
    EXPECT_FALSE(t.cells[0][1].count.has_value());
    EXPECT_TRUE(t.cells[0][0].suppressed);       // secondary in row a (smallest other: 10, the only one)
    EXPECT_TRUE(t.cells[2][1].suppressed || t.cells[1][1].suppressed);  // secondary in column y
    expect_no_line_gives_a_cell_away(t);
    EXPECT_EQ(t.total.count, 39);                // totals stay published
}

TEST(Statistics, R12_NothingBelowTheMinimumNothingSuppressed) {
    StatTable t = count_table("t", {"a", "b"}, {"x", "y"}, grid({{3, 4}, {0, 8}}));
    suppress(t, 3);
    for (const auto& row : t.cells)
        for (const auto& c : row) EXPECT_FALSE(c.suppressed);  // zeros are published
    EXPECT_EQ(t.cells[1][0].count, 0);
}

TEST(Statistics, R12_AOneWayTableHidesTheSmallCountAndOneMore) {
    StatTable t = count_table("t", {"a", "b", "c"}, {"n"}, grid({{1}, {5}, {9}}));
    suppress(t, 3);
    EXPECT_TRUE(t.cells[0][0].suppressed);
    EXPECT_TRUE(t.row_totals[0].suppressed);     // a row total equal to the cell
    EXPECT_TRUE(t.cells[1][0].suppressed);       // the smallest other in the column
    EXPECT_FALSE(t.cells[2][0].suppressed);
    EXPECT_EQ(t.total.count, 15);
    expect_no_line_gives_a_cell_away(t);
}

TEST(Statistics, R12_MinimumCellSizeIsConfigurableAndChecked) {
    StatTable t = count_table("t", {"a", "b"}, {"n"}, grid({{4}, {6}}));
    suppress(t, 5);
    EXPECT_TRUE(t.cells[0][0].suppressed);
    EXPECT_TRUE(t.cells[1][0].suppressed);       // its only partner in the column
    EXPECT_EQ(error_of([&] { suppress(t, 0); }).code(), errc::invalid_argument);
}

TEST(Statistics, R15_ReportOverASyntheticPopulationIsSafeAndAddsUp) {
    std::vector<Case> cases;
    for (std::uint64_t i = 0; i < 300; ++i) cases.push_back(synthetic_case({}, i));
    const auto report = statistics(cases, d(2025, 1, 1), 3);
    ASSERT_EQ(report.tables.size(), 7u);
    std::int64_t closed = 0;
    for (const auto& c : cases) closed += c.closure.has_value();
    EXPECT_EQ(report.tables[0].name, "cases_by_closure_reason");
    EXPECT_EQ(report.tables[0].total.count, closed);
    for (const auto& t : report.tables) expect_no_line_gives_a_cell_away(t);
    // published cells are never below the minimum (except zeros)
    for (const auto& t : report.tables)
        for (const auto& row : t.cells)
            for (const auto& c : row)
                if (c.count) {
                    EXPECT_TRUE(*c.count == 0 || *c.count >= 3) << t.name;
                }
    // the worked example alone: everything but zeros is hidden
    const std::vector<Case> one{samira()};
    const auto tiny = statistics(one, d(2017, 4, 1), 3);
    EXPECT_TRUE(tiny.tables[0].total.suppressed);
    EXPECT_EQ(json::to_string(tiny).find("Beispiel"), std::string::npos);
}

TEST(Statistics, R12_TimePerPhaseCountsEachCaseOncePerPhaseByMonthsSpent) {
    const Case s = samira();
    const auto report = statistics(std::vector<Case>{s, s, s}, d(2017, 6, 1), 3);
    const auto& t = report.tables[2];
    ASSERT_EQ(t.name, "time_per_phase");
    // Samira: intake 12.09. -> screening 19.09. -> ...; every phase she went through counts once per copy
    EXPECT_EQ(t.rows.front(), "intake");
    EXPECT_EQ(t.cells[0][0].count, 3);   // intake: under a month
    const auto implementation = std::find(t.rows.begin(), t.rows.end(), "implementation") - t.rows.begin();
    std::int64_t months_3_plus = 0;
    for (std::size_t col = 2; col < t.columns.size(); ++col) months_3_plus += t.cells[implementation][col].count.value_or(0);
    EXPECT_EQ(months_3_plus, 3);         // October to March, loops summed
    EXPECT_EQ(t.row_totals[implementation].count, 3);
    // a running case's current phase counts up to the report's date
    const Case running = case_at(Stage::implementing);  // implementation since 2020-01
    const auto later = statistics(std::vector<Case>{running, running, running}, d(2021, 3, 1), 3);
    EXPECT_EQ(later.tables[2].cells[static_cast<std::size_t>(Phase::implementation)][4].count, 3);  // 12 months and more
}

TEST(Statistics, R12_SupplyGapsBundledByAreaPartnerKindRegionAndPeriod) {
    std::vector<Case> cases;
    for (int i = 0; i < 5; ++i) {
        Case c = case_at(Stage::implementing);
        c.id = "T-" + std::to_string(i);
        record_supply_gap(c, {d(2020, 2, 3), LifeArea::housing, std::nullopt, "kein Platz im betreuten Wohnen",
                              PartnerKind::case_specific, PartnerCategory::supported_housing}, {});
        if (i < 2)
            record_supply_gap(c, {d(2020, 5, 3), LifeArea::language, std::nullopt, {}, PartnerKind::case_specific,
                                  PartnerCategory::language_course}, {});
        cases.push_back(c);
    }
    const auto by_quarter = supply_gap_bundles(cases, d(2020, 12, 1), {Period::quarter, std::nullopt, std::nullopt, 3});
    ASSERT_EQ(by_quarter.table.columns, (std::vector<std::string>{"2020-Q1", "2020-Q2"}));
    ASSERT_EQ(by_quarter.keys.size(), 2u);
    EXPECT_EQ(by_quarter.keys[0].area, LifeArea::housing);
    EXPECT_EQ(by_quarter.keys[0].region, "603");                          // the anonymised region
    EXPECT_EQ(by_quarter.table.rows[0], "housing/case_specific/603");
    EXPECT_TRUE(by_quarter.table.cells[1][1].suppressed);                  // 2 < 3, and partners to protect it
    expect_no_line_gives_a_cell_away(by_quarter.table);
    EXPECT_EQ(json::to_string(by_quarter).find("betreuten"), std::string::npos);  // no description leaves
    const auto only_q2 = supply_gap_bundles(cases, d(2020, 12, 1), {Period::month, d(2020, 4, 1), d(2020, 6, 30), 1});
    ASSERT_EQ(only_q2.table.columns, std::vector<std::string>{"2020-05"});
    EXPECT_EQ(only_q2.table.total.count, 2);
    const auto only_q1 = supply_gap_bundles(cases, d(2020, 12, 1), {Period::year, d(2020, 1, 1), d(2020, 3, 31), 3});
    ASSERT_EQ(only_q1.table.rows, std::vector<std::string>{"housing/case_specific/603"});
    EXPECT_EQ(only_q1.table.cells[0][0].count, 5);
    EXPECT_EQ(error_of([&] { supply_gap_bundles(cases, d(2020, 12, 1), {Period::year, d(2020, 4, 1), d(2020, 1, 1), 3}); })
                  .field(),
              "query.to");
    Case c = case_at(Stage::implementing);
    EXPECT_EQ(error_of([&] {
                  record_supply_gap(c, {d(2020, 2, 3), std::nullopt, std::nullopt, {}, PartnerKind::personal,
                                        PartnerCategory::job_centre}, {});
              }).field(),
              "supply_gap.category");
}

TEST(Statistics, R11_EveryRatedDimensionIsCountedAndSuppressed) {
    const Case s = samira();   // rates 5 everywhere but expectations (4); life situation improved
    const auto report = statistics(std::vector<Case>{s, s, s}, d(2017, 12, 20), 3);
    const auto ratings = std::find_if(report.tables.begin(), report.tables.end(), [](const StatTable& t) { return t.name == "evaluation_ratings"; });
    ASSERT_NE(ratings, report.tables.end());
    EXPECT_EQ(ratings->rows.front(), "satisfaction_measures");
    EXPECT_EQ(ratings->rows.back(), "follow_up_sustainability");
    ASSERT_EQ(ratings->columns, (std::vector<std::string>{"4", "5"}));
    const auto row = [&](const char* name) { return std::find(ratings->rows.begin(), ratings->rows.end(), name) - ratings->rows.begin(); };
    EXPECT_EQ(ratings->cells[row("expectations")][0].count, 3);
    EXPECT_EQ(ratings->cells[row("mandate")][1].count, 3);
    EXPECT_EQ(ratings->row_totals[row("follow_up_sustainability")].count, 0);   // no talk recorded
    expect_no_line_gives_a_cell_away(*ratings);
    EXPECT_EQ(report.tables.back().name, "life_situation_improved");
    EXPECT_EQ(report.tables.back().cells[0][0].count, 3);
    // two copies only: every non-zero count is below the minimum and hidden
    const auto small = statistics(std::vector<Case>{s, s}, d(2017, 12, 20), 3);
    for (const auto& t : small.tables)
        if (t.name == "evaluation_ratings") {
            EXPECT_TRUE(t.cells[row("results")][1].suppressed);
        }
}

TEST(Statistics, R12_SupplyGapsNamedInTheEvaluationAreBundledWithTheOthers) {
    const Case s = samira();   // one gap recorded with plan v3 (occupation), two in the evaluation
    const auto report = supply_gap_bundles(std::vector<Case>{s, s, s}, d(2017, 12, 20), {Period::year, std::nullopt, std::nullopt, 3});
    EXPECT_EQ(report.table.rows, (std::vector<std::string>{"language/case_specific/603", "occupation/none/603",
                                                           "social_problems/case_specific/603"}));
    EXPECT_EQ(report.table.total.count, 9);
}
