// jmdcm_store_request: the store's system-level calls by name (R12 network, supply gaps,
// the agenda, documents rendered from a stored case). Like the steps and rules, the ABI
// grows by a table row, not a symbol. Each request is access-checked and audited by the
// store.
#include "dispatch.hpp"
#include "store.hpp"

#include "jmdcm/json_schema.hpp"

#include <functional>

namespace jmdcm::capi {
namespace {

struct OnInput { Date on; };
BOOST_DESCRIBE_STRUCT(OnInput, (), (on))
struct DueInput { int year = 0; Date on; };
BOOST_DESCRIBE_STRUCT(DueInput, (), (year, on))
struct GapsInput { Date on; std::optional<CaseQuery> query; std::optional<GapQuery> gaps; };
BOOST_DESCRIBE_STRUCT(GapsInput, (), (on, query, gaps))
struct DocumentInput { std::string case_id; std::optional<RenderOptions> options; };
BOOST_DESCRIBE_STRUCT(DocumentInput, (), (case_id, options))
struct ChartInput { std::string case_id; std::optional<RadarOptions> options; };
BOOST_DESCRIBE_STRUCT(ChartInput, (), (case_id, options))

/// jmdcm_deprecated_names: each old name with the name that replaced it.
struct Alias { std::string name; std::string current; };
BOOST_DESCRIBE_STRUCT(Alias, (), (name, current))
struct Deprecated { std::vector<Alias> rules; std::vector<Alias> requests; };
BOOST_DESCRIBE_STRUCT(Deprecated, (), (rules, requests))

/// A request: its body over JSON text, and the schemas of what it reads and answers (issue 14).
struct Request {
    std::function<std::string(Repository&, const Actor&, const char* input, const Policy&)> apply;
    SchemaFn input_schema = nullptr;   // none: the input is ignored
    SchemaFn output_schema = nullptr;
    std::string operator()(Repository& r, const Actor& a, const char* input, const Policy& p) const { return apply(r, a, input, p); }
};

template <class In, class F>
std::pair<const std::string, Request> request(const char* name, F f) {
    using Out = std::remove_cvref_t<decltype(f(std::declval<Repository&>(), std::declval<const Actor&>(), std::declval<In>(),
                                                 std::declval<const Policy&>()))>;
    return {name, Request{[f](Repository& r, const Actor& a, const char* input, const Policy& p) {
                              return json::to_string(f(r, a, doc<In>(input, "input", strict), p));
                          },
                          &json::schema_of<In>, &json::schema_of<Out>}};
}

/// A request that reads no input (it is ignored).
template <class F>
std::pair<const std::string, Request> request_without_input(const char* name, F f) {
    using Out = std::remove_cvref_t<decltype(f(std::declval<Repository&>(), std::declval<const Actor&>(), std::declval<const Policy&>()))>;
    return {name, Request{[f](Repository& r, const Actor& a, const char*, const Policy& p) { return json::to_string(f(r, a, p)); },
                          nullptr, &json::schema_of<Out>}};
}

const Table<Request>& requests() {
    static const Table<Request> table = {
        request<Partner>("save_partner", [](Repository& r, const Actor& a, Partner in, const Policy&) {  // R12
            r.save_partner(a, in);
            return in;
        }),
        request_without_input("partners", [](Repository& r, const Actor& a, const Policy&) { return r.partners(a); }),
        request<OnInput>("network_map", [](Repository& r, const Actor& a, OnInput in, const Policy&) { return r.network_map(a, in.on); }),
        request<OnInput>("system_requirements", [](Repository& r, const Actor& a, OnInput in, const Policy&) {  // R12
            return r.system_requirements_report(a, in.on);
        }),
        request<DueInput>("cooperations_due", [](Repository& r, const Actor& a, DueInput in, const Policy&) {
            return cooperations_due(r.partners(a), in.year, in.on);
        }),
        request<GapsInput>("supply_gaps", [](Repository& r, const Actor& a, GapsInput in, const Policy&) {  // R12
            return r.supply_gap_report(a, in.query.value_or(CaseQuery{}), in.on, in.gaps.value_or(GapQuery{}));
        }),
        // The same reports as jmdcm_store_statistics and jmdcm_store_caseload, so each concept is
        // one name in both families: the rule over documents, the request over the store.
        request<StatisticsOptions>("statistics", [](Repository& r, const Actor& a, StatisticsOptions in, const Policy&) {  // R12, R15
            return statistics_of(r, a, in);
        }),
        request_without_input("caseload", [](Repository& r, const Actor& a, const Policy& p) { return caseload_of(r, a, p); }),  // R15
        request<AgendaQuery>("agenda", [](Repository& r, const Actor& a, AgendaQuery in, const Policy& p) { return r.agenda(a, in, p); }),
        request<DocumentInput>("render_plan", [](Repository& r, const Actor& a, DocumentInput in, const Policy&) {  // R9
            return plan_html(r.load(a, in.case_id), in.options.value_or(RenderOptions{}));
        }),
        request<DocumentInput>("render_evaluation", [](Repository& r, const Actor& a, DocumentInput in, const Policy& p) {  // R11
            return evaluation_html(r.load(a, in.case_id), in.options.value_or(RenderOptions{}), p);
        }),
        request<ChartInput>("radar_chart", [](Repository& r, const Actor& a, ChartInput in, const Policy& p) {  // R7
            return radar_svg(r.load(a, in.case_id), in.options.value_or(RadarOptions{}), p);
        }),
    };
    return table;
}

}  // namespace

void add_request_schemas(SchemaTable& out) {
    for (const auto& [name, q] : requests()) {
        if (q.input_schema) out.emplace("request/" + name + "/input", q.input_schema);
        out.emplace("request/" + name + "/output", q.output_schema);
    }
}

const Aliases& request_aliases() {
    static const Aliases aliases;   // none yet; an old request name joins here when one is renamed
    return aliases;
}

}  // namespace jmdcm::capi

using namespace jmdcm;
using namespace jmdcm::capi;

extern "C" {

jmdcm_status jmdcm_store_request(char** out_result, jmdcm_store* store, const char* actor_json, const char* request_name,
                                 const char* input_json, const char* policy_json) {
    return answer(out_result, "out_result", store, actor_json, [&](Repository& r, const Actor& actor) {
        const Request& run = lookup(requests(), request_name, "request", &request_aliases());
        return run(r, actor, input_json, policy_of(policy_json));
    });
}

jmdcm_status jmdcm_store_requests(char** out_names) { return answer_names(out_names, requests()); }

jmdcm_status jmdcm_deprecated_names(char** out_names) {
    return guard([&] {
        reset(out_names, "out_names");
        const auto listed = [](const Aliases& aliases) {
            std::vector<Alias> list;
            for (const auto& [old, now] : aliases) list.push_back({std::string(old), std::string(now)});
            return list;
        };
        give(out_names, json::to_string(Deprecated{listed(rule_aliases()), listed(request_aliases())}));
    });
}

}  // extern "C"
