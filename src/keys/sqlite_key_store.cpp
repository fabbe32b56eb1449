// The key store in its own SQLite file. Wrapped keys are kept as hex text. secure_delete
// zeroes a destroyed key's bytes in the file, and a truncating checkpoint takes the pages
// that held it out of the write-ahead log.
#include "jmdcm/keys/key_store.hpp"

#include "../sqlite/sqlite_db.hpp"

#include <sodium.h>

#include <mutex>

namespace jmdcm::keys {

using sqlite::Stmt;

namespace {

std::string hex(std::string_view bin) {
    std::string out(bin.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bin.data()), bin.size());
    out.pop_back();
    return out;
}

std::string bin(const std::string& hex_text, const std::string& case_id) {
    std::string out(hex_text.size() / 2, '\0');
    std::size_t len = 0;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex_text.data(), hex_text.size(), nullptr, &len, nullptr) != 0)
        fail(errc::storage_corrupt, "", "", "the key store's entry for case '" + case_id + "' is not hex");
    out.resize(len);
    return out;
}

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
            sqlite::exec(db_, "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON");
            sqlite::exec(db_, "CREATE TABLE IF NOT EXISTS case_keys (case_id TEXT PRIMARY KEY, kek_id TEXT NOT NULL, wrapped TEXT NOT NULL)");
        } catch (...) {
            sqlite3_close_v2(db_);
            throw;
        }
    }
    ~SqliteKeyStore() override { sqlite3_close_v2(db_); }

    void insert(const WrappedKey& k) override {
        std::lock_guard lock(m_);
        try {
            Stmt(db_, "INSERT INTO case_keys (case_id, kek_id, wrapped) VALUES (?1, ?2, ?3)").bind(1, k.case_id).bind(2, k.kek_id).bind(3, hex(k.wrapped)).run();
        } catch (const error& e) {
            if (e.code() == errc::already_exists) fail(errc::already_exists, "", "case.id", "case '" + k.case_id + "' has a key already");
            throw;
        }
    }

    std::optional<WrappedKey> find(std::string_view case_id) override {
        std::lock_guard lock(m_);
        Stmt st(db_, "SELECT kek_id, wrapped FROM case_keys WHERE case_id = ?1");
        st.bind(1, case_id);
        if (!st.step()) return std::nullopt;
        return WrappedKey{std::string(case_id), st.text(0), bin(st.text(1), std::string(case_id))};
    }

    bool destroy(std::string_view case_id) override {
        std::lock_guard lock(m_);
        Stmt(db_, "DELETE FROM case_keys WHERE case_id = ?1").bind(1, case_id).run();
        const bool had = sqlite3_changes(db_) > 0;
        if (had) checkpoint();
        return had;
    }

    std::vector<WrappedKey> all() override {
        std::lock_guard lock(m_);
        std::vector<WrappedKey> out;
        Stmt st(db_, "SELECT case_id, kek_id, wrapped FROM case_keys ORDER BY case_id");
        while (st.step()) out.push_back({st.text(0), st.text(1), bin(st.text(2), st.text(0))});
        return out;
    }

    void rewrap(const std::vector<WrappedKey>& keys) override {
        std::lock_guard lock(m_);
        sqlite::exec(db_, "BEGIN IMMEDIATE");
        try {
            for (const auto& k : keys) {
                Stmt(db_, "UPDATE case_keys SET kek_id = ?2, wrapped = ?3 WHERE case_id = ?1").bind(1, k.case_id).bind(2, k.kek_id).bind(3, hex(k.wrapped)).run();
                if (sqlite3_changes(db_) != 1) fail(errc::not_found, "", "case.id", "no key for case '" + k.case_id + "' to re-wrap");
            }
            sqlite::exec(db_, "COMMIT");
        } catch (...) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
        checkpoint();   // the old wrappings leave the log too
    }

private:
    /// Takes the pages that held old bytes out of the write-ahead log; a reader in another
    /// process may hold it up, and then the next destruction or rotation finishes it.
    void checkpoint() {
        int log = 0, done = 0;
        (void)sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
    }

    sqlite3* db_ = nullptr;
    std::mutex m_;
};

}  // namespace

std::unique_ptr<KeyStore> open_sqlite_key_store(const std::string& path) { return std::make_unique<SqliteKeyStore>(path); }

}  // namespace jmdcm::keys
