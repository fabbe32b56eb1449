// The key store in a schema of its own on the PostgreSQL server (pg_key_store.hpp). Wrapped
// keys as hex text; a destruction deletes the key and records it (day, and until settled the
// anonymised document) in one transaction, then VACUUMs the key table so that the dead row's
// space is reclaimed.
#include "jmdcm/postgres/pg_key_store.hpp"

#include "../keys/wrapped_text.hpp"
#include "../store/stored_values.hpp"
#include "pg_conn.hpp"

#include <mutex>

namespace jmdcm {

namespace {

class PgKeyStore final : public keys::KeyStore {
public:
    PgKeyStore(const std::string& conninfo, const std::string& schema) : c_(conninfo), s_(quoted(schema)) {
        c_.exec("SET synchronous_commit = on");
        c_.exec("CREATE SCHEMA IF NOT EXISTS " + s_ + ";"
                "CREATE TABLE IF NOT EXISTS " + s_ + ".case_keys (case_id text PRIMARY KEY, kek_id text NOT NULL, wrapped text NOT NULL);"
                "CREATE TABLE IF NOT EXISTS " + s_ + ".destroyed_keys (case_id text PRIMARY KEY, destroyed_on date NOT NULL, "
                "settled boolean NOT NULL DEFAULT false, anonymised text NOT NULL DEFAULT '')");
    }

    void insert(const std::vector<keys::WrappedKey>& keys) override {
        if (keys.empty()) return;
        std::lock_guard lock(m_);
        tx([&] {
            for (const auto& k : keys) {
                auto gone = c_.exec("SELECT destroyed_on::text FROM " + s_ + ".destroyed_keys WHERE case_id = $1", {k.case_id});
                if (gone.rows())
                    fail(errc::already_exists, "", "case.id", "the key of case '" + k.case_id + "' was destroyed on " + gone.text(0, 0) + "; it gets no new one");
                try {
                    c_.exec("INSERT INTO " + s_ + ".case_keys (case_id, kek_id, wrapped) VALUES ($1, $2, $3)", {k.case_id, k.kek_id, keys::wrapped_text(k.wrapped)});
                } catch (const error& e) {
                    if (e.code() == errc::already_exists) fail(errc::already_exists, "", "case.id", "case '" + k.case_id + "' has a key already");
                    throw;
                }
            }
        });
    }

    std::optional<keys::WrappedKey> find(std::string_view case_id) override {
        std::lock_guard lock(m_);
        const std::string id(case_id);
        auto r = c_.exec("SELECT kek_id, wrapped FROM " + s_ + ".case_keys WHERE case_id = $1", {id});
        if (!r.rows()) return std::nullopt;
        return keys::WrappedKey{id, r.text(0, 0), keys::wrapped_of(r.text(0, 1), id)};
    }

    bool destroy(std::string_view case_id, Date on, std::string_view anonymised) override {
        std::lock_guard lock(m_);
        const std::string id(case_id);
        bool had = false;
        tx([&] {
            had = c_.exec("DELETE FROM " + s_ + ".case_keys WHERE case_id = $1", {id}).affected() > 0;
            c_.exec("INSERT INTO " + s_ + ".destroyed_keys (case_id, destroyed_on, anonymised) VALUES ($1, $2::date, $3) "
                    "ON CONFLICT (case_id) DO UPDATE SET settled = false, anonymised = excluded.anonymised",
                    {id, to_iso(on), std::string(anonymised)});
        });
        try {
            c_.exec("VACUUM " + s_ + ".case_keys");   // outside the transaction: the dead row's space is reused
        } catch (const error&) {
            // a long-running transaction elsewhere holds it back: autovacuum comes later
        }
        return had;
    }

    std::optional<CaseSealer::Destroyed> destroyed_on(std::string_view case_id) override {
        std::lock_guard lock(m_);
        auto r = c_.exec("SELECT case_id, destroyed_on::text, anonymised FROM " + s_ + ".destroyed_keys WHERE case_id = $1", {std::string(case_id)});
        if (!r.rows()) return std::nullopt;
        return record(r, 0);
    }

    void settle(std::string_view case_id) override {
        std::lock_guard lock(m_);
        c_.exec("UPDATE " + s_ + ".destroyed_keys SET settled = true, anonymised = '' WHERE case_id = $1", {std::string(case_id)});
    }

    std::vector<CaseSealer::Destroyed> destroyed(bool all) override {
        std::lock_guard lock(m_);
        auto r = c_.exec("SELECT case_id, destroyed_on::text, anonymised FROM " + s_ + ".destroyed_keys" + (all ? "" : " WHERE NOT settled") +
                         " ORDER BY case_id COLLATE \"C\"");
        std::vector<CaseSealer::Destroyed> out;
        for (int k = 0; k < r.rows(); ++k) out.push_back(record(r, k));
        return out;
    }

    std::vector<keys::WrappedKey> all() override {
        std::lock_guard lock(m_);
        auto r = c_.exec("SELECT case_id, kek_id, wrapped FROM " + s_ + ".case_keys ORDER BY case_id COLLATE \"C\"");
        std::vector<keys::WrappedKey> out;
        for (int k = 0; k < r.rows(); ++k) out.push_back({r.text(k, 0), r.text(k, 1), keys::wrapped_of(r.text(k, 2), r.text(k, 0))});
        return out;
    }

    void rewrap(const std::vector<keys::WrappedKey>& keys) override {
        std::lock_guard lock(m_);
        tx([&] {
            for (const auto& k : keys)
                if (c_.exec("UPDATE " + s_ + ".case_keys SET kek_id = $2, wrapped = $3 WHERE case_id = $1", {k.case_id, k.kek_id, keys::wrapped_text(k.wrapped)})
                        .affected() != 1)
                    fail(errc::not_found, "", "case.id", "no key for case '" + k.case_id + "' to re-wrap");
        });
        try {
            c_.exec("VACUUM " + s_ + ".case_keys");
        } catch (const error&) {
        }
    }

private:
    static std::string quoted(const std::string& schema) { return pg::quoted_schema(schema, "options.key_store"); }

    static CaseSealer::Destroyed record(const pg::Result& r, int k) { return {r.text(k, 0), stored::date_of(r.text(k, 1)), r.text(k, 2)}; }

    /// All or none; the caller holds m_.
    template <class F>
    void tx(F&& f) {
        c_.exec("BEGIN");
        try {
            f();
            c_.exec("COMMIT");
        } catch (...) {
            try {
                c_.exec("ROLLBACK");
            } catch (...) {
            }
            throw;
        }
    }

    pg::Connection c_;
    std::string s_;
    std::mutex m_;
};

}  // namespace

std::unique_ptr<keys::KeyStore> open_postgres_key_store(const std::string& conninfo, const std::string& schema) {
    return std::make_unique<PgKeyStore>(conninfo, schema);
}

}  // namespace jmdcm
