#include "boundary.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

namespace jmdcm::capi {

LastError& last_error() {
    thread_local LastError last;
    return last;
}

void LastError::clear() {
    if (status == JMDCM_OK && message.empty()) return;   // the common case: nothing to free
    set(JMDCM_OK, {});
}

void LastError::set(jmdcm_status s, std::string m, std::string r, std::string f, std::string d) {
    status = s;
    message = std::move(m);
    rule = std::move(r);
    field = std::move(f);
    detail = d.empty() ? message : std::move(d);
    view = jmdcm_error{status, message.c_str(), rule.c_str(), field.c_str(), detail.c_str()};
}

jmdcm_status status_of(errc code) { return static_cast<jmdcm_status>(static_cast<int>(code)); }

namespace {

/// Records the error; when even that needs memory there is none of, the status alone.
void remember(jmdcm_status status, const error* e, const char* message) noexcept {
    LastError& last = last_error();
    try {
        if (e) last.set(status, e->what(), e->rule(), e->field(), e->detail());
        else last.set(status, message);
    } catch (...) {
        last.status = status;
        last.view = jmdcm_error{status, "", "", "", ""};   // never into strings half assigned
    }
}

}  // namespace

jmdcm_status status_of_current_exception() noexcept {
    try {
        throw;
    } catch (const error& e) {
        remember(status_of(e.code()), &e, nullptr);
        return status_of(e.code());
    } catch (const std::bad_alloc&) {
        remember(JMDCM_INTERNAL, nullptr, "out of memory");
    } catch (const std::exception& e) {
        try {
            remember(JMDCM_INTERNAL, nullptr, (std::string("internal error: ") + e.what()).c_str());
        } catch (...) {
            remember(JMDCM_INTERNAL, nullptr, "internal error");
        }
    } catch (...) {
        remember(JMDCM_INTERNAL, nullptr, "internal error");
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
    Policy p = doc<Policy>(policy_json, "policy", strict);
    check_policy(p, "policy");
    return p;
}

void check_policy(const Policy& p, const char* name) {
    try {
        validate(p);
    } catch (const error& e) {
        rethrow_for(e, name);
    }
}

Date date_of(const char* text, const char* name) {
    need(text, name);
    auto d = parse_iso(text);
    if (!d) fail(errc::json_bad_date, "", name, std::string("'") + text + "' is not a date YYYY-MM-DD");
    return *d;
}

}  // namespace jmdcm::capi
