// The key store in its own SQLite file. Wrapped keys are kept as hex text. secure_delete
// zeroes a destroyed key's bytes in the file, and a truncating checkpoint takes the pages
// that held it out of the write-ahead log. A destruction leaves a record (case id, day, no
// key) so that a sealed copy found later is known to be anonymised, not lost.
#include "jmdcm/keys/key_store.hpp"

#include "../sqlite/sqlite_db.hpp"
#include "../store/stored_values.hpp"
#include "wrapped_text.hpp"

#include <mutex>

namespace jmdcm::keys {

using sqlite::Stmt;

namespace {

class SqliteKeyStore final : public KeyStore {
public:
    explicit SqliteKeyStore(const std::string& path) {
        const int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_close_v2(db_);
            db_ = nullptr;
            sqlite::raise(nullptr, rc, "opening the key store '" + path + "'");
        }
        try {
            sqlite3_extended_result_codes(db_, 1);
            sqlite3_busy_timeout(db_, 5000);
            Stmt(db_, "SELECT count(*) FROM sqlite_schema").step();   // "not a database" shows here
            Stmt(db_, "PRAGMA journal_mode=WAL").step();
            // temp_store: a statement journal's copies of pages (wrapped keys) stay in memory,
            // never in an unlinked file in /var/tmp that the erasure cannot reach
            sqlite::exec(db_, "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA temp_store=MEMORY");
            sqlite::exec(db_,
                         "CREATE TABLE IF NOT EXISTS case_keys (case_id TEXT PRIMARY KEY, kek_id TEXT NOT NULL, wrapped TEXT NOT NULL);"
                         "CREATE TABLE IF NOT EXISTS destroyed_keys (case_id TEXT PRIMARY KEY, destroyed_on TEXT NOT NULL, "
                         "settled INTEGER NOT NULL DEFAULT 0, anonymised TEXT NOT NULL DEFAULT '')");
            find_ = std::make_unique<Stmt>(db_, "SELECT kek_id, wrapped FROM case_keys WHERE case_id = ?1");
        } catch (...) {
            find_.reset();
            sqlite3_close_v2(db_);
            throw;
        }
    }
    ~SqliteKeyStore() override {
        find_.reset();
        sqlite3_close_v2(db_);
    }

    void insert(const std::vector<WrappedKey>& keys) override {
        if (keys.empty()) return;
        std::lock_guard lock(m_);
        in_tx([&] {
            Stmt gone(db_, "SELECT destroyed_on FROM destroyed_keys WHERE case_id = ?1");
            Stmt add(db_, "INSERT INTO case_keys (case_id, kek_id, wrapped) VALUES (?1, ?2, ?3)");
            for (const auto& k : keys) {
                gone.reset();
                if (gone.bind(1, k.case_id).step())
                    fail(errc::already_exists, "", "case.id", "the key of case '" + k.case_id + "' was destroyed on " + gone.text(0) + "; it gets no new one");
                add.reset();
                try {
                    add.bind(1, k.case_id).bind(2, k.kek_id).bind(3, wrapped_text(k.wrapped)).run();
                } catch (const error& e) {
                    if (e.code() == errc::already_exists) fail(errc::already_exists, "", "case.id", "case '" + k.case_id + "' has a key already");
                    throw;
                }
            }
        });
    }

    std::optional<WrappedKey> find(std::string_view case_id) override {
        std::lock_guard lock(m_);
        struct Reset {   // no read transaction stays open on the file: it would hold back the checkpoint
            Stmt& st;
            ~Reset() { st.reset(); }
        } done{*find_};
        find_->bind(1, case_id);
        if (!find_->step()) return std::nullopt;
        return WrappedKey{std::string(case_id), find_->text(0), wrapped_of(find_->text(1), std::string(case_id))};
    }

    bool destroy(std::string_view case_id, Date on, std::string_view anonymised) override {
        std::lock_guard lock(m_);
        bool had = false;
        in_tx([&] {
            Stmt(db_, "DELETE FROM case_keys WHERE case_id = ?1").bind(1, case_id).run();
            had = sqlite3_changes(db_) > 0;
            Stmt(db_, "INSERT INTO destroyed_keys (case_id, destroyed_on, anonymised) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT (case_id) DO UPDATE SET settled = 0, anonymised = excluded.anonymised")
                .bind(1, case_id)
                .bind(2, to_iso(on))
                .bind(3, std::string(anonymised))   // an empty view may have no data: bound as text, never NULL
                .run();
        });
        checkpoint();
        return had;
    }

    std::optional<CaseSealer::Destroyed> destroyed_on(std::string_view case_id) override {
        std::lock_guard lock(m_);
        Stmt st(db_, "SELECT case_id, destroyed_on, anonymised FROM destroyed_keys WHERE case_id = ?1");
        if (!st.bind(1, case_id).step()) return std::nullopt;
        return record(st);
    }

    void settle(std::string_view case_id) override {
        std::lock_guard lock(m_);
        Stmt(db_, "UPDATE destroyed_keys SET settled = 1, anonymised = '' WHERE case_id = ?1").bind(1, case_id).run();
    }

    std::vector<CaseSealer::Destroyed> destroyed(bool all) override {
        std::lock_guard lock(m_);
        std::vector<CaseSealer::Destroyed> out;
        Stmt st(db_, all ? "SELECT case_id, destroyed_on, anonymised FROM destroyed_keys ORDER BY case_id"
                         : "SELECT case_id, destroyed_on, anonymised FROM destroyed_keys WHERE settled = 0 ORDER BY case_id");
        while (st.step()) out.push_back(record(st));
        return out;
    }

    std::vector<WrappedKey> all() override {
        std::lock_guard lock(m_);
        std::vector<WrappedKey> out;
        Stmt st(db_, "SELECT case_id, kek_id, wrapped FROM case_keys ORDER BY case_id");
        while (st.step()) out.push_back({st.text(0), st.text(1), wrapped_of(st.text(2), st.text(0))});
        return out;
    }

    void rewrap(const std::vector<WrappedKey>& keys) override {
        std::lock_guard lock(m_);
        in_tx([&] {
            Stmt up(db_, "UPDATE case_keys SET kek_id = ?2, wrapped = ?3 WHERE case_id = ?1");
            for (const auto& k : keys) {
                up.reset();
                up.bind(1, k.case_id).bind(2, k.kek_id).bind(3, wrapped_text(k.wrapped)).run();
                if (sqlite3_changes(db_) != 1) fail(errc::not_found, "", "case.id", "no key for case '" + k.case_id + "' to re-wrap");
            }
        });
        checkpoint();   // the old wrappings leave the log too
    }

private:
    static CaseSealer::Destroyed record(const Stmt& st) { return {st.text(0), stored::date_of(st.text(1)), st.text(2)}; }

    /// All or none; the caller holds m_.
    template <class F>
    void in_tx(F&& f) {
        sqlite::exec(db_, "BEGIN IMMEDIATE");
        try {
            f();
            sqlite::exec(db_, "COMMIT");
        } catch (...) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }

    /// Takes the pages that held old bytes out of the write-ahead log; a reader in another
    /// process may hold it up, and then the next destruction or rotation finishes it.
    void checkpoint() {
        int log = 0, done = 0;
        (void)sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
    }

    sqlite3* db_ = nullptr;
    std::unique_ptr<Stmt> find_;   // the one statement on every read: prepared once
    std::mutex m_;
};

}  // namespace

std::unique_ptr<KeyStore> open_sqlite_key_store(const std::string& path) { return std::make_unique<SqliteKeyStore>(path); }

}  // namespace jmdcm::keys
