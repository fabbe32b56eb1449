// R1-R15: every step of the method by name, with its input as a JSON document. One table
// for every host: the C ABI (jmdcm_case_step, jmdcm_store_step) and the command line.
#pragma once

#include "jmdcm/access.hpp"
#include "jmdcm/case.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace jmdcm {

/// Applies a step to `c` under `policy`; returns the cases the step creates besides
/// (reopen_as_new_case: the new case). Errors in the input name "input" and the JSON path.
struct NamedStep {
    std::function<std::vector<Case>(Case& c, std::string_view input_json, const Policy& policy)> apply;
    /// Issue 14: the JSON Schema of the step's input (json_schema.hpp), from the type it reads.
    std::string (*input_schema)(std::string_view id) = nullptr;
    std::vector<Case> operator()(Case& c, std::string_view input_json, const Policy& policy) const {
        return apply(c, input_json, policy);
    }
};

/// The steps on a case document: each case.hpp step, and reopen_as_new_case, which writes
/// two documents and so is only a step where a store keeps both (store_steps).
const std::map<std::string, NamedStep, std::less<>>& document_steps();
const std::map<std::string, NamedStep, std::less<>>& store_steps();

/// The named step or errc::invalid_argument naming the argument.
const NamedStep& find_step(const std::map<std::string, NamedStep, std::less<>>& table, std::string_view name);

/// Runs a named step on a stored case through the store, in one transaction.
template <class Store>
Case run_step(Store& store, const Actor& actor, std::string_view case_id, std::int64_t expected_version,
              std::string_view name, std::string_view input_json, const Policy& policy) {
    const NamedStep& apply = find_step(store_steps(), name);
    return store.step(actor, case_id, expected_version, name, [&](Case& c) { return apply(c, input_json, policy); });
}

}  // namespace jmdcm
