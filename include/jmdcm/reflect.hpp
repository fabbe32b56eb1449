// Reflection helpers over Boost.Describe: type traits and one recursive walk that
// reaches every leaf of a described value. JSON (json.hpp) and anonymisation (case.cpp)
// are both built on these, so no type needs a hand-written visitor.
#pragma once

#include <string_view>
#include <string>

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/enum_from_string.hpp>
#include <boost/mp11/algorithm.hpp>

#include <map>
#include <optional>
#include <type_traits>
#include <vector>

namespace jmdcm::reflect {

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};

template <class T> inline constexpr bool is_optional_v = is_optional<T>::value;
template <class T> inline constexpr bool is_vector_v = is_vector<T>::value;
template <class T>
inline constexpr bool is_described_struct_v = boost::describe::has_describe_members<T>::value;
template <class T>
inline constexpr bool is_described_enum_v = boost::describe::has_describe_enumerators<T>::value;

template <class T>
using members_of = boost::describe::describe_members<T, boost::describe::mod_public>;

/// The names of a described enumeration, in declared order (= their values 0, 1, ...).
template <class E>
std::vector<std::string> enum_names() {
    std::vector<std::string> names;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) { names.push_back(D.name); });
    return names;
}

/// The name of one enumerator ("?" for a value outside the enumeration).
template <class E>
std::string enum_name(E e) { return boost::describe::enum_to_string(e, "?"); }

/// A member's name in documents: a trailing underscore, which C++ needs for keywords
/// (`case_`), is dropped.
constexpr std::string_view key_of(const char* member) {
    std::string_view k(member);
    return !k.empty() && k.back() == '_' ? k.substr(0, k.size() - 1) : k;
}

/// A member that may be absent from a document: optionals and containers.
template <class T>
inline constexpr bool is_omissible_v = is_optional_v<T> || is_vector_v<T>;

/// Calls f(leaf) for every non-container, non-struct value inside v (strings, numbers,
/// enums, dates, FreeText, ...). f must accept any leaf type (use an `auto&` fallback).
template <class T, class F>
void walk(T& v, F&& f) {
    using U = std::remove_cv_t<T>;
    if constexpr (is_optional_v<U>) {
        if (v) walk(*v, f);
    } else if constexpr (is_vector_v<U>) {
        for (auto& e : v) walk(e, f);
    } else if constexpr (is_described_struct_v<U>) {
        boost::mp11::mp_for_each<members_of<U>>([&](auto D) { walk(v.*D.pointer, f); });
    } else {
        f(v);
    }
}

/// Copies each member of `from` into the member of `to` with the same name and type, so a
/// flat row takes the fields of a part of the case without one assignment per field.
template <class From, class To>
void copy_same_named(const From& from, To& to) {
    boost::mp11::mp_for_each<members_of<To>>([&](auto T) {
        boost::mp11::mp_for_each<members_of<From>>([&](auto F) {
            using TT = std::remove_cvref_t<decltype(to.*T.pointer)>;
            using FT = std::remove_cvref_t<decltype(from.*F.pointer)>;
            if constexpr (std::is_same_v<TT, FT>)
                if (std::string_view(T.name) == F.name) to.*T.pointer = from.*F.pointer;
        });
    });
}

}  // namespace jmdcm::reflect
