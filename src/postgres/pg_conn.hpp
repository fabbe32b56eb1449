// Thin RAII over libpq, private to the PostgreSQL backend. Every failure becomes a
// jmdcm::error whose code follows the SQLSTATE (a unique violation is already_exists, a
// serialization failure a conflict, a full disk storage_full) with the server's message.
#pragma once

#include "jmdcm/error.hpp"

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace jmdcm::pg {

/// A query's result; rows and text cells by index.
class Result {
public:
    explicit Result(PGresult* r) : r_(r, &PQclear) {}
    int rows() const { return PQntuples(r_.get()); }
    std::string text(int row, int col) const { return PQgetvalue(r_.get(), row, col); }
    bool is_null(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
    long long affected() const;
    const PGresult* get() const { return r_.get(); }

private:
    std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

/// Parameters as text (libpq's text format); nullopt is SQL NULL.
using Params = std::vector<std::optional<std::string>>;

class Connection {
public:
    explicit Connection(const std::string& conninfo);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs SQL without parameters (may hold several statements).
    Result exec(const std::string& sql);
    Result exec(const std::string& sql, const Params& params);
    PGconn* raw() { return c_; }

private:
    PGconn* c_ = nullptr;
};

/// `schema` as a quoted identifier; invalid_argument naming `field` unless it is a plain
/// lower-case name (so that it can sit in SQL text).
std::string quoted_schema(const std::string& schema, const std::string& field);

/// The jmdcm error for a failed result (or a broken connection).
[[noreturn]] void raise(PGconn* c, const PGresult* r, const std::string& what);

}  // namespace jmdcm::pg
