// jmdcm_case_step and jmdcm_store_step: every step the core offers (steps.hpp), by name.
#include "dispatch.hpp"
#include "store.hpp"

#include "jmdcm/steps.hpp"

using namespace jmdcm;
using namespace jmdcm::capi;

extern "C" {

jmdcm_status jmdcm_case_step(char** out_case, const char* case_json, const char* step_name, const char* input_json,
                             const char* policy_json) {
    return guard([&] {
        reset(out_case, "out_case");
        const NamedStep& apply = lookup(document_steps(), step_name, "step");
        Case c = doc<Case>(case_json, "case", strict);
        need(input_json, "input");
        apply(c, input_json, policy_of(policy_json));
        give(out_case, json::to_string(c));
    });
}

jmdcm_status jmdcm_case_steps(char** out_names) { return answer_names(out_names, document_steps()); }

jmdcm_status jmdcm_store_step(char** out_case, jmdcm_store* store, const char* actor_json, const char* case_id,
                              int64_t expected_version, const char* step_name, const char* input_json, const char* policy_json) {
    return answer(out_case, "out_case", store, actor_json, [&](Repository& r, const Actor& actor) {
        need(case_id, "case_id");
        (void)lookup(store_steps(), step_name, "step");
        need(input_json, "input");
        if (expected_version < 0) fail(errc::invalid_argument, "", "expected_version", "a version is 0 (the stored one) or positive");
        return json::to_string(run_step(r, actor, case_id, expected_version, step_name, input_json, policy_of(policy_json)));
    });
}

jmdcm_status jmdcm_store_steps(char** out_names) { return answer_names(out_names, store_steps()); }

jmdcm_status jmdcm_case_requirements(char** out_report, const char* case_json) {
    return guard([&] {
        reset(out_report, "out_report");
        give(out_report, json::to_string(minimum_requirements(doc<Case>(case_json, "case", strict))));
    });
}

}  // extern "C"
