#include "sqlite_db.hpp"

namespace jmdcm::sqlite {

void raise(sqlite3* db, int rc, const std::string& what) {
    errc code = errc::storage;
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: code = errc::storage_busy; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: code = errc::storage_corrupt; break;
    case SQLITE_FULL: code = errc::storage_full; break;
    case SQLITE_CONSTRAINT:
        if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) code = errc::already_exists;
        // the sealing triggers (sqlite_schema.hpp, step 5)
        if (rc == SQLITE_CONSTRAINT_TRIGGER && db && std::string_view(sqlite3_errmsg(db)).starts_with("the store is sealed:")) code = errc::store_sealed;
        break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: code = errc::storage_readonly; break;
    default: break;
    }
    std::string msg = what + ": " + sqlite3_errstr(rc);
    if (db) {
        const char* detail = sqlite3_errmsg(db);
        if (detail && msg.find(detail) == std::string::npos) msg += std::string(" (") + detail + ")";
    }
    fail(code, "", "", msg);
}

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st_, nullptr);
    if (rc != SQLITE_OK) raise(db, rc, "preparing a statement");
}

Stmt::~Stmt() { sqlite3_finalize(st_); }

Stmt& Stmt::bind(int i, std::string_view v) {
    const int rc = sqlite3_bind_text64(st_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) raise(db_, rc, "binding a value");
    return *this;
}

Stmt& Stmt::bind(int i, std::int64_t v) {
    const int rc = sqlite3_bind_int64(st_, i, v);
    if (rc != SQLITE_OK) raise(db_, rc, "binding a value");
    return *this;
}

Stmt& Stmt::bind_null(int i) {
    const int rc = sqlite3_bind_null(st_, i);
    if (rc != SQLITE_OK) raise(db_, rc, "binding a value");
    return *this;
}

bool Stmt::step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    raise(db_, rc, "running a statement");
}

void Stmt::run() {
    while (step()) {
    }
}

void Stmt::reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
}

std::string Stmt::text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col))) : std::string();
}

std::int64_t Stmt::integer(int col) const { return sqlite3_column_int64(st_, col); }

bool Stmt::is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }

void exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK) raise(db, rc, "running SQL");
}

}  // namespace jmdcm::sqlite
