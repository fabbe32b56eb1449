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

template <class Fn>
const Fn& lookup(const Table<Fn>& table, const char* name, const char* argument) {
    need(name, argument);
    const auto it = table.find(std::string_view(name));
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
