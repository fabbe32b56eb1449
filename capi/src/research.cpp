// Research tables through the C ABI: typed int32 columns the host reads in place (numpy,
// pandas), a JSON schema naming their types and categories, and the seeded generator.
#include "store.hpp"

#include <memory>

struct jmdcm_table {
    jmdcm::Table table;
};

namespace jmdcm::capi {
namespace {

Handles<jmdcm_table>& tables() {
    static Handles<jmdcm_table> live;
    return live;
}

std::string table_names() {
    std::string out;
    for (const auto& n : reflect::enum_names<ResearchTable>()) out += (out.empty() ? "" : ", ") + n;
    return out;
}

ResearchTable table_named(const char* name) {
    need(name, "table");
    ResearchTable t{};
    if (!boost::describe::enum_from_string(name, t))
        fail(errc::invalid_argument, "", "table", std::string("unknown table '") + name + "' (" + table_names() + ")");
    return t;
}

jmdcm_table* registered(Table t) { return tables().add(std::make_unique<jmdcm_table>(jmdcm_table{std::move(t)})); }

struct ExportOptions {
    Date on;                          // the day the copies are anonymised as of (R13)
    std::optional<CaseQuery> query;   // which cases; all the actor may see when absent
    std::optional<Policy> policy;     // the caseload table's posts and levels (R15); the store's when absent
};
BOOST_DESCRIBE_STRUCT(ExportOptions, (), (on, query, policy))

struct GenerateOptions {
    using absent_members_keep_default = void;
    std::int64_t count = 100;
    std::int64_t first_index = 0;     // case ids run SYN-<first_index> ...
    SyntheticOptions population;
    std::optional<Date> on;           // synthetic tables: anonymised as of; default: after the last day generated
    std::optional<Policy> policy;     // synthetic tables: the caseload table's posts and levels (R15)
};
BOOST_DESCRIBE_STRUCT(GenerateOptions, (), (count, first_index, population, on, policy))

GenerateOptions generate_options(const char* options_json) {
    GenerateOptions o = options_json ? doc<GenerateOptions>(options_json, "options", strict) : GenerateOptions{};
    if (o.count < 0 || o.count > 10'000'000) fail(errc::invalid_argument, "", "options.count", "count must be 0 .. 10,000,000");
    if (o.first_index < 0) fail(errc::invalid_argument, "", "options.first_index", "first_index must not be negative");
    if (o.population.span_days < 1) fail(errc::invalid_argument, "", "options.population.span_days", "span_days must be positive");
    if (o.population.case_workers < 1) fail(errc::invalid_argument, "", "options.population.case_workers", "case_workers must be positive");
    if (o.policy) check_policy(*o.policy, "options.policy");
    return o;
}

struct GenerateReport { std::int64_t created = 0; std::string first_id; std::string last_id; };
BOOST_DESCRIBE_STRUCT(GenerateReport, (), (created, first_id, last_id))

}  // namespace

StatisticsReport statistics_of(Repository& r, const Actor& actor, const StatisticsOptions& o) {
    return r.statistics_report(actor, o.query.value_or(CaseQuery{}), o.on, o.min_cell.value_or(3));
}

}  // namespace jmdcm::capi

using namespace jmdcm;
using namespace jmdcm::capi;

extern "C" {

jmdcm_status jmdcm_table_export(jmdcm_table** out, jmdcm_store* store, const char* actor_json, const char* table,
                                const char* options_json) {
    return guard([&] {
        reset(out, "out");
        Repository& r = repo_of(store);
        const Actor actor = actor_of(actor_json);
        const ResearchTable which = table_named(table);
        const auto o = doc<ExportOptions>(options_json, "options", strict);
        if (o.policy) check_policy(*o.policy, "options.policy");
        *out = registered(r.research_export(actor, which, o.query.value_or(CaseQuery{}), o.on, o.policy));
    });
}

jmdcm_status jmdcm_table_synthetic(jmdcm_table** out, const char* table, const char* options_json) {
    return guard([&] {
        reset(out, "out");
        const ResearchTable which = table_named(table);
        const GenerateOptions o = generate_options(options_json);
        std::vector<Case> cases;
        cases.reserve(static_cast<std::size_t>(o.count));
        for (std::int64_t i = 0; i < o.count; ++i)
            cases.push_back(synthetic_case(o.population, static_cast<std::uint64_t>(o.first_index + i)));
        const Date on = o.on.value_or(o.population.first_day + boost::gregorian::days(o.population.span_days + 730));
        *out = registered(research_table(which, cases, on, SkeletonAge::age_band_at_intake, o.policy.value_or(Policy{})));
    });
}

jmdcm_status jmdcm_table_schema(char** out_schema, const jmdcm_table* table) {
    return guard([&] {
        reset(out_schema, "out_schema");
        give(out_schema, json::to_string(tables().get(table, "table").table.info));
    });
}

jmdcm_status jmdcm_table_column(const int32_t** out_values, size_t* out_rows, const jmdcm_table* table, size_t column) {
    return guard([&] {
        reset(out_values, "out_values");
        need(out_rows, "out_rows");
        *out_rows = 0;
        const Table& t = tables().get(table, "table").table;
        if (column >= t.data.size())
            fail(errc::invalid_argument, "", "column", "column " + std::to_string(column) + " of " + std::to_string(t.data.size()));
        *out_values = t.data[column].data();
        *out_rows = t.data[column].size();
    });
}

void jmdcm_table_free(jmdcm_table* table) { tables().free(table); }

jmdcm_status jmdcm_store_statistics(char** out_report, jmdcm_store* store, const char* actor_json, const char* options_json) {
    return answer(out_report, "out_report", store, actor_json, [&](Repository& r, const Actor& actor) {
        return json::to_string(statistics_of(r, actor, doc<StatisticsOptions>(options_json, "options", strict)));
    });
}

jmdcm_status jmdcm_store_generate(char** out_report, jmdcm_store* store, const char* actor_json, const char* options_json) {
    return answer(out_report, "out_report", store, actor_json, [&](Repository& r, const Actor& actor) {
        const GenerateOptions o = generate_options(options_json);
        if (o.policy)   // read by the synthetic tables only: the stored cases answer to the store's policy
            fail(errc::invalid_argument, "", "options.policy", "generate takes no policy: the store's own holds for the cases it writes");
        GenerateReport report;
        r.transact(actor, [&](CaseStore& tx) {  // all or nothing
            for (std::int64_t i = 0; i < o.count; ++i) {
                Case c = synthetic_case(o.population, static_cast<std::uint64_t>(o.first_index + i));
                c.case_worker = actor.id;  // R15: created by the actor, who is its case worker
                tx.create(actor, c);
                if (report.first_id.empty()) report.first_id = c.id;
                report.last_id = c.id;
                ++report.created;
            }
        });
        return json::to_string(report);
    });
}

}  // extern "C"
