// Policy: the handbook's defaults, loading from JSON, validation naming the field.
#include "fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

TEST(Policy, DefaultsAreTheHandbooks) {
    const Policy p;
    EXPECT_EQ(p.min_age, 12);
    EXPECT_EQ(p.max_age, 27);
    EXPECT_EQ(p.guardian_consent_below_age, 16);
    EXPECT_EQ(p.screening_threshold, 4);
    EXPECT_EQ(p.active_goal_limit, 3);
    EXPECT_EQ(p.review_after_months, 6);
    EXPECT_EQ(p.anonymise_after_months, 9);
    EXPECT_EQ(p.follow_up_after_months, 6);
    EXPECT_EQ(p.scale_min, 1);
    EXPECT_EQ(p.scale_max, 5);
    EXPECT_EQ(p.skeleton_age, SkeletonAge::age_band_at_intake);   // R13: the coarsest
    EXPECT_NO_THROW(validate(p));
}

TEST(Policy, R13_TheSkeletonsAgeIsChosenByName) {
    EXPECT_EQ(load_policy(R"({"schema":1,"skeleton_age":"birth_year"})").skeleton_age, SkeletonAge::birth_year);
    const error e = error_of([] { load_policy(R"({"schema":1,"skeleton_age":"birth_date"})"); });
    EXPECT_NE(std::string(e.what()).find("skeleton_age"), std::string::npos) << e.what();
}

TEST(Policy, LoadsPartialDocumentKeepingDefaults) {
    const Policy p = load_policy(R"({"schema":1,"screening_threshold":5,"max_age":26})");
    EXPECT_EQ(p.screening_threshold, 5);
    EXPECT_EQ(p.max_age, 26);
    EXPECT_EQ(p.min_age, 12);
}

TEST(Policy, InvalidAgeRangeIsRejectedNamingTheField) {
    auto e = error_of([] { load_policy(R"({"schema":1,"min_age":20,"max_age":18})"); });
    EXPECT_EQ(e.code(), errc::policy_invalid);
    EXPECT_EQ(e.rule(), "R2");
    EXPECT_EQ(e.field(), "$.max_age");
}

TEST(Policy, R13_ReviewPeriodMustBeShorterThanAnonymisation) {
    auto e = error_of([] { load_policy(R"({"schema":1,"review_after_months":9,"anonymise_after_months":9})"); });
    EXPECT_EQ(e.field(), "$.anonymise_after_months");
    EXPECT_EQ(e.rule(), "R13");
}

TEST(Policy, R6_ThresholdMustFitTwelveCriteria) {
    EXPECT_EQ(error_of([] { load_policy(R"({"schema":1,"screening_threshold":13})"); }).field(), "$.screening_threshold");
    EXPECT_EQ(error_of([] { load_policy(R"({"schema":1,"screening_threshold":0})"); }).field(), "$.screening_threshold");
}

TEST(Policy, R3_GuardianRuleCanBeSwitchedOffWithNull) {
    const Policy p = load_policy(R"({"schema":1,"guardian_consent_below_age":null})");
    EXPECT_FALSE(p.guardian_consent_below_age);
}

TEST(Policy, R15_CaseloadThresholdsMustIncrease) {
    EXPECT_EQ(error_of([] { load_policy(R"({"schema":1,"caseload_agreed":20})"); }).field(), "$.caseload_agreed");
}

TEST(Policy, BadJsonIsAJsonErrorNotAPolicyError) {
    EXPECT_EQ(error_of([] { load_policy(R"({"schema":1,"min_age":"twelve"})"); }).code(), errc::json_type);
    EXPECT_EQ(error_of([] { load_policy(R"({"schema":7})"); }).code(), errc::json_schema_version);
    // a host's policy file names only what it changes, its schema too: absent means the current one
    EXPECT_EQ(load_policy(R"({"active_goal_limit":4})", json::ReadOptions{true}).active_goal_limit, 4);
    EXPECT_EQ(load_policy("{}").schema, Policy{}.schema);
}
