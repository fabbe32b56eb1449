#include "tabular.hpp"

#include <boost/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <sstream>

namespace jmdcm::cli {

namespace bj = boost::json;

namespace {

std::string scalar_text(const bj::value& v) {
    switch (v.kind()) {
    case bj::kind::null: return "";
    case bj::kind::string: return std::string(v.get_string());
    case bj::kind::bool_: return v.get_bool() ? "true" : "false";
    default: return bj::serialize(v);   // numbers as the report writes them
    }
}

bool is_stat_table(const bj::value& v) {
    const auto* o = v.if_object();
    return o && o->contains("cells") && o->contains("rows") && o->contains("columns");
}

bool is_table_array(const bj::value& v) {
    const auto* a = v.if_array();
    return a && !a->empty() && std::all_of(a->begin(), a->end(), [](const bj::value& e) { return e.is_object(); });
}

bool holds_tables(const bj::value& v) { return is_stat_table(v) || is_table_array(v); }

std::string cell_text(const bj::value& cell, const std::string& suppressed) {
    const auto& o = cell.as_object();
    if (o.contains("suppressed") && o.at("suppressed").as_bool()) return suppressed;
    return scalar_text(o.at("count"));
}

Table cross_tab(const bj::object& t, const std::string& name, const std::string& suppressed) {
    Table out;
    out.name = t.contains("name") && t.at("name").is_string() ? std::string(t.at("name").get_string()) : name;
    out.header.push_back("");
    for (const auto& c : t.at("columns").as_array()) out.header.push_back(scalar_text(c));
    out.header.push_back("total");
    const auto& rows = t.at("rows").as_array();
    const auto& cells = t.at("cells").as_array();
    const auto* row_totals = t.if_contains("row_totals");
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::vector<std::string> line{scalar_text(rows[r])};
        if (r < cells.size())
            for (const auto& c : cells[r].as_array()) line.push_back(cell_text(c, suppressed));
        line.push_back(row_totals && r < row_totals->as_array().size() ? cell_text(row_totals->as_array()[r], suppressed) : "");
        out.rows.push_back(std::move(line));
    }
    std::vector<std::string> totals{"total"};
    if (const auto* ct = t.if_contains("column_totals"))
        for (const auto& c : ct->as_array()) totals.push_back(cell_text(c, suppressed));
    totals.push_back(t.contains("total") ? cell_text(t.at("total"), suppressed) : "");
    out.rows.push_back(std::move(totals));
    return out;
}

/// The scalar paths of one element, in order: (column, text).
void flatten(const bj::value& v, const std::string& path, std::vector<std::pair<std::string, std::string>>& out) {
    if (const auto* o = v.if_object()) {
        for (const auto& [k, m] : *o) flatten(m, path.empty() ? std::string(k) : path + "." + std::string(k), out);
    } else if (const auto* a = v.if_array()) {
        if (is_table_array(v)) {
            out.emplace_back(path, std::to_string(a->size()));   // too deep for a cell: how many
            return;
        }
        std::string joined;
        for (const auto& e : *a) joined += (joined.empty() ? "" : "; ") + scalar_text(e);
        out.emplace_back(path, joined);
    } else {
        out.emplace_back(path, scalar_text(v));
    }
}

Table array_table(const bj::array& a, const std::string& name) {
    Table out;
    out.name = name;
    std::vector<std::vector<std::pair<std::string, std::string>>> flat;
    for (const auto& e : a) {
        flat.emplace_back();
        flatten(e, "", flat.back());
        for (const auto& [column, _] : flat.back())
            if (std::find(out.header.begin(), out.header.end(), column) == out.header.end()) out.header.push_back(column);
    }
    for (const auto& element : flat) {
        std::vector<std::string> line(out.header.size());
        for (const auto& [column, text] : element)
            line[static_cast<std::size_t>(std::find(out.header.begin(), out.header.end(), column) - out.header.begin())] = text;
        out.rows.push_back(std::move(line));
    }
    return out;
}

void collect(const bj::value& v, const std::string& name, const std::string& suppressed, std::vector<Table>& out) {
    if (is_stat_table(v)) {
        out.push_back(cross_tab(v.as_object(), name, suppressed));
        return;
    }
    if (const auto* a = v.if_array()) {
        if (is_table_array(v) && std::all_of(a->begin(), a->end(), is_stat_table)) {
            for (const auto& t : *a) out.push_back(cross_tab(t.as_object(), name, suppressed));
            return;
        }
        if (is_table_array(v)) {
            out.push_back(array_table(*a, name));
            return;
        }
        Table list{name, {}, {}};
        if (!a->empty()) list.header = {name};   // an empty list: a table without columns
        for (const auto& e : *a) list.rows.push_back({scalar_text(e)});
        out.push_back(std::move(list));
        return;
    }
    const auto* o = v.if_object();
    if (!o) {
        out.push_back(Table{name, {name}, {{scalar_text(v)}}});
        return;
    }
    // the scalar members first, in one field/value table; then every member holding rows
    Table fields{name, {"field", "value"}, {}, true};
    std::vector<std::pair<std::string, const bj::value*>> nested;
    for (const auto& [k, m] : *o) {
        if (holds_tables(m) || m.is_array()) {
            nested.emplace_back(std::string(k), &m);
            continue;
        }
        std::vector<std::pair<std::string, std::string>> flat;
        flatten(m, std::string(k), flat);
        for (auto& [path, text] : flat) fields.rows.push_back({path, text});
    }
    if (!fields.rows.empty()) out.push_back(std::move(fields));
    for (const auto& [k, m] : nested) collect(*m, k, suppressed, out);
}

std::size_t width_of(const std::string& s) {   // characters, not bytes (UTF-8 partner names)
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string cut(const std::string& s, std::size_t max_width) {
    if (width_of(s) <= max_width) return s;
    std::size_t chars = 0, i = 0;
    for (; i < s.size(); ++i)
        if ((s[i] & 0xC0) != 0x80 && chars++ == max_width - 1) break;
    return s.substr(0, i) + "\u2026";
}

bool numeric(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789.-") == std::string::npos && s != "-" && s != ".";
}

std::string csv_field(const std::string& s) {
    std::string v = s;
    const bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '@' ||
                                        (v[0] == '-' && !numeric(v)));
    if (formula) v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

OutputFormat output_format(const po::variables_map& vm) {
    if (!vm.count("format")) return ::isatty(1) == 1 ? OutputFormat::table : OutputFormat::json;
    const auto f = vm["format"].as<std::string>();
    if (f == "table") return OutputFormat::table;
    if (f == "csv") return OutputFormat::csv;
    if (f == "json") return OutputFormat::json;
    fail(errc::invalid_argument, "", "--format", "unknown format '" + f + "' (one of: table, csv, json)");
}

}  // namespace

std::vector<Table> tables_of(const bj::value& report, const std::string& name, const std::string& suppressed) {
    std::vector<Table> out;
    collect(report, name, suppressed, out);
    return out;
}

std::string to_csv(const Table& t) {
    std::ostringstream s;
    if (t.header.empty()) return "";
    const auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) s << (i ? "," : "") << csv_field(cells[i]);
        s << "\r\n";
    };
    line(t.header);
    for (const auto& r : t.rows) line(r);
    return s.str();
}

std::string to_text(const Table& t, std::size_t max_width) {
    if (t.header.empty()) return "(none)\n";
    std::vector<std::vector<std::string>> all{t.header};
    for (const auto& r : t.rows) all.push_back(r);
    std::vector<std::size_t> widths(t.header.size(), 0);
    for (auto& r : all) {
        r.resize(widths.size());
        for (std::size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], width_of(r[i] = cut(r[i], max_width)));
    }
    std::ostringstream s;
    for (std::size_t n = 0; n < all.size(); ++n) {
        std::string line;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const std::string pad(widths[i] - width_of(all[n][i]), ' ');
            line += (i ? "  " : "") + (n && numeric(all[n][i]) ? pad + all[n][i] : all[n][i] + pad);
        }
        line.erase(line.find_last_not_of(' ') + 1);
        s << line << '\n';
        if (n == 0) {
            std::string rule;
            for (std::size_t i = 0; i < widths.size(); ++i) rule += (i ? "  " : "") + std::string(widths[i], '-');
            s << rule << '\n';
        }
    }
    return s.str();
}

void add_format_options(po::options_description& o) {
    o.add_options()("format", po::value<std::string>(), "table, csv or json (default: table on a terminal, else json)")
        ("table", po::value<std::string>(), "only this table of the report (csv: default the first)");
}

void print_report(const po::variables_map& vm, const std::string& name, const bj::value& report) {
    const OutputFormat f = output_format(vm);
    if (f == OutputFormat::json) {
        print_json(bj::serialize(report));
        return;
    }
    // a suppressed cell: "." as official statistics print it, empty (missing) in CSV
    auto tables = tables_of(report, name, f == OutputFormat::csv ? "" : ".");
    if (vm.count("table")) {
        const auto wanted = vm["table"].as<std::string>();
        std::vector<std::string> names;
        for (const auto& t : tables) names.push_back(t.name);
        const auto it = std::find(names.begin(), names.end(), wanted);
        if (it == names.end())
            fail(errc::invalid_argument, "", "--table", "no table '" + wanted + "' (one of: " + boost::algorithm::join(names, ", ") + ")");
        tables = {tables[static_cast<std::size_t>(it - names.begin())]};
    }
    if (f == OutputFormat::csv) {
        // the report's rows, not its heading fields, unless it has no rows at all
        const auto rows = std::find_if(tables.begin(), tables.end(), [](const Table& t) { return !t.fields; });
        if (rows != tables.end()) std::cout << to_csv(*rows);
        else if (!tables.empty()) std::cout << to_csv(tables.front());
    } else {
        for (std::size_t i = 0; i < tables.size(); ++i)
            std::cout << (i ? "\n" : "") << tables[i].name << "\n" << to_text(tables[i]);
    }
    std::cout.flush();
    if (!std::cout) fail(errc::storage, "", "stdout", "writing the output failed");
}

}  // namespace jmdcm::cli
