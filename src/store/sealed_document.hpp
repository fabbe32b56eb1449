// The stored form of a sealed case (issue 19): {"sealed":1,"data":"..."}, where "data" is the
// whole case sealed under the case's key (CaseSealer) and 1 the layout's version. The
// library's summary columns stay in clear beside it. A clear case document has "schema" and
// no "sealed", so the two never look alike.
#pragma once

#include "jmdcm/error.hpp"
#include "jmdcm/json.hpp"

#include <string>
#include <string_view>

namespace jmdcm::sealed {

inline constexpr std::string_view head = "{\"sealed\":1,\"data\":\"";

/// Whether a stored document is a sealed one. The layout envelope() writes is recognised at
/// once; a backend that keeps JSON in its own form (PostgreSQL's jsonb orders keys by length:
/// {"data": ..., "sealed": 1}) is recognised by its first key and checked by the parser. A
/// clear case begins with "schema" (as written) or "id" (jsonb).
inline bool is_sealed(std::string_view document) {
    if (document.substr(0, 10) == head.substr(0, 10)) return true;
    std::size_t k = 0;
    while (k < document.size() && (document[k] == '{' || document[k] == ' ' || document[k] == '\n' || document[k] == '\t' || document[k] == '\r')) ++k;
    if (document.substr(k, 6) != "\"data\"") return false;
    try {
        const auto v = json::parse(document);
        return v.is_object() && v.as_object().contains("sealed");
    } catch (const error&) {
        return false;   // not a document at all: the case reader names the damage
    }
}

/// What a medium marked as sealed (Backend::mark_sealed) answers to a case document in clear.
/// SQLite's and PostgreSQL's triggers raise the same words, which their backends map here.
inline constexpr std::string_view clear_refused = "the store is sealed: a case that is not anonymised is stored only sealed under its own key";

[[noreturn]] inline void refuse_clear(std::string_view case_id) {
    fail(errc::store_sealed, "R13", "case.id",
         "case '" + std::string(case_id) + "': " + std::string(clear_refused) + " (open the store with its key-encryption key)");
}

/// `data` is printable text without quotes or backslashes (the sealer's encoding).
inline std::string envelope(std::string_view data) {
    std::string out;
    out.reserve(head.size() + data.size() + 2);
    out.append(head).append(data).append("\"}");
    return out;
}

/// The sealed data: found straight after the head when the document has the layout
/// envelope() writes, else through the parser (stored documents are read tolerantly);
/// storage_corrupt naming the case when it is not there.
inline std::string sealed_data(std::string_view document, std::string_view case_id) {
    if (document.substr(0, head.size()) == head) {
        const auto end = document.find('"', head.size());
        if (end != std::string_view::npos && document.substr(end) == "\"}") return std::string(document.substr(head.size(), end - head.size()));
    }
    try {
        const auto v = json::parse(document);
        return std::string(v.as_object().at("data").as_string());
    } catch (const error& e) {
        fail(errc::storage_corrupt, "", "", "sealed document of case '" + std::string(case_id) + "' is unreadable: " + e.what());
    } catch (const std::exception& e) {
        fail(errc::storage_corrupt, "", "", "sealed document of case '" + std::string(case_id) + "' lacks its data: " + e.what());
    }
}

}  // namespace jmdcm::sealed
