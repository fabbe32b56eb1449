// SQLite store. One connection per repository object, serialised by a mutex; several
// processes share the file through SQLite's locking and the busy timeout. Every write
// runs in BEGIN IMMEDIATE .. COMMIT; audit records of a transaction are written inside
// it, and those of a rolled-back one right after the rollback, so denials stay recorded.
#include "jmdcm/sqlite/sqlite_repository.hpp"

#include "sqlite_db.hpp"
#include "sqlite_schema.hpp"

#include <chrono>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace jmdcm {

using sqlite::Stmt;

namespace {

std::string substitutes_of(const Case& c) {  // "|fk-2|fk-3|": instr() finds "|id|"
    std::string s;
    for (const auto& sub : c.substitutions) s += "|" + sub.colleague;
    return s.empty() ? s : s + "|";
}

template <class E>
std::string name(E e) { return boost::describe::enum_to_string(e, "?"); }

template <class E>
E enum_of(const std::string& s) {
    E e{};
    if (!boost::describe::enum_from_string(s.c_str(), e)) fail(errc::storage_corrupt, "", "", "unknown stored value '" + s + "'");
    return e;
}

/// A stored JSON document; storage_corrupt (naming what and which) when it does not read.
template <class T>
T stored_document(const std::string& text, const char* what, std::string_view id) {
    try {
        return json::from_string<T>(text);
    } catch (const error& e) {
        fail(errc::storage_corrupt, "", "", std::string("stored document of ") + what + " '" + std::string(id) + "' is unreadable: " + e.what());
    }
}

Date date_of(const std::string& s) {
    auto d = parse_iso(s);
    if (!d) fail(errc::storage_corrupt, "", "", "stored date '" + s + "' is invalid");
    return *d;
}

}  // namespace

struct SqliteRepository::Impl {
    SqliteOptions db_opts;
    StoreOptions opts;
    sqlite3* db = nullptr;
    std::recursive_mutex m;
    int depth = 0;                             // transaction nesting (only the outermost one is real)
    std::vector<AuditRecord> pending;          // audit records of the open transaction
    bool erased = false;                       // an anonymisation happened: checkpoint after commit
    bool owed = false;                         // an erasure is recorded as owed (table erasure_owed)
    std::map<const char*, std::unique_ptr<Stmt>> statements;  // prepared once per connection, keyed by the SQL literal

    ~Impl() {
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
        sqlite::exec(db, "PRAGMA secure_delete=ON");
        sqlite::exec(db, "PRAGMA cache_size=-32768");  // 32 MiB: the indexes stay in memory during bulk work  // freed space is zeroed: erased values leave the file (R3, R13)
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

    void write_audit(const AuditRecord& r) {
        Stmt& st = cached("INSERT INTO audit(at, actor, role, case_id, operation, allowed, detail) VALUES(?,?,?,?,?,?,?)");
        st.bind(1, r.at).bind(2, r.actor).bind(3, name(r.role)).bind(4, r.case_id).bind(5, name(r.operation))
            .bind(6, std::int64_t{r.allowed}).bind(7, r.detail).run();
        if (opts.audit) opts.audit->record(r);
    }

    void flush_audit() {
        auto records = std::move(pending);
        pending.clear();
        for (const auto& r : records) write_audit(r);
    }

    /// Runs f in the outermost transaction (or inside the open one). A transaction that
    /// only reads cases writes nothing but its audit rows; it commits without an fsync
    /// (synchronous=NORMAL: durable against a process crash, and the next data commit's
    /// fsync covers its WAL frames), so auditing a read does not cost a disk flush.
    enum class Durability { data, audit_only };
    template <class F>
    void in_tx(F&& f, Durability durability = Durability::data) {
        if (depth > 0) {
            f();
            return;
        }
        if (db_opts.read_only) {
            read_only_tx(f);
            return;
        }
        // Restored on every way out, a failed BEGIN (storage_busy) included: a data commit
        // after it must sync again.
        struct RelaxedSync {
            sqlite3* db;
            bool on;
            ~RelaxedSync() {
                if (on) sqlite3_exec(db, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
            }
        } relaxed{db, durability == Durability::audit_only && db_opts.synchronous_full};
        if (relaxed.on) sqlite::exec(db, "PRAGMA synchronous=NORMAL");
        sqlite::exec(db, "BEGIN IMMEDIATE");
        ++depth;
        try {
            f();
            flush_audit();
            sqlite::exec(db, "COMMIT");
            --depth;
        } catch (...) {
            --depth;
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            erased = false;
            record_after_rollback();
            throw;
        }
        if (erased || owed) {
            erased = false;
            finish_erasure();
        }
    }

    /// A read-only file cannot take audit rows, so its accesses are audited to the host's
    /// sink; without one nothing is handed out (every access to personal data is audited).
    template <class F>
    void read_only_tx(F&& f) {
        sqlite::exec(db, "BEGIN");
        ++depth;
        try {
            f();
            --depth;
        } catch (...) {
            --depth;
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            if (opts.audit)
                for (const auto& r : pending) opts.audit->record(r);
            pending.clear();
            throw;
        }
        sqlite::exec(db, "COMMIT");
        auto records = std::move(pending);
        pending.clear();
        if (!opts.audit && !records.empty())
            fail(errc::storage_readonly, "", "store",
                 "'" + db_opts.path + "' is open read-only and cannot record the audit of this access; "
                 "give the store an audit sink or open it writable");
        for (const auto& r : records) opts.audit->record(r);
    }

    void record_after_rollback() noexcept {
        if (pending.empty()) return;
        try {  // denials must stay recorded even though the transaction is gone
            sqlite::exec(db, "BEGIN IMMEDIATE");
            for (auto& r : pending) r.detail += r.allowed ? " (rolled back)" : "";
            flush_audit();
            sqlite::exec(db, "COMMIT");
        } catch (...) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            pending.clear();
        }
    }

    bool checkpoint() {
        for (auto& [sql, st] : statements) st->reset();  // no statement may pin an old snapshot
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

    std::optional<Case> read(std::string_view id) {
        Stmt& st = cached("SELECT doc FROM cases WHERE id = ?");
        st.bind(1, id);
        if (!st.step()) return std::nullopt;
        const std::string doc = st.text(0);
        st.reset();  // a statement left on a row keeps a read snapshot open (and the WAL from truncating)
        return stored_document<Case>(doc, "case", id);
    }

    Case existing(std::string_view id) {
        auto c = read(id);
        if (!c) fail(errc::not_found, "", "case.id", "no case '" + std::string(id) + "'");
        return std::move(*c);
    }

    void bind_columns(Stmt& st, const Case& c) {
        const CaseSummary s = summarise(c);
        st.bind(1, c.id).bind(2, c.version).bind(3, c.office).bind(4, c.case_worker).bind(5, name(c.kind)).bind(6, name(c.phase))
            .bind(7, std::int64_t{s.running}).bind(8, std::int64_t{s.anonymised}).bind(9, to_iso(c.opened))
            .bind(10, to_iso(s.last_activity)).bind(11, to_iso(s.last_contact)).bind(12, substitutes_of(c))
            .bind(13, json::to_string(c));
    }

    /// Inserts `c` as version 1 (and sets it so; restored if the insert fails).
    void insert(Case& c) {
        const auto before = c.version;
        c.version = 1;
        Stmt& st = cached("INSERT INTO cases(id, version, office, case_worker, kind, phase, running, anonymised, opened, "
                          "last_activity, last_contact, substitutes, doc) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
        try {
            bind_columns(st, c);
            st.run();
        } catch (const error& e) {  // the UNIQUE index decides, without a lookup first
            c.version = before;
            if (e.code() == errc::already_exists) fail(errc::already_exists, "", "case.id", "case '" + c.id + "' exists already");
            throw;
        } catch (...) {
            c.version = before;
            throw;
        }
    }

    /// Optimistic update: only when the stored row still has the version `c` was based on.
    /// Leaves `c` at the new version (restored if the update fails).
    void update(const Case& cur, Case& c) {
        require_next_version(cur);
        if (cur.version != c.version)
            fail(errc::conflict, "", "case.version",
                 "case '" + c.id + "' is at version " + std::to_string(cur.version) + ", the save was based on " + std::to_string(c.version));
        const auto based_on = c.version;
        c.version = based_on + 1;
        Stmt& st = cached("UPDATE cases SET id=?1, version=?2, office=?3, case_worker=?4, kind=?5, phase=?6, running=?7, anonymised=?8, "
                          "opened=?9, last_activity=?10, last_contact=?11, substitutes=?12, doc=?13 WHERE id=?1 AND version=?14");
        try {
            bind_columns(st, c);
            st.bind(14, based_on).run();
            if (sqlite3_changes(db) != 1) fail(errc::conflict, "", "case.version", "case '" + c.id + "' was changed meanwhile");
        } catch (...) {
            c.version = based_on;
            throw;
        }
        if (!is_anonymised(cur) && is_anonymised(c)) {  // owed from this very transaction until the checkpoint
            cached("INSERT OR IGNORE INTO erasure_owed(id, since) VALUES(1, ?)").bind(1, opts.clock ? opts.clock() : utc_timestamp()).run();
            erased = true;
        }
    }

    void audit(const Actor& a, std::string case_id, Operation op, bool allowed, std::string detail) {
        AuditRecord r{opts.clock ? opts.clock() : utc_timestamp(), a.id, a.role, std::move(case_id), op, allowed, std::move(detail)};
        if (depth > 0) {
            pending.push_back(std::move(r));
            return;
        }
        in_tx([&] { pending.push_back(std::move(r)); }, Durability::audit_only);
    }

    Date today() const { return opts.today ? opts.today() : utc_today(); }
};

// The operations with access checks and audit, run inside a transaction.
class SqliteRepository::Stage : public CaseStore {
public:
    explicit Stage(SqliteRepository& repo) : repo_(repo), i_(*repo.impl_) {}

    void create(const Actor& actor, Case& c) override {
        repo_.audited(actor, c.id, Operation::create, [&] {
            if (is_blank(c.id)) fail(errc::invalid_argument, "", "case.id", "a case needs an id");
            require_access(actor, c, Operation::create, i_.today());
            check_new_case(c, i_.today(), i_.opts.policy);
            i_.insert(c);
        });
    }

    Case load(const Actor& actor, std::string_view id) override {
        Case out;
        repo_.audited(actor, std::string(id), Operation::load, [&] {
            out = i_.existing(id);
            require_access(actor, out, Operation::load, i_.today());
            if (is_anonymised(out)) strip_to_skeleton(out);  // R13: every role sees the skeleton only
        });
        return out;
    }

    void save(const Actor& actor, Case& c) override {
        repo_.audited(actor, c.id, Operation::save, [&] {
            const Case cur = i_.existing(c.id);
            require_access(actor, cur, Operation::save, i_.today());  // the stored case decides, not the incoming one
            check_change(cur, c, i_.today(), i_.opts.policy);
            i_.update(cur, c);
        });
    }

    std::vector<CaseSummary> query(const Actor& actor, const CaseQuery& q) override {
        std::vector<CaseSummary> out;
        repo_.audited(actor, "", Operation::query, [&] {
            validate(q);
            std::string sql = "SELECT id, version, office, case_worker, kind, phase, running, anonymised, opened, last_activity, "
                              "last_contact FROM cases WHERE 1";
            std::vector<std::string> args;
            auto n = [&] { return std::to_string(args.size() + 1); };
            auto where = [&](const std::string& clause, std::string v) {  // clause ends in a placeholder ?n
                sql += clause + n();
                args.push_back(std::move(v));
            };
            if (actor.role == Role::case_worker) {  // visible_in_query, as SQL
                sql += " AND (case_worker = ?" + std::to_string(args.size() + 1) + " OR instr(substitutes, ?" +
                       std::to_string(args.size() + 2) + ") > 0)";
                args.push_back(actor.id);
                args.push_back("|" + actor.id + "|");
            }
            if (actor.role == Role::statistics) sql += " AND anonymised = 1";
            if (q.case_worker) where(" AND case_worker = ?", *q.case_worker);
            if (q.phase) where(" AND phase = ?", name(*q.phase));
            if (q.kind) where(" AND kind = ?", name(*q.kind));
            if (q.running) sql += *q.running ? " AND running = 1" : " AND running = 0";
            if (q.anonymised) sql += *q.anonymised ? " AND anonymised = 1" : " AND anonymised = 0";
            if (q.last_contact_before) where(" AND last_contact < ?", to_iso(*q.last_contact_before));
            if (q.last_activity_before) where(" AND last_activity < ?", to_iso(*q.last_activity_before));
            sql += " ORDER BY id";
            const bool worker = actor.role == Role::case_worker;  // limit after the substitution check below
            if (q.limit && !worker) sql += " LIMIT " + std::to_string(q.limit);
            Stmt st(i_.db, sql);
            for (std::size_t k = 0; k < args.size(); ++k) st.bind(static_cast<int>(k + 1), args[k]);
            std::vector<CaseSummary> rows;
            while (st.step()) {
                CaseSummary s;
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
                rows.push_back(std::move(s));
            }
            st.reset();
            const Date today = i_.today();
            for (auto& s : rows) {
                if (worker && q.limit && out.size() >= q.limit) break;
                // a substitute sees the row only while the substitution, consent and release hold today (R4, R15)
                if (worker && s.case_worker != actor.id && !may_handle_personal_data(actor, i_.existing(s.id), today)) continue;
                out.push_back(std::move(s));
            }
        });
        return out;
    }

private:
    SqliteRepository& repo_;
    Impl& i_;
};

SqliteRepository::SqliteRepository(SqliteOptions db, StoreOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->db_opts = std::move(db);
    impl_->opts = std::move(options);
    impl_->open();
}

SqliteRepository::~SqliteRepository() = default;

void SqliteRepository::create(const Actor& actor, Case& c) {
    std::lock_guard lock(impl_->m);
    Case work = c;  // the caller's copy changes only once the commit has succeeded
    impl_->in_tx([&] { Stage(*this).create(actor, work); });
    c.version = work.version;
}

Case SqliteRepository::load(const Actor& actor, std::string_view id) {
    std::lock_guard lock(impl_->m);
    Case out;
    impl_->in_tx([&] { out = Stage(*this).load(actor, id); }, Impl::Durability::audit_only);
    return out;
}

void SqliteRepository::save(const Actor& actor, Case& c) {
    std::lock_guard lock(impl_->m);
    Case work = c;
    impl_->in_tx([&] { Stage(*this).save(actor, work); });
    c.version = work.version;
}

std::vector<CaseSummary> SqliteRepository::query(const Actor& actor, const CaseQuery& q) {
    std::lock_guard lock(impl_->m);
    std::vector<CaseSummary> out;
    impl_->in_tx([&] { out = Stage(*this).query(actor, q); }, Impl::Durability::audit_only);
    return out;
}

void SqliteRepository::transact(const Actor& /*actor*/, const std::function<void(CaseStore&)>& body) {
    std::lock_guard lock(impl_->m);
    impl_->in_tx([&] {
        Stage s(*this);
        body(s);
    });
}

std::vector<AuditRecord> SqliteRepository::audit_log(const Actor& actor, std::size_t limit) {
    AuditQuery q;
    q.limit = limit;
    return audit_trail(actor, q);
}

std::vector<AuditRecord> SqliteRepository::audit_records(const AuditQuery& q) {
    std::lock_guard lock(impl_->m);
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

int SqliteRepository::schema_version() {
    std::lock_guard lock(impl_->m);
    return impl_->user_version();
}

bool SqliteRepository::integrity_ok() {
    std::lock_guard lock(impl_->m);
    Stmt st(impl_->db, "PRAGMA integrity_check");
    return st.step() && st.text(0) == "ok";
}

int SqliteRepository::synchronous() {
    std::lock_guard lock(impl_->m);
    Stmt st(impl_->db, "PRAGMA synchronous");
    st.step();
    return static_cast<int>(st.integer(0));
}

bool SqliteRepository::checkpoint() {
    std::lock_guard lock(impl_->m);
    return impl_->owed ? impl_->finish_erasure() : impl_->checkpoint();
}

bool SqliteRepository::erasure_pending() {
    std::lock_guard lock(impl_->m);
    return impl_->owed;
}

std::vector<std::string> SqliteRepository::sweep_candidates(Date on, const Policy& policy) {
    std::lock_guard lock(impl_->m);
    // Closed but not anonymised, untouched long enough to be due for review, or without
    // contact long enough to be closed: the same criteria as retention_decision (R13), as a
    // superset (four days of slack for months of different length); it decides exactly.
    const Date untouched = add_months(on, -policy.review_after_months) + boost::gregorian::days(4);
    const Date no_contact = add_months(on, -policy.anonymise_after_months) + boost::gregorian::days(4);
    Stmt st(impl_->db, "SELECT id FROM cases WHERE anonymised = 0 AND (running = 0 OR last_activity < ?1 OR last_contact < ?2) "
                       "ORDER BY id");
    st.bind(1, to_iso(untouched)).bind(2, to_iso(no_contact));
    std::vector<std::string> ids;
    while (st.step()) ids.push_back(st.text(0));
    return ids;
}

void SqliteRepository::update_unchecked(const Actor& actor, const std::vector<std::string>& ids, Operation op,
                                        const std::function<bool(Case&)>& f) {
    std::lock_guard lock(impl_->m);
    impl_->in_tx([&] {
        for (const auto& id : ids) {
            auto cur = impl_->read(id);
            if (!cur) continue;
            Case c = *cur;
            if (!f(c)) continue;
            impl_->update(*cur, c);
            impl_->audit(actor, id, op, true, "");
        }
    });
}

Case SqliteRepository::write_unchecked(const std::string& id, const std::function<std::vector<Case>(Case*)>& f) {
    std::lock_guard lock(impl_->m);
    std::optional<Case> result;
    impl_->in_tx([&] {
        const auto cur = impl_->read(id);
        std::optional<Case> c = cur;
        auto created = f(c ? &*c : nullptr);
        if (c && !(*c == *cur)) impl_->update(*cur, *c);
        for (auto& n : created) impl_->insert(n);
        result = std::move(c);
    });
    return result ? std::move(*result) : Case{};
}

const Policy& SqliteRepository::policy() const { return impl_->opts.policy; }

Case SqliteRepository::load_unchecked(std::string_view id) {
    std::lock_guard lock(impl_->m);
    return impl_->existing(id);
}

void SqliteRepository::audit(const Actor& actor, std::string case_id, Operation op, bool allowed, std::string detail) {
    std::lock_guard lock(impl_->m);
    impl_->audit(actor, std::move(case_id), op, allowed, std::move(detail));
}

Date SqliteRepository::today() const { return impl_->today(); }

void SqliteRepository::save_partner(const Actor& actor, Partner& p) {
    std::lock_guard lock(impl_->m);
    Partner work = p;
    impl_->in_tx([&] {
        audited(actor, "", Operation::network, [&] {
            Stmt& st = impl_->cached("SELECT version FROM partners WHERE id = ?");
            st.bind(1, work.id);
            const auto stored = st.step() ? std::optional(st.integer(0)) : std::nullopt;
            st.reset();
            check_partner_save(actor, work, stored);
            work.version += 1;
            impl_->cached("INSERT INTO partners(id, version, office, doc) VALUES(?1, ?2, ?3, ?4) "
                          "ON CONFLICT(id) DO UPDATE SET version = ?2, office = ?3, doc = ?4")
                .bind(1, work.id).bind(2, work.version).bind(3, work.office).bind(4, json::to_string(work)).run();
            return "partner " + work.id;
        });
    });
    p.version = work.version;  // only once the commit has succeeded
}

std::vector<Partner> SqliteRepository::partners(const Actor& /*actor: no personal data*/) {
    std::lock_guard lock(impl_->m);
    std::vector<Partner> out;
    Stmt st(impl_->db, "SELECT id, doc FROM partners ORDER BY id");
    while (st.step()) out.push_back(stored_document<Partner>(st.text(1), "partner", st.text(0)));
    return out;
}

std::vector<Case> SqliteRepository::cases_of_worker(const std::string& actor_id) {
    std::lock_guard lock(impl_->m);
    // One statement for the whole agenda: the worker's own and substituted cases.
    Stmt st(impl_->db, "SELECT id, doc FROM cases WHERE anonymised = 0 AND (case_worker = ?1 OR instr(substitutes, ?2) > 0) "
                       "ORDER BY id");
    st.bind(1, actor_id).bind(2, "|" + actor_id + "|");
    std::vector<Case> out;
    while (st.step()) out.push_back(stored_document<Case>(st.text(1), "case", st.text(0)));
    return out;
}

}  // namespace jmdcm
