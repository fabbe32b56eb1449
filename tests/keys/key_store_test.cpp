// Case keys in their own SQLite file (issue 19): wrapped by the host's KEK, clear errors for
// a wrong KEK and a missing key, rotation without touching documents, and destruction that
// leaves no bytes of the key in the store's files.
#include "jmdcm/error.hpp"
#include "jmdcm/keys/key_store.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace jmdcm;
using namespace jmdcm::keys;
namespace fs = std::filesystem;

namespace {

error error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const error& e) {
        return e;
    }
    return error(errc::ok, "", "", "no error");
}

struct KeyFiles : ::testing::Test {
    KeyFiles() {
        std::string tmpl = (fs::temp_directory_path() / "jmdcm-keys-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp");
        dir = tmpl;
    }
    ~KeyFiles() override {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    std::string path() const { return (dir / "keys.sqlite").string(); }
    /// Every byte of the store's files (the database and its write-ahead log).
    std::string file_bytes() const {
        std::string all;
        for (const char* suffix : {"", "-wal", "-journal"}) {
            std::ifstream in(path() + suffix, std::ios::binary);
            std::ostringstream s;
            s << in.rdbuf();
            all += s.str();
        }
        return all;
    }
    fs::path dir;
    LocalKek kek{"kek-2026", SecretKey::generate()};
};

}  // namespace

TEST_F(KeyFiles, AKeyIsStoredWrappedAndComesBackAfterReopening) {
    std::string sealed;
    {
        auto store = open_sqlite_key_store(path());
        CaseKeys keys(*store, kek);
        const SecretKey k = keys.create("JMD-1");
        sealed = seal("Beispiel", k, "JMD-1");
        EXPECT_EQ(file_bytes().find(std::string(k.bytes())), std::string::npos);   // never in clear in the file
        EXPECT_EQ(error_of([&] { (void)keys.create("JMD-1"); }).code(), errc::already_exists);
    }
    auto store = open_sqlite_key_store(path());
    CaseKeys keys(*store, kek);
    EXPECT_EQ(open(sealed, keys.key_of("JMD-1"), "JMD-1", "x"), "Beispiel");
}

TEST_F(KeyFiles, AWrongKekAndAMissingKeyAreClearErrors) {
    auto store = open_sqlite_key_store(path());
    CaseKeys keys(*store, kek);
    (void)keys.create("JMD-1");
    LocalKek other_same_id{"kek-2026", SecretKey::generate()};   // a wrong key file under the right name
    const auto wrong = error_of([&] { (void)CaseKeys(*store, other_same_id).key_of("JMD-1"); });
    EXPECT_EQ(wrong.code(), errc::key_invalid);
    EXPECT_NE(std::string(wrong.what()).find("the key of case 'JMD-1'"), std::string::npos) << wrong.what();
    LocalKek other{"kek-2027", SecretKey::generate()};
    const auto unrotated = error_of([&] { (void)CaseKeys(*store, other).key_of("JMD-1"); });
    EXPECT_EQ(unrotated.code(), errc::key_invalid);
    EXPECT_NE(std::string(unrotated.what()).find("wrapped by key-encryption key 'kek-2026'"), std::string::npos) << unrotated.what();
    const auto missing = error_of([&] { (void)keys.key_of("JMD-9"); });
    EXPECT_EQ(missing.code(), errc::key_missing);
    EXPECT_NE(std::string(missing.what()).find("'JMD-9'"), std::string::npos);
}

TEST_F(KeyFiles, RotationRewrapsEveryKeyAndTheOldKekOpensNoneOfThem) {
    auto store = open_sqlite_key_store(path());
    CaseKeys old_keys(*store, kek);
    const std::string a = seal("Anna", old_keys.create("JMD-1"), "JMD-1");
    const std::string b = seal("Berat", old_keys.create("JMD-2"), "JMD-2");
    LocalKek next{"kek-2027", SecretKey::generate()};
    CaseKeys new_keys(*store, next);
    EXPECT_EQ(new_keys.rotate_from(kek), 2u);
    EXPECT_EQ(open(a, new_keys.key_of("JMD-1"), "JMD-1", "x"), "Anna");   // the sealed documents are untouched
    EXPECT_EQ(open(b, new_keys.key_of("JMD-2"), "JMD-2", "x"), "Berat");
    EXPECT_EQ(error_of([&] { (void)old_keys.key_of("JMD-1"); }).code(), errc::key_invalid);
    EXPECT_EQ(new_keys.rotate_from(kek), 0u);   // nothing left under the old KEK
}

TEST_F(KeyFiles, ARotationWithTheWrongOldKekChangesNothing) {
    auto store = open_sqlite_key_store(path());
    CaseKeys keys(*store, kek);
    const std::string a = seal("Anna", keys.create("JMD-1"), "JMD-1");
    LocalKek impostor{"kek-2026", SecretKey::generate()};
    LocalKek next{"kek-2027", SecretKey::generate()};
    EXPECT_EQ(error_of([&] { (void)CaseKeys(*store, next).rotate_from(impostor); }).code(), errc::key_invalid);
    EXPECT_EQ(open(a, keys.key_of("JMD-1"), "JMD-1", "x"), "Anna");
}

TEST_F(KeyFiles, ADestroyedKeyLeavesNoBytesInTheFilesAndItsDataStaysSealed) {
    auto store = open_sqlite_key_store(path());
    CaseKeys keys(*store, kek);
    const SecretKey k = keys.create("JMD-1");
    (void)keys.create("JMD-2");
    const std::string sealed = seal("Beispiel", k, "JMD-1");
    const std::string wrapped = store->find("JMD-1")->wrapped;
    std::string hex;
    for (unsigned char ch : wrapped) {
        static const char* digits = "0123456789abcdef";
        hex += digits[ch >> 4];
        hex += digits[ch & 15];
    }
    ASSERT_NE(file_bytes().find(hex), std::string::npos);   // the test can see a key when it is there
    const Date on = make_date(2026, 11, 26);
    EXPECT_TRUE(keys.destroy("JMD-1", on));
    EXPECT_FALSE(keys.destroy("JMD-1", on));
    EXPECT_EQ(file_bytes().find(hex), std::string::npos);   // R13: gone from the file and its log
    const auto gone = error_of([&] { (void)keys.key_of("JMD-1"); });
    EXPECT_EQ(gone.code(), errc::key_missing);
    EXPECT_NE(std::string(gone.what()).find("destroyed on 2026-11-26"), std::string::npos) << gone.what();
    // the record of the destruction: unsettled until the store says the anonymisation is stored
    EXPECT_EQ(store->destroyed_on("JMD-1")->on, on);
    ASSERT_EQ(store->destroyed(false).size(), 1u);
    store->settle("JMD-1");
    EXPECT_TRUE(store->destroyed(false).empty());
    EXPECT_EQ(store->destroyed(true).size(), 1u);
    // a destroyed case gets no new key
    EXPECT_EQ(error_of([&] { (void)keys.create("JMD-1"); }).code(), errc::already_exists);
    EXPECT_NO_THROW((void)keys.key_of("JMD-2"));
    // every copy of the sealed data is now noise: no key the store can give opens it
    EXPECT_EQ(error_of([&] { (void)open(sealed, keys.key_of("JMD-2"), "JMD-1", "x"); }).code(), errc::key_invalid);
}
