// Issue 14: JSON Schema (draft 2020-12) of every described type, from the same Boost.Describe
// descriptions the reader and writer use (json.hpp), so the published contract cannot drift
// from what the library reads. A struct becomes an object under $defs with its members as
// properties; `required` lists the members a host must send (Reader::may_be_absent decides,
// as when reading); `additionalProperties` is false because host input is read strictly.
#pragma once

#include "jmdcm/json.hpp"

#include <boost/core/demangle.hpp>

#include <map>
#include <string>
#include <typeindex>

namespace jmdcm::json {

class SchemaBuilder {
public:
    /// The schema of T as a whole document: {"$schema", "$id", ...T's schema, "$defs"}.
    template <class T>
    static bj::object document(std::string_view id) {
        SchemaBuilder b;
        bj::object root = b.of<T>();
        bj::object out;
        out["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        out["$id"] = "urn:jmdcm:" + std::string(id);
        for (auto& kv : root) out[kv.key()] = std::move(kv.value());
        if (!b.defs_.empty()) out["$defs"] = std::move(b.defs_);
        return out;
    }

    template <class T>
    bj::object of() {
        using namespace reflect;
        if constexpr (std::is_same_v<T, bool>) {
            return {{"type", "boolean"}};
        } else if constexpr (std::is_integral_v<T>) {
            bj::object s{{"type", "integer"}};
            if constexpr (std::is_unsigned_v<T>) s["minimum"] = 0;
            return s;
        } else if constexpr (std::is_floating_point_v<T>) {
            return {{"type", "number"}};
        } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, FreeText>) {
            return {{"type", "string"}};
        } else if constexpr (std::is_same_v<T, Date>) {
            return {{"type", "string"}, {"format", "date"}};
        } else if constexpr (is_described_enum_v<T>) {
            bj::array names;
            for (const auto& n : enum_names<T>()) names.emplace_back(n);
            return {{"type", "string"}, {"enum", std::move(names)}};
        } else if constexpr (is_optional_v<T>) {
            return {{"anyOf", bj::array{of<typename T::value_type>(), bj::object{{"type", "null"}}}}};
        } else if constexpr (is_vector_v<T>) {
            return {{"type", "array"}, {"items", of<typename T::value_type>()}};
        } else if constexpr (is_described_struct_v<T>) {
            return {{"$ref", "#/$defs/" + define<T>()}};
        } else {
            static_assert(dependent_false<T>::value, "type is not described for JSON");
        }
    }

private:
    /// Puts T's object schema under $defs once; its name there is the type's own, without
    /// namespaces (numbered if two types of one document share it).
    template <class T>
    std::string define() {
        const std::type_index type(typeid(T));
        if (const auto it = names_.find(type); it != names_.end()) return it->second;
        std::string name = boost::core::demangle(typeid(T).name());
        if (const auto colon = name.rfind("::"); colon != std::string::npos) name = name.substr(colon + 2);
        for (int n = 2; defs_.contains(name); ++n) name = name.substr(0, name.find('_' + std::to_string(n - 1))) + '_' + std::to_string(n);
        names_.emplace(type, name);
        defs_[name] = bj::object{};   // taken before the members are walked
        bj::object properties;
        bj::array required;
        boost::mp11::mp_for_each<reflect::members_of<T>>([&](auto D) {
            using M = std::remove_cvref_t<decltype(std::declval<T&>().*D.pointer)>;
            const std::string key(reflect::key_of(D.name));
            properties[key] = of<M>();
            if (!Reader::may_be_absent<T, M>()) required.emplace_back(key);
        });
        bj::object s{{"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
        if (!required.empty()) s["required"] = std::move(required);
        defs_[name] = std::move(s);
        return name;
    }

    bj::object defs_;
    std::map<std::type_index, std::string> names_;
};

/// The schema of T as JSON text.
template <class T>
std::string schema_of(std::string_view id) {
    return bj::serialize(SchemaBuilder::document<T>(id));
}

}  // namespace jmdcm::json
