// Errors: the one code table (error_codes.def) as a C++ enum, and the exception
// that carries code, rule id (R1..R15) and the field path that failed.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace jmdcm {

enum class errc : int {
#define JMDCM_ERROR(name, upper, number, message) name = number,
#include "jmdcm/error_codes.def"
#undef JMDCM_ERROR
};

/// Stable identifier of a code, e.g. "release_required".
constexpr std::string_view errc_name(errc code) noexcept {
    switch (code) {
#define JMDCM_ERROR(name, upper, number, message) case errc::name: return #name;
#include "jmdcm/error_codes.def"
#undef JMDCM_ERROR
    }
    return "unknown";
}

/// Default message of a code.
constexpr std::string_view errc_message(errc code) noexcept {
    switch (code) {
#define JMDCM_ERROR(name, upper, number, message) case errc::name: return message;
#include "jmdcm/error_codes.def"
#undef JMDCM_ERROR
    }
    return "unknown error";
}

/// The only exception type the core throws. what() reads
/// "R4: no release from confidentiality for recipient 'X' [field: referrals[0].recipient]".
class error : public std::runtime_error {
public:
    error(errc code, std::string rule, std::string field, std::string detail)
        : std::runtime_error(compose(rule, field, detail.empty() ? std::string(errc_message(code)) : detail)),
          code_(code), rule_(std::move(rule)), field_(std::move(field)), detail_(detail.empty() ? std::string(errc_message(code)) : std::move(detail)) {}

    errc code() const noexcept { return code_; }
    /// Rule id such as "R4", or empty for errors that are not a rule of DOMAIN.md.
    const std::string& rule() const noexcept { return rule_; }
    /// Path of the offending field ("$.plans[1].goals[0].tasks[2].party"), may be empty.
    const std::string& field() const noexcept { return field_; }
    /// The message without the rule and the field (to say where, and throw again).
    const std::string& detail() const noexcept { return detail_; }

private:
    static std::string compose(const std::string& rule, const std::string& field, const std::string& detail) {
        std::string s;
        if (!rule.empty()) s += rule + ": ";
        s += detail;
        if (!field.empty()) s += " [field: " + field + "]";
        return s;
    }
    errc code_;
    std::string rule_;
    std::string field_;
    std::string detail_;
};

/// Throw helper that keeps call sites to one line.
[[noreturn]] inline void fail(errc code, std::string rule, std::string field, std::string detail) {
    throw error(code, std::move(rule), std::move(field), std::move(detail));
}

}  // namespace jmdcm
