// Issue 19: a store opened with its key-encryption key marks its medium as sealed, and from
// then on no writer without the key puts a case in clear there: a later open without the key
// is refused unless read-only, and a writer that opened before the mark (or an older library)
// is refused by the medium itself, with nothing stored.
#include "../storage/storage_fixtures.hpp"

#include "jmdcm/memory_repository.hpp"

#include "../../src/store/sealed_document.hpp"

#include <sqlite3.h>

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

const Actor fk{"fachkraft-1", Role::case_worker};
const std::string samira_id(example::samira_case_id);

struct SealingMark : ::testing::Test {
    TempDir dir;
    std::string data = dir.file("office.sqlite");
    std::string keys = dir.file("office.keys");

    std::unique_ptr<SqliteRepository> sealed_store() {
        return std::make_unique<SqliteRepository>(sqlite_at(data), jmdcm::test::sealed(options_with(nullptr), keys));
    }
    MemoryAuditSink sink;   // a read-only file keeps no audit

    std::unique_ptr<SqliteRepository> clear_store(bool read_only = false) {
        auto o = sqlite_at(data);
        o.read_only = read_only;
        return std::make_unique<SqliteRepository>(o, options_with(read_only ? &sink : nullptr));
    }
};

std::int64_t count_cases(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM cases", -1, &st, nullptr);
    sqlite3_step(st);
    const auto n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

}  // namespace

TEST_F(SealingMark, AClearStoreStaysOpenToWritersWithoutAKey) {
    auto plain = clear_store();
    EXPECT_FALSE(plain->capabilities().sealed);
    EXPECT_TRUE(plain->capabilities().writable);
    example::run_samira(*plain, fk, Policy{});
    plain.reset();
    EXPECT_NO_THROW(clear_store());   // no mark: the negative case of the next test
}

TEST_F(SealingMark, AfterASealedOpenTheStoreOpensWithoutItsKeyReadOnlyOnly) {
    {
        auto repo = sealed_store();
        EXPECT_TRUE(repo->capabilities().sealed);
        example::run_samira(*repo, fk, Policy{});
    }
    const auto refused = error_of([&] { (void)clear_store(); });
    EXPECT_EQ(refused.code(), errc::store_sealed);
    EXPECT_NE(std::string(refused.what()).find("open it with its key-encryption key"), std::string::npos) << refused.what();
    EXPECT_EQ(refused.rule(), "R13");

    auto reader = clear_store(true);   // the skeleton answers queries and statistics
    EXPECT_TRUE(reader->capabilities().sealed);
    EXPECT_FALSE(reader->capabilities().writable);
    EXPECT_EQ(reader->query(fk, CaseQuery{}).size(), 1u);
    EXPECT_EQ(error_of([&] { (void)reader->load(fk, samira_id); }).code(), errc::key_missing);
    EXPECT_NO_THROW(sealed_store());   // and with the key it opens as before
}

TEST_F(SealingMark, AWriterThatOpenedBeforeTheMarkIsRefusedByTheFileItself) {
    auto early = clear_store();   // a front end without the key, open before the conversion
    Case stored = example::run_samira(*early, fk, Policy{});
    auto admin_store = sealed_store();   // the operator opens with the key: the mark is set
    ASSERT_EQ(admin_store->seal_all(admin), 1u);

    Case fresh = open_case("JMD-FFM-2026-0001", "JMD Frankfurt", fk.id, storage_today());
    const auto created = error_of([&] { early->create(fk, fresh); });
    EXPECT_EQ(created.code(), errc::store_sealed) << created.what();
    EXPECT_NE(std::string(created.what()).find("JMD-FFM-2026-0001"), std::string::npos) << created.what();
    EXPECT_EQ(count_cases(data), 1);   // nothing stored

    EXPECT_EQ(error_of([&] { (void)early->load(fk, samira_id); }).code(), errc::key_missing);   // sealed meanwhile
    EXPECT_EQ(admin_store->load(fk, samira_id).person, stored.person);
}

TEST_F(SealingMark, TheFileRefusesAClearCaseFromAnyWriterButTakesSealedAndAnonymisedOnes) {
    example::run_samira(*sealed_store(), fk, Policy{});
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(data.c_str(), &db), SQLITE_OK);
    auto exec = [&](const std::string& sql) {
        char* msg = nullptr;
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
        std::string text = msg ? msg : "";
        sqlite3_free(msg);
        return std::make_pair(rc, text);
    };
    const std::string where = " WHERE id = '" + samira_id + "'";
    auto [rc, msg] = exec("UPDATE cases SET doc = '{\"schema\":1,\"id\":\"x\"}'" + where);
    EXPECT_EQ(rc, SQLITE_CONSTRAINT) << msg;
    EXPECT_NE(msg.find(sealed::clear_refused), std::string::npos) << msg;
    std::tie(rc, msg) = exec("INSERT INTO cases SELECT 'copy', version, office, case_worker, kind, phase, running, anonymised, opened, "
                             "last_activity, last_contact, '{\"id\":\"copy\"}', substitutes, open_reminders FROM cases" + where);
    EXPECT_EQ(rc, SQLITE_CONSTRAINT) << msg;
    std::tie(rc, msg) = exec("UPDATE cases SET doc = doc, version = version + 1" + where);   // still sealed
    EXPECT_EQ(rc, SQLITE_OK) << msg;
    std::tie(rc, msg) = exec("UPDATE cases SET anonymised = 1, doc = '{\"id\":\"x\"}'" + where);   // no personal data left
    EXPECT_EQ(rc, SQLITE_OK) << msg;
    sqlite3_close(db);
    EXPECT_EQ(count_cases(data), 1);
}

TEST(SealingMarkInMemory, TheMemoryBackendKeepsTheSameRule) {
    MemoryBackend b;
    CaseRow clear;
    clear.summary.id = "T-1";
    clear.summary.version = 1;
    clear.document = R"({"schema":1,"id":"T-1"})";
    b.begin(TxKind::write);
    EXPECT_NO_THROW(b.put_case(clear, 0, false));   // not marked yet
    b.commit();
    EXPECT_FALSE(b.sealed());
    b.mark_sealed();
    EXPECT_TRUE(b.sealed());
    b.begin(TxKind::write);
    clear.summary.version = 2;
    EXPECT_EQ(error_of([&] { b.put_case(clear, 1, false); }).code(), errc::store_sealed);
    CaseRow wrapped = clear;
    wrapped.document = sealed::envelope("c2VhbGVk");
    EXPECT_NO_THROW(b.put_case(wrapped, 1, false));
    CaseRow anonymised = clear;
    anonymised.summary.id = "T-2";
    anonymised.summary.version = 1;
    anonymised.summary.anonymised = true;
    EXPECT_NO_THROW(b.put_case(anonymised, 0, true));
    b.commit();
}
