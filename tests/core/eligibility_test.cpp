// R2 eligibility: each check on its own, and the active referral when not eligible.
#include "fixtures.hpp"

#include "jmdcm/change.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

namespace {
EligibilityInput input(Date birth) {
    EligibilityInput in;
    in.intake_date = d(2020, 6, 15);
    in.birth_date = birth;
    in.residence = {ResidenceCategory::aufenthaltsgestattung, {}, std::nullopt};
    in.many_needs_many_actors = true;
    in.postcode = "60311";
    return in;
}
const RegionTest frankfurt = postcode_region({"60*", "65929"});

bool passed(const EligibilityResult& r, EligibilityCriterion c) {
    for (const auto& ch : r.checks)
        if (ch.criterion == c) return ch.passed;
    ADD_FAILURE() << "no check";
    return false;
}
}  // namespace

TEST(Eligibility, R2_EligibleWhenEveryCheckPasses) {
    const auto r = check_eligibility(input(d(2000, 1, 1)), Policy{}, frankfurt);
    EXPECT_TRUE(r.eligible);
    EXPECT_EQ(r.checks.size(), 4u);
}

TEST(Eligibility, R2_AgeRangeIsInclusiveOnTheIntakeDate) {
    const Policy p;
    EXPECT_TRUE(check_eligibility(input(d(2008, 6, 15)), p, frankfurt).eligible);    // 12th birthday
    EXPECT_FALSE(check_eligibility(input(d(2008, 6, 16)), p, frankfurt).eligible);   // 11, one day short
    EXPECT_TRUE(check_eligibility(input(d(1992, 6, 16)), p, frankfurt).eligible);    // still 27
    const auto old = check_eligibility(input(d(1992, 6, 15)), p, frankfurt);         // 28 today
    EXPECT_FALSE(old.eligible);
    EXPECT_FALSE(passed(old, EligibilityCriterion::age));
    EXPECT_TRUE(passed(old, EligibilityCriterion::residence));
}

TEST(Eligibility, R2_AgeRangeIsConfigurable) {
    Policy p;
    p.max_age = 30;
    EXPECT_TRUE(check_eligibility(input(d(1992, 6, 15)), p, frankfurt).eligible);
}

TEST(Eligibility, R2_DuldungQualifiesAndOtherStatusOnlyWhenLawful) {
    auto in = input(d(2000, 1, 1));
    in.residence = {ResidenceCategory::duldung, {}, std::nullopt};
    EXPECT_TRUE(check_eligibility(in, Policy{}, frankfurt).eligible);
    in.residence = {ResidenceCategory::other, "ohne Papiere", std::nullopt};
    EXPECT_FALSE(passed(check_eligibility(in, Policy{}, frankfurt), EligibilityCriterion::residence));
    in.residence = {ResidenceCategory::other, "EU-Freizügigkeit", true};
    EXPECT_TRUE(passed(check_eligibility(in, Policy{}, frankfurt), EligibilityCriterion::residence));
}

TEST(Eligibility, R2_PreventiveCMNeedsAJustification) {
    auto in = input(d(2000, 1, 1));
    in.many_needs_many_actors = false;
    EXPECT_FALSE(check_eligibility(in, Policy{}, frankfurt).eligible);
    in.preventive_justification = FreeText("   ");
    EXPECT_FALSE(check_eligibility(in, Policy{}, frankfurt).eligible);
    in.preventive_justification = FreeText("Drohender Schulabbruch; frühe Hilfe senkt das Risiko");
    EXPECT_TRUE(check_eligibility(in, Policy{}, frankfurt).eligible);
}

TEST(Eligibility, R2_EachFailedCheckSaysWhy) {
    auto in = input(d(1980, 1, 1));
    in.residence = {ResidenceCategory::other, {}, false};
    in.many_needs_many_actors = false;
    in.postcode = "10115";
    const auto r = check_eligibility(in, Policy{}, frankfurt);
    EXPECT_FALSE(r.eligible);
    for (const auto& c : r.checks) {
        EXPECT_FALSE(c.passed);
        EXPECT_FALSE(c.reason.empty());
    }
    EXPECT_NE(r.checks.back().reason.text.find("10115"), std::string::npos);
}

TEST(Eligibility, R2_RegionTestComesFromTheHost) {
    auto in = input(d(2000, 1, 1));
    in.postcode = "65929";
    EXPECT_TRUE(check_eligibility(in, Policy{}, frankfurt).eligible);
    in.postcode = "65930";
    EXPECT_FALSE(check_eligibility(in, Policy{}, frankfurt).eligible);
    EXPECT_FALSE(check_eligibility(in, Policy{}, RegionTest{}).eligible);  // no test supplied: not in region
}

TEST(Eligibility, R2_NotEligibleRequiresAnActiveReferral) {
    auto in = input(d(1980, 1, 1));
    const auto r = check_eligibility(in, Policy{}, frankfurt);
    auto e = error_of([&] { record_eligibility(d(2020, 6, 15), r, std::nullopt); });
    EXPECT_EQ(e.code(), errc::referral_required);
    EXPECT_EQ(e.rule(), "R2");
    const auto rec = record_eligibility(d(2020, 6, 15), r, ExternalReferral{"Migrationsberatung für Erwachsene (MBE)", d(2020, 6, 15), {}});
    EXPECT_EQ(rec.referral->recipient, "Migrationsberatung für Erwachsene (MBE)");
}

TEST(Eligibility, R2_ScreeningNeedsAnEligibilityRecord) {
    Case c = case_at(Stage::consented);   // consent and master data, no eligibility check yet
    c.eligibility.reset();
    expect_error([&] { record_screening(c, screening_with(5, d(2020, 1, 13)), Policy{}); }, errc::phase_gate, "R2", "case.eligibility");
    EXPECT_FALSE(c.screening);
    EXPECT_EQ(phase_gate(c, Phase::screening, d(2020, 1, 13), Policy{}).front(), "R2: eligibility record");
    // a host's save cannot skip it either
    Case saved = c;
    Screening s = screening_with(5, d(2020, 1, 13));
    saved.screening = s;
    saved.phase_history.push_back({d(2020, 1, 13), Phase::intake, Phase::screening});
    saved.phase = Phase::screening;
    expect_error([&] { check_change(c, saved, d(2020, 1, 13), Policy{}); }, errc::phase_gate, "R2", "case.eligibility");
    set_eligibility(c, eligible_on(d(2020, 1, 13)), Policy{});
    EXPECT_NO_THROW(record_screening(c, screening_with(5, d(2020, 1, 13)), Policy{}));
}

TEST(Eligibility, R2_APersonWhoIsNotEligibleEntersCMOnlyWithAJustification) {
    // A 31-year-old: screened and agreed, but the gate to Assessment stays shut without a justification.
    Case c = case_at(Stage::consented);
    const auto too_old = check_eligibility(input(d(1989, 1, 1)), Policy{}, frankfurt);
    ASSERT_FALSE(too_old.eligible);
    set_eligibility(c, {d(2020, 1, 13), too_old, ExternalReferral{"MBE", d(2020, 1, 13), {}}, std::nullopt}, Policy{});
    record_screening(c, screening_with(5, d(2020, 1, 13)), Policy{});
    decide_screening(c, {d(2020, 1, 13), true, std::nullopt}, Policy{});
    record_cooperation(c, {d(2020, 1, 13), true, AgreementForm::oral}, Policy{});
    expect_error([&] { change_phase(c, Phase::assessment, d(2020, 1, 14), Policy{}); }, errc::phase_gate, "R2", "case.phase");
    EXPECT_EQ(c.phase, Phase::screening);
    // a blank justification is none
    expect_error([&] { set_eligibility(c, {d(2020, 1, 14), too_old, std::nullopt, FreeText{"  "}}, Policy{}); }, errc::referral_required, "R2",
                 "referral.recipient");
    set_eligibility(c, {d(2020, 1, 14), too_old, std::nullopt, FreeText{"Fluchterfahrung, Hilfebedarf in sechs Lebensbereichen"}}, Policy{});
    EXPECT_NO_THROW(change_phase(c, Phase::assessment, d(2020, 1, 14), Policy{}));
    // and the justification is personal text: anonymisation wipes it
    anonymise(c, d(2020, 2, 1));
    EXPECT_TRUE(is_blank(*c.eligibility->cm_justification));
}
