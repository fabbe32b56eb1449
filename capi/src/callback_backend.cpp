// The adapter from a host's callbacks to jmdcm::Backend, and the calls that open a store
// over it. Every answer a host gives is read as a stored document (tolerantly: a newer
// host may add fields) but checked for what the library relies on.
#include "callback_backend.hpp"

#include "boundary.hpp"
#include "store.hpp"

#include "jmdcm/library_store.hpp"

#include <cstring>

namespace jmdcm::capi {

namespace {

/// The reply of the callback running on this thread: jmdcm_reply_add refuses any other.
thread_local jmdcm_reply* current_reply = nullptr;
/// What the running callback said with jmdcm_error_set.
thread_local std::string callback_message;

bool known(int status) {
    switch (status) {
#define JMDCM_ERROR(name, upper, number, message) case number: return true;
#include "jmdcm/error_codes.def"
#undef JMDCM_ERROR
    }
    return false;
}

std::string nonnull(const char* s) { return s ? s : ""; }

}  // namespace

CallbackBackend::CallbackBackend(const jmdcm_backend& b) : b_(b), name_(nonnull(b.name)), gaps_(nonnull(b.erasure_gaps)) {
    if (b.version < 1 || b.version > JMDCM_BACKEND_VERSION)
        fail(errc::invalid_argument, "", "backend.version",
             "backend version " + std::to_string(b.version) + " is not one this library knows (1.." + std::to_string(JMDCM_BACKEND_VERSION) +
                 "): call jmdcm_backend_init");
    if (name_.empty()) name_ = "host";
    const bool audits = b.flags & JMDCM_BACKEND_KEEPS_AUDIT;
    const std::pair<const char*, bool> required[] = {
        {"begin", b.begin != nullptr},          {"commit", b.commit != nullptr},       {"rollback", b.rollback != nullptr},
        {"get_case", b.get_case != nullptr},    {"put_case", b.put_case != nullptr},   {"find_cases", b.find_cases != nullptr},
        {"list_partners", b.list_partners != nullptr}, {"put_partner", b.put_partner != nullptr},
        {"append_audit", !audits || b.append_audit}, {"audit_records", !audits || b.audit_records}};
    for (const auto& [callback, present] : required)
        if (!present)
            fail(errc::invalid_argument, "", std::string("backend.") + callback,
                 std::string("the backend has no ") + callback + " callback" +
                     (std::strstr(callback, "audit") ? " but claims JMDCM_BACKEND_KEEPS_AUDIT" : ""));
    if (b.flags & ~(JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT))
        fail(errc::invalid_argument, "", "backend.flags", "unknown capability flags " + std::to_string(b.flags));
    if (!(b.flags & JMDCM_BACKEND_ERASES) && gaps_.empty()) gaps_ = "the host's backend does not guarantee erasure";
}

CallbackBackend::~CallbackBackend() {
    if (b_.destroy) b_.destroy(b_.user_data);
}

BackendCapabilities CallbackBackend::capabilities() const {
    return {name_, (b_.flags & JMDCM_BACKEND_ERASES) != 0, (b_.flags & JMDCM_BACKEND_ERASES) ? "" : gaps_,
            (b_.flags & JMDCM_BACKEND_KEEPS_AUDIT) != 0, true, false};
}

std::vector<std::string> host_call(const std::string& who, const std::string& field, const std::function<jmdcm_status(jmdcm_reply*)>& f) {
    jmdcm_reply reply;
    jmdcm_reply* outer = current_reply;  // a callback may call the library, which may call back
    current_reply = &reply;
    callback_message.clear();
    int status = JMDCM_INTERNAL;
    try {
        status = static_cast<int>(f(&reply));
    } catch (...) {  // a C++ host's callback that threw: it must not unwind through C frames, but if it did
        current_reply = outer;
        fail(errc::internal, "", field, who + " threw an exception");
    }
    current_reply = outer;
    const std::string said = std::move(callback_message);
    callback_message.clear();
    if (reply.refused) fail(errc::storage_corrupt, "", field, who + " answered NULL where a document was promised");
    if (status != JMDCM_OK) {
        if (!known(status)) fail(errc::storage, "", field, who + " returned " + std::to_string(status) + ", not a jmdcm status");
        fail(static_cast<errc>(status), "", field, who + " failed: " + (said.empty() ? std::string(errc_message(static_cast<errc>(status))) : said));
    }
    return std::move(reply.items);
}

template <class F>
std::vector<std::string> CallbackBackend::call(const char* callback, F&& f) {
    return host_call("the " + name_ + " backend's " + callback, "backend." + std::string(callback), f);
}

template <class T>
std::vector<T> CallbackBackend::answers(const char* callback, const std::vector<std::string>& items) {
    std::vector<T> out;
    out.reserve(items.size());
    for (std::size_t k = 0; k < items.size(); ++k) {
        try {
            out.push_back(json::from_string<T>(items[k]));
        } catch (const error& e) {
            fail(errc::storage_corrupt, "", "backend." + std::string(callback),
                 "the " + name_ + " backend's " + callback + " answer " + std::to_string(k) + " is unreadable: " + e.what());
        }
    }
    return out;
}

void CallbackBackend::begin(TxKind kind) {
    call("begin", [&](jmdcm_reply*) { return b_.begin(b_.user_data, kind == TxKind::write); });
}

void CallbackBackend::commit() {
    call("commit", [&](jmdcm_reply*) { return b_.commit(b_.user_data); });
}

void CallbackBackend::rollback() noexcept {
    try {
        call("rollback", [&](jmdcm_reply*) {
            b_.rollback(b_.user_data);
            return JMDCM_OK;
        });
    } catch (...) {
    }
}

std::optional<CaseRow> CallbackBackend::get_case(std::string_view id) {
    const std::string key(id);
    auto rows = answers<CaseRow>("get_case", call("get_case", [&](jmdcm_reply* r) { return b_.get_case(b_.user_data, key.c_str(), r); }));
    if (rows.empty()) return std::nullopt;
    if (rows.size() > 1)
        fail(errc::storage_corrupt, "", "backend.get_case", "the " + name_ + " backend's get_case answered " + std::to_string(rows.size()) + " rows for case '" + key + "'");
    if (rows[0].summary.id != key)
        fail(errc::storage_corrupt, "", "backend.get_case",
             "the " + name_ + " backend's get_case answered case '" + rows[0].summary.id + "' for case '" + key + "'");
    return std::move(rows[0]);
}

void CallbackBackend::put_case(const CaseRow& row, std::int64_t expected_version, bool erases) {
    const std::string text = json::to_string(row);
    call("put_case", [&](jmdcm_reply*) {
        return b_.put_case(b_.user_data, row.summary.id.c_str(), row.summary.version, expected_version, text.c_str(), erases ? 1 : 0);
    });
}

std::vector<CaseRow> CallbackBackend::find_cases(const BackendQuery& q) {
    const std::string text = json::to_string(q);
    return answers<CaseRow>("find_cases", call("find_cases", [&](jmdcm_reply* r) { return b_.find_cases(b_.user_data, text.c_str(), r); }));
}

std::vector<StoredDocument> CallbackBackend::partners() {
    return answers<StoredDocument>("list_partners", call("list_partners", [&](jmdcm_reply* r) { return b_.list_partners(b_.user_data, r); }));
}

void CallbackBackend::put_partner(const StoredDocument& p, std::int64_t expected_version) {
    const std::string text = json::to_string(p);
    call("put_partner", [&](jmdcm_reply*) { return b_.put_partner(b_.user_data, p.id.c_str(), p.version, expected_version, text.c_str()); });
}

void CallbackBackend::append_audit(const AuditRecord& r) {
    if (!b_.append_audit) fail(errc::storage_readonly, "", "backend.append_audit", "the " + name_ + " backend keeps no audit records");
    const std::string text = json::to_string(r);
    call("append_audit", [&](jmdcm_reply*) { return b_.append_audit(b_.user_data, text.c_str()); });
}

std::vector<AuditRecord> CallbackBackend::audit_records(const AuditQuery& q) {
    if (!b_.audit_records) return {};
    const std::string text = json::to_string(q);
    return answers<AuditRecord>("audit_records", call("audit_records", [&](jmdcm_reply* r) { return b_.audit_records(b_.user_data, text.c_str(), r); }));
}

bool CallbackBackend::erasure_pending() {
    if (!b_.erasure_pending) return false;
    int pending = 0;
    call("erasure_pending", [&](jmdcm_reply*) {
        pending = b_.erasure_pending(b_.user_data);
        return JMDCM_OK;
    });
    return pending != 0;
}

Date hooked_today(const jmdcm_hooks& h) {
    char date[11] = {0};
    const int status = static_cast<int>(h.today(h.user_data, date));
    if (status != JMDCM_OK)
        fail(known(status) ? static_cast<errc>(status) : errc::internal, "", "hooks.today", "the host's today hook failed with status " + std::to_string(status));
    if (std::memchr(date, '\0', sizeof date) == nullptr) fail(errc::json_bad_date, "", "hooks.today", "the host's today hook wrote no terminated date");
    auto d = parse_iso(date);
    if (!d) fail(errc::json_bad_date, "", "hooks.today", std::string("the host's today hook answered '") + date + "', not a date YYYY-MM-DD");
    return *d;
}

}  // namespace jmdcm::capi

using namespace jmdcm;
using namespace jmdcm::capi;

namespace {

/// The hooks' audit callback as the store's audit sink.
class HookedSink final : public AuditSink {
public:
    explicit HookedSink(const jmdcm_hooks& h) : h_(h) {}
    void record(const AuditRecord& r) override {
        const std::string text = json::to_string(r);
        h_.audit(h_.user_data, text.c_str());
    }

private:
    jmdcm_hooks h_;
};

/// A library store that owns the host's audit sink too.
class HostStore final : public LibraryStore {
public:
    HostStore(std::unique_ptr<Backend> b, StoreOptions o, std::unique_ptr<AuditSink> sink)
        : LibraryStore(std::move(b), std::move(o)), sink_(std::move(sink)) {}

private:
    std::unique_ptr<AuditSink> sink_;   // the store's options point here; nothing audits while the store is destroyed
};

}  // namespace

extern "C" {

jmdcm_status jmdcm_backend_init(jmdcm_backend* backend, unsigned int version) {
    return guard([&] {
        need(backend, "backend");
        if (version < 1 || version > JMDCM_BACKEND_VERSION)
            fail(errc::invalid_argument, "", "version",
                 "backend version " + std::to_string(version) + " is newer than this library's " + std::to_string(JMDCM_BACKEND_VERSION));
        std::memset(backend, 0, sizeof *backend);
        backend->version = version;
    });
}

jmdcm_status jmdcm_reply_add(jmdcm_reply* reply, const char* json) {
    return guard([&] {
        need(reply, "reply");
        if (reply != current_reply) fail(errc::invalid_argument, "", "reply", "not the reply of the callback running on this thread");
        if (!json) {
            reply->refused = true;
            fail(errc::invalid_argument, "", "json", "json must not be NULL");
        }
        reply->items.emplace_back(json);
    });
}

void jmdcm_error_set(const char* message) {
    try {
        callback_message = message ? message : "";
    } catch (...) {
    }
}

jmdcm_status jmdcm_store_open_backend(jmdcm_store** out, const jmdcm_backend* backend, const jmdcm_hooks* hooks, const char* options_json) {
    return guard([&] {
        reset(out, "out");
        need(backend, "backend");
        std::unique_ptr<CallbackBackend> adapter;  // from here on, its destructor calls destroy
        try {
            adapter = std::make_unique<CallbackBackend>(*backend);
        } catch (...) {
            // refused: the host's user data is still released once (the fields up to destroy
            // exist in every version from 1 on)
            if (backend->version >= 1 && backend->destroy) backend->destroy(backend->user_data);
            throw;
        }
        const OpenOptions opened = open_options(options_json);
        refuse_key_store(opened);
        StoreOptions o = store_options(opened);
        std::unique_ptr<AuditSink> sink;
        if (hooks) {
            if (hooks->version < 1 || hooks->version > JMDCM_HOOKS_VERSION)
                fail(errc::invalid_argument, "", "hooks.version", "hooks version " + std::to_string(hooks->version) + " is not one this library knows");
            if (hooks->today) o.today = [h = *hooks] { return hooked_today(h); };
            if (hooks->audit) {
                sink = std::make_unique<HookedSink>(*hooks);
                o.audit = sink.get();
            }
        }
        *out = registered(std::make_unique<HostStore>(std::move(adapter), std::move(o), std::move(sink)));
    });
}

}  // extern "C"
