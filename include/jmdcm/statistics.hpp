// Anonymised statistics for the system level and funders (R12, R15): counts by closure
// reason, goal achievement by life area, supply gaps by life area and year, running cases
// per case worker. Cells below a minimum size are suppressed, and secondary suppression
// makes sure no suppressed cell can be recovered from a row, column or total.
#pragma once

#include "jmdcm/case.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace jmdcm {

struct StatCell {
    std::optional<std::int64_t> count;   // null when suppressed
    bool suppressed = false;
};
BOOST_DESCRIBE_STRUCT(StatCell, (), (count, suppressed))

/// rows x columns counts with their margins. A one-way table has one column.
struct StatTable {
    std::string name;
    std::vector<std::string> rows;
    std::vector<std::string> columns;
    std::vector<std::vector<StatCell>> cells;   // [row][column]
    std::vector<StatCell> row_totals;
    std::vector<StatCell> column_totals;
    StatCell total;
};
BOOST_DESCRIBE_STRUCT(StatTable, (), (name, rows, columns, cells, row_totals, column_totals, total))

struct StatisticsReport {
    Date on;
    int min_cell = 3;
    std::vector<StatTable> tables;
};
BOOST_DESCRIBE_STRUCT(StatisticsReport, (), (on, min_cell, tables))

/// A table of counts with margins, not yet suppressed.
StatTable count_table(std::string name, std::vector<std::string> rows, std::vector<std::string> columns,
                      const std::vector<std::vector<std::int64_t>>& counts);

/// Primary suppression of counts 1 .. min_cell-1, then secondary suppression: every row,
/// column and margin line (its cells plus its total) holds no suppressed cell or at least
/// two, so none can be computed back from the published ones. Zeros are published.
void suppress(StatTable& t, int min_cell);

/// The statistics over the anonymised copies (as on `on`) of `cases`; min_cell >= 1.
StatisticsReport statistics(std::span<const Case> cases, Date on, int min_cell);

}  // namespace jmdcm
