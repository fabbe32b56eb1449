// Free text written by people (remarks, notes, goal wording). It is marked with its own
// type because R3 withdrawal and R13 anonymisation must wipe every piece of it: the
// generic walk in reflect.hpp finds each FreeText in any described type.
#pragma once

#include <string>
#include <string_view>

namespace jmdcm {

struct FreeText {
    std::string text;

    FreeText() = default;
    FreeText(std::string s) : text(std::move(s)) {}         // NOLINT: implicit by design
    FreeText(const char* s) : text(s ? s : "") {}            // NOLINT
    FreeText(std::string_view s) : text(s) {}                // NOLINT

    bool empty() const noexcept { return text.empty(); }
    void wipe() noexcept { text.clear(); text.shrink_to_fit(); }
    friend bool operator==(const FreeText&, const FreeText&) = default;
};

/// Non-blank means more than white space: a justification of "  " is no justification.
inline bool is_blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}
inline bool is_blank(const std::string& s) { return is_blank(std::string_view(s)); }
inline bool is_blank(const char* s) { return is_blank(std::string_view(s ? s : "")); }
inline bool is_blank(const FreeText& t) { return is_blank(std::string_view(t.text)); }

}  // namespace jmdcm
