// Shared helpers for the storage tests: temporary directories and the two stores.
#pragma once

#include "../core/fixtures.hpp"
#include "jmdcm/sqlite/sqlite_repository.hpp"

#ifdef JMDCM_TEST_POSTGRES
#include "jmdcm/postgres/pg_key_store.hpp"
#include "jmdcm/postgres/postgres_backend.hpp"
#include "../../src/postgres/pg_conn.hpp"
#endif
#ifdef JMDCM_TEST_KEYS
#include "jmdcm/keys/key_store.hpp"
#endif
#ifdef JMDCM_TEST_C_BACKEND
#include "../../capi/src/callback_backend.hpp"
#include "../capi/dict_backend.h"
#endif

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace jmdcm::test {

/// A fresh directory removed with everything in it at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "jmdcm-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        path_ = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    /// A name unique to this directory, usable as an SQL identifier.
    std::string tag() const {
        std::string t = "t_";
        for (char ch : path_.filename().string())
            if (std::isalnum(static_cast<unsigned char>(ch))) t += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return t;
    }

private:
    std::filesystem::path path_;
};

inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Values from the worked example that identify the person.
inline const std::vector<std::string> personal = {"Samira", "Beispiel", "1994-05-03", "60386", "Sammelunterkunft",
                                                  "Afghanistan", "Schwägerin", "Frauenfrühstück", "Krippenplatz"};

/// Which of them the raw bytes of an SQLite file, its -wal and its -journal hold.
inline std::vector<std::string> found_on_disk(const std::string& path) {
    std::vector<std::string> hits;
    for (const char* suffix : {"", "-wal", "-journal"}) {
        const std::string bytes = read_bytes(path + suffix);
        for (const auto& v : personal)
            if (bytes.find(v) != std::string::npos) hits.push_back(v + " in " + (suffix[0] ? suffix : "the database"));
    }
    return hits;
}

/// The day access rules are checked for in the storage tests.
inline Date storage_today() { return d(2020, 6, 1); }

/// Two planned cases T-1 and T-2 in `repo`; consent to T-1 withdrawn, which leaves its
/// paper-file reminder open (R3): what the migrations to the open_reminders column find.
template <class Repo>
void with_one_open_paper_file(Repo& repo) {
    for (const char* id : {"T-1", "T-2"}) {
        Case c = case_at(Stage::planned);
        c.id = id;
        repo.create(Actor{"fk-1", Role::case_worker}, c);
    }
    repo.step(Actor{"fk-1", Role::case_worker}, "T-1", 1, "withdraw_consent", [](Case& c) {
        withdraw_consent(c, d(2020, 2, 3));
        return std::vector<Case>{};
    });
}

/// What with_one_open_paper_file left, as a migrated store must find it: by the column, and
/// on the worker's agenda.
template <class Repo>
void expect_the_open_paper_file(Repo& repo) {
    const Actor fk{"fk-1", Role::case_worker};
    CaseQuery open;
    open.open_reminders = true;
    const auto found = repo.query(fk, open);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].id, "T-1");
    EXPECT_EQ(repo.agenda(fk, {d(2020, 2, 1), d(2020, 2, 29), 0}, {}).items.size(), 1u);
}

inline StoreOptions options_with(AuditSink* audit) {
    return {audit, [] { return std::string("2020-06-01T10:00:00Z"); }, [] { return storage_today(); }, Policy{}, nullptr};
}

inline SqliteOptions sqlite_at(std::string path) {
    SqliteOptions o;
    o.path = std::move(path);
    return o;
}

struct MemoryStore {
    static constexpr const char* name = "memory";
    static std::unique_ptr<Repository> make(const TempDir&, StoreOptions o) { return std::make_unique<MemoryRepository>(std::move(o)); }
};

struct SqliteStore {
    static constexpr const char* name = "sqlite";
    static std::unique_ptr<Repository> make(const TempDir& dir, StoreOptions o) {
        return std::make_unique<SqliteRepository>(sqlite_at(dir.file("store.sqlite")), std::move(o));
    }
};

#ifdef JMDCM_TEST_KEYS
/// A KEK for the tests, the same in every test of a run (a host would read it from a file or a keystore).
inline std::shared_ptr<keys::KeyEncryptionKey> test_kek() {
    static const keys::SecretKey k = keys::SecretKey::generate();
    return std::make_shared<keys::LocalKek>("test-kek", k);
}

/// Per-case keys over a key store file beside the data (issue 19).
inline StoreOptions sealed(StoreOptions o, const std::string& key_store_path,
                           std::shared_ptr<keys::KeyEncryptionKey> kek = test_kek()) {
    o.sealer = keys::make_sealer(keys::open_sqlite_key_store(key_store_path), std::move(kek));
    return o;
}

#endif

#ifdef JMDCM_TEST_SEALED
struct SealedSqliteStore {
    static constexpr const char* name = "sealed_sqlite";
    static std::unique_ptr<Repository> make(const TempDir& dir, StoreOptions o) {
        return std::make_unique<SqliteRepository>(sqlite_at(dir.file("store.sqlite")), sealed(std::move(o), dir.file("store.keys")));
    }
};
#endif

#ifdef JMDCM_TEST_POSTGRES
/// The throwaway cluster's connection string (tests/postgres/cluster.sh, set by ctest).
inline std::string pg_conninfo() {
    const char* c = std::getenv("JMDCM_TEST_PG");
    if (!c) throw std::runtime_error("JMDCM_TEST_PG is not set: run the postgres tests through ctest (it starts the cluster)");
    return c;
}

/// A fresh schema of the test cluster for one store; its connection string.
inline std::string pg_schema(const std::string& name) {
    pg::Connection c(pg_conninfo());
    c.exec("CREATE SCHEMA IF NOT EXISTS " + name);
    return pg_conninfo() + " options=-csearch_path=" + name;
}

struct PostgresStore {
    static constexpr const char* name = "postgres";
    static std::unique_ptr<Repository> make(const TempDir& dir, StoreOptions o) {
        return std::make_unique<PostgresRepository>(PostgresOptions{pg_schema(dir.tag()), true}, std::move(o));
    }
};

#ifdef JMDCM_TEST_KEYS
/// Per-case keys on the server: the key store in a schema of its own beside the data's.
struct SealedPostgresStore {
    static constexpr const char* name = "sealed_postgres";
    static std::unique_ptr<Repository> make(const TempDir& dir, StoreOptions o) {
        o.sealer = keys::make_sealer(open_postgres_key_store(pg_conninfo(), dir.tag() + "_keys"), test_kek());
        PostgresOptions db{pg_schema(dir.tag()), true};
        db.key_schema = dir.tag() + "_keys";   // keys read with the cases (pg_keys_test.cpp also covers the lookup without)
        return std::make_unique<PostgresRepository>(db, std::move(o));
    }
};
#endif
#endif

#ifdef JMDCM_TEST_C_BACKEND
/// A host's backend written in plain C (tests/capi/dict_backend.c) behind the C ABI's
/// callback struct: the contract holds over a backend the library does not own.
struct CBackendStore {
    static constexpr const char* name = "c_backend";
    static std::unique_ptr<Repository> make(const TempDir&, StoreOptions o) {
        jmdcm_backend b;
        if (jmdcm_backend_init(&b, JMDCM_BACKEND_VERSION) != JMDCM_OK) throw std::runtime_error("jmdcm_backend_init");
        dict_fill(&b, dict_new(), JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT);
        return std::make_unique<LibraryStore>(std::make_unique<capi::CallbackBackend>(b), std::move(o));
    }
};
#endif

inline const Actor worker{"fk-1", Role::case_worker};
inline const Actor colleague{"fk-2", Role::case_worker};
inline const Actor lead{"tl-1", Role::team_lead};
inline const Actor stats{"st-1", Role::statistics};
inline const Actor admin{"ad-1", Role::administrator};

/// A store of each kind with an audit sink, for the typed suites that every store passes.
template <class Store>
class StoreFixture : public ::testing::Test {
protected:
    StoreFixture() : repo(Store::make(dir, options_with(&audit))) {}
    Repository& store() { return *repo; }
    Case created(Stage stage, std::string id = "T-1") {
        Case c = case_at(stage);
        c.id = std::move(id);
        repo->create(worker, c);
        return c;
    }
    TempDir dir;
    MemoryAuditSink audit;
    std::unique_ptr<Repository> repo;
};

#if defined(JMDCM_TEST_C_BACKEND)
using Stores = ::testing::Types<CBackendStore>;   // tests/backend: the same suites over a host's backend
#elif defined(JMDCM_TEST_SEALED)
using Stores = ::testing::Types<SealedSqliteStore>;   // tests/keys: the same suites with per-case keys
#elif defined(JMDCM_TEST_POSTGRES)
#ifdef JMDCM_TEST_KEYS
using Stores = ::testing::Types<PostgresStore, SealedPostgresStore>;   // tests/postgres: the same suites on a real cluster
#else
using Stores = ::testing::Types<PostgresStore>;
#endif
#else
using Stores = ::testing::Types<MemoryStore, SqliteStore>;
#endif
struct StoreNames {
    template <class T>
    static std::string GetName(int) { return T::name; }
};

}  // namespace jmdcm::test
