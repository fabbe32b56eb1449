// R13: the statistical skeleton keeps one age, the one the policy chose (year of birth, age at
// intake or its band, the default), never two: with the month of opening, two of them tell on
// which side of the intake the birthday falls.
#include "fixtures.hpp"

#include "jmdcm/change.hpp"
#include "jmdcm/research.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

Policy keeping(SkeletonAge age) {
    Policy p;
    p.skeleton_age = age;
    return p;
}

int ages_in(const StatisticalSkeleton& s) {
    return s.birth_year.has_value() + s.age_at_intake.has_value() + s.age_band_at_intake.has_value();
}

}  // namespace

TEST(Skeleton, R13_AgeBandsFollowTheProgrammesLines) {
    const std::pair<int, AgeBand> edges[] = {
        {11, AgeBand::under_12},      {12, AgeBand::from_12_to_15}, {15, AgeBand::from_12_to_15},
        {16, AgeBand::from_16_to_17}, {17, AgeBand::from_16_to_17}, {18, AgeBand::from_18_to_20},
        {20, AgeBand::from_18_to_20}, {21, AgeBand::from_21_to_24}, {24, AgeBand::from_21_to_24},
        {25, AgeBand::from_25_to_27}, {27, AgeBand::from_25_to_27}, {28, AgeBand::over_27}};
    for (const auto& [age, band] : edges) EXPECT_EQ(age_band(age), band) << age;
}

TEST(Skeleton, R13_EachPolicyChoiceKeepsExactlyThatAge) {
    struct Expect { SkeletonAge choice; std::optional<int> year, age; std::optional<AgeBand> band; };
    const Expect cases[] = {{SkeletonAge::age_band_at_intake, {}, {}, AgeBand::from_21_to_24},
                            {SkeletonAge::age_at_intake, {}, 22, {}},
                            {SkeletonAge::birth_year, 1994, {}, {}}};
    for (const auto& e : cases) {
        Case c = samira();
        anonymise(c, d(2017, 4, 1), {}, e.choice);
        ASSERT_TRUE(c.skeleton);
        EXPECT_EQ(c.skeleton->birth_year, e.year);
        EXPECT_EQ(c.skeleton->age_at_intake, e.age);
        EXPECT_EQ(c.skeleton->age_band_at_intake, e.band);
        EXPECT_EQ(ages_in(*c.skeleton), 1);
    }
}

TEST(Skeleton, R13_TheBandIsTheAgeOnTheIntakeDayAcross29February) {
    for (const auto& [opened, band] : {std::pair{d(2016, 2, 28), AgeBand::from_12_to_15},
                                       std::pair{d(2016, 2, 29), AgeBand::from_16_to_17}}) {
        Case c = open_case("c", "office", "worker", opened);
        c.consent = consent_on(opened);
        c.person = person_born(d(2000, 2, 29));
        anonymise(c, d(2017, 1, 10));
        EXPECT_EQ(c.skeleton->age_band_at_intake, band) << to_iso(opened);
    }
}

TEST(Skeleton, R13_WithdrawalKeepsThePolicysAge) {
    Case withdrawn = samira();
    withdraw_consent(withdrawn, d(2017, 1, 5), SkeletonAge::birth_year);
    EXPECT_EQ(withdrawn.skeleton->birth_year, 1994);
    EXPECT_EQ(ages_in(*withdrawn.skeleton), 1);
}

TEST(Skeleton, R13_ASkeletonStoredWithBothAgesShowsOnlyTheBand) {
    Case c = samira();
    anonymise(c, d(2017, 4, 1), {}, SkeletonAge::age_at_intake);
    c.skeleton->birth_year = 1994;   // as stored before the policy chose
    strip_to_skeleton(c);            // the projection every load applies
    EXPECT_FALSE(c.skeleton->birth_year);
    EXPECT_FALSE(c.skeleton->age_at_intake);
    EXPECT_EQ(c.skeleton->age_band_at_intake, AgeBand::from_21_to_24);
}

TEST(Skeleton, R13_OneAgeIsKeptUntouchedByTheProjection) {
    Case c = samira();
    anonymise(c, d(2017, 4, 1), {}, SkeletonAge::birth_year);
    strip_to_skeleton(c);
    EXPECT_EQ(c.skeleton->birth_year, 1994);
    EXPECT_EQ(ages_in(*c.skeleton), 1);
}

TEST(Skeleton, R13_AStepsAnonymisationMustKeepTheStorePolicysAge) {
    const Case before = samira();
    Case after = before;
    anonymise(after, d(2017, 4, 1), {}, SkeletonAge::birth_year);
    after.version = before.version;
    EXPECT_NO_THROW(check_change(before, after, d(2017, 4, 1), keeping(SkeletonAge::birth_year), ChangeOrigin::step));
    expect_error([&] { check_change(before, after, d(2017, 4, 1), Policy{}, ChangeOrigin::step); },
                 errc::case_anonymised, "R13", "case.skeleton");
}

TEST(Skeleton, R13_AnAnonymisedImportHoldsAtMostOneAge) {
    Case c = samira();
    anonymise(c, d(2017, 4, 1), {}, SkeletonAge::birth_year);   // another office's choice is accepted
    EXPECT_NO_THROW(check_new_case(c, d(2017, 4, 1), Policy{}));
    c.skeleton->age_at_intake = 22;
    expect_error([&] { check_new_case(c, d(2017, 4, 1), Policy{}); }, errc::case_anonymised, "R13", "case.skeleton");
}

TEST(Skeleton, R13_ResearchCasesOfARunningCaseFollowThePolicy) {
    Case c = samira();
    c.closure.reset();
    c.evaluation.reset();
    c.follow_up.reset();
    const std::vector<Case> cases{c};
    const Table band = research_table(ResearchTable::cases, cases, d(2017, 4, 1));
    const Table year = research_table(ResearchTable::cases, cases, d(2017, 4, 1), SkeletonAge::birth_year);
    auto col = [](const Table& t, const std::string& name) {
        for (std::size_t i = 0; i < t.info.columns.size(); ++i)
            if (t.info.columns[i].name == name) return t.data[i][0];
        ADD_FAILURE() << name;
        return std::int32_t{0};
    };
    EXPECT_EQ(col(band, "birth_year"), missing_number);
    EXPECT_NE(col(band, "age_band_at_intake"), missing_category);
    EXPECT_EQ(col(year, "birth_year"), 1994);
    EXPECT_EQ(col(year, "age_band_at_intake"), missing_category);
}
