// R3/R13 erasure that holds on disk: after withdrawal or anonymisation the removed
// values are gone from the raw bytes of the database file and its -wal and -journal.
#include "storage_fixtures.hpp"

#include <atomic>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace jmdcm;
using namespace jmdcm::test;

namespace {
const Actor fk{"fachkraft-1", Role::case_worker};

/// Withdraws Samira's consent by the store-side step.
void withdraw(SqliteRepository& repo) {
    repo.step(fk, example::samira_case_id, 0, "withdraw_consent", [](Case& c) {
        withdraw_consent(c, d(2017, 4, 3));
        return std::vector<Case>{};
    });
}

/// Another connection in the middle of a read: it holds an old snapshot of the file.
struct Reader {
    explicit Reader(const std::string& path) {
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        sqlite3_prepare_v2(db, "SELECT doc FROM cases", -1, &st, nullptr);
        sqlite3_step(st);  // the snapshot is taken and kept while the statement is on a row
    }
    ~Reader() {
        sqlite3_finalize(st);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    sqlite3* db = nullptr;
    sqlite3_stmt* st = nullptr;
};
}  // namespace

TEST(Erasure, R3_WithdrawnConsentLeavesNoTraceInTheFiles) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteRepository repo(sqlite_at(path), options_with(nullptr));
    example::run_samira(repo, fk, Policy{});
    ASSERT_FALSE(found_on_disk(path).empty()) << "the test must see the values before erasure";
    Case c = repo.load(fk, example::samira_case_id);
    withdraw_consent(c, d(2017, 4, 3));
    EXPECT_EQ(error_of([&] { repo.save(fk, c); }).code(), errc::case_anonymised);  // R13: only the step anonymises
    repo.step(fk, example::samira_case_id, 0, "withdraw_consent", [](Case& x) {
        withdraw_consent(x, d(2017, 4, 3));
        return std::vector<Case>{};
    });
    EXPECT_EQ(found_on_disk(path), std::vector<std::string>{});
    EXPECT_TRUE(repo.integrity_ok());
}

TEST(Erasure, R13_AnonymisationBySweepLeavesNoTraceInTheFiles) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteRepository repo(sqlite_at(path), options_with(nullptr));
    example::run_samira(repo, fk, Policy{});
    const auto report = repo.sweep(admin, d(2017, 12, 20), Policy{});   // nine months after the last contact (R13)
    ASSERT_EQ(report.anonymised.size(), 1u);
    EXPECT_EQ(found_on_disk(path), std::vector<std::string>{});
    // still there for the statistics
    const Case c = repo.load(admin, example::samira_case_id);
    EXPECT_EQ(c.skeleton->age_band_at_intake, AgeBand::from_21_to_24);
}

TEST(Erasure, R13_AdministratorAnonymisationLeavesNoTraceInTheFiles) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteRepository repo(sqlite_at(path), options_with(nullptr));
    example::run_samira(repo, fk, Policy{});
    repo.anonymise_case(admin, example::samira_case_id, d(2017, 3, 20));
    EXPECT_EQ(found_on_disk(path), std::vector<std::string>{});
}

TEST(Erasure, R3_AReaderHoldingASnapshotDelaysTheErasureUntilItIsGone) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteRepository repo(sqlite_at(path), options_with(nullptr));
    example::run_samira(repo, fk, Policy{});
    {
        Reader reader(path);
        withdraw(repo);
        EXPECT_TRUE(repo.erasure_pending());
        EXPECT_FALSE(repo.checkpoint());                // the WAL cannot be cleaned while the reader is there
        EXPECT_FALSE(found_on_disk(path).empty());      // so the old pages are still in it: not a vacuous test
        const auto report = repo.sweep({"ad-1", Role::administrator}, d(2017, 4, 4), Policy{});
        EXPECT_TRUE(report.erasure_pending);            // and the sweep says so
    }
    EXPECT_TRUE(repo.checkpoint());
    EXPECT_FALSE(repo.erasure_pending());
    EXPECT_EQ(found_on_disk(path), std::vector<std::string>{});
}

TEST(Erasure, R3_ACrashBetweenCommitAndCheckpointIsFinishedOnTheNextOpen) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {  // commits the withdrawal, cannot checkpoint (a reader), and dies like kill -9
        SqliteRepository repo(sqlite_at(path), options_with(nullptr));
        example::run_samira(repo, fk, Policy{});
        Reader reader(path);
        withdraw(repo);
        _exit(repo.erasure_pending() ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ASSERT_FALSE(found_on_disk(path).empty());  // what the crash left behind in the WAL
    SqliteRepository reopened(sqlite_at(path), options_with(nullptr));
    EXPECT_FALSE(reopened.erasure_pending());
    EXPECT_EQ(found_on_disk(path), std::vector<std::string>{});
    EXPECT_FALSE(reopened.load(fk, example::samira_case_id).person.has_value());
}

namespace {
/// Counts the temporary files SQLite opens (statement journals, sorts, transient tables):
/// the default VFS with an xOpen that notes them, for as long as it lives.
class TemporaryFiles {
public:
    TemporaryFiles() : vfs_(*(real_ = sqlite3_vfs_find(nullptr))) {
        vfs_.zName = "jmdcm-test-temporary-files";
        vfs_.pNext = nullptr;
        vfs_.xOpen = &TemporaryFiles::open;
        opened_ = 0;
        sqlite3_vfs_register(&vfs_, 1);
    }
    ~TemporaryFiles() {
        sqlite3_vfs_unregister(&vfs_);
        sqlite3_vfs_register(real_, 1);
    }
    int opened() const { return opened_; }

private:
    static int open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out) {
        constexpr int temporary = SQLITE_OPEN_SUBJOURNAL | SQLITE_OPEN_TEMP_JOURNAL | SQLITE_OPEN_TEMP_DB | SQLITE_OPEN_TRANSIENT_DB;
        if (!name || (flags & temporary)) ++opened_;
        return real_->xOpen(real_, name, file, flags, out);
    }
    static inline std::atomic<int> opened_{0};
    static inline sqlite3_vfs* real_ = nullptr;   // the VFS this one wraps
    sqlite3_vfs vfs_;
};
}  // namespace

TEST(Erasure, R13_NoPageOfACaseGoesToATemporaryFile) {
    // A statement journal that outgrows 64 KiB goes to an unlinked file in /var/tmp: copies of
    // pages of the file, a person's data among them, on a disk no erasure (secure_delete, the
    // truncating checkpoint) reaches. Here a case's document of some 130 KB is rewritten: its
    // old pages are zeroed, and the statement journals each of them first. The store keeps
    // its temporary files in memory; without that, this test sees one opened.
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    StoreOptions o = options_with(nullptr);
    o.today = [] { return d(2022, 6, 1); };
    TemporaryFiles temporary;   // a connection keeps the VFS it was opened with: this one first
    SqliteRepository repo(sqlite_at(path), o);
    SyntheticOptions so;
    so.case_workers = 1;
    const Actor worker{"fk-01", Role::case_worker};
    Case c = synthetic_case(so, 0);
    for (std::uint64_t i = 1; !is_running(c) || !c.consent; ++i) c = synthetic_case(so, i);
    repo.create(worker, c);
    const auto notes = [&](int n) {
        repo.step(worker, c.id, 0, "add_journal_entry", [n](Case& x) {
            for (int i = 0; i < n; ++i) {
                JournalEntry e;
                e.date = x.last_activity;
                e.note = FreeText("Notiz " + std::to_string(i) + ": " + std::string(300, 'x'));
                add_journal_entry(x, e, Policy{});
            }
            return std::vector<Case>{};
        });
    };
    notes(400);   // some 130 KB, in new pages at the end of the file
    notes(1);     // those pages are freed and zeroed
    EXPECT_EQ(temporary.opened(), 0);
    EXPECT_TRUE(repo.integrity_ok());
}
