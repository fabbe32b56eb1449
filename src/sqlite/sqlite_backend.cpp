// The SQLite backend. Documents with summary columns for queries and the sweep; every
// transaction is BEGIN IMMEDIATE, so concurrent processes queue on the busy timeout
// instead of failing on a lock upgrade.
#include "jmdcm/sqlite/sqlite_backend.hpp"

#include "jmdcm/json.hpp"
#include "sqlite_db.hpp"
#include "sqlite_schema.hpp"
#include "../store/sealed_document.hpp"
#include "../store/stored_values.hpp"

#include <chrono>
#include <map>
#include <thread>
#include <unordered_map>

namespace jmdcm {

using stored::date_of;
using stored::enum_of;
using stored::name;

using sqlite::Stmt;

namespace {

std::string substitutes_of(const std::vector<std::string>& ids) {  // "|fk-2|fk-3|": instr() finds "|id|"
    std::string s;
    for (const auto& id : ids) s += "|" + id;
    return s.empty() ? s : s + "|";
}

std::vector<std::string> substitutes_from(const std::string& s) {
    std::vector<std::string> out;
    std::size_t at = 1;
    while (at < s.size()) {
        const auto end = s.find('|', at);
        if (end == std::string::npos) break;
        out.push_back(s.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

constexpr const char* summary_columns = "id, version, office, case_worker, kind, phase, running, anonymised, opened, last_activity, last_contact, substitutes, open_reminders";

}  // namespace

struct SqliteBackend::Impl {
    SqliteOptions db_opts;
    std::function<std::string()> clock;
    sqlite3* db = nullptr;
    bool relaxed = false;                      // synchronous=NORMAL for the open read transaction
    bool erased = false;                       // an erasing write in the open transaction: checkpoint after commit
    bool owed = false;                         // an erasure is recorded as owed (table erasure_owed)
    bool deferring = false;                    // defer_erasures: commits leave it owed for finish_erasures
    std::map<const char*, std::unique_ptr<Stmt>> statements;  // prepared once per connection, keyed by the SQL literal
    // The stored summary of each case read or written in the open transaction (which holds the
    // write lock): an update then sets only the columns that change, so SQLite leaves the
    // indexes of the others alone. Setting a column to its own value still rewrites its index
    // entries: a step or a sweep wrote two to three times the pages it needed.
    std::unordered_map<std::string, CaseRow> in_tx;
    bool writing = false;                      // the open transaction is TxKind::write: only then are rows remembered
    std::unordered_map<unsigned, std::unique_ptr<Stmt>> updates;   // by the mask of changed columns

    ~Impl() {
        updates.clear();
        statements.clear();  // finalize before closing
        if (db) sqlite3_close_v2(db);
    }

    /// A cached prepared statement for a SQL string literal, reset for new bindings.
    Stmt& cached(const char* sql) {
        auto& st = statements[sql];
        if (!st) st = std::make_unique<Stmt>(db, sql);
        else st->reset();
        return *st;
    }

    void open() {
        const int flags = db_opts.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        int rc = sqlite3_open_v2(db_opts.path.c_str(), &db, flags | SQLITE_OPEN_FULLMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_close_v2(db);
            db = nullptr;
            sqlite::raise(nullptr, rc, "opening '" + db_opts.path + "'");
        }
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, db_opts.busy_timeout_ms);
        // Touch the file before changing anything: "not a database" shows up here.
        Stmt(db, "SELECT count(*) FROM sqlite_schema").step();
        if (!db_opts.read_only) {
            Stmt(db, "PRAGMA journal_mode=WAL").step();
            sqlite::exec(db, db_opts.synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
        }
        sqlite::exec(db, "PRAGMA secure_delete=ON");   // freed space is zeroed: erased values leave the file (R3, R13)
        sqlite::exec(db, "PRAGMA cache_size=-32768");  // 32 MiB: the indexes stay in memory during bulk work
        // Statement journals and sorts stay in memory: in temporary files (/var/tmp/etilqs_*) they
        // copied pages holding personal data to a disk no erasure reaches, and cost a sweep
        // thousands of writes.
        sqlite::exec(db, "PRAGMA temp_store=MEMORY");
        if (db_opts.max_page_count)
            Stmt(db, "PRAGMA max_page_count=" + std::to_string(*db_opts.max_page_count)).step();
        if (db_opts.check_on_open) {
            Stmt st(db, "PRAGMA quick_check");
            if (!st.step() || st.text(0) != "ok")
                fail(errc::storage_corrupt, "", "", "'" + db_opts.path + "' is damaged: " + st.text(0));
        }
        migrate();
        if (!db_opts.read_only) {  // finish an erasure a crash or a reader left owed
            try {
                Stmt st(db, "SELECT count(*) FROM erasure_owed");
                st.step();
                owed = st.integer(0) > 0;
            } catch (const error&) {
                owed = true;  // a damaged file opened unchecked: cannot tell, so keep trying
            }
            if (owed) finish_erasure();
        }
    }

    int user_version() {
        Stmt st(db, "PRAGMA user_version");
        st.step();
        return static_cast<int>(st.integer(0));
    }

    void migrate() {
        const int have = user_version();
        const auto& steps = sqlite::migrations();
        const int want = static_cast<int>(steps.size());
        if (have > want)
            fail(errc::storage_schema, "", "", "'" + db_opts.path + "' has schema version " + std::to_string(have) +
                                                   "; this library reads up to " + std::to_string(want) + ": use a newer jmdcm");
        if (have == want) return;
        if (db_opts.read_only)
            fail(errc::storage_readonly, "", "", "'" + db_opts.path + "' needs a schema migration but is opened read-only");
        sqlite::exec(db, "BEGIN IMMEDIATE");
        try {
            for (int v = have; v < want; ++v) sqlite::exec(db, steps[static_cast<std::size_t>(v)]);
            sqlite::exec(db, ("PRAGMA user_version=" + std::to_string(want)).c_str());
            sqlite::exec(db, "COMMIT");
        } catch (...) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }

    bool checkpoint() {
        for (auto& [sql, st] : statements) st->reset();  // no statement may pin an old snapshot
        for (auto& [mask, st] : updates) st->reset();
        int log = 0, done = 0;
        sqlite3_busy_timeout(db, 0);  // a reader is not waited for here: finish_erasure retries briefly
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
        sqlite3_busy_timeout(db, db_opts.busy_timeout_ms);
        return rc == SQLITE_OK;
    }

    /// R3, R13: takes the anonymised data's old pages out of the WAL. A reader holding an old
    /// snapshot blocks the truncating checkpoint, so it is retried a few times; when it
    /// still cannot finish, the erasure stays owed (in the file) for the next commit or open.
    bool finish_erasure() {
        owed = true;
        for (int attempt = 0; attempt < 4; ++attempt) {
            if (attempt) std::this_thread::sleep_for(std::chrono::milliseconds(10 << attempt));
            if (!checkpoint()) continue;
            // the mark goes, and the frames of that deletion are checkpointed too
            if (sqlite3_exec(db, "DELETE FROM erasure_owed", nullptr, nullptr, nullptr) != SQLITE_OK || !checkpoint()) return false;
            owed = false;
            return true;
        }
        return false;
    }

    void restore_sync() noexcept {
        if (!relaxed) return;
        relaxed = false;
        try {
            cached("PRAGMA synchronous=FULL").run();
        } catch (...) {
            sqlite3_exec(db, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
        }
    }

    CaseRow summary_row(Stmt& st) {
        CaseRow r;
        CaseSummary& s = r.summary;
        s.id = st.text(0);
        s.version = st.integer(1);
        s.office = st.text(2);
        s.case_worker = st.text(3);
        s.kind = enum_of<CaseKind>(st.text(4));
        s.phase = enum_of<Phase>(st.text(5));
        s.running = st.integer(6) != 0;
        s.anonymised = st.integer(7) != 0;
        s.opened = date_of(st.text(8));
        s.last_activity = date_of(st.text(9));
        s.last_contact = date_of(st.text(10));
        r.substitutes = substitutes_from(st.text(11));
        s.open_reminders = st.integer(12) != 0;
        return r;
    }

    /// The summary columns an update must set (bits 3..12 and 15 as in bind_columns; version
    /// and doc always change): those that differ from the row as stored.
    static unsigned changed_columns(const CaseRow& was, const CaseRow& now) {
        const CaseSummary& a = was.summary;
        const CaseSummary& b = now.summary;
        unsigned m = 0;
        auto mark = [&](int column, bool differs) { m |= differs ? 1u << column : 0u; };
        mark(3, a.office != b.office);
        mark(4, a.case_worker != b.case_worker);
        mark(5, a.kind != b.kind);
        mark(6, a.phase != b.phase);
        mark(7, a.running != b.running);
        mark(8, a.anonymised != b.anonymised);
        mark(9, a.opened != b.opened);
        mark(10, a.last_activity != b.last_activity);
        mark(11, a.last_contact != b.last_contact);
        mark(12, was.substitutes != now.substitutes);
        mark(15, a.open_reminders != b.open_reminders);
        return m;
    }

    /// UPDATE of version, doc and the columns in `mask`, guarded by the expected version (?14).
    Stmt& update_statement(unsigned mask) {
        auto& st = updates[mask];
        if (st) {
            st->reset();
            return *st;
        }
        static constexpr const char* names[16] = {nullptr, nullptr, nullptr, "office", "case_worker", "kind", "phase", "running",
                                                  "anonymised", "opened", "last_activity", "last_contact", "substitutes", nullptr,
                                                  nullptr, "open_reminders"};
        std::string sql = "UPDATE cases SET version=?2, doc=?13";
        for (int c = 3; c < 16; ++c)
            if (mask & (1u << c)) sql += std::string(", ") + names[c] + "=?" + std::to_string(c);
        sql += " WHERE id=?1 AND version=?14";
        st = std::make_unique<Stmt>(db, sql);
        return *st;
    }

    /// Binds ?1 id, ?2 version, ?13 doc, and of ?3..?12 and ?15 the columns in `mask`.
    void bind_columns(Stmt& st, const CaseRow& r, unsigned mask = ~0u) {
        const CaseSummary& s = r.summary;
        st.bind(1, s.id).bind(2, s.version).bind(13, r.document);
        if (mask & (1u << 3)) st.bind(3, s.office);
        if (mask & (1u << 4)) st.bind(4, s.case_worker);
        if (mask & (1u << 5)) st.bind(5, name(s.kind));
        if (mask & (1u << 6)) st.bind(6, name(s.phase));
        if (mask & (1u << 7)) st.bind(7, std::int64_t{s.running});
        if (mask & (1u << 8)) st.bind(8, std::int64_t{s.anonymised});
        if (mask & (1u << 9)) st.bind(9, to_iso(s.opened));
        if (mask & (1u << 10)) st.bind(10, to_iso(s.last_activity));
        if (mask & (1u << 11)) st.bind(11, to_iso(s.last_contact));
        if (mask & (1u << 12)) st.bind(12, substitutes_of(r.substitutes));
        if (mask & (1u << 15)) st.bind(15, std::int64_t{s.open_reminders});
    }

    /// What the open transaction knows is stored for the case now (summary only). Bounded: a
    /// transaction that reads more cases (a move of the office) updates them with every column.
    void remember(const CaseRow& r) {
        if (!writing || (in_tx.size() >= 10000 && !in_tx.contains(r.summary.id))) return;   // loads keep their hot path
        CaseRow& kept = in_tx[r.summary.id];
        kept.summary = r.summary;
        kept.substitutes = r.substitutes;
    }

};

SqliteBackend::SqliteBackend(SqliteOptions options, std::function<std::string()> clock) : impl_(std::make_unique<Impl>()) {
    impl_->db_opts = std::move(options);
    impl_->clock = clock ? std::move(clock) : utc_timestamp;
    impl_->open();
}

SqliteBackend::~SqliteBackend() = default;

BackendCapabilities SqliteBackend::capabilities() const {
    // The file's old pages are zeroed and the WAL truncated after every erasing write; a copy
    // of the file the host makes (a backup) is the host's to erase.
    return {"sqlite", true, "", !impl_->db_opts.read_only, !impl_->db_opts.read_only, false};
}

void SqliteBackend::begin(TxKind kind) {
    Impl& i = *impl_;
    i.in_tx.clear();
    i.writing = kind == TxKind::write;
    if (i.db_opts.read_only) {
        sqlite::exec(i.db, "BEGIN");
        return;
    }
    if (kind == TxKind::snapshot) {   // writes nothing: no write lock, no change of the sync level
        i.cached("BEGIN").run();
        return;
    }
    // prepared once (cached): parsing these four statements again was a tenth of a point load
    if (kind == TxKind::read && i.db_opts.synchronous_full) {
        i.cached("PRAGMA synchronous=NORMAL").run();
        i.relaxed = true;
    }
    try {
        i.cached("BEGIN IMMEDIATE").run();
    } catch (...) {
        i.restore_sync();  // a busy BEGIN too: the next data commit must sync again
        throw;
    }
}

void SqliteBackend::commit() {
    Impl& i = *impl_;
    i.cached("COMMIT").run();  // on failure the store rolls back
    i.in_tx.clear();
    i.restore_sync();
    if (i.deferring && i.erased) {   // recorded in erasure_owed with this commit
        i.erased = false;
        i.owed = true;
        return;
    }
    if (i.erased || i.owed) {
        i.erased = false;
        i.finish_erasure();
    }
}

void SqliteBackend::rollback() noexcept {
    Impl& i = *impl_;
    sqlite3_exec(i.db, "ROLLBACK", nullptr, nullptr, nullptr);
    i.in_tx.clear();
    i.erased = false;
    i.restore_sync();
}

std::optional<CaseRow> SqliteBackend::get_case(std::string_view id) {
    // the whole summary: a case whose key was destroyed is read as what it holds (sealer.hpp)
    static const std::string sql = std::string("SELECT ") + summary_columns + ", doc FROM cases WHERE id = ?";
    Stmt& st = impl_->cached(sql.c_str());
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    CaseRow r = impl_->summary_row(st);
    r.document = st.text(13);
    st.reset();  // a statement left on a row keeps a read snapshot open (and the WAL from truncating)
    impl_->remember(r);
    return r;
}

void SqliteBackend::put_case(const CaseRow& row, std::int64_t expected_version, bool erases) try {
    Impl& i = *impl_;
    if (expected_version == 0) {
        Stmt& st = i.cached("INSERT INTO cases(id, version, office, case_worker, kind, phase, running, anonymised, opened, "
                            "last_activity, last_contact, substitutes, doc, open_reminders) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?15)");
        i.bind_columns(st, row);
        st.run();  // the UNIQUE index decides (already_exists), without a lookup first
        return;
    }
    // Only the columns that differ from the row read in this transaction at the version the
    // update requires; a row not read here (a host writing blind) gets every column.
    const auto known = i.in_tx.find(row.summary.id);
    const bool same_row = known != i.in_tx.end() && known->second.summary.version == expected_version;
    const unsigned mask = same_row ? Impl::changed_columns(known->second, row) : ~0u;
    Stmt& st = i.update_statement(mask & 0x9ff8u);
    i.bind_columns(st, row, mask);
    st.bind(14, expected_version).run();
    if (sqlite3_changes(i.db) != 1) {
        i.in_tx.erase(row.summary.id);
        fail(errc::conflict, "", "case.version", "case '" + row.summary.id + "' was changed meanwhile");
    }
    i.remember(row);
    if (erases) {  // owed from this very transaction until the checkpoint
        i.cached("INSERT OR IGNORE INTO erasure_owed(id, since) VALUES(1, ?)").bind(1, i.clock()).run();
        i.erased = true;
    }
} catch (const error& e) {
    if (e.code() == errc::store_sealed) sealed::refuse_clear(row.summary.id);   // the trigger's refusal, naming the case
    throw;
}

bool SqliteBackend::sealed() {
    Stmt& st = impl_->cached("SELECT count(*) FROM sealing");
    st.step();
    const bool marked = st.integer(0) > 0;
    st.reset();
    return marked;
}

void SqliteBackend::mark_sealed() { impl_->cached("INSERT OR IGNORE INTO sealing(id) VALUES(1)").run(); }

std::vector<CaseRow> SqliteBackend::find_cases(const BackendQuery& q) {
    Impl& i = *impl_;
    // the sweep's candidates come by rowid from three index ranges (below); NOT INDEXED keeps
    // the planner from scanning an index of the whole store for the other conditions
    std::string sql = std::string("SELECT ") + summary_columns + (q.documents ? ", doc" : "") +
                      (q.due ? " FROM cases NOT INDEXED WHERE 1" : " FROM cases WHERE 1");
    std::vector<std::string> args;
    auto arg = [&](std::string v) {
        args.push_back(std::move(v));
        return "?" + std::to_string(args.size());
    };
    const CaseQuery& f = q.filter;
    if (q.visible_to) {
        const auto id = arg(*q.visible_to);
        sql += " AND (case_worker = " + id + " OR instr(substitutes, " + arg("|" + *q.visible_to + "|") + ") > 0)";
    }
    if (q.due) {
        // Three index ranges, not one OR over the whole store: the sweep's cost follows the
        // cases it may act on, not the store's size (the partial indexes cases_closed,
        // cases_running_by_activity and cases_running_by_contact).
        // The indexes hold the month (schema 9). The ranges read the index alone (up to the
        // cut-off's month: a string below another has a prefix not above the other's); the
        // day decides on the row, which is read anyway. Checking the day inside the ranges
        // read each row twice: 4.3 s instead of 1.8 s for 900,000 candidates.
        const std::string activity_day = to_iso(q.due->activity_before);
        const std::string contact_day = to_iso(q.due->contact_before);
        const auto activity = arg(activity_day);
        const auto activity_month = arg(activity_day.substr(0, 7));
        const auto contact = arg(contact_day);
        const auto contact_month = arg(contact_day.substr(0, 7));
        sql += " AND rowid IN (SELECT rowid FROM cases WHERE anonymised = 0 AND running = 0"
               " UNION ALL SELECT rowid FROM cases WHERE anonymised = 0 AND running = 1 AND substr(last_activity, 1, 7) <= " + activity_month +
               " UNION ALL SELECT rowid FROM cases WHERE anonymised = 0 AND running = 1 AND substr(last_contact, 1, 7) <= " + contact_month +
               ") AND anonymised = 0 AND (running = 0 OR last_activity < " + activity + " OR last_contact < " + contact + ")";
    }
    if (f.case_worker) sql += " AND case_worker = " + arg(*f.case_worker);
    if (f.phase) sql += " AND phase = " + arg(name(*f.phase));
    if (f.kind) sql += " AND kind = " + arg(name(*f.kind));
    if (f.running) sql += *f.running ? " AND running = 1" : " AND running = 0";
    if (f.anonymised) sql += *f.anonymised ? " AND anonymised = 1" : " AND anonymised = 0";
    if (f.last_contact_before) sql += " AND last_contact < " + arg(to_iso(*f.last_contact_before));
    if (f.last_activity_before) sql += " AND last_activity < " + arg(to_iso(*f.last_activity_before));
    if (f.open_reminders) sql += *f.open_reminders ? " AND open_reminders = 1" : " AND open_reminders = 0";
    sql += " ORDER BY id";
    if (f.limit) sql += " LIMIT " + std::to_string(f.limit);  // at most INT64_MAX: validate(CaseQuery) checked it
    Stmt st(i.db, sql);
    for (std::size_t k = 0; k < args.size(); ++k) st.bind(static_cast<int>(k + 1), args[k]);
    std::vector<CaseRow> out;
    while (st.step()) {
        out.push_back(i.summary_row(st));
        if (q.documents) out.back().document = st.text(13);
    }
    return out;
}

std::vector<StoredDocument> SqliteBackend::partners() {
    Stmt st(impl_->db, "SELECT id, version, doc FROM partners ORDER BY id");
    std::vector<StoredDocument> out;
    while (st.step()) out.push_back({st.text(0), st.integer(1), st.text(2)});
    return out;
}

void SqliteBackend::put_partner(const StoredDocument& p, std::int64_t expected_version) {
    Impl& i = *impl_;
    const std::string office = json::from_string<Partner>(p.document).office;
    if (expected_version == 0) {
        i.cached("INSERT INTO partners(id, version, office, doc) VALUES(?1, ?2, ?3, ?4)")
            .bind(1, p.id).bind(2, p.version).bind(3, office).bind(4, p.document).run();
        return;
    }
    i.cached("UPDATE partners SET version = ?2, office = ?3, doc = ?4 WHERE id = ?1 AND version = ?5")
        .bind(1, p.id).bind(2, p.version).bind(3, office).bind(4, p.document).bind(5, expected_version).run();
    if (sqlite3_changes(i.db) != 1) fail(errc::conflict, "", "partner.version", "partner '" + p.id + "' was changed meanwhile");
}

void SqliteBackend::append_audit(const AuditRecord& r) {
    if (impl_->db_opts.read_only) fail(errc::storage_readonly, "", "store", "'" + impl_->db_opts.path + "' is open read-only");
    Stmt& st = impl_->cached("INSERT INTO audit(at, actor, role, case_id, operation, allowed, detail) VALUES(?,?,?,?,?,?,?)");
    st.bind(1, r.at).bind(2, r.actor).bind(3, name(r.role)).bind(4, r.case_id).bind(5, name(r.operation))
        .bind(6, std::int64_t{r.allowed}).bind(7, r.detail).run();
}

std::vector<AuditRecord> SqliteBackend::audit_records(const AuditQuery& q) {
    std::string sql = "SELECT at, actor, role, case_id, operation, allowed, detail FROM audit WHERE 1";
    std::vector<std::string> args;
    auto where = [&](const char* clause, std::string v) {
        args.push_back(std::move(v));
        sql += std::string(clause) + std::to_string(args.size());
    };
    if (q.case_id) where(" AND case_id = ?", *q.case_id);
    if (q.actor) where(" AND actor = ?", *q.actor);
    if (q.operation) where(" AND operation = ?", name(*q.operation));
    if (q.from) where(" AND substr(at, 1, 10) >= ?", to_iso(*q.from));
    if (q.to) where(" AND substr(at, 1, 10) <= ?", to_iso(*q.to));
    sql += " ORDER BY seq";
    if (q.limit) sql += " LIMIT " + std::to_string(q.limit);  // at most INT64_MAX: audit_trail checked it
    Stmt st(impl_->db, sql);
    for (std::size_t k = 0; k < args.size(); ++k) st.bind(static_cast<int>(k + 1), args[k]);
    std::vector<AuditRecord> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), enum_of<Role>(st.text(2)), st.text(3), enum_of<Operation>(st.text(4)),
                       st.integer(5) != 0, st.text(6)});
    return out;
}

bool SqliteBackend::erasure_pending() { return impl_->owed; }

void SqliteBackend::finish_erasures() {
    if (impl_->owed) impl_->finish_erasure();
}

void SqliteBackend::defer_erasures(bool on) {
    impl_->deferring = on;
    // While a sweep defers its erasure, its batches leave their pages in the WAL (up to 40 MB)
    // and the truncating checkpoint at its end writes each page to the file once, instead of a
    // checkpoint after every batch writing the shared index and audit pages again and again.
    if (impl_->db) sqlite3_wal_autocheckpoint(impl_->db, on ? 10000 : 1000);
}

int SqliteBackend::schema_version() { return impl_->user_version(); }

bool SqliteBackend::integrity_ok() {
    Stmt st(impl_->db, "PRAGMA integrity_check");
    return st.step() && st.text(0) == "ok";
}

int SqliteBackend::synchronous() {
    Stmt st(impl_->db, "PRAGMA synchronous");
    st.step();
    return static_cast<int>(st.integer(0));
}

bool SqliteBackend::checkpoint() { return impl_->owed ? impl_->finish_erasure() : impl_->checkpoint(); }

}  // namespace jmdcm
