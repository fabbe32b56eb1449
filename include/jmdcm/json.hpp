// The one JSON conversion for every described type (Boost.Describe + Boost.JSON).
// Unlike Boost.JSON 1.81's own value_to, it lets documents evolve: an absent optional
// or list member keeps its default, unknown keys are ignored (or refused by option),
// and every failure names its JSON path ("$.plans[0].goals[2].review_date").
// A type that declares `using absent_members_keep_default = void;` (Policy) lets every
// member be absent, its schema too (then it is the current one). Documents with a `schema` member are checked first so an incompatible version is
// reported as such, not as a pile of missing fields.
#pragma once

#include "jmdcm/date.hpp"
#include "jmdcm/error.hpp"
#include "jmdcm/free_text.hpp"
#include "jmdcm/reflect.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace jmdcm::json {

namespace bj = boost::json;

struct ReadOptions {
    /// Refuse keys that the type does not know (default: ignore them, for newer documents).
    bool reject_unknown_fields = false;
};

template <class T> struct dependent_false : std::false_type {};

/// Issue 14: the migrations of a document type. steps[i] takes a document of schema i + 1 to
/// schema i + 2, in place on its JSON object; a type whose schema goes up specialises this
/// with one small function per step (each tested with a stored sample of the old shape).
/// A document of an older schema is migrated forward when it is read.
using Migration = void (*)(boost::json::object&);
template <class T>
struct migrations_of {
    static std::span<const Migration> steps() { return {}; }
};

// ---------------------------------------------------------------- writing
/// Writes a described value as JSON text straight into a string: the same walk as the
/// reader, with no intermediate tree (a case is written several times per step, and a
/// tree made writing cost more than SQLite's insert of the result).
class Writer {
public:
    explicit Writer(std::string& out) : out_(out) {}

    template <class T>
    void write(const T& v) {
        using namespace reflect;
        if constexpr (std::is_same_v<T, bool>) {
            out_ += v ? "true" : "false";
        } else if constexpr (std::is_integral_v<T>) {
            char buf[24];
            auto r = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(v));
            out_.append(buf, r.ptr);
        } else if constexpr (std::is_floating_point_v<T>) {
            // the shortest text that reads back to the same double ("60", not Boost's "6E1")
            const double x = static_cast<double>(v);
            if (!std::isfinite(x)) return void(out_ += "null");   // JSON has no NaN or infinity
            char buf[32];
            auto r = std::to_chars(buf, buf + sizeof buf, x);
            out_.append(buf, r.ptr);
        } else if constexpr (std::is_same_v<T, std::string>) {
            string(v);
        } else if constexpr (std::is_same_v<T, FreeText>) {
            string(v.text);
        } else if constexpr (std::is_same_v<T, Date>) {
            if (v.is_special()) out_ += "null";
            else (out_ += '"', out_ += to_iso(v), out_ += '"');
        } else if constexpr (is_described_enum_v<T>) {
            string(boost::describe::enum_to_string(v, "?"));
        } else if constexpr (is_optional_v<T>) {
            if (v) write(*v);
            else out_ += "null";  // null, not absent: nullopt may differ from the default
        } else if constexpr (is_vector_v<T>) {
            out_ += '[';
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i) out_ += ',';
                write(v[i]);
            }
            out_ += ']';
        } else if constexpr (is_described_struct_v<T>) {
            out_ += '{';
            bool first = true;
            boost::mp11::mp_for_each<members_of<T>>([&](auto D) {
                if (!first) out_ += ',';
                first = false;
                string(key_of(D.name));
                out_ += ':';
                write(v.*D.pointer);
            });
            out_ += '}';
        } else {
            static_assert(dependent_false<T>::value, "type is not described for JSON");
        }
    }

private:
    /// JSON string escaping; UTF-8 passes through unchanged.
    void string(std::string_view s) {
        out_ += '"';
        std::size_t run = 0;  // start of the current stretch that needs no escaping
        for (std::size_t i = 0; i < s.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append(s.data() + run, i - run);
            run = i + 1;
            switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                const char esc[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                out_.append(esc, sizeof esc);
            }
            }
        }
        out_.append(s.data() + run, s.size() - run);
        out_ += '"';
    }

    std::string& out_;
};

template <class T>
std::string to_string(const T& v) {
    std::string out;
    out.reserve(4096);
    Writer(out).write(v);
    return out;
}

// ---------------------------------------------------------------- reading
class Reader {
public:
    explicit Reader(ReadOptions opts) : opts_(opts) {}

    template <class T>
    void read(const bj::value& jv, T& out) {
        using namespace reflect;
        if constexpr (std::is_same_v<T, bool>) {
            if (!jv.is_bool()) type_error("a boolean", jv);
            out = jv.get_bool();
        } else if constexpr (std::is_integral_v<T>) {
            read_integer(jv, out);
        } else if constexpr (std::is_floating_point_v<T>) {
            if (!jv.is_number()) type_error("a number", jv);
            out = static_cast<T>(jv.to_number<double>());
        } else if constexpr (std::is_same_v<T, std::string>) {
            if (!jv.is_string()) type_error("a string", jv);
            out.assign(jv.get_string().data(), jv.get_string().size());
        } else if constexpr (std::is_same_v<T, FreeText>) {
            read(jv, out.text);
        } else if constexpr (std::is_same_v<T, Date>) {
            if (!jv.is_string()) type_error("a date string YYYY-MM-DD", jv);
            auto d = parse_iso(std::string_view(jv.get_string().data(), jv.get_string().size()));
            if (!d) fail(errc::json_bad_date, "", "$", "'" + std::string(jv.get_string()) + "' is not a calendar date YYYY-MM-DD");
            out = *d;
        } else if constexpr (is_described_enum_v<T>) {
            read_enum(jv, out);
        } else if constexpr (is_optional_v<T>) {
            if (jv.is_null()) { out.reset(); return; }
            typename T::value_type inner{};
            read(jv, inner);
            out = std::move(inner);
        } else if constexpr (is_vector_v<T>) {
            if (!jv.is_array()) type_error("an array", jv);
            const auto& arr = jv.get_array();
            out.clear();
            out.reserve(arr.size());
            for (std::size_t i = 0; i < arr.size(); ++i) {
                typename T::value_type e{};
                try {
                    read(arr[i], e);
                } catch (const error& ex) {
                    rethrow_at(i, ex);
                }
                out.push_back(std::move(e));
            }
        } else if constexpr (is_described_struct_v<T>) {
            read_struct(jv, out);
        } else {
            static_assert(dependent_false<T>::value, "type is not described for JSON");
        }
    }

private:
    // Where an error is: a reader throws with the field "$" (the value at hand), and each
    // member or element the error passes on its way out puts its name in front
    // ("$.goals[0].id"). Reading a good document keeps no path at all: building one for
    // every member read was most of a load's allocations.
    [[noreturn]] static void rethrow_at(std::string_view member, const error& e) {
        const std::string inner = e.field().empty() ? std::string() : e.field().substr(1);
        throw error(e.code(), e.rule(), "$." + std::string(member) + inner, e.detail());
    }
    [[noreturn]] static void rethrow_at(std::size_t index, const error& e) {
        const std::string inner = e.field().empty() ? std::string() : e.field().substr(1);
        throw error(e.code(), e.rule(), "$[" + std::to_string(index) + "]" + inner, e.detail());
    }

public:
    /// Issue 14: what a host may leave out of a document it writes (the JSON Schemas of
    /// json_schema.hpp ask the same question). Lists and optionals;
    /// free text and bools (empty, or the member's default); a struct whose every member may
    /// be absent (an address); any member of a type that says so (a policy, a query); and
    /// plain strings of a type whose rules ask for them where they are needed
    /// (`strings_may_be_absent`, e.g. a closure's referred_to, R11). Dates, ids and enums stay
    /// required.
    template <class T, class M>
    static constexpr bool may_be_absent() {
        return reflect::is_omissible_v<M> || std::is_same_v<M, bool> || std::is_same_v<M, FreeText> ||
               requires { typename T::absent_members_keep_default; } || requires { typename M::absent_members_keep_default; } ||
               (std::is_same_v<M, std::string> && requires { typename T::strings_may_be_absent; });
    }

private:
    [[noreturn]] void type_error(const char* expected, const bj::value& got) {
        fail(errc::json_type, "", "$", std::string("expected ") + expected + ", got " + std::string(bj::to_string(got.kind())));
    }

    template <class T>
    void read_integer(const bj::value& jv, T& out) {
        if (jv.is_int64()) {
            if (!std::in_range<T>(jv.get_int64())) range_error(jv);
            out = static_cast<T>(jv.get_int64());
        } else if (jv.is_uint64()) {
            if (!std::in_range<T>(jv.get_uint64())) range_error(jv);
            out = static_cast<T>(jv.get_uint64());
        } else {
            type_error("an integer", jv);
        }
    }
    [[noreturn]] void range_error(const bj::value& jv) {
        fail(errc::json_out_of_range, "", "$", bj::serialize(jv) + " is out of range");
    }

    template <class E>
    void read_enum(const bj::value& jv, E& out) {
        if (!jv.is_string()) type_error("a name", jv);
        const std::string_view name(jv.get_string().data(), jv.get_string().size());
        bool found = false;   // by view: no copy of the name for the common case
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
            if (!found && name == D.name) {
                out = D.value;
                found = true;
            }
        });
        if (found) return;
        std::string allowed;
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
            if (!allowed.empty()) allowed += ", ";
            allowed += D.name;
        });
        fail(errc::json_bad_enum, "", "$", "'" + std::string(name) + "' is not one of: " + allowed);
    }

    template <class T>
    void read_struct(const bj::value& jv, T& out) {
        using namespace reflect;
        if (!jv.is_object()) type_error("an object", jv);
        const auto& obj = jv.get_object();
        // a document whose every member may be absent (a host's policy) may leave out its schema too: the current one
        if constexpr (requires { out.schema; })
            check_schema(obj, out.schema, requires { typename T::absent_members_keep_default; },
                         out.schema - static_cast<int>(migrations_of<T>::steps().size()));
        if (opts_.reject_unknown_fields) {
            for (const auto& kv : obj) {
                bool known = false;
                boost::mp11::mp_for_each<members_of<T>>([&](auto D) {
                    constexpr std::string_view key = key_of(decltype(D)::name);
                    known = known || kv.key() == key;
                });
                if (!known) {
                    fail(errc::json_unknown_field, "", "$." + std::string(kv.key()), "unknown field '" + std::string(kv.key()) + "'");
                }
            }
        }
        // Documents the library wrote hold the members in their described order: the next one
        // is tried first, a lookup is only for documents written in another order.
        auto next = obj.begin();
        boost::mp11::mp_for_each<members_of<T>>([&](auto D) {
            using M = std::remove_cvref_t<decltype(out.*D.pointer)>;
            constexpr std::string_view key = key_of(decltype(D)::name);   // no strlen per read
            const bj::value* field = nullptr;
            if (next != obj.end() && next->key() == key) {
                field = &(next++)->value();
            } else if (auto found = obj.find(key); found != obj.end()) {
                field = &found->value();
                next = found + 1;   // in step again after a member left out
            }
            if (!field) {
                if constexpr (!may_be_absent<T, M>())
                    fail(errc::json_missing_field, "", "$." + std::string(key), "missing field '" + std::string(key) + "'");
                return;  // absent optional/list: keeps the default of T{}
            }
            try {
                read(*field, out.*D.pointer);
            } catch (const error& e) {
                rethrow_at(key, e);
            }
        });
    }

    void check_schema(const bj::object& obj, int current, bool absent_is_current, int oldest) {
        const bj::value* v = obj.if_contains("schema");
        if (!v && absent_is_current) return;
        if (!v) fail(errc::json_schema_version, "", "$.schema", "document has no schema version (expected " + std::to_string(current) + ")");
        int got = 0;
        try {
            read(*v, got);
        } catch (const error& e) {
            rethrow_at("schema", e);
        }
        if (got > current)
            fail(errc::json_schema_version, "", "$.schema",
                 "schema version " + std::to_string(got) + " is newer than this library reads (" + std::to_string(current) +
                     "): use a newer jmdcm");
        if (got != current)
            fail(errc::json_schema_version, "", "$.schema",
                 "schema version " + std::to_string(got) + " is not supported (this library reads " + std::to_string(current) +
                     ", and migrates from " + std::to_string(oldest) + ")");
    }

    ReadOptions opts_;
};

namespace detail {

/// The schema a document names, when it names an older one of T's than T's own and T has
/// the migrations to bring it forward; 0 otherwise.
template <class T>
int migrates_from(const bj::value& jv) {
    if constexpr (!requires { T{}.schema; }) {
        return 0;
    } else {
        const int current = T{}.schema;
        const auto steps = migrations_of<T>::steps();
        const auto* obj = jv.if_object();
        const auto* v = obj ? obj->if_contains("schema") : nullptr;
        if (!v || !v->is_int64()) return 0;
        const std::int64_t got = v->get_int64();
        return got < current && got >= current - static_cast<std::int64_t>(steps.size()) ? static_cast<int>(got) : 0;
    }
}

}  // namespace detail

template <class T>
T from_value(const bj::value& jv, ReadOptions opts = {}) {
    T out{};
    if constexpr (requires { out.schema; }) {
        if (const int from = detail::migrates_from<T>(jv)) {
            // forward, one step at a time, on a copy: the stored text stays as it was
            bj::value migrated(jv, bj::make_shared_resource<bj::monotonic_resource>());
            auto& obj = migrated.as_object();
            const int current = out.schema;
            const auto steps = migrations_of<T>::steps();
            for (int v = from; v < current; ++v) {
                steps[steps.size() - static_cast<std::size_t>(current - v)](obj);
                obj["schema"] = v + 1;
            }
            Reader(opts).read(migrated, out);
            return out;
        }
    }
    Reader(opts).read(jv, out);
    return out;
}

/// Parses text; syntax errors report the byte offset. Refuses documents over max_bytes.
inline bj::value parse(std::string_view text, std::size_t max_bytes = 64u << 20) {
    if (text.size() > max_bytes)
        fail(errc::json_syntax, "", "$", "document of " + std::to_string(text.size()) + " bytes exceeds the limit of " + std::to_string(max_bytes));
    bj::stream_parser p;
    boost::system::error_code ec;
    std::size_t used = p.write(text.data(), text.size(), ec);  // write(), unlike write_some, refuses trailing data
    if (!ec) p.finish(ec);
    if (ec) fail(errc::json_syntax, "", "$", "malformed JSON at byte " + std::to_string(used) + ": " + ec.message());
    return p.release();
}

namespace detail {

/// A parser and a block of memory kept per thread, so that reading a document (a stored
/// case on every load) allocates nothing for its value tree: the tree lives in the block,
/// which is released after each read. A read started inside another (a sealed document
/// opened while reading) takes the plain way.
class ScratchParser {
public:
    static constexpr std::size_t block = 256 * 1024;

    bool busy() const { return busy_; }

    class Lease {
    public:
        Lease(ScratchParser& s, std::string_view text, std::size_t max_bytes) : s_(s) {
            s_.busy_ = true;
            try {
                s_.parse(text, max_bytes);
            } catch (...) {
                s_.release();
                throw;
            }
        }
        ~Lease() { s_.release(); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        const bj::value& value() const { return *s_.value_; }

    private:
        ScratchParser& s_;
    };

private:
    void parse(std::string_view text, std::size_t max_bytes) {
        if (text.size() > max_bytes)
            fail(errc::json_syntax, "", "$", "document of " + std::to_string(text.size()) + " bytes exceeds the limit of " + std::to_string(max_bytes));
        parser_.reset(bj::storage_ptr(&memory_));
        boost::system::error_code ec;
        const std::size_t used = parser_.write(text.data(), text.size(), ec);
        if (!ec) parser_.finish(ec);
        if (ec) fail(errc::json_syntax, "", "$", "malformed JSON at byte " + std::to_string(used) + ": " + ec.message());
        value_.emplace(parser_.release());
    }
    void release() noexcept {
        value_.reset();
        parser_.reset();
        memory_.release();   // back to the kept block; larger documents' blocks are freed
        busy_ = false;
    }

    std::unique_ptr<unsigned char[]> buffer_{new unsigned char[block]};
    bj::monotonic_resource memory_{buffer_.get(), block};
    bj::stream_parser parser_;
    std::optional<bj::value> value_;
    bool busy_ = false;
};

inline ScratchParser& scratch_parser() {
    thread_local ScratchParser parser;
    return parser;
}

}  // namespace detail

template <class T>
T from_string(std::string_view text, ReadOptions opts = {}) {
    auto& scratch = detail::scratch_parser();
    if (scratch.busy()) return from_value<T>(parse(text), opts);
    detail::ScratchParser::Lease lease(scratch, text, 64u << 20);
    return from_value<T>(lease.value(), opts);
}

/// The document as a Boost.JSON value (for hosts that want to inspect or merge it).
template <class T>
bj::value to_value(const T& v) { return parse(to_string(v)); }

}  // namespace jmdcm::json
