// jmdcm_schema and jmdcm_schema_names (issue 14): the JSON Schema of every document a host
// writes or reads, every step's input, and every rule's and request's input and output. Each
// comes from the type the library itself reads or writes (json_schema.hpp), so it cannot drift;
// capi/abi/schemas.json is the baseline a test compares against.
#include "dispatch.hpp"
#include "store.hpp"

#include "jmdcm/json_schema.hpp"
#include "jmdcm/steps.hpp"

namespace jmdcm::capi {
namespace {

const SchemaTable& schemas() {
    static const SchemaTable table = [] {
        SchemaTable t = {
            {"document/case", &json::schema_of<Case>},
            {"document/policy", &json::schema_of<Policy>},
            {"document/catalogue", &json::schema_of<Catalogue>},
            {"document/partner", &json::schema_of<Partner>},
            {"document/actor", &json::schema_of<Actor>},
            {"document/open_options", &json::schema_of<OpenOptions>},
            {"document/case_query", &json::schema_of<CaseQuery>},
            {"document/audit_query", &json::schema_of<AuditQuery>},
            {"document/audit_record", &json::schema_of<AuditRecord>},
            {"document/case_summary", &json::schema_of<CaseSummary>},
        };
        for (const auto& [name, step] : store_steps()) t.emplace("step/" + name + "/input", step.input_schema);
        add_rule_schemas(t);
        add_request_schemas(t);
        return t;
    }();
    return table;
}

}  // namespace
}  // namespace jmdcm::capi

using namespace jmdcm;
using namespace jmdcm::capi;

extern "C" {

jmdcm_status jmdcm_schema(char** out_schema, const char* name) {
    return guard([&] {
        reset(out_schema, "out_schema");
        const SchemaFn make = lookup(schemas(), name, "schema");
        give(out_schema, make(name));
    });
}

jmdcm_status jmdcm_schema_names(char** out_names) { return answer_names(out_names, schemas()); }

}  // extern "C"
