// Reading the values a backend keeps in its own columns (enum names, ISO dates): shared by
// the SQLite and PostgreSQL backends. A value that does not read is storage_corrupt.
#pragma once

#include "jmdcm/date.hpp"
#include "jmdcm/error.hpp"

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>

#include <string>

namespace jmdcm::stored {

template <class E>
std::string name(E e) { return boost::describe::enum_to_string(e, "?"); }

template <class E>
E enum_of(const std::string& s) {
    E e{};
    if (!boost::describe::enum_from_string(s.c_str(), e)) fail(errc::storage_corrupt, "", "", "unknown stored value '" + s + "'");
    return e;
}

inline Date date_of(const std::string& s) {
    auto d = parse_iso(s);
    if (!d) fail(errc::storage_corrupt, "", "", "stored date '" + s + "' is invalid");
    return *d;
}

}  // namespace jmdcm::stored
