// The in-memory store: the library's store over a backend that keeps its documents in
// maps. The reference backend of the contract, for tests and for hosts that keep nothing
// on disk.
#pragma once

#include "jmdcm/library_store.hpp"

#include <map>
#include <mutex>

namespace jmdcm {

/// Collects audit records in memory (thread-safe).
class MemoryAuditSink : public AuditSink {
public:
    void record(const AuditRecord& r) override;
    std::vector<AuditRecord> records() const;

private:
    mutable std::mutex m_;
    std::vector<AuditRecord> records_;
};

/// Documents in maps; a transaction writes into an overlay that only its commit merges,
/// so a rollback leaves nothing behind. Nothing is on disk, so every erasure holds.
class MemoryBackend final : public Backend {
public:
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
    bool sealed() override;
    void mark_sealed() override;

private:
    template <class T>
    using Table = std::map<std::string, T, std::less<>>;
    Table<CaseRow> cases_, case_overlay_;
    Table<StoredDocument> partners_, partner_overlay_;
    std::vector<AuditRecord> audit_, audit_overlay_;
    bool sealed_ = false;
};

class MemoryRepository final : public LibraryStore {
public:
    explicit MemoryRepository(StoreOptions options = {});
};

}  // namespace jmdcm
