#include "boundary.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

namespace jmdcm::capi {

std::string& last_error() {
    thread_local std::string message;
    return message;
}

jmdcm_status status_of(errc code) { return static_cast<jmdcm_status>(static_cast<int>(code)); }

jmdcm_status status_of_current_exception() noexcept {
    try {
        throw;
    } catch (const error& e) {
        last_error() = e.what();
        return status_of(e.code());
    } catch (const std::bad_alloc&) {
        last_error() = "out of memory";
    } catch (const std::exception& e) {
        last_error() = std::string("internal error: ") + e.what();
    } catch (...) {
        last_error() = "internal error";
    }
    return JMDCM_INTERNAL;
}

void need(const void* p, const char* name) {
    if (!p) fail(errc::invalid_argument, "", name, std::string(name) + " must not be NULL");
}

void give(char** out, const std::string& s) {
    char* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size() + 1);
    *out = p;
}

void rethrow_for(const error& e, const char* name) {
    const std::string path = e.field().size() > 1 ? e.field().substr(1) : "";  // "$.x" -> ".x"
    fail(e.code(), e.rule(), std::string(name) + path, e.detail());   // the detail: the rule is not doubled
}

Policy policy_of(const char* policy_json) {
    if (!policy_json) return Policy{};
    Policy p = doc<Policy>(policy_json, "policy");
    try {
        validate(p);
    } catch (const error& e) {
        rethrow_for(e, "policy");
    }
    return p;
}

Date date_of(const char* text, const char* name) {
    need(text, name);
    auto d = parse_iso(text);
    if (!d) fail(errc::json_bad_date, "", name, std::string("'") + text + "' is not a date YYYY-MM-DD");
    return *d;
}

}  // namespace jmdcm::capi
