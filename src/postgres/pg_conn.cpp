#include "pg_conn.hpp"

#include <cstdlib>
#include <cstring>

namespace jmdcm::pg {

namespace {

errc code_of(const char* sqlstate) {
    const std::string s = sqlstate ? sqlstate : "";
    if (s == "23505") return errc::already_exists;                 // unique_violation
    if (s == "40001" || s == "40P01") return errc::conflict;       // serialization failure, deadlock: someone else won
    if (s == "53100" || s == "53200") return errc::storage_full;   // disk full, out of memory
    if (s == "25006" || s == "42501") return errc::storage_readonly;  // read-only transaction, insufficient privilege
    if (s == "55P03" || s == "57014") return errc::storage_busy;   // lock not available, statement timeout
    if (s == "JM001") return errc::store_sealed;                   // the sealing trigger (postgres_schema.hpp)
    if (s.rfind("XX", 0) == 0) return errc::storage_corrupt;        // data corrupted, index corrupted
    return errc::storage;
}

}  // namespace

long long Result::affected() const {
    const char* n = PQcmdTuples(r_.get());
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

void raise(PGconn* c, const PGresult* r, const std::string& what) {
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = r ? PQresultErrorMessage(r) : (c ? PQerrorMessage(c) : "no connection");
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    const errc code = c && PQstatus(c) == CONNECTION_BAD ? errc::storage : code_of(state);
    fail(code, "", "", "PostgreSQL, " + what + ": " + message + (state ? std::string(" (SQLSTATE ") + state + ")" : ""));
}

std::string quoted_schema(const std::string& schema, const std::string& field) {
    bool plain = !schema.empty() && schema.size() < 64 && !(schema[0] >= '0' && schema[0] <= '9');
    for (char ch : schema) plain = plain && ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_');
    if (!plain) fail(errc::invalid_argument, "", field, "the schema '" + schema + "' is not a plain lower-case identifier");
    return "\"" + schema + "\"";
}

Connection::Connection(const std::string& conninfo) : c_(PQconnectdb(conninfo.c_str())) {
    if (!c_ || PQstatus(c_) != CONNECTION_OK) {
        const std::string message = c_ ? PQerrorMessage(c_) : "out of memory";
        if (c_) PQfinish(c_);
        c_ = nullptr;
        fail(errc::storage, "", "conninfo", "PostgreSQL: cannot connect: " + message);
    }
    // notices (e.g. "relation already exists, skipping") are not errors of ours
    PQsetNoticeProcessor(c_, [](void*, const char*) {}, nullptr);
}

Connection::~Connection() {
    if (c_) PQfinish(c_);
}

namespace {

Result checked(PGconn* c, PGresult* raw, const std::string& sql) {
    Result r(raw);
    if (!raw) raise(c, nullptr, sql.substr(0, 60));
    const auto status = PQresultStatus(raw);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) raise(c, raw, sql.substr(0, sql.find_first_of("(\n")));
    return r;
}

}  // namespace

Result Connection::exec(const std::string& sql) { return checked(c_, PQexec(c_, sql.c_str()), sql); }

Result Connection::exec(const std::string& sql, const Params& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    return checked(c_, PQexecParams(c_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0), sql);
}

}  // namespace jmdcm::pg
