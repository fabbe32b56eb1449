// The PostgreSQL backend over libpq: summaries in columns, documents in jsonb, the audit
// append-only. Every statement has its parameters as text; dates are ISO (DateStyle ISO).
#include "jmdcm/postgres/postgres_backend.hpp"

#include "jmdcm/json.hpp"
#include "pg_conn.hpp"
#include "postgres_schema.hpp"
#include "../store/sealed_document.hpp"
#include "../store/stored_values.hpp"

#include <atomic>

namespace jmdcm {

using stored::date_of;
using stored::enum_of;
using stored::name;

using pg::Params;

namespace {

std::string flag(bool b) { return b ? "true" : "false"; }

constexpr const char* summary_columns =
    "id, version, office, case_worker, kind, phase, running, anonymised, opened::text, last_activity::text, last_contact::text, "
    "array_to_json(substitutes)::text, open_reminders";

}  // namespace

struct PostgresBackend::Impl {
    PostgresOptions opts;
    std::unique_ptr<pg::Connection> conn;
    bool erased = false;     // an erasing write in the open transaction
    std::string audit_sql;   // the open transaction's audit rows, sent with its COMMIT

    /// `v` as an SQL literal, quoted by libpq for this connection.
    std::string literal(const std::string& v) {
        char* q = PQescapeLiteral(conn->raw(), v.data(), v.size());
        if (!q) pg::raise(conn->raw(), nullptr, "quoting an audit value");
        std::string out(q);
        PQfreemem(q);
        return out;
    }
    // committed erasures the table has not been vacuumed of: the table's, so shared by a pool
    std::shared_ptr<std::atomic<bool>> pending = std::make_shared<std::atomic<bool>>(false);

    /// With a key schema: the join and columns that read each case's wrapped key with it.
    std::string key_join, key_columns;
    /// ", doc ... FROM cases ...": the document column (and the key's) after the summary's.
    std::string documents_from() const { return ", doc::text" + key_columns + " FROM cases" + key_join; }
    /// The document (column 13) and, with a key schema, the case's key (14, 15).
    void read_document(const pg::Result& r, int row, CaseRow& out) const {
        out.document = r.text(row, 13);
        if (!key_join.empty()) out.key = KnownKey{!r.is_null(row, 14), r.text(row, 14), r.text(row, 15)};
    }

    void connect() {
        if (!opts.key_schema.empty()) {
            key_join = " LEFT JOIN " + pg::quoted_schema(opts.key_schema, "options.key_store") + ".case_keys k ON k.case_id = cases.id";
            key_columns = ", k.kek_id, k.wrapped";
        }
        conn = std::make_unique<pg::Connection>(opts.conninfo);
        conn->exec("SET datestyle = ISO; SET client_encoding = 'UTF8'");
    }

    /// The schema, migrated forward under a lock so that several processes may open at once.
    void migrate() {
        const auto& steps = postgres::migrations();
        const int want = static_cast<int>(steps.size());
        // Up to date: nothing to create or change, so a role with only the day-to-day
        // privileges (README, "PostgreSQL for operators") can open the store.
        if (conn->exec("SELECT to_regclass('jmdcm_schema') IS NOT NULL").text(0, 0) == "t") {
            auto r = conn->exec("SELECT version FROM jmdcm_schema");
            if (r.rows() == 1 && std::stoi(r.text(0, 0)) == want) return;
        }
        conn->exec("BEGIN");
        try {
            conn->exec("SELECT pg_advisory_xact_lock(hashtext('jmdcm_schema'))");
            conn->exec("CREATE TABLE IF NOT EXISTS jmdcm_schema (version integer NOT NULL)");
            auto r = conn->exec("SELECT version FROM jmdcm_schema");
            int have = 0;
            if (r.rows() == 0) conn->exec("INSERT INTO jmdcm_schema VALUES (0)");
            else have = std::stoi(r.text(0, 0));
            if (have > want)
                fail(errc::storage_schema, "", "", "the database has jmdcm schema version " + std::to_string(have) + "; this library reads up to " +
                                                       std::to_string(want) + ": use a newer jmdcm");
            for (int v = have; v < want; ++v) conn->exec(steps[static_cast<std::size_t>(v)]);
            conn->exec("UPDATE jmdcm_schema SET version = $1", {std::to_string(want)});
            conn->exec("COMMIT");
        } catch (...) {
            PQclear(PQexec(conn->raw(), "ROLLBACK"));
            throw;
        }
    }

    CaseRow summary_row(const pg::Result& r, int row) {
        CaseRow out;
        CaseSummary& s = out.summary;
        s.id = r.text(row, 0);
        s.version = std::stoll(r.text(row, 1));
        s.office = r.text(row, 2);
        s.case_worker = r.text(row, 3);
        s.kind = enum_of<CaseKind>(r.text(row, 4));
        s.phase = enum_of<Phase>(r.text(row, 5));
        s.running = r.text(row, 6) == "t";
        s.anonymised = r.text(row, 7) == "t";
        s.opened = date_of(r.text(row, 8));
        s.last_activity = date_of(r.text(row, 9));
        s.last_contact = date_of(r.text(row, 10));
        out.substitutes = json::from_string<std::vector<std::string>>(r.text(row, 11));
        s.open_reminders = r.text(row, 12) == "t";
        return out;
    }

    static Params columns(const CaseRow& row) {
        const CaseSummary& s = row.summary;
        return {s.id, std::to_string(s.version), s.office, s.case_worker, name(s.kind), name(s.phase), flag(s.running),
                flag(s.anonymised), to_iso(s.opened), to_iso(s.last_activity), to_iso(s.last_contact), json::to_string(row.substitutes),
                row.document, flag(s.open_reminders)};
    }
};

PostgresBackend::PostgresBackend(PostgresOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->opts = std::move(options);
    impl_->connect();
    impl_->migrate();
}

PostgresBackend::PostgresBackend(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) { impl_->connect(); }

std::unique_ptr<PostgresBackend> PostgresBackend::another() const {
    auto i = std::make_unique<Impl>();
    i->opts = impl_->opts;
    i->pending = impl_->pending;   // the schema is migrated already: the first connection did it
    return std::unique_ptr<PostgresBackend>(new PostgresBackend(std::move(i)));
}

PostgresBackend::~PostgresBackend() = default;

BackendCapabilities PostgresBackend::capabilities() const {
    return {"postgresql", false,
            "the server's WAL and its archive, base backups and replicas (until recycled or replayed); space a VACUUM freed "
            "inside the table's pages, which PostgreSQL does not promise to zero (until reused)" +
                std::string(impl_->opts.vacuum_after_erasure ? "" : "; dead row versions until the host runs VACUUM"),
            true, true, false};
}

void PostgresBackend::begin(TxKind kind) {
    Impl& i = *impl_;
    i.audit_sql.clear();
    const char* sql = kind != TxKind::write ? "BEGIN ISOLATION LEVEL REPEATABLE READ; SET LOCAL synchronous_commit = off"
                                           : "BEGIN ISOLATION LEVEL REPEATABLE READ";
    try {
        i.conn->exec(sql);
    } catch (const error&) {
        // The server restarted (or the network dropped) since the last call; libpq may not
        // know yet (its status stays OK after "server closed the connection unexpectedly").
        // Nothing of a transaction is lost at BEGIN, so one new connection is tried; a genuine
        // error comes back from the second BEGIN.
        PQreset(i.conn->raw());
        if (PQstatus(i.conn->raw()) != CONNECTION_OK) pg::raise(i.conn->raw(), nullptr, "reconnecting");
        i.conn->exec("SET datestyle = ISO; SET client_encoding = 'UTF8'");
        i.conn->exec(sql);
    }
}

void PostgresBackend::commit() {
    Impl& i = *impl_;
    std::string sql = std::move(i.audit_sql);   // the transaction's audit rows and the COMMIT: one round trip
    i.audit_sql.clear();
    i.conn->exec(sql + "COMMIT");
    if (i.erased) {
        i.erased = false;
        *i.pending = true;   // VACUUMed once the operation ends (finish_erasures), not after each of a sweep's batches
    }
}

void PostgresBackend::finish_erasures() {
    if (!impl_->opts.vacuum_after_erasure || !*impl_->pending) return;
    try {
        vacuum();
    } catch (const error&) {
        // the erasure stays pending (erasure_pending) and the host's schedule vacuums
    }
}

void PostgresBackend::rollback() noexcept {
    Impl& i = *impl_;
    i.erased = false;
    i.audit_sql.clear();
    if (i.conn && i.conn->raw()) PQclear(PQexec(i.conn->raw(), "ROLLBACK"));
}

std::optional<CaseRow> PostgresBackend::get_case(std::string_view id) {
    // the whole summary: a case whose key was destroyed is read as what it holds (sealer.hpp)
    Impl& i = *impl_;
    auto r = i.conn->exec(std::string("SELECT ") + summary_columns + i.documents_from() + " WHERE id = $1", {std::string(id)});
    if (r.rows() == 0) return std::nullopt;
    CaseRow row = i.summary_row(r, 0);
    i.read_document(r, 0, row);
    return row;
}

std::vector<CaseRow> PostgresBackend::get_cases(const std::vector<std::string>& ids) {
    Impl& i = *impl_;
    auto r = i.conn->exec(std::string("SELECT ") + summary_columns + i.documents_from() + " WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))",
                          {json::to_string(ids)});
    std::vector<CaseRow> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int k = 0; k < r.rows(); ++k) {
        out.push_back(i.summary_row(r, k));
        i.read_document(r, k, out.back());
    }
    return out;
}

void PostgresBackend::put_case(const CaseRow& row, std::int64_t expected_version, bool erases) try {
    Impl& i = *impl_;
    Params p = Impl::columns(row);
    if (expected_version == 0) {
        i.conn->exec("INSERT INTO cases (id, version, office, case_worker, kind, phase, running, anonymised, opened, last_activity, "
                     "last_contact, substitutes, doc, open_reminders) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                     "ARRAY(SELECT jsonb_array_elements_text($12::jsonb)), $13::jsonb, $14)",
                     p);
        return;
    }
    p.push_back(std::to_string(expected_version));
    auto r = i.conn->exec("UPDATE cases SET version = $2, office = $3, case_worker = $4, kind = $5, phase = $6, running = $7, "
                          "anonymised = $8, opened = $9, last_activity = $10, last_contact = $11, "
                          "substitutes = ARRAY(SELECT jsonb_array_elements_text($12::jsonb)), doc = $13::jsonb, open_reminders = $14 "
                          "WHERE id = $1 AND version = $15",
                          p);
    if (r.affected() != 1) fail(errc::conflict, "", "case.version", "case '" + row.summary.id + "' was changed meanwhile");
    if (erases) i.erased = true;
} catch (const error& e) {
    if (e.code() == errc::store_sealed) sealed::refuse_clear(row.summary.id);   // the trigger's refusal, naming the case
    throw;
}

bool PostgresBackend::sealed() { return impl_->conn->exec("SELECT EXISTS (SELECT 1 FROM sealing)").text(0, 0) == "t"; }

void PostgresBackend::mark_sealed() { impl_->conn->exec("INSERT INTO sealing (id) VALUES (1) ON CONFLICT DO NOTHING"); }

namespace {

/// "($1, $2 ...), ($14, ...)": `rows` groups of `per_row` parameters, each written by `row`.
template <class F>
std::string value_groups(std::size_t rows, std::size_t per_row, F&& row) {
    std::string out;
    for (std::size_t k = 0; k < rows; ++k) {
        out += k ? ", (" : "(";
        out += row([&](std::size_t col) { return "$" + std::to_string(k * per_row + col + 1); });
        out += ")";
    }
    return out;
}

constexpr std::size_t rows_per_statement = 500;   // 500 x 13 parameters, well under libpq's 65535

}  // namespace

void PostgresBackend::put_cases(const std::vector<CaseRow>& rows) {
    Impl& i = *impl_;
    if (rows.empty()) return;
    std::vector<std::string> ids;
    ids.reserve(rows.size());
    for (const auto& r : rows) ids.push_back(r.summary.id);
    // one round trip names a stored id clearly; a writer racing us meanwhile gets the unique violation
    auto stored = i.conn->exec("SELECT id FROM cases WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY id COLLATE \"C\" LIMIT 1",
                               {json::to_string(ids)});
    if (stored.rows() > 0) fail(errc::already_exists, "", "case.id", "case '" + stored.text(0, 0) + "' exists already");
    for (std::size_t from = 0; from < rows.size(); from += rows_per_statement) {
        const std::size_t n = std::min(rows_per_statement, rows.size() - from);
        Params p;
        p.reserve(n * 14);
        for (std::size_t k = from; k < from + n; ++k)
            for (auto& v : Impl::columns(rows[k])) p.push_back(std::move(v));
        i.conn->exec("INSERT INTO cases (id, version, office, case_worker, kind, phase, running, anonymised, opened, last_activity, "
                     "last_contact, substitutes, doc, open_reminders) VALUES " +
                         value_groups(n, 14, [](auto arg) {
                             std::string g;
                             for (std::size_t c = 0; c < 11; ++c) g += arg(c) + ", ";
                             return g + "ARRAY(SELECT jsonb_array_elements_text(" + arg(11) + "::jsonb)), " + arg(12) + "::jsonb, " + arg(13);
                         }),
                     p);
    }
}

std::vector<CaseRow> PostgresBackend::find_cases(const BackendQuery& q) {
    Impl& i = *impl_;
    std::string sql = std::string("SELECT ") + summary_columns + (q.documents ? i.documents_from() : std::string(" FROM cases")) + " WHERE true";
    Params args;
    auto arg = [&](std::string v) {
        args.emplace_back(std::move(v));
        return "$" + std::to_string(args.size());
    };
    const CaseQuery& f = q.filter;
    if (q.visible_to) {
        const auto id = arg(*q.visible_to);
        sql += " AND (case_worker = " + id + " OR " + id + " = ANY (substitutes))";
    }
    if (q.due)
        sql += " AND NOT anonymised AND (NOT running OR last_activity < " + arg(to_iso(q.due->activity_before)) +
               "::date OR last_contact < " + arg(to_iso(q.due->contact_before)) + "::date)";
    if (f.case_worker) sql += " AND case_worker = " + arg(*f.case_worker);
    if (f.phase) sql += " AND phase = " + arg(name(*f.phase));
    if (f.kind) sql += " AND kind = " + arg(name(*f.kind));
    if (f.running) sql += *f.running ? " AND running" : " AND NOT running";
    if (f.anonymised) sql += *f.anonymised ? " AND anonymised" : " AND NOT anonymised";
    if (f.last_contact_before) sql += " AND last_contact < " + arg(to_iso(*f.last_contact_before)) + "::date";
    if (f.last_activity_before) sql += " AND last_activity < " + arg(to_iso(*f.last_activity_before)) + "::date";
    if (f.open_reminders) sql += *f.open_reminders ? " AND open_reminders" : " AND NOT open_reminders";
    sql += " ORDER BY id COLLATE \"C\"";   // byte order, as the library and SQLite order ids
    if (f.limit) sql += " LIMIT " + std::to_string(f.limit);  // at most INT64_MAX: validate(CaseQuery) checked it
    auto r = impl_->conn->exec(sql, args);
    std::vector<CaseRow> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int k = 0; k < r.rows(); ++k) {
        out.push_back(i.summary_row(r, k));
        if (q.documents) i.read_document(r, k, out.back());
    }
    return out;
}

std::vector<StoredDocument> PostgresBackend::partners() {
    auto r = impl_->conn->exec("SELECT id, version, doc::text FROM partners ORDER BY id COLLATE \"C\"");
    std::vector<StoredDocument> out;
    for (int k = 0; k < r.rows(); ++k) out.push_back({r.text(k, 0), std::stoll(r.text(k, 1)), r.text(k, 2)});
    return out;
}

void PostgresBackend::put_partner(const StoredDocument& p, std::int64_t expected_version) {
    Impl& i = *impl_;
    if (expected_version == 0) {
        i.conn->exec("INSERT INTO partners (id, version, doc) VALUES ($1, $2, $3::jsonb)", {p.id, std::to_string(p.version), p.document});
        return;
    }
    auto r = i.conn->exec("UPDATE partners SET version = $2, doc = $3::jsonb WHERE id = $1 AND version = $4",
                          {p.id, std::to_string(p.version), p.document, std::to_string(expected_version)});
    if (r.affected() != 1) fail(errc::conflict, "", "partner.version", "partner '" + p.id + "' was changed meanwhile");
}

void PostgresBackend::append_audit(const AuditRecord& r) { append_audits({r}); }

void PostgresBackend::append_audits(const std::vector<AuditRecord>& records) {
    // Sent with the COMMIT, in one round trip (commit()): nothing in a transaction reads the
    // audit it appends. The values are quoted by libpq for this connection's encoding.
    Impl& i = *impl_;
    for (std::size_t from = 0; from < records.size(); from += rows_per_statement) {
        i.audit_sql += "INSERT INTO audit (at, actor, role, case_id, operation, allowed, detail) VALUES ";
        for (std::size_t k = from; k < std::min(records.size(), from + rows_per_statement); ++k) {
            const AuditRecord& r = records[k];
            i.audit_sql += k == from ? "(" : ", (";
            bool first = true;
            for (const std::string& v : {r.at, r.actor, name(r.role), r.case_id, name(r.operation), flag(r.allowed), r.detail}) {
                if (!first) i.audit_sql += ", ";
                first = false;
                i.audit_sql += i.literal(v);
            }
            i.audit_sql += ")";
        }
        i.audit_sql += "; ";
    }
}

std::vector<AuditRecord> PostgresBackend::audit_records(const AuditQuery& q) {
    std::string sql = "SELECT at, actor, role, case_id, operation, allowed, detail FROM audit WHERE true";
    Params args;
    auto arg = [&](std::string v) {
        args.emplace_back(std::move(v));
        return "$" + std::to_string(args.size());
    };
    if (q.case_id) sql += " AND case_id = " + arg(*q.case_id);
    if (q.actor) sql += " AND actor = " + arg(*q.actor);
    if (q.operation) sql += " AND operation = " + arg(name(*q.operation));
    if (q.from) sql += " AND substr(at, 1, 10) >= " + arg(to_iso(*q.from));
    if (q.to) sql += " AND substr(at, 1, 10) <= " + arg(to_iso(*q.to));
    sql += " ORDER BY seq";
    if (q.limit) sql += " LIMIT " + std::to_string(q.limit);
    auto r = impl_->conn->exec(sql, args);
    std::vector<AuditRecord> out;
    for (int k = 0; k < r.rows(); ++k)
        out.push_back({r.text(k, 0), r.text(k, 1), enum_of<Role>(r.text(k, 2)), r.text(k, 3), enum_of<Operation>(r.text(k, 4)),
                       r.text(k, 5) == "t", r.text(k, 6)});
    return out;
}

bool PostgresBackend::erasure_pending() { return *impl_->pending; }

int PostgresBackend::schema_version() { return std::stoi(impl_->conn->exec("SELECT version FROM jmdcm_schema").text(0, 0)); }

void PostgresBackend::vacuum() {
    impl_->conn->exec("VACUUM cases");  // outside any transaction: VACUUM cannot run in one
    // A transaction anywhere in the database that is older than the erasure keeps VACUUM from
    // removing the dead copy; the erasure stays pending until the count of dead rows the last
    // VACUUM had to leave (table and TOAST) is zero.
    const auto r = impl_->conn->exec(
        "SELECT coalesce(sum(n_dead_tup), 0) FROM pg_stat_all_tables WHERE relid IN "
        "(SELECT oid FROM pg_class WHERE oid = 'cases'::regclass UNION SELECT reltoastrelid FROM pg_class WHERE oid = 'cases'::regclass)");
    *impl_->pending = r.text(0, 0) != "0";
}

PostgresRepository::PostgresRepository(PostgresOptions db, StoreOptions options)
    : PostgresRepository(std::make_unique<PostgresBackend>(db), db.pool_size, std::move(options)) {}

PostgresRepository::PostgresRepository(std::unique_ptr<PostgresBackend>&& first, std::size_t pool_size, StoreOptions options)
    : PostgresRepository(first.get(), std::move(first), pool_size, std::move(options)) {}

// `first` lives in the pool as long as the store: the factory may ask it for more
PostgresRepository::PostgresRepository(const PostgresBackend* first, std::unique_ptr<PostgresBackend>&& owned, std::size_t pool_size,
                                       StoreOptions options)
    : LibraryStore(std::move(owned), std::move(options), [first] { return first->another(); }, pool_size) {}

int PostgresRepository::schema_version() {
    return with_server([](PostgresBackend& b) { return b.schema_version(); });
}

void PostgresRepository::vacuum() {
    with_server([](PostgresBackend& b) {
        b.vacuum();
        return 0;
    });
}

}  // namespace jmdcm
