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
    ASSERT_EQ(report.tables.size(), 4u);
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
