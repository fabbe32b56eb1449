// The PostgreSQL backend: one server for many offices and front ends (libpq). Cases as
// jsonb with indexed summary columns, an append-only audit table, optimistic versions,
// transactions in REPEATABLE READ (a write that lost a race is a conflict, never a lost
// update). Erasure is stated honestly: an anonymising update leaves no live copy, and a
// VACUUM of the table after it removes the dead one, but WAL archives, base backups and
// replicas keep old bytes until they are recycled; the capabilities say so.
#pragma once

#include "jmdcm/backend.hpp"
#include "jmdcm/library_store.hpp"

#include <functional>
#include <memory>
#include <string>

namespace jmdcm {

struct PostgresOptions {
    std::string conninfo;               // a libpq connection string or URI; TLS settings (sslmode, sslrootcert ...) pass through
    bool vacuum_after_erasure = true;   // VACUUM the case table after an operation that erased (a sweep: once, at its end)
    std::size_t pool_size = 1;          // connections a store opens at most, for calls from that many threads at once
    // A sealed store's key store, when it is a schema of the same database (pg_key_store.hpp):
    // each case is read with its wrapped key in one query, sparing a round trip per load.
    std::string key_schema{};
};

/// Schema version this library writes; older databases are migrated forward, newer refused.
inline constexpr int postgres_schema_version = 3;

class PostgresBackend final : public Backend {
public:
    explicit PostgresBackend(PostgresOptions options);
    ~PostgresBackend() override;
    PostgresBackend(const PostgresBackend&) = delete;
    PostgresBackend& operator=(const PostgresBackend&) = delete;

    BackendCapabilities capabilities() const override;
    /// A read transaction writes only audit rows: it commits without waiting for the WAL
    /// flush (synchronous_commit off: a server crash may lose the last audit rows of reads,
    /// never a case); data transactions wait for it.
    void begin(TxKind kind) override;
    void commit() override;
    void rollback() noexcept override;
    std::optional<CaseRow> get_case(std::string_view id) override;
    std::vector<CaseRow> get_cases(const std::vector<std::string>& ids) override;
    void put_case(const CaseRow& row, std::int64_t expected_version, bool erases) override;
    /// Multi-row INSERTs of 500 rows after one check that names a stored id.
    void put_cases(const std::vector<CaseRow>& rows) override;
    std::vector<CaseRow> find_cases(const BackendQuery& q) override;
    std::vector<StoredDocument> partners() override;
    void put_partner(const StoredDocument& p, std::int64_t expected_version) override;
    void append_audit(const AuditRecord& r) override;
    void append_audits(const std::vector<AuditRecord>& records) override;
    std::vector<AuditRecord> audit_records(const AuditQuery& q) override;
    /// VACUUM once an operation that erased has ended (vacuum_after_erasure).
    void finish_erasures() override;
    /// An erasing write committed, and the last VACUUM left dead row versions (an older
    /// transaction in the database held them) or none ran since.
    bool erasure_pending() override;
    bool sealed() override;
    void mark_sealed() override;

    /// One more connection to the same database for a store's pool; the two share what
    /// they know of pending erasures.
    std::unique_ptr<PostgresBackend> another() const;

    int schema_version();
    /// VACUUM of the case table: removes the dead row versions an anonymisation left, as far
    /// as no older transaction needs them (erasure_pending says whether some remain).
    void vacuum();

private:
    struct Impl;
    explicit PostgresBackend(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// The library's store over PostgreSQL: a pool of up to `db.pool_size` connections, opened
/// as calls from several threads need them.
class PostgresRepository final : public LibraryStore {
public:
    explicit PostgresRepository(PostgresOptions db, StoreOptions options = {});
    int schema_version();
    void vacuum();

private:
    PostgresRepository(std::unique_ptr<PostgresBackend>&& first, std::size_t pool_size, StoreOptions options);
    PostgresRepository(const PostgresBackend* first, std::unique_ptr<PostgresBackend>&& owned, std::size_t pool_size,
                       StoreOptions options);

    template <class F>
    auto with_server(F&& f) {
        return with_backend([&](Backend& b) { return f(static_cast<PostgresBackend&>(b)); });
    }
};

}  // namespace jmdcm
