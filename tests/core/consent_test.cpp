// R3 data consent and withdrawal; R5 cooperation agreement.
#include "fixtures.hpp"
#include "jmdcm/change.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

TEST(Consent, R3_NoPersonalDataBeforeConsent) {
    Case c = case_at(Stage::opened);
    auto e = error_of([&] { set_person(c, person_born(d(2000, 1, 1)), d(2020, 1, 6), Policy{}); });
    EXPECT_EQ(e.code(), errc::consent_required);
    EXPECT_EQ(e.rule(), "R3");
    EXPECT_FALSE(c.person);
}

TEST(Consent, R3_AnonymousCounsellingWithoutConsentStoresNothingPersonal) {
    Case c = case_at(Stage::opened);
    EXPECT_NO_THROW(add_journal_entry(c, {d(2020, 1, 7), ContactKind::phone, ContactTopic::counselling, true, {}, {}}, Policy{}));
    auto e = error_of([&] {
        add_journal_entry(c, {d(2020, 1, 8), ContactKind::phone, ContactTopic::counselling, true, {}, "Sorgen wegen Duldung"}, Policy{});
    });
    EXPECT_EQ(e.code(), errc::consent_required);
    EXPECT_EQ(c.journal.size(), 1u);
}

TEST(Consent, R3_GuardiansConsentInAdditionUnder16) {
    Case c = case_at(Stage::opened);
    const Date birth = d(2005, 1, 7);  // 15 on 2020-01-06
    auto e = error_of([&] { record_consent(c, consent_on(d(2020, 1, 6)), birth, Policy{}); });
    EXPECT_EQ(e.code(), errc::consent_invalid);
    EXPECT_EQ(e.field(), "consent.guardian_consent_on");
    auto with_guardians = consent_on(d(2020, 1, 6));
    with_guardians.guardian_consent_on = d(2020, 1, 6);
    EXPECT_NO_THROW(record_consent(c, with_guardians, birth, Policy{}));
    Case older = case_at(Stage::opened);
    EXPECT_NO_THROW(record_consent(older, consent_on(d(2020, 1, 6)), d(2004, 1, 6), Policy{}));  // 16 today
}

TEST(Consent, R3_GuardianRuleIsConfigurableAndCanBeSwitchedOff) {
    Policy off;
    off.guardian_consent_below_age.reset();
    Case c = case_at(Stage::opened);
    EXPECT_NO_THROW(record_consent(c, consent_on(d(2020, 1, 6)), d(2007, 1, 1), off));
    Policy eighteen;
    eighteen.guardian_consent_below_age = 18;
    Case c2 = case_at(Stage::opened);
    EXPECT_EQ(error_of([&] { record_consent(c2, consent_on(d(2020, 1, 6)), d(2003, 1, 1), eighteen); }).code(), errc::consent_invalid);
}

TEST(Consent, R3_IncompleteConsentNamesWhatIsMissing) {
    Case c = case_at(Stage::opened);
    auto no_hash = consent_on(d(2020, 1, 6));
    no_hash.text_sha256 = "abc";
    EXPECT_EQ(error_of([&] { record_consent(c, no_hash, d(2000, 1, 1), Policy{}); }).field(), "consent.text_sha256");
    auto unexplained = consent_on(d(2020, 1, 6));
    unexplained.consequences_explained = false;
    EXPECT_EQ(error_of([&] { record_consent(c, unexplained, d(2000, 1, 1), Policy{}); }).field(), "consent.consequences_explained");
    auto no_purpose = consent_on(d(2020, 1, 6));
    no_purpose.purpose = " ";
    EXPECT_EQ(error_of([&] { record_consent(c, no_purpose, d(2000, 1, 1), Policy{}); }).field(), "consent.purpose");
    EXPECT_FALSE(c.consent);
}

TEST(Consent, R3_NewFormVersionNeedsNewConsent) {
    Policy p;
    Case c = case_at(Stage::consented, p);
    p.consent_form_version = "2021-01";
    EXPECT_FALSE(consent_in_force(*c.consent, d(2021, 2, 1), p));
    EXPECT_EQ(error_of([&] { record_intake(c, {d(2020, 1, 6), {}, "Anliegen", {}, {}}, d(2021, 2, 1), p); }).code(),
              errc::consent_required);
    auto renewed = consent_on(d(2021, 2, 1));
    renewed.form_version = "2021-01";
    record_consent(c, renewed, d(2000, 1, 1), p);
    EXPECT_NO_THROW(record_intake(c, {d(2020, 1, 6), {}, "Anliegen", {}, {}}, d(2021, 2, 1), p));
}

TEST(Consent, R3_WithdrawalDeletesPersonalDataAtOnceAndLeavesAPaperFileReminder) {
    Case c = samira();
    withdraw_consent(c, d(2017, 4, 3));
    const std::string doc = json::to_string(c);
    for (const char* personal : {"Samira", "Beispiel", "1994-05-03", "60386", "Sammelunterkunft", "Afghanistan", "Dari",
                                 "Schwägerin", "Frauenfrühstück", "Krippenplatz"})
        EXPECT_EQ(doc.find(personal), std::string::npos) << personal;
    EXPECT_FALSE(c.person);
    ASSERT_TRUE(c.skeleton);
    EXPECT_EQ(c.skeleton->age_band_at_intake, AgeBand::from_21_to_24);
    EXPECT_EQ(c.skeleton->region, "603");
    EXPECT_EQ(c.consent->withdrawn_on, d(2017, 4, 3));
    const bool reminder = std::any_of(c.reminders.begin(), c.reminders.end(),
                                      [](const Reminder& r) { return r.kind == ReminderKind::paper_file_cleanup && !r.done; });
    EXPECT_TRUE(reminder);
}

TEST(Consent, R3_AfterWithdrawalNothingPersonalCanBeAdded) {
    Case c = case_at(Stage::implementing);
    withdraw_consent(c, d(2020, 3, 1));
    EXPECT_EQ(error_of([&] { set_person(c, person_born(d(2000, 1, 1)), d(2020, 3, 2), Policy{}); }).code(), errc::case_anonymised);
    EXPECT_EQ(error_of([&] { withdraw_consent(c, d(2020, 3, 3)); }).code(), errc::case_anonymised);
}

TEST(Cooperation, R5_OralAgreementSufficesForCM) {
    Case c = case_at(Stage::agreed);
    EXPECT_EQ(c.cooperation->form, AgreementForm::oral);
    EXPECT_NO_THROW(start_case_management(c, d(2020, 1, 14), Policy{}));
    EXPECT_EQ(c.phase, Phase::assessment);
}

TEST(Cooperation, R5_RefusedAgreementMeansCounsellingWithoutCM) {
    Case c = case_at(Stage::screened);
    record_cooperation(c, {d(2020, 1, 13), false, AgreementForm::oral}, Policy{});
    EXPECT_EQ(c.kind, CaseKind::counselling);
    auto e = error_of([&] { start_case_management(c, d(2020, 1, 14), Policy{}); });
    EXPECT_EQ(e.code(), errc::phase_gate);
    EXPECT_NE(std::string(e.what()).find("R5"), std::string::npos);
}

TEST(Consent, R3_EachGuardianIsRecordedByRoleAndTheConsentHoldsFromTheLast) {
    const Date birth = d(2005, 1, 7);  // 15 on 2020-01-06
    auto consent = consent_on(d(2020, 1, 6));
    consent.guardians = {{GuardianRole::mother, d(2020, 1, 6)}, {GuardianRole::father, d(2020, 1, 9)}};
    Case c = case_at(Stage::opened);
    record_consent(c, consent, birth, Policy{});
    EXPECT_EQ(guardians_consent_on(*c.consent), d(2020, 1, 9));
    EXPECT_FALSE(consent_in_force(*c.consent, d(2020, 1, 8), Policy{}));   // the father had not yet consented
    EXPECT_TRUE(consent_in_force(*c.consent, d(2020, 1, 9), Policy{}));
    EXPECT_EQ(json::to_string(*c.consent).find("Synthetika"), std::string::npos);   // roles, never names
}

TEST(Consent, R3_AGuardiansRecordIsCheckedNamingTheField) {
    const Date birth = d(2005, 1, 7);
    auto twice = consent_on(d(2020, 1, 6));
    twice.guardians = {{GuardianRole::mother, d(2020, 1, 6)}, {GuardianRole::mother, d(2020, 1, 7)}};
    Case c = case_at(Stage::opened);
    expect_error([&] { record_consent(c, twice, birth, Policy{}); }, errc::consent_invalid, "R3", "consent.guardians[1].role");
    auto undated = consent_on(d(2020, 1, 6));
    undated.guardians = {{GuardianRole::legal_guardian, Date{}}};
    expect_error([&] { record_consent(c, undated, birth, Policy{}); }, errc::consent_invalid, "R3", "consent.guardians[0].given_on");
    auto contradicting = consent_on(d(2020, 1, 6));
    contradicting.guardians = {{GuardianRole::legal_guardian, d(2020, 1, 8)}};
    contradicting.guardian_consent_on = d(2020, 1, 6);
    expect_error([&] { record_consent(c, contradicting, birth, Policy{}); }, errc::consent_invalid, "R3", "consent.guardian_consent_on");
    auto custodians = consent_on(d(2020, 1, 6));   // two other custodians may both consent
    custodians.guardians = {{GuardianRole::other_custodian, d(2020, 1, 6)}, {GuardianRole::other_custodian, d(2020, 1, 6)}};
    EXPECT_NO_THROW(record_consent(c, custodians, birth, Policy{}));
}

TEST(Consent, R3_TheYoungPersonConsentsThemselves) {
    auto by_others = consent_on(d(2020, 1, 6));
    by_others.young_person_signed = false;
    by_others.guardians = {{GuardianRole::mother, d(2020, 1, 6)}};
    Case c = case_at(Stage::opened);
    expect_error([&] { record_consent(c, by_others, d(2005, 1, 7), Policy{}); }, errc::consent_invalid, "R3",
                 "consent.young_person_signed");
    // a host's save is judged by the same check
    Case saved = c;
    saved.consent = by_others;
    expect_error([&] { check_change(c, saved, d(2020, 1, 6), Policy{}); }, errc::consent_invalid, "R3", "consent.young_person_signed");
}
