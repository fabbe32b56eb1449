// What PostgreSQL adds to the contract: the schema and its migrations, the audit table that
// refuses changes, erasure stated honestly, writers in several processes that lose no
// update and duplicate nothing, and one store's connection pool shared by threads.
#include "../storage/storage_fixtures.hpp"

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

Case stored_case(Repository& repo, const std::string& id) {
    Case c = case_at(Stage::implementing);
    c.id = id;
    repo.create(worker, c);
    return c;
}

}  // namespace

TEST(Postgres, CreatesItsSchemaOnceAndRefusesANewerOne) {
    TempDir dir;
    const std::string conninfo = pg_schema(dir.tag());
    {
        PostgresRepository repo({conninfo, true}, options_with(nullptr));
        EXPECT_EQ(repo.schema_version(), postgres_schema_version);
        stored_case(repo, "T-1");
    }
    PostgresRepository again({conninfo, true}, options_with(nullptr));  // a second open migrates nothing, keeps the case
    EXPECT_EQ(again.load(worker, "T-1").version, 1);
    pg::Connection raw(conninfo);
    raw.exec("UPDATE jmdcm_schema SET version = 99");
    const auto e = error_of([&] { PostgresRepository newer({conninfo, true}, options_with(nullptr)); });
    EXPECT_EQ(e.code(), errc::storage_schema);
    EXPECT_NE(std::string(e.what()).find("schema version 99"), std::string::npos) << e.what();
}

TEST(Postgres, MigratingToVersionThreeFindsTheOpenPaperFilesOfAnonymisedCases) {
    TempDir dir;
    const std::string conninfo = pg_schema(dir.tag());
    {
        PostgresRepository repo({conninfo, true}, options_with(nullptr));
        with_one_open_paper_file(repo);
    }
    {
        pg::Connection raw(conninfo);   // as a version-2 schema has it
        raw.exec("ALTER TABLE cases DROP COLUMN open_reminders");
        raw.exec("UPDATE jmdcm_schema SET version = 2");
    }
    PostgresRepository repo({conninfo, true}, options_with(nullptr));
    EXPECT_EQ(repo.schema_version(), postgres_schema_version);
    expect_the_open_paper_file(repo);
}

TEST(Postgres, TheAuditTableRefusesUpdateDeleteAndTruncate) {
    TempDir dir;
    const std::string conninfo = pg_schema(dir.tag());
    PostgresRepository repo({conninfo, true}, options_with(nullptr));
    stored_case(repo, "T-1");
    (void)repo.load(worker, "T-1");
    pg::Connection raw(conninfo);
    for (const char* sql : {"UPDATE audit SET detail = 'x'", "DELETE FROM audit", "TRUNCATE audit"}) {
        const auto e = error_of([&] { raw.exec(sql); });
        EXPECT_NE(std::string(e.what()).find("append-only"), std::string::npos) << sql << ": " << e.what();
    }
    AuditQuery q;
    q.case_id = "T-1";
    EXPECT_EQ(repo.audit_trail(admin, q).size(), 2u);  // create and load, unchanged
}

TEST(Postgres, ErasureLeavesNoLiveOrDeadCopyAndSaysWhatItCannotReach) {
    TempDir dir;
    const std::string conninfo = pg_schema(dir.tag());
    PostgresRepository repo({conninfo, true}, options_with(nullptr));
    Case c = case_at(Stage::implementing);
    c.id = "T-1";
    close_case(c, {d(2020, 3, 1), ClosureReason::goals_reached, true, {}, false, std::nullopt, {}}, Policy{});
    record_follow_up(c, {d(2020, 7, 15), false, std::nullopt, false, {}}, Policy{});   // declined: due for anonymisation (R13)
    repo.create(worker, c);
    const std::string name = c.person->family_name.text;
    ASSERT_FALSE(name.empty());
    const auto caps = repo.capabilities();
    EXPECT_FALSE(caps.erases);  // R3, R13: the server's WAL, backups and replicas are out of reach
    EXPECT_NE(caps.erasure_gaps.find("backups"), std::string::npos);
    const auto report = repo.sweep(admin, d(2020, 8, 1), Policy{});
    EXPECT_EQ(report.anonymised, std::vector<std::string>{"T-1"});
    EXPECT_FALSE(report.erasure_guaranteed);
    // vacuumed right after the commit; another test's transaction in the same database may hold
    // the dead copy for a while, and then the erasure is reported pending until a VACUUM got it
    for (int k = 0; k < 300 && repo.erasure_pending(); ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        repo.vacuum();
    }
    EXPECT_FALSE(repo.erasure_pending());
    pg::Connection raw(conninfo);
    EXPECT_EQ(raw.exec("SELECT count(*) FROM cases WHERE doc::text LIKE $1", {"%" + name + "%"}).text(0, 0), "0");
    // no dead row version left behind either, in the table or its TOAST table (counted exactly, not from statistics)
    raw.exec("CREATE EXTENSION IF NOT EXISTS pgstattuple SCHEMA public");
    EXPECT_EQ(raw.exec("SELECT dead_tuple_count FROM public.pgstattuple('cases')").text(0, 0), "0");
    EXPECT_EQ(raw.exec("SELECT dead_tuple_count FROM public.pgstattuple((SELECT reltoastrelid FROM pg_class WHERE oid = 'cases'::regclass))")
                  .text(0, 0),
              "0");
}

TEST(Postgres, WritersInSeveralProcessesLoseNoUpdateAndDuplicateNothing) {
    TempDir dir;
    const std::string conninfo = pg_schema(dir.tag());
    constexpr int processes = 8, rounds = 200, shared = 4;
    {
        PostgresRepository repo({conninfo, true}, options_with(nullptr));
        for (int k = 0; k < shared; ++k) stored_case(repo, "S-" + std::to_string(k));
    }
    std::vector<pid_t> children;
    for (int p = 0; p < processes; ++p) {
        const pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            int failures = 0;
            try {
                PostgresRepository repo({conninfo, true}, options_with(nullptr));
                for (int r = 0; r < rounds; ++r) {
                    const std::string id = "S-" + std::to_string((p + r) % shared);
                    // a store-side step on whatever is stored: retried on a lost race, never lost
                    repo.step(worker, id, 0, "add_journal_entry", [&](Case& c) {
                        add_journal_entry(c, {d(2020, 5, 2), ContactKind::phone, ContactTopic::counselling, true, {},
                                              "p" + std::to_string(p) + "r" + std::to_string(r)},
                                          Policy{});
                        return std::vector<Case>{};
                    });
                    // and a create that every process tries: exactly one may win
                    Case dup = case_at(Stage::opened);
                    dup.id = "D-" + std::to_string(r);
                    try {
                        repo.create(worker, dup);
                    } catch (const error& e) {
                        if (e.code() != errc::already_exists) {
                            std::fprintf(stderr, "process %d, create: %s\n", p, e.what());
                            ++failures;
                        }
                    }
                }
            } catch (const std::exception& e) {
                std::fprintf(stderr, "process %d: %s\n", p, e.what());
                ++failures;
            }
            _exit(failures == 0 ? 0 : 1);
        }
        children.push_back(pid);
    }
    for (pid_t pid : children) {
        int status = 0;
        waitpid(pid, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    PostgresRepository repo({conninfo, true}, options_with(nullptr));
    std::size_t entries = 0;
    for (int k = 0; k < shared; ++k) {
        const Case c = repo.load(worker, "S-" + std::to_string(k));
        entries += c.journal.size();
        EXPECT_EQ(c.version, 1 + static_cast<std::int64_t>(c.journal.size()));  // one version per step, none lost
    }
    EXPECT_EQ(entries, static_cast<std::size_t>(processes * rounds));
    CaseQuery dups;
    dups.phase = Phase::intake;
    EXPECT_EQ(repo.query(lead, dups).size(), static_cast<std::size_t>(rounds));
}

TEST(Postgres, AnOfficeMovesFromItsFileAllOrNothing) {
    TempDir dir;
    SqliteRepository file(sqlite_at(dir.file("office.sqlite")), options_with(nullptr));
    stored_case(file, "T-1");
    stored_case(file, "T-2");
    (void)file.load(worker, "T-1");
    PostgresRepository server({pg_schema(dir.tag()), true}, options_with(nullptr));
    EXPECT_EQ(error_of([&] { file.migrate_to(worker, server); }).code(), errc::access_denied);  // administrators only
    EXPECT_EQ(file.migrate_to(admin, server), 2u);
    AuditQuery t1;
    t1.case_id = "T-1";
    EXPECT_EQ(server.audit_trail(admin, t1).size(), 2u);  // create and load came along
    EXPECT_EQ(server.load(worker, "T-1").version, 1);
    EXPECT_EQ(json::to_string(server.load(worker, "T-2")), json::to_string(file.load(worker, "T-2")));
    const auto again = error_of([&] { file.migrate_to(admin, server); });
    EXPECT_EQ(again.code(), errc::already_exists);
    EXPECT_EQ(server.query(lead, {}).size(), 2u);
}

TEST(Postgres, ADamagedDocumentStopsTheMoveBeforeAnythingIsWritten) {
    TempDir dir;
    const std::string path = dir.file("office.sqlite");
    {
        SqliteRepository file(sqlite_at(path), options_with(nullptr));
        stored_case(file, "T-1");
        stored_case(file, "T-2");
    }
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "UPDATE cases SET doc = '{broken' WHERE id = 'T-2'", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    SqliteRepository file(sqlite_at(path), options_with(nullptr));
    PostgresRepository server({pg_schema(dir.tag()), true}, options_with(nullptr));
    EXPECT_EQ(error_of([&] { file.migrate_to(admin, server); }).code(), errc::storage_corrupt);
    EXPECT_TRUE(server.query(lead, {}).empty());
}

TEST(Postgres, TheLibrarysDayToDayRoleMayOnlyAppendToTheAudit) {
    TempDir dir;
    const std::string schema = dir.tag();
    {
        PostgresRepository owner({pg_schema(schema), true}, options_with(nullptr));  // the first open creates the tables
        stored_case(owner, "T-1");
    }
    const std::string role = "r" + schema;
    pg::Connection su(pg_conninfo());
    // the grants of README, "PostgreSQL for operators"
    su.exec("CREATE ROLE " + role + " LOGIN");
    su.exec("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
    su.exec("GRANT SELECT, INSERT, UPDATE ON " + schema + ".cases, " + schema + ".partners TO " + role);
    su.exec("GRANT SELECT, INSERT ON " + schema + ".audit TO " + role);
    su.exec("GRANT SELECT, INSERT ON " + schema + ".sealing TO " + role);
    su.exec("GRANT SELECT ON " + schema + ".jmdcm_schema TO " + role);
    su.exec("GRANT USAGE ON SEQUENCE " + schema + ".audit_seq_seq TO " + role);
    std::string app = pg_conninfo();
    app.replace(app.find("user=postgres"), 13, "user=" + role);
    app += " options=-csearch_path=" + schema;
    PostgresRepository store({app, false}, options_with(nullptr));
    const Case c = store.step(worker, "T-1", 0, "add_journal_entry", [](Case& x) {
        add_journal_entry(x, {d(2020, 5, 2), ContactKind::phone, ContactTopic::counselling, true, {}, "Anruf"}, Policy{});
        return std::vector<Case>{};
    });
    EXPECT_EQ(c.version, 2);
    AuditQuery q;
    q.case_id = "T-1";
    EXPECT_GE(store.audit_trail(admin, q).size(), 2u);
    pg::Connection raw(app);
    for (const char* sql : {"DELETE FROM audit", "UPDATE audit SET detail = 'x'", "TRUNCATE audit", "DROP TABLE audit"})
        EXPECT_NE(error_of([&] { raw.exec(sql); }).code(), errc::ok) << sql;
    EXPECT_EQ(error_of([&] { raw.exec("DELETE FROM audit"); }).code(), errc::storage_readonly);  // permission denied (42501)
}

namespace {

/// Connections the test's store holds open, by its application_name.
int connections_named(const std::string& app) {
    pg::Connection raw(pg_conninfo());
    return std::stoi(raw.exec("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", {app}).text(0, 0));
}

/// Two threads each open a transaction on `repo` and wait there for the other (up to 2 s):
/// whether both transactions were open at once.
bool transactions_overlap(Repository& repo) {
    std::mutex m;
    std::condition_variable cv;
    int inside = 0;
    bool overlapped = false;
    auto body = [&](CaseStore& s) {
        (void)s.query(lead, {});   // a call inside joins the thread's transaction, on its connection
        std::unique_lock lock(m);
        ++inside;
        cv.notify_all();
        if (cv.wait_for(lock, std::chrono::seconds(2), [&] { return inside == 2; })) overlapped = true;
        --inside;
    };
    std::thread a([&] { repo.transact(lead, body); });
    std::thread b([&] { repo.transact(lead, body); });
    a.join();
    b.join();
    return overlapped;
}

}  // namespace

TEST(Postgres, OneStoreSharedByThreadsUsesItsPoolAndLosesNoUpdate) {
    TempDir dir;
    const std::string app = "pool" + dir.tag();
    PostgresOptions db{pg_schema(dir.tag()) + " application_name=" + app, true, 3};
    PostgresRepository repo(db, options_with(nullptr));
    constexpr int threads = 8, rounds = 40, shared = 4;
    for (int k = 0; k < shared; ++k) stored_case(repo, "S-" + std::to_string(k));
    std::atomic<int> failures{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            try {
                for (int r = 0; r < rounds; ++r)
                    repo.step(worker, "S-" + std::to_string((t + r) % shared), 0, "add_journal_entry", [&](Case& c) {
                        add_journal_entry(c, {d(2020, 5, 2), ContactKind::phone, ContactTopic::counselling, true, {},
                                              "t" + std::to_string(t) + "r" + std::to_string(r)},
                                          Policy{});
                        return std::vector<Case>{};
                    });
            } catch (const std::exception& e) {
                std::fprintf(stderr, "thread %d: %s\n", t, e.what());
                ++failures;
            }
        });
    for (auto& w : workers) w.join();
    EXPECT_EQ(failures.load(), 0);
    std::size_t entries = 0;
    for (int k = 0; k < shared; ++k) {
        const Case c = repo.load(worker, "S-" + std::to_string(k));
        entries += c.journal.size();
        EXPECT_EQ(c.version, 1 + static_cast<std::int64_t>(c.journal.size()));
    }
    EXPECT_EQ(entries, static_cast<std::size_t>(threads * rounds));
    const int open = connections_named(app);
    EXPECT_GE(open, 1);
    EXPECT_LE(open, 3);   // never more than the pool's size
    AuditQuery q;
    q.operation = Operation::save;
    auto saves = repo.audit_trail(admin, q);
    std::erase_if(saves, [](const AuditRecord& r) { return r.detail.find("rolled back") != std::string::npos; });  // lost races, retried
    EXPECT_EQ(saves.size(), static_cast<std::size_t>(threads * rounds));  // every committed step audited once
}

TEST(Postgres, APoolOfTwoRunsTwoTransactionsAtOnceAndAPoolOfOneOneAfterTheOther) {
    TempDir dir;
    const std::string conninfo = pg_schema(dir.tag());
    PostgresRepository two({conninfo, true, 2}, options_with(nullptr));
    EXPECT_TRUE(transactions_overlap(two));
    PostgresRepository one({conninfo, true, 1}, options_with(nullptr));
    EXPECT_FALSE(transactions_overlap(one));   // the second waits for the connection
}

TEST(Postgres, AnImportLargerThanOneStatementIsWrittenWholeWithItsAudit) {
    TempDir dir;
    PostgresRepository repo({pg_schema(dir.tag()), true}, options_with(nullptr));
    std::vector<Case> cases;
    for (int k = 0; k < 1201; ++k) {   // three multi-row INSERTs of at most 500
        cases.push_back(case_at(Stage::consented));
        cases.back().id = "I-" + std::to_string(10000 + k);
    }
    repo.create_all(worker, cases);
    EXPECT_EQ(repo.query(lead, {}).size(), 1201u);
    EXPECT_EQ(repo.load(worker, "I-11200").version, 1);
    AuditQuery q;
    q.operation = Operation::create;
    EXPECT_EQ(repo.audit_trail(admin, q).size(), 1201u);
}
