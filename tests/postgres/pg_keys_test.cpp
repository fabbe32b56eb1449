// Issue 19 on the server: with per-case keys a pg_dump of the data holds no name or birth
// date, yields the person with the KEK and the key store before the anonymisation, and
// nothing after it; the key store lives in a schema of its own.
#include "../storage/storage_fixtures.hpp"

#include <cstdio>
#include <regex>

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

const Actor fk{"fachkraft-1", Role::case_worker};
const std::string samira_id(example::samira_case_id);

/// `pg_dump` of one schema of the test cluster, as an operator's backup would take it.
std::string pg_dump(const std::string& schema) {
    const std::string cmd = "/usr/lib/postgresql/15/bin/pg_dump -d '" + pg_conninfo() + "' -n " + schema + " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) throw std::runtime_error("pg_dump did not start");
    std::string out;
    char buf[65536];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    if (pclose(p) != 0) throw std::runtime_error("pg_dump failed: " + out);
    return out;
}

/// The sealed data of every case in a dump (jsonb prints {"data": "...", "sealed": 1}).
std::vector<std::string> sealed_in(const std::string& dump) {
    std::vector<std::string> out;
    const std::regex data(R"re(\{"data": "([A-Za-z0-9+/=]+)", "sealed": 1\})re");
    for (auto it = std::sregex_iterator(dump.begin(), dump.end(), data); it != std::sregex_iterator(); ++it) out.push_back((*it)[1]);
    return out;
}

/// What the dump's sealed data of the case yields with the key store's key, at any version
/// it may have been stored at: the plain case, or the error.
std::string opened(CaseSealer& sealer, const std::string& data) {
    std::string last;
    for (std::int64_t v = 1; v <= 40; ++v) try {
            return sealer.open(samira_id, v, data);
        } catch (const error& e) {
            last = std::string(errc_name(e.code())) + ": " + e.what();
            if (e.code() == errc::key_missing) return last;
        }
    return last;
}

}  // namespace

TEST(PostgresKeys, R13_APgDumpYieldsThePersonBeforeTheAnonymisationAndNothingAfter) {
    TempDir dir;
    const std::string key_schema = dir.tag() + "_keys";
    auto sealer = keys::make_sealer(open_postgres_key_store(pg_conninfo(), key_schema), test_kek());
    StoreOptions o = options_with(nullptr);
    o.sealer = sealer;
    PostgresRepository repo({pg_schema(dir.tag()), true}, o);
    example::run_samira(repo, fk, Policy{});

    const std::string before = pg_dump(dir.tag());
    for (const auto& v : personal) EXPECT_EQ(before.find(v), std::string::npos) << v << " in clear in the dump";
    const auto data = sealed_in(before);
    ASSERT_EQ(data.size(), 1u) << "the dump holds the sealed case";
    // before: the dump, the KEK and the current key store give the person back
    EXPECT_NE(opened(*sealer, data[0]).find("\"given_name\":\"Samira\""), std::string::npos);

    repo.anonymise_case(admin, samira_id, d(2017, 3, 20));
    // after: the same dump yields nothing, the key is gone from the key store
    const std::string after = opened(*sealer, data[0]);
    EXPECT_EQ(after.find("Samira"), std::string::npos);
    EXPECT_NE(after.find("key_missing"), std::string::npos) << after;
    const std::string keys_dump = pg_dump(key_schema);
    for (const auto& v : personal) EXPECT_EQ(keys_dump.find(v), std::string::npos) << v << " in the key store's dump";
    EXPECT_TRUE(sealed_in(pg_dump(dir.tag())).empty());   // the live data holds the anonymised case in clear
    EXPECT_EQ(repo.load(admin, samira_id).skeleton->age_band_at_intake, AgeBand::from_21_to_24);
}

TEST(PostgresKeys, AKeyStoreSchemaMustBeAPlainName) {
    const auto e = error_of([] { (void)open_postgres_key_store(pg_conninfo(), "keys; DROP TABLE cases"); });
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_NE(std::string(e.what()).find("options.key_store"), std::string::npos) << e.what();
}

TEST(PostgresKeys, ASealedSchemaTakesNoClearCaseFromAnyWriter) {
    TempDir dir;
    const std::string conninfo = pg_schema(dir.tag());
    PostgresRepository early({conninfo, true}, options_with(nullptr));   // a writer without the key, open before the mark
    EXPECT_FALSE(early.capabilities().sealed);
    Case first = open_case("T-1", "JMD Frankfurt", fk.id, storage_today());
    early.create(fk, first);   // no mark yet: the negative case

    StoreOptions o = options_with(nullptr);
    o.sealer = keys::make_sealer(open_postgres_key_store(pg_conninfo(), dir.tag() + "_keys"), test_kek());
    PostgresRepository keyed({conninfo, true}, o);   // marks the schema
    EXPECT_TRUE(keyed.capabilities().sealed);
    EXPECT_EQ(keyed.seal_all(admin), 1u);

    Case second = open_case("T-2", "JMD Frankfurt", fk.id, storage_today());
    const auto refused = error_of([&] { early.create(fk, second); });
    EXPECT_EQ(refused.code(), errc::store_sealed) << refused.what();
    EXPECT_NE(std::string(refused.what()).find("'T-2'"), std::string::npos) << refused.what();
    EXPECT_EQ(keyed.query(fk, CaseQuery{}).size(), 1u);   // nothing stored

    const auto reopened = error_of([&] { PostgresRepository again({conninfo, true}, options_with(nullptr)); });
    EXPECT_EQ(reopened.code(), errc::store_sealed) << reopened.what();
    Case third = open_case("T-3", "JMD Frankfurt", fk.id, storage_today());
    keyed.create(fk, third);   // with the key it writes as before
    EXPECT_EQ(keyed.load(fk, "T-3").id, "T-3");
}

TEST(PostgresKeys, KeysReadWithTheCasesMeetTheSameChecksAsLookedUpOnes) {
    TempDir dir;
    const std::string key_schema = dir.tag() + "_keys";
    PostgresOptions db{pg_schema(dir.tag()), true};
    db.key_schema = key_schema;   // one query reads the case and its wrapped key
    auto open = [&](std::shared_ptr<keys::KeyEncryptionKey> kek) {
        StoreOptions o = options_with(nullptr);
        o.sealer = keys::make_sealer(open_postgres_key_store(pg_conninfo(), key_schema), std::move(kek));
        return std::make_unique<PostgresRepository>(db, o);
    };
    example::run_samira(*open(test_kek()), fk, Policy{});
    EXPECT_EQ(open(test_kek())->load(fk, samira_id).person->given_name.text, "Samira");
    // a wrong KEK of the same name does not open it
    auto wrong = std::make_shared<keys::LocalKek>("test-kek", keys::SecretKey::generate());
    EXPECT_EQ(error_of([&] { (void)open(wrong)->load(fk, samira_id); }).code(), errc::key_invalid);
    // a key store out of step (the key gone without a record): key_missing, nothing shown
    pg::Connection su(pg_conninfo());
    su.exec("DELETE FROM " + key_schema + ".case_keys");
    const auto gone = error_of([&] { (void)open(test_kek())->load(fk, samira_id); });
    EXPECT_EQ(gone.code(), errc::key_missing) << gone.what();
}
