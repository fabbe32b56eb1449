// R15 caseload and substitution.
#include "fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

TEST(Organisation, R15_CaseloadLevelsFollowTheThresholds) {
    const Policy p;
    EXPECT_EQ(caseload_level(0, p), CaseloadLevel::far_below_basis);
    EXPECT_EQ(caseload_level(19.9, p), CaseloadLevel::far_below_basis);
    EXPECT_EQ(caseload_level(20, p), CaseloadLevel::realistic);
    EXPECT_EQ(caseload_level(30, p), CaseloadLevel::realistic);
    EXPECT_EQ(caseload_level(30.5, p), CaseloadLevel::agreed_basis);
    EXPECT_EQ(caseload_level(31, p), CaseloadLevel::agreed_basis);
    EXPECT_EQ(caseload_level(50, p), CaseloadLevel::agreed_basis);
    EXPECT_EQ(caseload_level(80, p), CaseloadLevel::high);
    EXPECT_EQ(caseload_level(149, p), CaseloadLevel::critical);
    EXPECT_EQ(caseload_level(150, p), CaseloadLevel::unjustifiable);
    Policy strict;
    strict.caseload_realistic = 20;
    EXPECT_EQ(caseload_level(25, strict), CaseloadLevel::agreed_basis);
    strict.caseload_far_below = 0;   // the warning switched off
    EXPECT_EQ(caseload_level(0, strict), CaseloadLevel::realistic);
}

TEST(Organisation, R15_EveryLevelOutsideTheBasisCarriesItsWarning) {
    const Policy p;
    EXPECT_TRUE(caseload_warning(CaseloadLevel::realistic, p).empty());
    EXPECT_TRUE(caseload_warning(CaseloadLevel::agreed_basis, p).empty());
    EXPECT_NE(caseload_warning(CaseloadLevel::far_below_basis, p).find("far below the agreed basis"), std::string::npos);
    EXPECT_NE(caseload_warning(CaseloadLevel::high, p).find("above the agreed basis"), std::string::npos);
    EXPECT_NE(caseload_warning(CaseloadLevel::unjustifiable, p).find("150"), std::string::npos);
}

namespace {
CaseSummary summary(std::string id, std::string worker, bool running) {
    CaseSummary s;
    s.id = std::move(id);
    s.case_worker = std::move(worker);
    s.running = running;
    return s;
}
}  // namespace

TEST(Organisation, R15_CaseloadCountsRunningCasesPerCaseWorker) {
    std::vector<CaseSummary> cases;
    for (int i = 0; i < 35; ++i) cases.push_back(summary("A" + std::to_string(i), "fk-a", true));
    for (int i = 0; i < 3; ++i) cases.push_back(summary("B" + std::to_string(i), "fk-b", true));
    cases.push_back(summary("C", "fk-b", false));
    const auto load = caseload(cases, Policy{});
    ASSERT_EQ(load.size(), 2u);
    EXPECT_EQ(load[0].case_worker, "fk-a");
    EXPECT_EQ(load[0].running, 35);
    EXPECT_EQ(load[0].level, CaseloadLevel::agreed_basis);
    EXPECT_TRUE(load[0].warning.empty());
    EXPECT_EQ(load[1].running, 3);
    EXPECT_EQ(load[1].level, CaseloadLevel::far_below_basis);
    EXPECT_FALSE(load[1].warning.empty());
}

TEST(Organisation, R15_APartTimeWorkersCasesAreScaledToAFullTimePost) {
    std::vector<CaseSummary> cases;
    for (int i = 0; i < 25; ++i) cases.push_back(summary("A" + std::to_string(i), "fk-a", true));
    for (int i = 0; i < 25; ++i) cases.push_back(summary("B" + std::to_string(i), "fk-b", true));
    Policy p;
    p.posts = {{"fk-a", 0.5}};                       // fk-b is not listed: a full post
    validate(p);
    const auto load = caseload(cases, p);
    ASSERT_EQ(load.size(), 2u);
    EXPECT_EQ(load[0].running, 25);
    EXPECT_DOUBLE_EQ(load[0].share, 0.5);
    EXPECT_DOUBLE_EQ(load[0].per_full_time_post, 50);
    EXPECT_EQ(load[0].level, CaseloadLevel::agreed_basis);
    EXPECT_DOUBLE_EQ(load[1].share, 1.0);
    EXPECT_DOUBLE_EQ(load[1].per_full_time_post, 25);
    EXPECT_EQ(load[1].level, CaseloadLevel::realistic);
    p.posts = {{"fk-a", 0.25}};                      // 25 cases on a quarter post: 100 per post
    EXPECT_EQ(caseload(cases, p)[0].level, CaseloadLevel::critical);
}

TEST(Organisation, R15_AWorkerWithAPostAndNoRunningCaseIsFarBelowTheBasis) {
    Policy p;
    p.posts = {{"fk-new", 1.0}};
    const auto load = caseload({summary("A", "fk-old", false)}, p);
    ASSERT_EQ(load.size(), 1u);
    EXPECT_EQ(load[0].case_worker, "fk-new");
    EXPECT_EQ(load[0].running, 0);
    EXPECT_EQ(load[0].level, CaseloadLevel::far_below_basis);
}

TEST(Organisation, R15_PostsAreValidatedByName) {
    const auto refused = [](std::vector<Post> posts) {
        Policy p;
        p.posts = std::move(posts);
        return error_of([&] { validate(p); });
    };
    EXPECT_EQ(refused({{"fk-a", 0.0}}).field(), "$.posts[0].share");
    EXPECT_EQ(refused({{"fk-a", 0.5}, {"fk-b", 1.5}}).field(), "$.posts[1].share");
    EXPECT_EQ(refused({{"fk-a", -1}}).code(), errc::policy_invalid);
    EXPECT_EQ(refused({{"", 1}}).field(), "$.posts[0].case_worker");
    const auto twice = refused({{"fk-a", 0.5}, {"fk-a", 0.5}});
    EXPECT_EQ(twice.field(), "$.posts[1].case_worker");
    EXPECT_EQ(twice.rule(), "R15");
    EXPECT_NE(std::string(twice.what()).find("listed twice"), std::string::npos);
    const json::ReadOptions strict{true};
    EXPECT_EQ(error_of([&] { load_policy(R"({"schema":1,"posts":[{"case_worker":"fk-a","fte":1}]})", strict); }).code(),
              errc::json_unknown_field);   // a host's unknown key is an error
    EXPECT_DOUBLE_EQ(load_policy(R"({"schema":1,"posts":[{"case_worker":"fk-a","share":0.5}]})", strict).posts.at(0).share, 0.5);
}

TEST(Organisation, R15_SubstitutionNeedsTheYoungPersonsConsentAndARelease) {
    Case c = case_at(Stage::implementing);
    Substitution s{"fk-2", d(2020, 7, 1), d(2020, 7, 31), std::nullopt, {}};
    EXPECT_EQ(error_of([&] { assign_substitute(c, s, Policy{}); }).code(), errc::substitution_refused);
    s.young_person_consented_on = d(2020, 6, 20);
    EXPECT_EQ(error_of([&] { assign_substitute(c, s, Policy{}); }).code(), errc::release_required);
    EXPECT_TRUE(c.substitutions.empty());
    grant_release(c, release_for("R-7", "fk-2", d(2020, 6, 20)), Policy{});
    assign_substitute(c, s, Policy{});
    ASSERT_EQ(c.substitutions.size(), 1u);
    EXPECT_EQ(c.substitutions[0].release_id, "R-7");
    EXPECT_EQ(c.disclosures.back().kind, DisclosureKind::substitution);
}

TEST(Organisation, R15_ConsentGivenAfterTheSubstitutionStartsDoesNotCount) {
    Case c = case_at(Stage::implementing);
    grant_release(c, release_for("R-7", "fk-2", d(2020, 6, 20)), Policy{});
    Substitution s{"fk-2", d(2020, 7, 1), std::nullopt, d(2020, 7, 2), {}};
    EXPECT_EQ(error_of([&] { assign_substitute(c, s, Policy{}); }).code(), errc::substitution_refused);
}

TEST(Organisation, R15_CounsellingCasesDoNotCountNorOneThatContinuesAsCounselling) {
    std::vector<CaseSummary> cases;
    for (int i = 0; i < 4; ++i) cases.push_back(summary("A" + std::to_string(i), "fk-a", true));
    auto counselling = summary("B", "fk-a", true);
    counselling.kind = CaseKind::counselling;
    cases.push_back(counselling);
    // a CM case closed for lack of cooperation that continues as counselling (R11)
    Case c = case_at(Stage::implementing);
    Closure cl;
    cl.date = d(2020, 4, 1);
    cl.reason = ClosureReason::lack_of_cooperation;
    cl.by_consensus = false;
    cl.continue_as_counselling = true;
    close_case(c, cl, Policy{});
    c.case_worker = "fk-a";
    ASSERT_TRUE(summarise(c).running);
    cases.push_back(summarise(c));
    const auto load = caseload(cases, Policy{});
    ASSERT_EQ(load.size(), 1u);
    EXPECT_EQ(load[0].running, 4);
}
