// The C ABI of per-case keys (jmdcm/keys.h): a host's KEK behind keys::KeyEncryptionKey,
// checked like a host's backend; the local KEK; a sealed SQLite store; conversion; rotation.
#include "jmdcm/keys.h"

#include "boundary.hpp"
#include "callback_backend.hpp"
#include "store.hpp"

#include "jmdcm/keys/key_store.hpp"
#include "jmdcm/library_store.hpp"
#include "jmdcm/postgres/pg_key_store.hpp"
#include "jmdcm/postgres/postgres_backend.hpp"
#include "jmdcm/sqlite/sqlite_repository.hpp"

#include <sodium.h>

#include <array>
#include <cstring>
#include <functional>

namespace jmdcm::capi {

namespace {

/// The host's KEK as the library's. Its destroy runs exactly once, with the adapter.
class CallbackKek final : public keys::KeyEncryptionKey {
public:
    explicit CallbackKek(const jmdcm_kek& k) : k_(k), id_(k.id ? k.id : "") {}
    ~CallbackKek() override {
        if (k_.version >= 1 && k_.destroy) k_.destroy(k_.user_data);   // version 0: an uninitialised struct
    }
    CallbackKek(const CallbackKek&) = delete;
    CallbackKek& operator=(const CallbackKek&) = delete;

    void check(const char* name) const {
        const std::string field(name);
        if (k_.version < 1 || k_.version > JMDCM_KEK_VERSION)
            fail(errc::invalid_argument, "", field + ".version",
                 "KEK version " + std::to_string(k_.version) + " is not one this library knows: call jmdcm_kek_init");
        if (id_.empty()) fail(errc::invalid_argument, "", field + ".id", "a KEK needs an id (which keys it wrapped)");
        if (!k_.wrap) fail(errc::invalid_argument, "", field + ".wrap", "the KEK has no wrap callback");
        if (!k_.unwrap) fail(errc::invalid_argument, "", field + ".unwrap", "the KEK has no unwrap callback");
    }

    std::string id() const override { return id_; }

    std::string wrap(const keys::SecretKey& key, std::string_view case_id) override {
        const std::string cid(case_id);
        auto items = host_call(who("wrap"), "kek.wrap", [&](jmdcm_reply* r) { return k_.wrap(k_.user_data, cid.c_str(), key.data(), r); });
        if (items.size() != 1 || items[0].empty())
            fail(errc::key_invalid, "", "kek.wrap", who("wrap") + " answered " + std::to_string(items.size()) + " texts, not one wrapped key");
        return std::move(items[0]);
    }

    keys::SecretKey unwrap(std::string_view wrapped, std::string_view case_id) override {
        const std::string cid(case_id), w(wrapped);
        std::array<unsigned char, JMDCM_KEY_BYTES> out{};
        struct Wipe {
            std::array<unsigned char, JMDCM_KEY_BYTES>& a;
            ~Wipe() { sodium_memzero(a.data(), a.size()); }
        } wipe{out};
        host_call(who("unwrap"), "kek.unwrap", [&](jmdcm_reply*) { return k_.unwrap(k_.user_data, cid.c_str(), w.c_str(), out.data()); });
        return keys::SecretKey::from_bytes({reinterpret_cast<const char*>(out.data()), out.size()}, "the key of case '" + cid + "'");
    }

private:
    std::string who(const char* callback) const { return "the KEK '" + id_ + "''s " + callback; }

    jmdcm_kek k_;
    std::string id_;
};

/// Takes over a host's KEK struct: from here on its destroy is called once, also when the
/// struct is refused.
std::shared_ptr<CallbackKek> adopt(const jmdcm_kek* k, const char* name) {
    need(k, name);
    auto kek = std::make_shared<CallbackKek>(*k);
    kek->check(name);
    return kek;
}

/// jmdcm_kek_local's user data: the id the struct points to, and the key.
struct LocalState {
    std::string id;
    keys::LocalKek kek;
};

/// A local KEK's callbacks: the C ABI's own errors become the status and its message.
template <class F>
jmdcm_status local_call(F&& f) noexcept {
    try {
        f();
        return JMDCM_OK;
    } catch (const error& e) {
        jmdcm_error_set(e.what());
        return static_cast<jmdcm_status>(e.code());
    } catch (...) {
        jmdcm_error_set("the local KEK failed");
        return JMDCM_INTERNAL;
    }
}

std::string hex(std::string_view bin) {
    std::string out(bin.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bin.data()), bin.size());
    out.pop_back();
    return out;
}

jmdcm_status JMDCM_CALLBACK local_wrap(void* user_data, const char* case_id, const unsigned char key[JMDCM_KEY_BYTES], jmdcm_reply* reply) {
    return local_call([&] {
        auto* s = static_cast<LocalState*>(user_data);
        const auto k = keys::SecretKey::from_bytes({reinterpret_cast<const char*>(key), JMDCM_KEY_BYTES}, "the case key");
        const std::string text = hex(s->kek.wrap(k, case_id));
        if (jmdcm_reply_add(reply, text.c_str()) != JMDCM_OK) fail(errc::internal, "", "reply", "the wrapped key was not taken");
    });
}

jmdcm_status JMDCM_CALLBACK local_unwrap(void* user_data, const char* case_id, const char* wrapped, unsigned char key[JMDCM_KEY_BYTES]) {
    return local_call([&] {
        auto* s = static_cast<LocalState*>(user_data);
        const std::string text(wrapped);
        std::string bin(text.size() / 2, '\0');
        std::size_t len = 0;
        if (sodium_hex2bin(reinterpret_cast<unsigned char*>(bin.data()), bin.size(), text.data(), text.size(), nullptr, &len, nullptr) != 0)
            fail(errc::key_invalid, "", "wrapped", "the wrapped key of case '" + std::string(case_id) + "' is not this KEK's");
        bin.resize(len);
        const auto k = s->kek.unwrap(bin, case_id);
        std::memcpy(key, k.data(), JMDCM_KEY_BYTES);
    });
}

void JMDCM_CALLBACK local_destroy(void* user_data) { delete static_cast<LocalState*>(user_data); }

/// Both sealed opens: the KEK adopted first (its destroy runs once, whatever fails after),
/// the place and the options checked, then `make(options, store options, KEK)`.
template <class Make>
jmdcm_status open_sealed(jmdcm_store** out, const char* where, const char* where_name, const jmdcm_kek* kek, const char* options_json,
                         Make&& make) {
    return guard([&] {
        reset(out, "out");
        auto adapter = adopt(kek, "kek");
        need(where, where_name);
        const OpenOptions o = open_options(options_json);
        *out = registered(make(o, store_options(o), std::move(adapter)));
    });
}

}  // namespace
}  // namespace jmdcm::capi

using namespace jmdcm;
using namespace jmdcm::capi;

extern "C" {

jmdcm_status jmdcm_kek_init(jmdcm_kek* kek, unsigned int version) {
    return guard([&] {
        need(kek, "kek");
        if (version < 1 || version > JMDCM_KEK_VERSION)
            fail(errc::invalid_argument, "", "version", "KEK version " + std::to_string(version) + " is not one this library knows");
        std::memset(kek, 0, sizeof *kek);
        kek->version = version;
    });
}

jmdcm_status jmdcm_kek_local(jmdcm_kek* kek, const char* id, const unsigned char* key, size_t key_len) {
    return guard([&] {
        need(kek, "kek");
        std::memset(kek, 0, sizeof *kek);
        need(id, "id");
        need(key, "key");
        if (!*id) fail(errc::invalid_argument, "", "id", "a KEK needs an id (which keys it wrapped)");
        auto k = keys::SecretKey::from_bytes({reinterpret_cast<const char*>(key), key_len}, "the local KEK");
        auto* state = new LocalState{id, keys::LocalKek(id, std::move(k))};
        kek->version = JMDCM_KEK_VERSION;
        kek->user_data = state;
        kek->id = state->id.c_str();
        kek->wrap = local_wrap;
        kek->unwrap = local_unwrap;
        kek->destroy = local_destroy;
    });
}

jmdcm_status jmdcm_kek_generate(unsigned char key[JMDCM_KEY_BYTES]) {
    return guard([&] {
        need(key, "key");
        const auto k = keys::SecretKey::generate();
        std::memcpy(key, k.data(), JMDCM_KEY_BYTES);
    });
}

jmdcm_status jmdcm_store_open_sqlite_sealed(jmdcm_store** out, const char* path, const jmdcm_kek* kek, const char* options_json) {
    return open_sealed(out, path, "path", kek, options_json, [&](const OpenOptions& o, StoreOptions so, std::shared_ptr<CallbackKek> k) {
        std::string key_store;
        if (o.key_store) key_store = *o.key_store;
        else if (std::string_view(path) == ":memory:")
            fail(errc::invalid_argument, "", "options.key_store", "a private database (\":memory:\") needs \"key_store\" named");
        else key_store = std::string(path) + ".keys";
        so.sealer = keys::make_sealer(keys::open_sqlite_key_store(key_store), std::move(k));
        return std::unique_ptr<Repository>(std::make_unique<SqliteRepository>(sqlite_options(path, o), std::move(so)));
    });
}

jmdcm_status jmdcm_store_open_postgres_sealed(jmdcm_store** out, const char* conninfo, const jmdcm_kek* kek, const char* options_json) {
    return open_sealed(out, conninfo, "conninfo", kek, options_json, [&](const OpenOptions& o, StoreOptions so, std::shared_ptr<CallbackKek> k) {
        const std::string key_schema = o.key_store.value_or("jmdcm_keys");
        so.sealer = keys::make_sealer(open_postgres_key_store(conninfo, key_schema), std::move(k));
        PostgresOptions db = postgres_options(conninfo, o);
        db.key_schema = key_schema;   // each case read with its wrapped key, in one query
        return std::unique_ptr<Repository>(std::make_unique<PostgresRepository>(db, std::move(so)));
    });
}

jmdcm_status jmdcm_store_seal_all(char** out_report, jmdcm_store* store, const char* actor_json) {
    return answer(out_report, "out_report", store, actor_json, [&](Repository& r, const Actor& actor) {
        auto* library = dynamic_cast<LibraryStore*>(&r);
        if (!library) fail(errc::invalid_argument, "", "store", "this store cannot seal its cases");
        return "{\"sealed\":" + std::to_string(library->seal_all(actor)) + "}";
    });
}

namespace {

/// Rotation over the key store `open_store` opens: both KEKs adopted (each destroyed once,
/// whatever fails), every key re-wrapped, all or none.
jmdcm_status rotate(char** out_report, const jmdcm_kek* from, const jmdcm_kek* to,
                    const std::function<std::shared_ptr<keys::KeyStore>()>& open_store) {
    return guard([&] {
        std::shared_ptr<CallbackKek> old_kek, new_kek;
        try {
            old_kek = adopt(from, "from");
        } catch (...) {
            if (to && to->version >= 1 && to->destroy) to->destroy(to->user_data);
            throw;
        }
        new_kek = adopt(to, "to");
        reset(out_report, "out_report");
        auto store = open_store();
        const auto n = keys::CaseKeys(*store, *new_kek).rotate_from(*old_kek);
        give(out_report, "{\"rewrapped\":" + std::to_string(n) + "}");
    });
}

}  // namespace

jmdcm_status jmdcm_keys_rotate(char** out_report, const char* key_store, const jmdcm_kek* from, const jmdcm_kek* to) {
    return rotate(out_report, from, to, [&] {
        need(key_store, "key_store");
        return keys::open_sqlite_key_store(key_store);
    });
}

jmdcm_status jmdcm_keys_rotate_postgres(char** out_report, const char* conninfo, const char* key_schema, const jmdcm_kek* from,
                                        const jmdcm_kek* to) {
    return rotate(out_report, from, to, [&] {
        need(conninfo, "conninfo");
        return open_postgres_key_store(conninfo, key_schema ? key_schema : "jmdcm_keys");
    });
}

}  // extern "C"
