// What every exported function of the C ABI shares: guard() turns each exception into a
// status and the thread's last error (nothing crosses the boundary), and the helpers
// read arguments (naming the argument in every error) and hand strings to the host.
#pragma once

#include "jmdcm/jmdcm.h"

#include "jmdcm/jmdcm.hpp"

#include <string>

namespace jmdcm::capi {

/// The thread's last error (jmdcm_error_last, jmdcm_last_error): the strings it points into.
struct LastError {
    jmdcm_status status = JMDCM_OK;
    std::string message, rule, field, detail;
    jmdcm_error view{JMDCM_OK, "", "", "", ""};
    void clear();
    void set(jmdcm_status s, std::string message, std::string rule = {}, std::string field = {}, std::string detail = {});
};
LastError& last_error();

jmdcm_status status_of(errc code);
jmdcm_status status_of_current_exception() noexcept;

template <class F>
jmdcm_status guard(F&& body) noexcept {
    try {
        last_error().clear();
        body();
        return JMDCM_OK;
    } catch (...) {
        return status_of_current_exception();
    }
}

/// errc::invalid_argument naming `name` when `p` is NULL.
void need(const void* p, const char* name);

/// Clears an out-parameter first, so a failed call leaves NULL behind.
template <class T>
T*& reset(T** out, const char* name) {
    need(out, name);
    *out = nullptr;
    return *out;
}

/// A malloc'ed copy for the host, freed with jmdcm_string_free.
void give(char** out, const std::string& s);

/// Re-throws a document error with the argument's name in front of its JSON path.
[[noreturn]] void rethrow_for(const error& e, const char* name);

/// Reads a JSON argument into T; errors name the argument and the path inside it.
template <class T>
T doc(const char* json_text, const char* name, json::ReadOptions opts = {}) {
    need(json_text, name);
    try {
        return json::from_string<T>(json_text, opts);
    } catch (const error& e) {
        rethrow_for(e, name);
    }
}

/// What a host writes (queries, inputs of new calls): an unknown key is an error naming its path.
inline constexpr json::ReadOptions strict{true};

/// The policy argument: NULL for the handbook's defaults; otherwise read and validated.
Policy policy_of(const char* policy_json);
/// Validates a policy a host sent inside another document; errors name `name` in front.
void check_policy(const Policy& p, const char* name);

/// A date argument "YYYY-MM-DD".
Date date_of(const char* text, const char* name);

}  // namespace jmdcm::capi
