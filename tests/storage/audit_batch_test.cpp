// The audit records of reads wait for the next commit (StoreOptions::audit_batch, issue 13):
// when they are written, that none is lost short of a crash, and exactly what a crash loses.
#include "storage_fixtures.hpp"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

/// The audit rows in the file, read by a connection of its own (what another process sees).
long rows_on_disk(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return -1;
    sqlite3_stmt* st = nullptr;
    long n = -1;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM audit", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = static_cast<long>(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

StoreOptions batch_of(std::size_t n) {
    StoreOptions o = options_with(nullptr);
    o.audit_batch = n;
    return o;
}

void create(Repository& repo, const std::string& id) {
    Case c = case_at(Stage::planned);
    c.id = id;
    repo.create(worker, c);
}

}  // namespace

TEST(AuditBatch, ReadsWaitAndTheNextWriteTakesThemAlongInOrder) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteRepository repo(sqlite_at(path), batch_of(8));
    create(repo, "T-1");
    for (int i = 0; i < 3; ++i) repo.load(worker, "T-1");
    EXPECT_EQ(rows_on_disk(path), 1);   // the create's; the three loads wait
    create(repo, "T-2");
    EXPECT_EQ(rows_on_disk(path), 5);   // written with the second create's commit
    const auto log = repo.audit_log(admin);
    ASSERT_EQ(log.size(), 5u);
    EXPECT_EQ(log[1].operation, Operation::load);
    EXPECT_EQ(log[3].operation, Operation::load);
    EXPECT_EQ(log[4].operation, Operation::create);   // the reads before the write that took them
    EXPECT_EQ(log[4].case_id, "T-2");
}

TEST(AuditBatch, TheReadThatFillsTheBatchWritesIt) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteRepository repo(sqlite_at(path), batch_of(4));
    create(repo, "T-1");
    for (int i = 0; i < 3; ++i) repo.load(worker, "T-1");
    EXPECT_EQ(rows_on_disk(path), 1);
    repo.load(worker, "T-1");
    EXPECT_EQ(rows_on_disk(path), 5);
}

TEST(AuditBatch, ADenialNeverWaits) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteRepository repo(sqlite_at(path), batch_of(32));
    create(repo, "T-1");
    repo.load(worker, "T-1");
    EXPECT_THROW(repo.load(colleague, "T-1"), error);
    EXPECT_EQ(rows_on_disk(path), 3);   // the denial at once, the allowed read before it along
}

TEST(AuditBatch, AnAuditQueryAndClosingTheStoreWriteWhatWaits) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    {
        SqliteRepository repo(sqlite_at(path), batch_of(32));
        create(repo, "T-1");
        repo.load(worker, "T-1");
        repo.query(worker, {});
        EXPECT_EQ(rows_on_disk(path), 1);
        EXPECT_EQ(repo.audit_log(admin).size(), 3u);   // the log a reader asks for holds every read so far
        EXPECT_EQ(rows_on_disk(path), 3);
        repo.load(worker, "T-1");
        EXPECT_EQ(rows_on_disk(path), 3);   // the audit query's own record and the load's wait
    }
    EXPECT_EQ(rows_on_disk(path), 5);   // closing wrote them
}

TEST(AuditBatch, ARolledBackWriteLeavesTheReadsRecordsWaiting) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteRepository repo(sqlite_at(path), batch_of(32));
    create(repo, "T-1");
    repo.load(worker, "T-1");
    repo.load(worker, "T-1");
    EXPECT_THROW(repo.transact(worker, [&](CaseStore& tx) {
        Case c = tx.load(worker, "T-1");
        throw std::runtime_error("the host gives up");
    }),
                 std::runtime_error);
    create(repo, "T-2");
    const auto log = repo.audit_log(admin);
    ASSERT_EQ(log.size(), 5u);   // create, two loads, the rolled-back load (so marked), create
    EXPECT_EQ(log[1].operation, Operation::load);
    EXPECT_EQ(log[2].operation, Operation::load);
    EXPECT_EQ(log[3].detail, " (rolled back)");
    EXPECT_EQ(log[4].case_id, "T-2");
}

TEST(AuditBatch, ACrashLosesOnlyTheAllowedReadsThatWait) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    { SqliteRepository repo(sqlite_at(path), batch_of(4)); create(repo, "T-1"); }
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        SqliteRepository repo(sqlite_at(path), batch_of(4));
        for (int i = 0; i < 6; ++i) repo.load(worker, "T-1");   // four written by the batch, two wait
        try {
            repo.load(colleague, "T-1");   // a denial: written at once, with what waits
        } catch (...) {
        }
        repo.load(worker, "T-1");
        repo.load(worker, "T-1");   // these two wait ...
        ::_exit(0);                 // ... and die with the process, no destructor run
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(rows_on_disk(path), 1 + 6 + 1);   // the create, six loads, the denial: two allowed reads lost
}

TEST(AuditBatch, OneWritesEachReadInItsOwnCommit) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteRepository repo(sqlite_at(path), batch_of(1));
    create(repo, "T-1");
    repo.load(worker, "T-1");
    EXPECT_EQ(rows_on_disk(path), 2);
}

TEST(AuditBatch, AReadDoesNotWaitForAnotherProcessWriting) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteOptions o = sqlite_at(path);
    o.busy_timeout_ms = 50;
    SqliteRepository repo(o, batch_of(32));
    create(repo, "T-1");
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_EQ(repo.load(worker, "T-1").id, "T-1");   // a snapshot: no write lock wanted
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    create(repo, "T-2");
    EXPECT_EQ(rows_on_disk(path), 3);
}
