// A host's backend (jmdcm/backend.h) as a jmdcm::Backend: every callback's status and
// answer is checked and turned into the library's errors, naming the callback, so a
// misbehaving host cannot corrupt the store.
#pragma once

#include "jmdcm/backend.h"
#include "jmdcm/backend.hpp"

#include <functional>
#include <string>
#include <vector>

struct jmdcm_reply {
    std::vector<std::string> items;
    bool refused = false;   // a NULL or foreign answer: the whole answer is refused
};

namespace jmdcm::capi {

/// Runs a host's callback with a fresh reply: a status other than JMDCM_OK (with what the
/// callback said through jmdcm_error_set), a NULL answer or an exception becomes the
/// library's error naming `who` ("the sqlite backend's get_case") and `field`. The answers.
std::vector<std::string> host_call(const std::string& who, const std::string& field, const std::function<jmdcm_status(jmdcm_reply*)>& f);

class CallbackBackend final : public Backend {
public:
    /// Copies and checks the struct (errc::invalid_argument naming the missing callback).
    explicit CallbackBackend(const jmdcm_backend& b);
    ~CallbackBackend() override;
    CallbackBackend(const CallbackBackend&) = delete;
    CallbackBackend& operator=(const CallbackBackend&) = delete;

    BackendCapabilities capabilities() const override;
    void begin(TxKind kind) override;
    void commit() override;
    void rollback() noexcept override;
    std::optional<CaseRow> get_case(std::string_view id) override;
    void put_case(const CaseRow& row, std::int64_t expected_version, bool erases) override;
    std::vector<CaseRow> find_cases(const BackendQuery& q) override;
    std::vector<StoredDocument> partners() override;
    void put_partner(const StoredDocument& p, std::int64_t expected_version) override;
    void append_audit(const AuditRecord& r) override;
    std::vector<AuditRecord> audit_records(const AuditQuery& q) override;
    bool erasure_pending() override;

private:
    /// Runs one callback with a fresh reply; a status other than OK becomes the library's
    /// error with the callback's name and the message it set.
    template <class F>
    std::vector<std::string> call(const char* callback, F&& f);
    template <class T>
    std::vector<T> answers(const char* callback, const std::vector<std::string>& items);

    jmdcm_backend b_;
    std::string name_;
    std::string gaps_;
};

/// Reads the hooks' today callback ("YYYY-MM-DD"), naming it in every error.
Date hooked_today(const jmdcm_hooks& h);

}  // namespace jmdcm::capi
