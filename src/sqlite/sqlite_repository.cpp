// The embedded default store: the library's store over the SQLite backend.
#include "jmdcm/sqlite/sqlite_repository.hpp"

namespace jmdcm {

SqliteRepository::SqliteRepository(SqliteOptions db, StoreOptions options)
    : LibraryStore(std::make_unique<SqliteBackend>(std::move(db), options.clock), options) {}

std::vector<AuditRecord> SqliteRepository::audit_log(const Actor& actor, std::size_t limit) {
    AuditQuery q;
    q.limit = limit;
    return audit_trail(actor, q);
}

int SqliteRepository::schema_version() {
    return with_file([](SqliteBackend& b) { return b.schema_version(); });
}

bool SqliteRepository::integrity_ok() {
    return with_file([](SqliteBackend& b) { return b.integrity_ok(); });
}

int SqliteRepository::synchronous() {
    return with_file([](SqliteBackend& b) { return b.synchronous(); });
}

bool SqliteRepository::checkpoint() {
    return with_file([](SqliteBackend& b) { return b.checkpoint(); });
}

}  // namespace jmdcm
