// The SQLite backend: one file (WAL mode) holding the cases as JSON documents with their
// summary columns for queries, the partners, and an append-only audit log. Erasure holds
// on disk: secure_delete, and a truncating checkpoint after every erasing write (R3, R13).
#pragma once

#include "jmdcm/backend.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace jmdcm {

struct SqliteOptions {
    std::string path;                               // a file; ":memory:" for a private database
    bool read_only = false;
    int busy_timeout_ms = 5000;                     // several processes may share one file
    bool synchronous_full = true;                   // fsync every commit: no committed case is lost on power failure
    std::optional<std::int64_t> max_page_count;     // caps the file size (tests use it to simulate a full disk)
    // PRAGMA quick_check when opening: SQLite does not notice every damaged page on a
    // lookup (a scrambled index can answer "no such case"), so a damaged file is refused
    // up front. Linear in the file size; a host with a very large file may switch it off
    // and call integrity_ok() on its own schedule.
    bool check_on_open = true;
};

/// Schema version this library writes; older files are migrated forward, newer refused.
inline constexpr int sqlite_schema_version = 9;

/// One connection; the store serialises the calls. Several processes share the file
/// through SQLite's locking and the busy timeout; every transaction is BEGIN IMMEDIATE.
class SqliteBackend final : public Backend {
public:
    explicit SqliteBackend(SqliteOptions options, std::function<std::string()> clock = {});
    ~SqliteBackend() override;
    SqliteBackend(const SqliteBackend&) = delete;
    SqliteBackend& operator=(const SqliteBackend&) = delete;

    BackendCapabilities capabilities() const override;
    /// A read transaction writes only audit rows: it commits without an fsync
    /// (synchronous=NORMAL: durable against a process crash; the next data commit's fsync
    /// covers its WAL frames), so auditing a read does not cost a disk flush.
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
    void finish_erasures() override;
    void defer_erasures(bool on) override;
    bool sealed() override;
    void mark_sealed() override;

    int schema_version();
    /// PRAGMA integrity_check reports "ok".
    bool integrity_ok();
    /// PRAGMA synchronous of the connection now (2: FULL, every data commit is synced).
    int synchronous();
    /// Truncating WAL checkpoint, finishing an erasure still owed; true when the WAL is
    /// clean (empty), false when readers kept it from completing (the erasure stays owed
    /// and is retried after the next commit and on the next open).
    bool checkpoint();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace jmdcm
