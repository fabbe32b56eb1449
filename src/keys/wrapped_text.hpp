// How both key stores (a SQLite file, a PostgreSQL schema) keep a wrapped key in a text
// column: hex, by libsodium. A cell that is not hex is storage_corrupt naming the case.
#pragma once

#include "jmdcm/error.hpp"

#include <sodium.h>

#include <string>
#include <string_view>

namespace jmdcm::keys {

inline std::string wrapped_text(std::string_view wrapped) {
    std::string out(wrapped.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(wrapped.data()), wrapped.size());
    out.pop_back();
    return out;
}

inline std::string wrapped_of(const std::string& text, const std::string& case_id) {
    std::string out(text.size() / 2, '\0');
    std::size_t len = 0;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr, &len, nullptr) != 0 ||
        len * 2 != text.size())
        fail(errc::storage_corrupt, "", "", "the key store's entry for case '" + case_id + "' is not hex");
    out.resize(len);
    return out;
}

}  // namespace jmdcm::keys
