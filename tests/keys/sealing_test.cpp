// Sealing (issue 19): what is sealed opens only with its key, in its place, unaltered.
#include "jmdcm/error.hpp"
#include "jmdcm/keys/sealing.hpp"

#include <gtest/gtest.h>

using namespace jmdcm;
using namespace jmdcm::keys;

namespace {

errc code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const error& e) {
        return e.code();
    }
    return errc::ok;
}

}  // namespace

TEST(Sealing, OpensWithItsKeyInItsPlace) {
    const SecretKey k = SecretKey::generate();
    const std::string plain = R"({"family_name":"Beispiel","birth_date":"1999-02-01"})";
    const std::string sealed = seal(plain, k, "case JMD-1 v3");
    EXPECT_EQ(sealed.find("Beispiel"), std::string::npos);   // nothing of it in clear
    EXPECT_EQ(open(sealed, k, "case JMD-1 v3", "case JMD-1"), plain);
    EXPECT_NE(seal(plain, k, "case JMD-1 v3"), sealed);   // a fresh nonce every time
}

TEST(Sealing, AnotherKeyAnotherPlaceOrAChangedByteDoNotOpen) {
    const SecretKey k = SecretKey::generate();
    const std::string sealed = seal("Beispiel", k, "case JMD-1 v3");
    EXPECT_EQ(code_of([&] { (void)open(sealed, SecretKey::generate(), "case JMD-1 v3", "x"); }), errc::key_invalid);
    EXPECT_EQ(code_of([&] { (void)open(sealed, k, "case JMD-2 v3", "x"); }), errc::key_invalid);   // moved to another case
    EXPECT_EQ(code_of([&] { (void)open(sealed, k, "case JMD-1 v2", "x"); }), errc::key_invalid);   // an older version's place
    std::string changed = sealed;
    changed[changed.size() / 2] ^= 1;
    EXPECT_EQ(code_of([&] { (void)open(changed, k, "case JMD-1 v3", "x"); }), errc::key_invalid);
    EXPECT_EQ(code_of([&] { (void)open("short", k, "case JMD-1 v3", "x"); }), errc::key_invalid);
    try {
        (void)open(changed, k, "case JMD-1 v3", "the person of case 'JMD-1'");
    } catch (const error& e) {
        EXPECT_NE(std::string(e.what()).find("the person of case 'JMD-1' does not open"), std::string::npos) << e.what();
    }
}

TEST(Sealing, AKeyHasExactlyThirtyTwoBytes) {
    EXPECT_EQ(code_of([] { (void)SecretKey::from_bytes(std::string(31, 'k'), "kek file"); }), errc::key_invalid);
    const SecretKey k = SecretKey::from_bytes(std::string(32, 'k'), "kek file");
    EXPECT_EQ(k.bytes(), std::string(32, 'k'));
}
