// The embedded default store: the library's store over the SQLite backend, with the
// file's own checks. The core knows nothing of this: it only sees a Repository.
#pragma once

#include "jmdcm/library_store.hpp"
#include "jmdcm/sqlite/sqlite_backend.hpp"

namespace jmdcm {

class SqliteRepository final : public LibraryStore {
public:
    explicit SqliteRepository(SqliteOptions db, StoreOptions options = {});

    /// The audit log, oldest first (audit_trail without filters).
    std::vector<AuditRecord> audit_log(const Actor& actor, std::size_t limit = 0);
    int schema_version();
    /// PRAGMA integrity_check reports "ok".
    bool integrity_ok();
    /// PRAGMA synchronous of the connection now (2: FULL, every data commit is synced).
    int synchronous();
    /// See SqliteBackend::checkpoint.
    bool checkpoint();

private:
    template <class F>
    auto with_file(F&& f) {
        return with_backend([&](Backend& b) { return f(static_cast<SqliteBackend&>(b)); });
    }
};

}  // namespace jmdcm
