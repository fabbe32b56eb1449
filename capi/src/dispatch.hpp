// Named operations behind one exported function each (jmdcm_case_step, jmdcm_rule_evaluate):
// the ABI grows by adding a table row, never a symbol, and hosts list what is there.
#pragma once

#include "boundary.hpp"

#include <map>
#include <string>
#include <vector>

namespace jmdcm::capi {

template <class Fn>
using Table = std::map<std::string, Fn, std::less<>>;

/// Issue 14: the JSON Schema of a type (json::schema_of<T>), given the name it is published under.
using SchemaFn = std::string (*)(std::string_view id);
/// Published schemas by name ("rule/check_eligibility/input" ...): each family adds its own.
using SchemaTable = std::map<std::string, SchemaFn, std::less<>>;
void add_rule_schemas(SchemaTable& out);
void add_request_schemas(SchemaTable& out);

/// Old names that keep working (deprecated, listed by jmdcm_deprecated_names): old -> current.
using Aliases = std::map<std::string_view, std::string_view>;
const Aliases& rule_aliases();
const Aliases& request_aliases();

template <class Fn>
const Fn& lookup(const Table<Fn>& table, const char* name, const char* argument, const Aliases* aliases = nullptr) {
    need(name, argument);
    auto it = table.find(std::string_view(name));
    if (it == table.end() && aliases) {
        if (const auto old = aliases->find(std::string_view(name)); old != aliases->end()) it = table.find(old->second);
    }
    if (it == table.end()) fail(errc::invalid_argument, "", argument, std::string("unknown ") + argument + " '" + name + "'");
    return it->second;
}

template <class Fn>
std::string names_of(const Table<Fn>& table) {
    std::vector<std::string> names;
    for (const auto& row : table) names.push_back(row.first);
    return json::to_string(names);
}

/// The body of jmdcm_case_steps, jmdcm_rule_names and jmdcm_store_requests.
template <class Fn>
jmdcm_status answer_names(char** out_names, const Table<Fn>& table) {
    return guard([&] {
        reset(out_names, "out_names");
        give(out_names, names_of(table));
    });
}

}  // namespace jmdcm::capi
