// R4 releases from confidentiality: per recipient, written, revocable; every disclosure gated.
#include "fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

namespace {
Referral referral_to(std::string recipient, Date on) { return {on, std::move(recipient), "Sprachkurs", std::nullopt, {}, {}}; }
}  // namespace

TEST(Release, R4_ReferralIsRefusedWithoutARelease) {
    Case c = case_at(Stage::implementing);
    auto e = error_of([&] { refer(c, referral_to("Jobcenter", d(2020, 2, 3)), Policy{}); });
    EXPECT_EQ(e.code(), errc::release_required);
    EXPECT_EQ(e.rule(), "R4");
    EXPECT_EQ(e.field(), "referral.recipient");
    EXPECT_NE(std::string(e.what()).find("R4: no release from confidentiality for recipient 'Jobcenter'"), std::string::npos);
    EXPECT_TRUE(c.referrals.empty());
    EXPECT_TRUE(c.disclosures.empty());
}

TEST(Release, R4_AValidReleaseAllowsTheReferralAndIsLogged) {
    Case c = case_at(Stage::implementing);
    grant_release(c, release_for("R-1", "Jobcenter", d(2020, 2, 1)), Policy{});
    const Referral& r = refer(c, referral_to("Jobcenter", d(2020, 2, 3)), Policy{});
    EXPECT_EQ(r.release_id, "R-1");
    ASSERT_EQ(c.disclosures.size(), 1u);
    EXPECT_EQ(c.disclosures[0].kind, DisclosureKind::referral);
    EXPECT_EQ(c.disclosures[0].recipient, "Jobcenter");
}

TEST(Release, R4_AReleaseCoversOnlyItsRecipient) {
    Case c = case_at(Stage::implementing);
    grant_release(c, release_for("R-1", "Jobcenter", d(2020, 2, 1)), Policy{});
    EXPECT_EQ(error_of([&] { refer(c, referral_to("Sozialamt", d(2020, 2, 3)), Policy{}); }).code(), errc::release_required);
}

TEST(Release, R4_RevokedExpiredOrEndedReleasesNoLongerCover) {
    Case c = case_at(Stage::implementing);
    auto expiring = release_for("R-1", "Jobcenter", d(2020, 2, 1));
    expiring.expires_on = d(2020, 2, 29);
    grant_release(c, expiring, Policy{});
    EXPECT_NO_THROW(refer(c, referral_to("Jobcenter", d(2020, 2, 29)), Policy{}));
    EXPECT_EQ(error_of([&] { refer(c, referral_to("Jobcenter", d(2020, 3, 1)), Policy{}); }).code(), errc::release_required);

    grant_release(c, release_for("R-2", "Sozialamt", d(2020, 2, 1)), Policy{});
    revoke_release(c, "R-2", d(2020, 2, 10));
    EXPECT_EQ(error_of([&] { refer(c, referral_to("Sozialamt", d(2020, 2, 10)), Policy{}); }).code(), errc::release_required);
    EXPECT_EQ(error_of([&] { revoke_release(c, "R-9", d(2020, 2, 10)); }).code(), errc::not_found);

    auto purpose = release_for("R-3", "Schule", d(2020, 2, 1));
    purpose.purpose_ended_on = d(2020, 2, 15);
    EXPECT_TRUE(release_valid_on(purpose, d(2020, 2, 14)));
    EXPECT_FALSE(release_valid_on(purpose, d(2020, 2, 15)));
    EXPECT_FALSE(release_valid_on(purpose, d(2020, 1, 31)));  // not yet granted
}

TEST(Release, R4_AReleaseMustBeWrittenAndComplete) {
    Case c = case_at(Stage::consented);
    auto oral = release_for("R-1", "Jobcenter", d(2020, 2, 1));
    oral.written = false;
    EXPECT_EQ(error_of([&] { grant_release(c, oral, Policy{}); }).field(), "release.written");
    auto nobody = release_for("R-1", " ", d(2020, 2, 1));
    EXPECT_EQ(error_of([&] { grant_release(c, nobody, Policy{}); }).field(), "release.recipient");
    auto no_purpose = release_for("R-1", "Jobcenter", d(2020, 2, 1));
    no_purpose.purpose = "";
    EXPECT_EQ(error_of([&] { grant_release(c, no_purpose, Policy{}); }).field(), "release.purpose");
    EXPECT_TRUE(c.releases.empty());
}

TEST(Release, R4_GuardiansSignUnder16) {
    Case c = case_at(Stage::opened);
    auto consent = consent_on(d(2020, 1, 6));
    consent.guardian_consent_on = d(2020, 1, 6);
    record_consent(c, consent, d(2006, 1, 1), Policy{});
    set_person(c, person_born(d(2006, 1, 1)), d(2020, 1, 6), Policy{});
    auto r = release_for("R-1", "Schule", d(2020, 2, 1));
    EXPECT_EQ(error_of([&] { grant_release(c, r, Policy{}); }).field(), "release.guardian_signed_on");
    r.guardian_signed_on = d(2020, 2, 1);
    EXPECT_NO_THROW(grant_release(c, r, Policy{}));
}

TEST(Release, R4_HandingTheCaseToAColleagueIsADisclosure) {
    Case c = case_at(Stage::implementing);
    auto e = error_of([&] { hand_over(c, "fk-2", d(2020, 2, 1), Policy{}); });
    EXPECT_EQ(e.code(), errc::release_required);
    EXPECT_EQ(c.case_worker, "fk-1");
    grant_release(c, release_for("R-1", "fk-2", d(2020, 2, 1)), Policy{});
    hand_over(c, "fk-2", d(2020, 2, 1), Policy{});
    EXPECT_EQ(c.case_worker, "fk-2");
    EXPECT_EQ(c.disclosures.back().kind, DisclosureKind::handover);
}

TEST(Release, R4_DuplicateReleaseIdIsRefused) {
    Case c = case_at(Stage::consented);
    grant_release(c, release_for("R-1", "Jobcenter", d(2020, 2, 1)), Policy{});
    EXPECT_EQ(error_of([&] { grant_release(c, release_for("R-1", "Schule", d(2020, 2, 1)), Policy{}); }).code(), errc::already_exists);
}
