// Thin RAII over the SQLite C API, private to the SQLite store. Every failure becomes a
// jmdcm::error with a storage code and SQLite's own message.
#pragma once

#include "jmdcm/error.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jmdcm::sqlite {

[[noreturn]] void raise(sqlite3* db, int rc, const std::string& what);

class Stmt {
public:
    Stmt(sqlite3* db, std::string_view sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int i, std::string_view v);
    Stmt& bind(int i, std::int64_t v);
    Stmt& bind_null(int i);
    /// true while a row is available.
    bool step();
    /// Runs to completion.
    void run();
    /// Ready for reuse with new bindings (prepared statements are cached by the store).
    void reset();
    std::string text(int col) const;
    std::int64_t integer(int col) const;
    bool is_null(int col) const;

private:
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
};

/// Runs SQL that returns no rows (may hold several statements).
void exec(sqlite3* db, const char* sql);

}  // namespace jmdcm::sqlite
