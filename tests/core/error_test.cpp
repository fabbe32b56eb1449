// The one error table: stable numbers, names, messages that name rule and field.
#include "fixtures.hpp"

using namespace jmdcm;

TEST(Errors, CodesAreStableNumbersWithNames) {
    EXPECT_EQ(static_cast<int>(errc::ok), 0);
    EXPECT_EQ(static_cast<int>(errc::json_syntax), 10);
    EXPECT_EQ(static_cast<int>(errc::release_required), 33);
    EXPECT_EQ(static_cast<int>(errc::conflict), 52);
    EXPECT_EQ(errc_name(errc::release_required), "release_required");
    EXPECT_EQ(errc_message(errc::conflict), "the case was changed by someone else (stale version)");
}

TEST(Errors, WhatNamesRuleDetailAndField) {
    const error e(errc::release_required, "R4", "referral.recipient", "no release from confidentiality for recipient 'X'");
    EXPECT_STREQ(e.what(), "R4: no release from confidentiality for recipient 'X' [field: referral.recipient]");
    const error plain(errc::not_found, "", "", "");
    EXPECT_STREQ(plain.what(), "not found");
}
