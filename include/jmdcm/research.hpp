// Research export (R13: anonymised data stays in the statistics): cases, goals,
// assessments, supply gaps, the phases and the caseload per full-time post (R15) as typed columns of int32, so that hosts (numpy, pandas)
// take them without a per-row object. Every case is exported as its anonymised copy;
// nothing personal can leave through here. Columns come from row structs by
// Boost.Describe: one conversion for every table.
#pragma once

#include "jmdcm/case.hpp"
#include "jmdcm/policy.hpp"

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(ResearchTable, cases, goals, assessments, supply_gaps, phases, caseload)

/// int32: a number; boolean: 0 or 1; date: days since 1970-01-01; category: an index into
/// `categories` (enum names in their declared order, other text in order of appearance).
BOOST_DEFINE_ENUM_CLASS(ColumnType, int32, boolean, date, category)

struct ColumnInfo {
    std::string name;
    ColumnType type = ColumnType::int32;
    std::int32_t missing = 0;                 // the value that stands for "not recorded"
    std::vector<std::string> categories;
};
BOOST_DESCRIBE_STRUCT(ColumnInfo, (), (name, type, missing, categories))

struct TableInfo {
    ResearchTable table = ResearchTable::cases;
    std::int64_t rows = 0;
    std::vector<ColumnInfo> columns;
};
BOOST_DESCRIBE_STRUCT(TableInfo, (), (table, rows, columns))

struct Table {
    TableInfo info;
    std::vector<std::vector<std::int32_t>> data;   // one vector per column, `rows` long
};

inline constexpr std::int32_t missing_number = std::numeric_limits<std::int32_t>::min();
inline constexpr std::int32_t missing_category = -1;

/// The table over the anonymised copies of `cases` (anonymised as on `on`, keeping the age
/// `age` where a case is not anonymised yet, R13). `policy` gives the caseload table its
/// posts and levels (R15); the other tables do not read it.
Table research_table(ResearchTable which, std::span<const Case> cases, Date on,
                     SkeletonAge age = SkeletonAge::age_band_at_intake, const Policy& policy = Policy{});

}  // namespace jmdcm
