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
/// Tables: cases_by_closure_reason, goal_achievement_by_life_area, time_per_phase (cases by
/// months spent in each phase, loops summed, the current phase counted up to `on`),
/// supply_gaps_by_life_area_and_year (those recorded and those the evaluation names),
/// running_cases_by_case_worker, evaluation_ratings (each rated dimension of the evaluation
/// and the follow-up talk's sustainability by rating, R11), life_situation_improved.
StatisticsReport statistics(std::span<const Case> cases, Date on, int min_cell);

// ------------------------------------------------------------------ supply gaps (R12)
BOOST_DEFINE_ENUM_CLASS(Period, month, quarter, year)

/// What a bundle of supply gaps shares; absent members were not recorded.
struct GapBundleKey {
    std::optional<LifeArea> area;
    std::optional<PartnerKind> partner_kind;
    std::string region;                     // the anonymised region (first postcode digits), "" unknown
};
BOOST_DESCRIBE_STRUCT(GapBundleKey, (), (area, partner_kind, region))

struct GapQuery {
    using absent_members_keep_default = void;
    Period period = Period::year;
    std::optional<Date> from;               // gaps recorded on or after
    std::optional<Date> to;                 // on or before
    int min_cell = 3;
};
BOOST_DESCRIBE_STRUCT(GapQuery, (), (period, from, to, min_cell))

/// Supply gaps bundled for those who plan services (R12): table.rows[i] describes keys[i]
/// (area/partner kind/region), columns are periods ("2017", "2017-Q1", "2017-03"). Counted
/// from anonymised copies, suppressed like every statistics table.
struct SupplyGapReport {
    Date on;
    GapQuery query;
    std::vector<GapBundleKey> keys;
    StatTable table;
};
BOOST_DESCRIBE_STRUCT(SupplyGapReport, (), (on, query, keys, table))

SupplyGapReport supply_gap_bundles(std::span<const Case> cases, Date on, const GapQuery& q);

}  // namespace jmdcm
