// Issue 19, proved on the SQLite store: with per-case keys no name or birth date reaches the
// files in clear; an old copy of the file yields the person before the anonymisation and
// nothing after it; a wrong KEK, a key store out of step and a crash between destroying the
// key and wiping the document are clear errors or are finished, with nothing lost.
#include "../storage/storage_fixtures.hpp"

#include "jmdcm/json.hpp"
#include "jmdcm/keys/key_store.hpp"

#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <thread>

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

const Actor fk{"fachkraft-1", Role::case_worker};
const std::string samira_id(example::samira_case_id);

struct Sealed : ::testing::Test {
    TempDir dir;
    std::string data = dir.file("office.sqlite");
    std::string keys = dir.file("office.keys");

    std::unique_ptr<SqliteRepository> open_store(std::shared_ptr<keys::KeyEncryptionKey> kek = test_kek()) {
        return open_copy(data, std::move(kek));
    }
    std::unique_ptr<SqliteRepository> open_copy(const std::string& path, std::shared_ptr<keys::KeyEncryptionKey> kek = test_kek()) {
        return std::make_unique<SqliteRepository>(sqlite_at(path), sealed(options_with(nullptr), keys, std::move(kek)));
    }
    /// A file copy of the data as a backup would take it (after a checkpoint: one file).
    std::string backup(SqliteRepository& repo, const std::string& name) {
        EXPECT_TRUE(repo.checkpoint());
        const auto to = dir.file(name);
        std::filesystem::copy_file(data, to);
        return to;
    }
};

bool sealed_document_of(const std::string& doc) { return doc.rfind("{\"sealed\":", 0) == 0; }

/// The stored document of a case as the file holds it, bypassing the library.
std::string raw_document(const std::string& path, const std::string& id) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT doc FROM cases WHERE id = ?1", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    std::string doc = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
    sqlite3_finalize(st);
    sqlite3_close(db);
    return doc;
}

/// A sealer whose destruction of a key is followed by a crash: the key is gone, the
/// anonymising write never commits.
class CrashAfterDestroy final : public CaseSealer {
public:
    explicit CrashAfterDestroy(std::shared_ptr<CaseSealer> inner) : in_(std::move(inner)) {}
    std::unique_ptr<NewKeys> new_keys() override { return in_->new_keys(); }
    std::string seal(std::string_view id, std::int64_t v, std::string_view plain, NewKeys& fresh) override { return in_->seal(id, v, plain, fresh); }
    void store_keys(NewKeys& fresh) override { in_->store_keys(fresh); }
    std::string open(std::string_view id, std::int64_t v, std::string_view sealed_text, const KnownKey* known) override {
        return in_->open(id, v, sealed_text, known);
    }
    void destroy(std::string_view id, Date on, std::string_view anonymised) override {
        in_->destroy(id, on, anonymised);
        throw std::runtime_error("power failure");
    }
    std::optional<Destroyed> destroyed(std::string_view id) override { return in_->destroyed(id); }
    void settle(std::string_view id) override { in_->settle(id); }
    std::vector<Destroyed> unsettled(bool all) override { return in_->unsettled(all); }

private:
    std::shared_ptr<CaseSealer> in_;
};

}  // namespace

TEST_F(Sealed, NoNameOrBirthDateReachesTheFilesInClear) {
    {
        auto repo = open_store();
        example::run_samira(*repo, fk, Policy{});
        EXPECT_EQ(found_on_disk(data), std::vector<std::string>{});
        EXPECT_EQ(found_on_disk(keys), std::vector<std::string>{});   // the key store holds keys only
        const Case c = repo->load(fk, samira_id);                       // and the library reads the case whole
        ASSERT_TRUE(c.person.has_value());
        EXPECT_EQ(c.person->given_name.text, "Samira");
        EXPECT_TRUE(sealed_document_of(raw_document(data, samira_id)));
    }
    // the same steps without keys put the person in the file: the search above can find it
    TempDir clear;
    SqliteRepository plain(sqlite_at(clear.file("clear.sqlite")), options_with(nullptr));
    example::run_samira(plain, fk, Policy{});
    EXPECT_FALSE(found_on_disk(clear.file("clear.sqlite")).empty());
}

TEST_F(Sealed, R13_AnOldCopyYieldsThePersonBeforeTheAnonymisationAndNothingAfter) {
    auto repo = open_store();
    example::run_samira(*repo, fk, Policy{});
    const auto copy = backup(*repo, "backup.sqlite");
    {   // before: the copy with the KEK and the current key store gives the person back
        auto old = open_copy(copy);
        const Case c = old->load(fk, samira_id);
        ASSERT_TRUE(c.person.has_value());
        EXPECT_EQ(c.person->given_name.text, "Samira");
    }
    repo->anonymise_case(admin, samira_id, d(2017, 3, 20));
    EXPECT_EQ(found_on_disk(data), std::vector<std::string>{});

    // after: the same copy, the same KEK, the current key store: the case's key is gone
    const std::string doc = raw_document(copy, samira_id);
    const auto env = json::parse(doc).as_object();
    auto sealer = keys::make_sealer(keys::open_sqlite_key_store(keys), test_kek());
    const auto gone = error_of([&] { (void)sealer->open(samira_id, 8, std::string(env.at("data").as_string())); });
    EXPECT_EQ(gone.code(), errc::key_missing);
    EXPECT_NE(std::string(gone.what()).find("destroyed on 2020-06-01"), std::string::npos) << gone.what();
    // every stored version of the copy, not only the last, is under the destroyed key
    for (std::int64_t v = 1; v <= 20; ++v)
        EXPECT_EQ(error_of([&] { (void)sealer->open(samira_id, v, std::string(env.at("data").as_string())); }).code(), errc::key_missing);
    // and the store opened on the copy shows what is left: the clear summary, anonymised
    auto old = open_copy(copy);
    const Case c = old->load(admin, samira_id);
    EXPECT_TRUE(is_anonymised(c));
    EXPECT_FALSE(c.person.has_value());
    const std::string shown = json::to_string(c);
    for (const auto& v : personal) EXPECT_EQ(shown.find(v), std::string::npos) << v;
    // restored as the live store, the copy is brought in step: the anonymisation is stored
    EXPECT_EQ(old->seal_all(admin), 0u);
    EXPECT_FALSE(sealed_document_of(raw_document(copy, samira_id)));
    CaseQuery q;
    q.anonymised = true;
    EXPECT_EQ(old->query(admin, q).size(), 1u);
}

TEST_F(Sealed, AWrongKekIsAClearErrorAndChangesNothing) {
    std::int64_t version = 0;
    {
        auto repo = open_store();
        version = example::run_samira(*repo, fk, Policy{}).version;
    }
    {   // a key file with the right name and the wrong bytes
        auto wrong = open_store(std::make_shared<keys::LocalKek>("test-kek", keys::SecretKey::generate()));
        const auto e = error_of([&] { (void)wrong->load(fk, samira_id); });
        EXPECT_EQ(e.code(), errc::key_invalid);
        EXPECT_NE(std::string(e.what()).find("the key of case '" + samira_id + "'"), std::string::npos) << e.what();
        EXPECT_EQ(wrong->query(fk, {}).size(), 1u);   // the clear summaries need no key
        const auto step = error_of([&] {
            wrong->step(fk, samira_id, version, "journal", [](Case& c) {
                c.last_activity = d(2017, 3, 1);
                return std::vector<Case>{};
            });
        });
        EXPECT_EQ(step.code(), errc::key_invalid);
        // another KEK altogether names the KEK the keys need
        auto other = open_store(std::make_shared<keys::LocalKek>("kek-2027", keys::SecretKey::generate()));
        const auto e2 = error_of([&] { (void)other->load(fk, samira_id); });
        EXPECT_EQ(e2.code(), errc::key_invalid);
        EXPECT_NE(std::string(e2.what()).find("'test-kek'"), std::string::npos) << e2.what();
    }
    auto repo = open_store();
    const Case c = repo->load(fk, samira_id);
    EXPECT_EQ(c.version, version);
    EXPECT_EQ(c.person->given_name.text, "Samira");
}

TEST_F(Sealed, AKeyStoreOutOfStepWithTheDataIsAClearError) {
    {
        auto repo = open_store();
        example::run_samira(*repo, fk, Policy{});
    }
    keys = dir.file("empty.keys");   // say, a key store restored from before the case was opened
    auto repo = open_store();
    const auto e = error_of([&] { (void)repo->load(fk, samira_id); });
    EXPECT_EQ(e.code(), errc::key_missing);
    EXPECT_NE(std::string(e.what()).find("out of step"), std::string::npos) << e.what();
    EXPECT_EQ(repo->query(fk, {}).size(), 1u);
}

TEST_F(Sealed, R13_ACrashBetweenDestroyingTheKeyAndWipingTheDocumentIsFinished) {
    {
        auto inner = keys::make_sealer(keys::open_sqlite_key_store(keys), test_kek());
        auto o = options_with(nullptr);
        o.sealer = std::make_shared<CrashAfterDestroy>(inner);
        SqliteRepository repo(sqlite_at(data), o);
        example::run_samira(repo, fk, Policy{});
        EXPECT_THROW(repo.anonymise_case(admin, samira_id, d(2017, 3, 20)), std::runtime_error);
        // the write did not commit: the document is still the sealed one, its key is gone
        EXPECT_TRUE(sealed_document_of(raw_document(data, samira_id)));
        CaseQuery q;
        q.anonymised = false;
        EXPECT_EQ(repo.query(admin, q).size(), 1u);
        // meanwhile the case reads as its anonymised form, recorded with the key's destruction
        const Case c = repo.load(admin, samira_id);
        EXPECT_TRUE(is_anonymised(c));
        EXPECT_FALSE(c.person.has_value());
        EXPECT_EQ(c.skeleton->age_band_at_intake, AgeBand::from_21_to_24);
    }
    auto repo = open_store();   // recovery on open finishes the anonymisation
    CaseQuery q;
    q.anonymised = true;
    ASSERT_EQ(repo->query(admin, q).size(), 1u);
    EXPECT_FALSE(sealed_document_of(raw_document(data, samira_id)));
    const Case c = repo->load(admin, samira_id);
    EXPECT_TRUE(is_anonymised(c));
    EXPECT_EQ(c.anonymised_on, d(2017, 3, 20));   // the anonymisation that was asked for, exactly
    EXPECT_EQ(c.skeleton->age_band_at_intake, AgeBand::from_21_to_24);       // with its statistical skeleton
    EXPECT_EQ(found_on_disk(keys), std::vector<std::string>{});
    AuditQuery aq;
    aq.actor = "jmdcm";
    const auto trail = repo->audit_trail(admin, aq);
    ASSERT_EQ(trail.size(), 1u);
    EXPECT_EQ(trail[0].operation, Operation::anonymise);
    EXPECT_EQ(repo->finish_anonymisations(true), 0u);   // nothing left to finish
}

TEST_F(Sealed, RotationRewrapsTheKeysWithoutTouchingTheData) {
    auto old_kek = test_kek();
    {
        auto repo = open_store(old_kek);
        example::run_samira(*repo, fk, Policy{});
        ASSERT_TRUE(repo->checkpoint());
    }
    const std::string before = read_bytes(data);
    auto new_kek = std::make_shared<keys::LocalKek>("kek-2027", keys::SecretKey::generate());
    {
        auto store = keys::open_sqlite_key_store(keys);
        EXPECT_EQ(keys::CaseKeys(*store, *new_kek).rotate_from(*old_kek), 1u);
    }
    EXPECT_EQ(read_bytes(data), before);   // not one byte of the case data changed
    EXPECT_EQ(open_store(new_kek)->load(fk, samira_id).person->given_name.text, "Samira");
    EXPECT_EQ(error_of([&] { (void)open_store(old_kek)->load(fk, samira_id); }).code(), errc::key_invalid);
}

TEST_F(Sealed, R13_TheSweepDestroysTheKeysOfTheCasesItAnonymises) {
    auto repo = open_store();
    example::run_samira(*repo, fk, Policy{});
    const auto report = repo->sweep(admin, d(2017, 12, 20), Policy{});   // nine months after the last contact (R13)
    ASSERT_EQ(report.anonymised.size(), 1u);
    auto store = keys::open_sqlite_key_store(keys);
    EXPECT_FALSE(store->find(samira_id).has_value());
    EXPECT_TRUE(store->destroyed(false).empty());   // settled: the anonymisation is stored
    EXPECT_EQ(store->destroyed(true).size(), 1u);
    EXPECT_EQ(found_on_disk(data), std::vector<std::string>{});
    EXPECT_EQ(repo->load(admin, samira_id).skeleton->age_band_at_intake, AgeBand::from_21_to_24);   // the statistics keep their skeleton
}

TEST_F(Sealed, AClearStoreIsConvertedByTheMigration) {
    Case before;
    {
        SqliteRepository plain(sqlite_at(data), options_with(nullptr));
        before = example::run_samira(plain, fk, Policy{});
    }
    ASSERT_FALSE(found_on_disk(data).empty());
    auto repo = open_store();
    EXPECT_EQ(repo->load(fk, samira_id).person->given_name.text, "Samira");   // clear documents read as before
    EXPECT_EQ(error_of([&] { (void)repo->seal_all(fk); }).code(), errc::access_denied);
    EXPECT_EQ(repo->seal_all(admin), 1u);
    EXPECT_EQ(found_on_disk(data), std::vector<std::string>{});
    Case after = repo->load(fk, samira_id);
    EXPECT_EQ(after.version, before.version + 1);
    after.version = before.version;
    EXPECT_EQ(after, before);
    EXPECT_EQ(repo->seal_all(admin), 0u);   // nothing left in clear
    // and without a KEK the store opens read-only only (sealing_mark_test.cpp), and cannot
    // convert or read what is sealed
    auto read_only = sqlite_at(data);
    read_only.read_only = true;
    SqliteRepository no_keys(read_only, options_with(nullptr));
    EXPECT_EQ(error_of([&] { (void)no_keys.seal_all(admin); }).code(), errc::invalid_argument);
    EXPECT_EQ(error_of([&] { (void)no_keys.load(fk, samira_id); }).code(), errc::key_missing);
}

TEST_F(Sealed, ThreadsCreatingAndReadingSealedCasesShareOneSealer) {
    auto repo = open_store();
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 10; ++i) try {
                    Case c = open_case("T" + std::to_string(t) + "-" + std::to_string(i), "JMD Frankfurt", fk.id, storage_today());
                    repo->create(fk, c);
                    if (repo->load(fk, c.id).id != c.id) ++failures;
                } catch (...) {
                    ++failures;
                }
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(keys::open_sqlite_key_store(keys)->all().size(), 40u);
}

TEST_F(Sealed, R3_AWithdrawnConsentDestroysTheKeyToo) {
    auto repo = open_store();
    example::run_samira(*repo, fk, Policy{});
    const auto copy = backup(*repo, "before-withdrawal.sqlite");
    repo->step(fk, samira_id, 0, "withdraw_consent", [](Case& c) {
        withdraw_consent(c, d(2017, 4, 3));
        return std::vector<Case>{};
    });
    auto store = keys::open_sqlite_key_store(keys);
    EXPECT_FALSE(store->find(samira_id).has_value());
    EXPECT_EQ(found_on_disk(data), std::vector<std::string>{});
    EXPECT_FALSE(open_copy(copy)->load(admin, samira_id).person.has_value());   // the old copy yields nothing
}

TEST_F(Sealed, ASealerAsksTheKeyStoreAgainASecondAfterItLastDid) {
    // The sealer trusts a key the key store confirmed for a second (a server round trip saved
    // per load); another process's destruction reaches it after that, its own at once.
    auto repo = open_store();
    example::run_samira(*repo, fk, Policy{});
    const auto env = json::parse(raw_document(data, samira_id)).as_object();
    const std::string sealed_data(env.at("data").as_string());
    const auto version = repo->load(fk, samira_id).version;
    auto reader = keys::make_sealer(keys::open_sqlite_key_store(keys), test_kek());
    EXPECT_NE(reader->open(samira_id, version, sealed_data).find("Samira"), std::string::npos);

    auto other = keys::make_sealer(keys::open_sqlite_key_store(keys), test_kek());   // another process's
    other->destroy(samira_id, d(2020, 6, 1), "{}");
    EXPECT_EQ(error_of([&] { (void)other->open(samira_id, version, sealed_data); }).code(), errc::key_missing);   // its own: at once
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    EXPECT_EQ(error_of([&] { (void)reader->open(samira_id, version, sealed_data); }).code(), errc::key_missing);
}
