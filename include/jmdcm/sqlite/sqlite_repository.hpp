// The embedded default store: one SQLite file (WAL mode) holding the cases as JSON
// documents with summary columns for queries, and an append-only audit log. Erasure
// holds on disk (secure_delete and a truncating checkpoint after every anonymisation or
// withdrawal, R3/R13). The core knows nothing of this: it only sees a Repository.
#pragma once

#include "jmdcm/repository.hpp"

#include <cstdint>
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
inline constexpr int sqlite_schema_version = 4;

class SqliteRepository final : public Repository {
public:
    explicit SqliteRepository(SqliteOptions db, StoreOptions options = {});
    ~SqliteRepository() override;
    SqliteRepository(const SqliteRepository&) = delete;
    SqliteRepository& operator=(const SqliteRepository&) = delete;

    void create(const Actor& actor, Case& c) override;
    Case load(const Actor& actor, std::string_view id) override;
    void save(const Actor& actor, Case& c) override;
    std::vector<CaseSummary> query(const Actor& actor, const CaseQuery& q) override;
    void transact(const Actor& actor, const std::function<void(CaseStore&)>& body) override;
    void save_partner(const Actor& actor, Partner& p) override;
    std::vector<Partner> partners(const Actor& actor) override;

    /// The audit log, oldest first (audit_trail without filters).
    std::vector<AuditRecord> audit_log(const Actor& actor, std::size_t limit = 0);
    int schema_version();
    /// PRAGMA integrity_check reports "ok".
    bool integrity_ok();
    /// PRAGMA synchronous of the connection now (2: FULL, every data commit is synced).
    int synchronous();
    /// Truncating WAL checkpoint, finishing an erasure still owed; true when the WAL is
    /// clean (empty), false when readers kept it from completing (the erasure stays owed
    /// and is retried after the next commit and on the next open).
    bool checkpoint();
    /// An anonymisation committed whose old pages are still in the WAL (a reader held it).
    bool erasure_pending() override;

protected:
    std::vector<std::string> sweep_candidates(Date today, const Policy& policy) override;
    void update_unchecked(const Actor& actor, const std::vector<std::string>& ids, Operation op,
                          const std::function<bool(Case&)>& f) override;
    Case load_unchecked(std::string_view id) override;
    Case write_unchecked(const std::string& id, const std::function<std::vector<Case>(Case*)>& f) override;
    const Policy& policy() const override;
    std::vector<AuditRecord> audit_records(const AuditQuery& q) override;
    std::vector<Case> cases_of_worker(const std::string& actor_id) override;
    void audit(const Actor& actor, std::string case_id, Operation op, bool allowed, std::string detail) override;
    Date today() const override;

private:
    struct Impl;
    class Stage;
    std::unique_ptr<Impl> impl_;
};

}  // namespace jmdcm
