// Reports as tables for people and spreadsheets (--format table|csv|json). A report is
// flattened from its JSON, the one conversion Boost.Describe gives every type, so no
// report has a printer of its own and a new member shows up without code here.
#pragma once

#include "common.hpp"

#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace jmdcm::cli {

enum class OutputFormat { table, csv, json };

/// A named table of text cells; the first column of a cross-tabulation holds the row labels.
struct Table {
    std::string name;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    bool fields = false;   // the report's own scalar members (field, value), not rows of it
};

/// The tables of a report named `name`:
/// - the scalar members (nested objects by dotted name) as a field/value table `name`;
/// - each array of objects as a table of its own, named by its member, one row an element,
///   one column a scalar path (a nested array of scalars joined by "; ", of objects counted);
/// - each statistics table (name, rows, columns, cells) as a cross-tabulation with its
///   totals, a suppressed cell written as `suppressed` (R12/R15 small-cell suppression).
std::vector<Table> tables_of(const boost::json::value& report, const std::string& name, const std::string& suppressed);

/// --format (table, csv or json; table on a terminal, else json) and --table (which table).
void add_format_options(po::options_description& o);

/// Prints `report` as --format asks: JSON as ever; a table format writes every table
/// (--table: only that one), aligned; CSV writes one table (RFC 4180): --table, else the
/// first holding the report's rows (an empty list of rows: nothing).
void print_report(const po::variables_map& vm, const std::string& name, const boost::json::value& report);

template <class T>
void print_report(const po::variables_map& vm, const std::string& name, const T& report) {
    print_report(vm, name, json::to_value(report));
}

/// RFC 4180 text of one table; a text cell a spreadsheet would run as a formula (=, +, @,
/// or - before a non-digit) is prefixed with a quote, as OWASP advises for CSV files.
std::string to_csv(const Table& t);
/// The table aligned in columns for a terminal; cells longer than `max_width` characters
/// are cut with an ellipsis.
std::string to_text(const Table& t, std::size_t max_width = 48);

}  // namespace jmdcm::cli
