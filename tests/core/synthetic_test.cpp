// The seeded synthetic generator: deterministic, valid by construction, varied.
#include "fixtures.hpp"

#include <map>

using namespace jmdcm;
using namespace jmdcm::test;

TEST(Synthetic, SameSeedAndIndexGiveTheSameCase) {
    const SyntheticOptions o;
    EXPECT_EQ(json::to_string(synthetic_case(o, 7)), json::to_string(synthetic_case(o, 7)));
    EXPECT_NE(json::to_string(synthetic_case(o, 7)), json::to_string(synthetic_case(o, 8)));
    SyntheticOptions other = o;
    other.seed = 2;
    EXPECT_NE(json::to_string(synthetic_case(o, 7)), json::to_string(synthetic_case(other, 7)));
}

TEST(Synthetic, APopulationCoversEveryStageAndClosureReason) {
    std::map<Phase, int> phases;
    std::map<ClosureReason, int> reasons;
    int counselling = 0, anonymised = 0, gaps = 0;
    for (std::uint64_t i = 0; i < 2000; ++i) {
        const Case c = synthetic_case({}, i);
        ++phases[c.phase];
        if (c.closure) ++reasons[c.closure->reason];
        counselling += c.kind == CaseKind::counselling;
        anonymised += is_anonymised(c);
        gaps += !c.supply_gaps.empty();
        if (!is_anonymised(c)) {  // anonymisation wipes goal texts on purpose
            for (const auto& p : c.plans) {
                EXPECT_NO_THROW(require_valid_plan(p, Policy{}, {"G1", "G2", "G3"}));
            }
        }
    }
    for (Phase p : {Phase::intake, Phase::screening, Phase::assessment, Phase::implementation, Phase::closure})
        EXPECT_GT(phases[p], 20) << boost::describe::enum_to_string(p, "?");
    EXPECT_EQ(reasons.size(), 5u);
    EXPECT_GT(counselling, 50);
    EXPECT_GT(anonymised, 20);  // closed for no contact
    EXPECT_GT(gaps, 50);
}

TEST(Synthetic, RespectsThePolicy) {
    Policy p;
    p.min_age = 14;
    p.max_age = 18;
    p.active_goal_limit = 2;
    for (std::uint64_t i = 0; i < 200; ++i) {
        const Case c = synthetic_case({}, i, p);
        if (c.person) {
            const int age = age_on(c.person->birth_date, c.opened);
            EXPECT_GE(age, 14);
            EXPECT_LE(age, 18);
        }
        for (const auto& plan : c.plans) EXPECT_LE(plan.goals.size(), 2u);
    }
}

TEST(Synthetic, R3_AYoungPersonsGuardiansConsentByRole) {
    Policy p;
    p.min_age = 12;
    p.max_age = 15;   // every one under the guardian age
    std::map<GuardianRole, int> roles;
    for (std::uint64_t i = 0; i < 200; ++i) {
        const Case c = synthetic_case({}, i, p);
        if (!c.consent || is_anonymised(c)) continue;
        ASSERT_FALSE(c.consent->guardians.empty()) << c.id;
        EXPECT_EQ(c.consent->guardian_consent_on, guardians_consent_on(*c.consent)) << c.id;
        for (const auto& g : c.consent->guardians) ++roles[g.role];
    }
    EXPECT_GT(roles[GuardianRole::mother], 0);
    EXPECT_GT(roles[GuardianRole::father], 0);
    EXPECT_GT(roles[GuardianRole::legal_guardian], 0);
}
