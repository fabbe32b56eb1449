// The SQLite file itself: WAL, schema versions and migration, hostile or broken files,
// read-only places, a full disk, the append-only audit log, several connections.
#include "storage_fixtures.hpp"

#include "../../src/sqlite/sqlite_schema.hpp"

#include <sqlite3.h>

#include <random>
#include <set>
#include <thread>

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

/// Raw SQL on a file, bypassing the store (to build old or tampered files).
void raw(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    const std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << msg;
}

Case stored_case(SqliteRepository& repo, std::string id) {
    Case c = case_at(Stage::planned);
    c.id = std::move(id);
    repo.create(worker, c);
    return c;
}
}  // namespace

TEST(SqliteFile, UsesWalAndTheCurrentSchemaAndPersistsAcrossReopen) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    {
        SqliteRepository repo(sqlite_at(path), options_with(nullptr));
        EXPECT_EQ(repo.schema_version(), sqlite_schema_version);
        stored_case(repo, "T-1");
        EXPECT_TRUE(std::filesystem::exists(path + "-wal"));
    }
    SqliteRepository again(sqlite_at(path), options_with(nullptr));
    EXPECT_EQ(again.load(worker, "T-1").plans.size(), 1u);
    EXPECT_TRUE(again.integrity_ok());
}

TEST(SqliteFile, MigratesAVersionOneFileForwardKeepingItsCases) {
    TempDir dir;
    const auto path = dir.file("old.sqlite");
    const Case c = case_at(Stage::consented);
    raw(path, std::string(sqlite::migrations()[0]) + "PRAGMA user_version=1;" +
                  "INSERT INTO cases VALUES('T-1',1,'JMD Test','fk-1','cm','intake',1,0,'2020-01-06','2020-01-06','2020-01-06','" +
                  json::to_string(c) + "');");
    SqliteRepository repo(sqlite_at(path), options_with(nullptr));
    EXPECT_EQ(repo.schema_version(), sqlite_schema_version);
    EXPECT_EQ(repo.load(worker, "T-1").person->given_name.text, "Testa");
    EXPECT_EQ(repo.query(worker, {}).size(), 1u);
}

TEST(SqliteFile, MigratingToVersionSixFindsTheOpenPaperFilesOfAnonymisedCases) {
    TempDir dir;
    const auto path = dir.file("v5.sqlite");
    {
        SqliteRepository repo(sqlite_at(path), options_with(nullptr));
        with_one_open_paper_file(repo);
    }
    raw(path, "DROP INDEX cases_running_by_activity; DROP INDEX cases_running_by_contact; DROP INDEX cases_closed; "
              "DROP INDEX cases_anonymised; CREATE INDEX cases_by_due ON cases(anonymised, running, last_activity); "
              "ALTER TABLE cases DROP COLUMN open_reminders; PRAGMA user_version=5;");   // as a version-5 file has it
    SqliteRepository repo(sqlite_at(path), options_with(nullptr));
    EXPECT_EQ(repo.schema_version(), sqlite_schema_version);
    expect_the_open_paper_file(repo);
}

TEST(SqliteFile, MigratingToVersionNineIndexesTheMonthsAndTheSweepStillFindsItsCases) {
    TempDir dir;
    const auto path = dir.file("v8.sqlite");
    {
        SqliteRepository repo(sqlite_at(path), options_with(nullptr));
        stored_case(repo, "T-1");
    }
    raw(path, "DROP INDEX cases_running_by_activity; DROP INDEX cases_running_by_contact; "
              "CREATE INDEX cases_running_by_activity ON cases(last_activity) WHERE anonymised = 0 AND running = 1; "
              "CREATE INDEX cases_running_by_contact ON cases(last_contact) WHERE anonymised = 0 AND running = 1; "
              "PRAGMA user_version=8;");   // as a version-8 file has them
    SqliteRepository repo(sqlite_at(path), options_with(nullptr));
    EXPECT_EQ(repo.schema_version(), sqlite_schema_version);
    EXPECT_TRUE(repo.integrity_ok());
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_schema WHERE name = 'cases_running_by_activity'", -1, &st, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_NE(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))).find("substr(last_activity, 1, 7)"), std::string::npos);
    sqlite3_finalize(st);
    sqlite3_close(db);
    const auto report = repo.sweep(admin, d(2021, 6, 1), Policy{});   // long after its last activity (R13)
    EXPECT_EQ(report.examined, 1u);
}

TEST(SqliteFile, ACaseOfANewerSchemaIsNotCalledCorrupt) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    { SqliteRepository repo(sqlite_at(path), options_with(nullptr)); stored_case(repo, "T-1"); }
    raw(path, R"(UPDATE cases SET doc = '{"schema":2' || substr(doc, 12))");   // as a newer library would write it
    SqliteRepository repo(sqlite_at(path), options_with(nullptr));
    const auto e = error_of([&] { repo.load(worker, "T-1"); });
    EXPECT_EQ(e.code(), errc::json_schema_version);   // issue 14: the library is too old, the file is fine
    EXPECT_NE(std::string(e.what()).find("schema version 2 is newer than this library reads (1)"), std::string::npos) << e.what();
}

TEST(SqliteFile, RefusesAFileWithANewerSchema) {
    TempDir dir;
    const auto path = dir.file("new.sqlite");
    { SqliteRepository repo(sqlite_at(path), options_with(nullptr)); }
    raw(path, "PRAGMA user_version=99;");
    auto e = error_of([&] { SqliteRepository repo(sqlite_at(path), options_with(nullptr)); });
    EXPECT_EQ(e.code(), errc::storage_schema);
    EXPECT_NE(std::string(e.what()).find("schema version 99"), std::string::npos);
}

TEST(SqliteFile, AFileThatIsNoDatabaseIsRefusedAndLeftAlone) {
    TempDir dir;
    const auto path = dir.file("notes.txt");
    std::ofstream(path) << "Dies ist keine Datenbank, sondern eine Notiz.\n" << std::string(8192, 'x');
    const std::string before = read_bytes(path);
    auto e = error_of([&] { SqliteRepository repo(sqlite_at(path), options_with(nullptr)); });
    EXPECT_EQ(e.code(), errc::storage_corrupt);
    EXPECT_EQ(read_bytes(path), before);
}

TEST(SqliteFile, ACorruptFileGivesAClearErrorNotACrash) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    {
        SqliteRepository repo(sqlite_at(path), options_with(nullptr));
        for (int i = 0; i < 30; ++i) stored_case(repo, "T-" + std::to_string(i));
        repo.checkpoint();
    }
    std::string bytes = read_bytes(path);
    ASSERT_GT(bytes.size(), 4096u * 4);
    for (std::size_t i = 4096; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(0xA5);  // every page but the header
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    auto e = error_of([&] { SqliteRepository repo(sqlite_at(path), options_with(nullptr)); });
    EXPECT_EQ(e.code(), errc::storage_corrupt);
    EXPECT_NE(std::string(e.what()).find("is damaged"), std::string::npos);
    SqliteOptions unchecked = sqlite_at(path);
    unchecked.check_on_open = false;
    SqliteRepository repo(unchecked, options_with(nullptr));
    EXPECT_FALSE(repo.integrity_ok());
}

TEST(SqliteFile, AReadOnlyPlaceIsRefusedClearly) {
    // /proc refuses new files even to root, unlike a chmod'ed directory.
    auto e = error_of([] { SqliteRepository repo(sqlite_at("/proc/self/jmdcm.sqlite"), options_with(nullptr)); });
    EXPECT_EQ(e.code(), errc::storage_readonly);
    EXPECT_NE(std::string(e.what()).find("/proc/self/jmdcm.sqlite"), std::string::npos);
}

TEST(SqliteFile, AReadOnlyConnectionReadsWithTheHostsAuditSinkAndWritesNothing) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    { SqliteRepository repo(sqlite_at(path), options_with(nullptr)); stored_case(repo, "T-1"); }
    SqliteOptions ro = sqlite_at(path);
    ro.read_only = true;
    MemoryAuditSink sink;
    SqliteRepository reader(ro, options_with(&sink));
    EXPECT_EQ(reader.load(worker, "T-1").id, "T-1");
    ASSERT_EQ(sink.records().size(), 1u);  // the access is audited, to the host's sink
    EXPECT_EQ(sink.records()[0].operation, Operation::load);
    Case c = case_at(Stage::opened);
    c.id = "T-2";
    auto e = error_of([&] { reader.create(worker, c); });
    EXPECT_EQ(e.code(), errc::storage_readonly);
    SqliteRepository writer(sqlite_at(path), options_with(nullptr));
    EXPECT_EQ(writer.query(worker, {}).size(), 1u);
    for (const auto& r : writer.audit_log({"ad", Role::administrator})) EXPECT_NE(r.operation, Operation::load);  // the reader wrote nothing
}

TEST(SqliteFile, AReadOnlyConnectionWithoutAnAuditSinkHandsOutNothing) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    { SqliteRepository repo(sqlite_at(path), options_with(nullptr)); stored_case(repo, "T-1"); }
    SqliteOptions ro = sqlite_at(path);
    ro.read_only = true;
    SqliteRepository reader(ro, options_with(nullptr));
    const auto e = error_of([&] { reader.load(worker, "T-1"); });
    EXPECT_EQ(e.code(), errc::storage_readonly);
    EXPECT_NE(std::string(e.what()).find("cannot record the audit"), std::string::npos);
    EXPECT_EQ(error_of([&] { reader.query(worker, {}); }).code(), errc::storage_readonly);
}

TEST(SqliteFile, AFullDiskFailsCleanlyAndKeepsEveryCommittedCase) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteOptions small = sqlite_at(path);
    small.max_page_count = 40;  // about 160 KiB
    std::vector<std::string> committed;
    {
        SqliteRepository repo(small, options_with(nullptr));
        errc last = errc::ok;
        for (int i = 0; i < 1000 && last == errc::ok; ++i) {
            Case c = case_at(Stage::implementing);
            c.id = "T-" + std::to_string(i);
            try {
                repo.create(worker, c);
                committed.push_back(c.id);
            } catch (const error& e) {
                last = e.code();
                EXPECT_EQ(c.version, 0);  // the caller's copy is untouched
            }
        }
        EXPECT_EQ(last, errc::storage_full);
        EXPECT_GT(committed.size(), 3u);
    }
    SqliteRepository repo(sqlite_at(path), options_with(nullptr));
    EXPECT_TRUE(repo.integrity_ok());
    const auto rows = repo.query(worker, {});
    EXPECT_EQ(rows.size(), committed.size());
    for (const auto& id : committed) EXPECT_EQ(repo.load(worker, id).plans.size(), 1u);
}

TEST(SqliteFile, TheAuditLogIsAppendOnlyAndHoldsDenials) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    {
        SqliteRepository repo(sqlite_at(path), options_with(nullptr));
        stored_case(repo, "T-1");
        EXPECT_THROW(repo.load({"fk-2", Role::case_worker}, "T-1"), error);
        const auto log = repo.audit_log(admin);
        ASSERT_EQ(log.size(), 2u);
        EXPECT_TRUE(log[0].allowed);
        EXPECT_FALSE(log[1].allowed);
        EXPECT_EQ(log[1].detail, "access_denied");
        EXPECT_EQ(error_of([&] { repo.audit_log(worker); }).code(), errc::access_denied);
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db, "UPDATE audit SET allowed = 1", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

TEST(SqliteFile, ADenialInsideARolledBackTransactionStaysAudited) {
    TempDir dir;
    SqliteRepository repo(sqlite_at(dir.file("db.sqlite")), options_with(nullptr));
    stored_case(repo, "T-1");
    EXPECT_THROW(repo.transact(worker, [&](CaseStore& tx) { tx.load({"fk-2", Role::case_worker}, "T-1"); }), error);
    const auto log = repo.audit_log(admin);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_FALSE(log.back().allowed);
    EXPECT_EQ(log.back().actor, "fk-2");
}

TEST(SqliteFile, TwoConnectionsShareOneFile) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteRepository first(sqlite_at(path), options_with(nullptr));
    SqliteRepository second(sqlite_at(path), options_with(nullptr));
    std::thread a([&] { for (int i = 0; i < 40; ++i) stored_case(first, "A-" + std::to_string(i)); });
    std::thread b([&] { for (int i = 0; i < 40; ++i) stored_case(second, "B-" + std::to_string(i)); });
    a.join();
    b.join();
    EXPECT_EQ(first.query(worker, {}).size(), 80u);
    EXPECT_TRUE(second.integrity_ok());
}

TEST(SqliteFile, CommitsSyncAgainAfterAReadThatMetABusyFile) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    SqliteOptions o = sqlite_at(path);
    o.busy_timeout_ms = 50;
    StoreOptions each = options_with(nullptr);
    each.audit_batch = 1;   // each read commits its audit record: the relaxed level is in play
    SqliteRepository repo(o, each);
    stored_case(repo, "T-1");
    ASSERT_EQ(repo.synchronous(), 2);  // FULL: every data commit is synced
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);  // another process writes
    EXPECT_EQ(error_of([&] { repo.load(worker, "T-1"); }).code(), errc::storage_busy);  // an audited read meets it
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    EXPECT_EQ(repo.synchronous(), 2);  // the read's relaxed level did not outlive it
}

TEST(SqliteFile, AnImportInBatchesKeepsEveryAuditRecordAndIsAllOrNothing) {
    // Without a host's sink the store hands a long transaction's audit records to the file
    // batch by batch (memory stays bounded); none is lost, and a rollback takes them along.
    TempDir dir;
    StoreOptions o = options_with(nullptr);
    o.today = [] { return d(2022, 6, 1); };   // within the synthetic histories' consents
    SqliteRepository repo(sqlite_at(dir.file("db.sqlite")), o);
    SyntheticOptions so;
    so.case_workers = 1;
    auto batch = [&](std::uint64_t from, std::uint64_t n) {
        std::vector<Case> out;
        for (std::uint64_t i = from; i < from + n; ++i) out.push_back(synthetic_case(so, i));
        return out;
    };
    const Actor fk{"fk-01", Role::case_worker};
    repo.transact(fk, [&](CaseStore& tx) {
        for (std::uint64_t b = 0; b < 3; ++b) {
            auto cases = batch(b * 10, 10);
            tx.create_all(fk, cases);
        }
    });
    AuditQuery creates;
    creates.operation = Operation::create;
    EXPECT_EQ(repo.audit_trail(admin, creates).size(), 30u);
    EXPECT_EQ(repo.query(fk, CaseQuery{}).size(), 30u);

    // the second batch is refused (not the actor's cases): nothing of the first stays
    const Actor other{"fk-02", Role::case_worker};
    EXPECT_THROW(repo.transact(other, [&](CaseStore& tx) {
        SyntheticOptions theirs;
        theirs.case_workers = 1;
        theirs.seed = 99;
        std::vector<Case> first;
        for (std::uint64_t i = 0; i < 10; ++i) {
            first.push_back(synthetic_case(theirs, i));
            first.back().case_worker = other.id;
            first.back().id = "OTHER-" + std::to_string(i);
        }
        tx.create_all(other, first);
        auto second = batch(100, 10);   // fk-01's
        tx.create_all(other, second);
    }),
                 error);
    EXPECT_EQ(repo.audit_trail(admin, creates).size(), 31u);   // the thirty, and the refusal
    EXPECT_EQ(repo.query(admin, CaseQuery{}).size(), 30u);
}

// Issue 13: an update sets only the summary columns that change (so SQLite leaves the other
// indexes alone). Whatever a write changes, the columns must still say what the document says.
namespace {
std::vector<std::pair<CaseSummary, CaseSummary>> columns_against_documents(const std::string& path) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT id, version, office, case_worker, kind, phase, running, anonymised, opened, last_activity, "
                           "last_contact, open_reminders, doc FROM cases ORDER BY id", -1, &st, nullptr);
    std::vector<std::pair<CaseSummary, CaseSummary>> out;
    auto text = [&](int col) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, col))); };
    while (sqlite3_step(st) == SQLITE_ROW) {
        CaseSummary columns;
        columns.id = text(0);
        columns.version = sqlite3_column_int64(st, 1);
        columns.office = text(2);
        columns.case_worker = text(3);
        boost::describe::enum_from_string(text(4).c_str(), columns.kind);
        boost::describe::enum_from_string(text(5).c_str(), columns.phase);
        columns.running = sqlite3_column_int(st, 6) != 0;
        columns.anonymised = sqlite3_column_int(st, 7) != 0;
        columns.opened = parse_iso(text(8)).value();
        columns.last_activity = parse_iso(text(9)).value();
        columns.last_contact = parse_iso(text(10)).value();
        columns.open_reminders = sqlite3_column_int(st, 11) != 0;
        out.emplace_back(columns, summarise(json::from_string<Case>(text(12))));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}
}  // namespace

TEST(SqliteFile, Issue13_TheSummaryColumnsFollowEveryWriteThatSetsOnlyWhatChanged) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    {
        SqliteRepository repo(sqlite_at(path), options_with(nullptr));
        for (const char* id : {"T-1", "T-2", "T-3"}) stored_case(repo, id);
        // the phase only; last activity and contact; a closure (running, phase); an anonymisation
        repo.step(worker, "T-1", 0, "change_phase", [](Case& c) {
            change_phase(c, Phase::implementation, d(2020, 2, 3), Policy{});
            return std::vector<Case>{};
        });
        repo.step(worker, "T-2", 0, "add_journal_entry", [](Case& c) {
            JournalEntry talk;
            talk.date = d(2020, 3, 2);
            add_journal_entry(c, talk, Policy{});
            return std::vector<Case>{};
        });
        repo.step(worker, "T-3", 0, "close_case", [](Case& c) {
            close_case(c, closing(ClosureReason::goals_reached, d(2020, 3, 9)), Policy{});
            return std::vector<Case>{};
        });
        repo.anonymise_case(admin, "T-3", d(2020, 4, 1));
        // and the queries that go by the partial indexes see every change
        CaseQuery implementation;
        implementation.phase = Phase::implementation;
        ASSERT_EQ(repo.query(admin, implementation).size(), 1u);
        EXPECT_EQ(repo.query(admin, implementation)[0].id, "T-1");
        CaseQuery anonymised;
        anonymised.anonymised = true;
        ASSERT_EQ(repo.query(admin, anonymised).size(), 1u);
        EXPECT_EQ(repo.query(admin, anonymised)[0].id, "T-3");
        CaseQuery running;
        running.running = true;
        running.anonymised = false;
        EXPECT_EQ(repo.query(admin, running).size(), 2u);
    }
    const auto rows = columns_against_documents(path);
    ASSERT_EQ(rows.size(), 3u);
    for (const auto& [columns, document] : rows) EXPECT_EQ(json::to_string(columns), json::to_string(document)) << columns.id;
    EXPECT_EQ(rows[0].first.phase, Phase::implementation);
    EXPECT_EQ(rows[1].first.last_activity, d(2020, 3, 2));
    EXPECT_TRUE(rows[2].first.anonymised);

    // A host that writes without reading first (no row known in the transaction) sets every column.
    SqliteBackend backend(sqlite_at(path));
    Case handed = json::from_string<Case>(backend.get_case("T-1")->document);
    handed.case_worker = "fk-2";
    handed.version += 1;
    CaseRow row{summarise(handed), {}, json::to_string(handed), std::nullopt};
    backend.begin(TxKind::write);
    backend.put_case(row, handed.version - 1, false);
    backend.commit();
    EXPECT_EQ(columns_against_documents(path)[0].first.case_worker, "fk-2");
}

TEST(SqliteFile, Issue13_TheSweepsRangesByMonthFindEveryCaseDueToTheDay) {
    // Schema 9 indexes the running cases by the month of their last activity and contact;
    // the day decides. Whatever the dates and the cut-off days (month ends, month starts,
    // leap days), the candidates are exactly the rows the library's own judge (matches)
    // finds among all of them: none is missed at a month's edge, none is added.
    TempDir dir;
    SqliteBackend backend(sqlite_at(dir.file("db.sqlite")));
    std::mt19937 rng(13);
    std::vector<CaseRow> all;
    backend.begin(TxKind::write);
    for (int i = 0; i < 600; ++i) {
        CaseRow row;
        CaseSummary& s = row.summary;
        s.id = "M-" + std::to_string(1000 + i);
        s.version = 1;
        s.office = "FFM";
        s.case_worker = "fk-1";
        s.running = rng() % 8 != 0;
        s.anonymised = rng() % 10 == 0;
        s.opened = d(2019, 1, 1);
        s.last_activity = d(2019, 12, 1) + boost::gregorian::days(static_cast<long>(rng() % 190));
        s.last_contact = s.last_activity - boost::gregorian::days(static_cast<long>(rng() % 70));
        row.document = "{}";
        backend.put_case(row, 0, false);
        all.push_back(row);
    }
    backend.commit();
    for (const Date activity : {d(2020, 3, 1), d(2020, 2, 29), d(2020, 3, 15), d(2020, 3, 31), d(2020, 1, 1), d(2019, 12, 31)})
        for (const Date contact : {d(2020, 2, 1), d(2020, 1, 31), d(2020, 2, 29), d(2019, 12, 15)}) {
            BackendQuery q;
            q.filter.anonymised = false;
            q.due = DueFilter{activity, contact};
            std::set<std::string> expected, found;
            for (const auto& r : all)
                if (matches(q, r)) expected.insert(r.summary.id);
            backend.begin(TxKind::read);
            for (const auto& r : backend.find_cases(q)) found.insert(r.summary.id);
            backend.commit();
            EXPECT_EQ(found, expected) << to_iso(activity) << " / " << to_iso(contact);
            EXPECT_GT(expected.size(), 0u);
        }
}
