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

// ---------------------------------------------------------------- issue 20: the invented structure
namespace {

struct Tally {
    int hits = 0, of = 0;
    void add(bool hit) { hits += hit, ++of; }
    double rate() const { return of ? double(hits) / of : 0.0; }
};

struct Observed {
    std::map<LifeArea, Tally> achieved_by_area;
    std::map<ResidenceCategory, Tally> achieved_by_residence;
    Tally achieved_with_duldung, achieved_without;
    Tally reached_few_obstacles, reached_many_obstacles;      // goals_reached among closed CM cases: 4-5 against 8-10 obstacles
    Tally early_few_obstacles, early_many_obstacles;          // ended early (by the young person, no contact)
    double first_gap = 0, later_gap = 0;                      // young person minus worker, mean per rating
    int first_n = 0, later_n = 0;
    std::map<LifeArea, std::map<PartnerCategory, int>> gap_partners;
};

Observed observe(const SyntheticOptions& o, int n) {
    Observed ob;
    for (std::uint64_t i = 0; i < static_cast<std::uint64_t>(n); ++i) {
        const Case c = synthetic_case(o, i);
        if (is_anonymised(c) || !c.screening) continue;
        int obstacles = 0;
        for (const auto& a : c.screening->answers) obstacles += a.answer == Answer::yes;
        if (!c.plans.empty()) {
            for (const auto& g : c.plans.back().goals) {
                const auto got = latest_achievement(c, g.id);
                if (!got || !g.area) continue;
                ob.achieved_by_area[*g.area].add(*got == Achievement::achieved);
                ob.achieved_by_residence[c.person->residence.category].add(*got == Achievement::achieved);
                (c.person->residence.category == ResidenceCategory::duldung ? ob.achieved_with_duldung : ob.achieved_without)
                    .add(*got == Achievement::achieved);
            }
        }
        if (c.closure && c.kind == CaseKind::cm && !c.plans.empty() && (obstacles <= 5 || obstacles >= 8)) {
            const bool early = c.closure->reason == ClosureReason::ended_by_young_person || c.closure->reason == ClosureReason::no_contact;
            (obstacles <= 5 ? ob.reached_few_obstacles : ob.reached_many_obstacles).add(c.closure->reason == ClosureReason::goals_reached);
            (obstacles <= 5 ? ob.early_few_obstacles : ob.early_many_obstacles).add(early);
        }
        for (std::size_t k = 0; k < c.assessments.size(); ++k) {
            std::map<LifeArea, int> young;
            for (const auto& r : c.assessments[k].ratings) if (r.perspective == Perspective::young_person) young[r.area] = r.score;
            for (const auto& r : c.assessments[k].ratings) {
                if (r.perspective != Perspective::case_worker) continue;
                (k == 0 ? ob.first_gap : ob.later_gap) += young[r.area] - r.score;
                ++(k == 0 ? ob.first_n : ob.later_n);
            }
        }
        for (const auto& gap : c.supply_gaps)
            if (gap.area && gap.category) ++ob.gap_partners[*gap.area][*gap.category];
    }
    ob.first_gap /= std::max(1, ob.first_n);
    ob.later_gap /= std::max(1, ob.later_n);
    return ob;
}

const Observed& defaults() {
    static const Observed ob = observe({}, 4000);
    return ob;
}

}  // namespace

TEST(Synthetic, Issue20_HardLifeAreasAreReachedLessOftenThanLeisure) {
    const auto& ob = defaults();
    const double leisure = ob.achieved_by_area.at(LifeArea::leisure).rate();
    EXPECT_GT(ob.achieved_by_area.at(LifeArea::leisure).of, 100);
    EXPECT_LT(ob.achieved_by_area.at(LifeArea::occupation).rate() + 0.15, leisure);
    EXPECT_LT(ob.achieved_by_area.at(LifeArea::housing).rate() + 0.15, leisure);
}

TEST(Synthetic, Issue20_WithoutTheStructureTheAreasAreAlike) {
    SyntheticOptions flat;
    flat.structure.per_obstacle = 0;
    flat.structure.duldung = 0;
    for (auto& a : flat.structure.areas) a.difficulty = 0;
    const auto ob = observe(flat, 3000);
    EXPECT_NEAR(ob.achieved_by_area.at(LifeArea::occupation).rate(), ob.achieved_by_area.at(LifeArea::leisure).rate(), 0.08);
    EXPECT_NEAR(ob.achieved_with_duldung.rate(), ob.achieved_without.rate(), 0.05);
}

TEST(Synthetic, Issue20_ObstaclesLowerSuccessAndRaiseEndingEarly) {
    const auto& ob = defaults();
    ASSERT_GT(ob.reached_many_obstacles.of, 100);
    ASSERT_GT(ob.reached_few_obstacles.of, 100);
    EXPECT_LT(ob.reached_many_obstacles.rate() + 0.1, ob.reached_few_obstacles.rate());
    EXPECT_GT(ob.early_many_obstacles.rate(), ob.early_few_obstacles.rate() + 0.1);
}

TEST(Synthetic, Issue20_ThePerspectivesDisagreeAtFirstAndConvergeLater) {
    const auto& ob = defaults();
    EXPECT_GT(ob.first_gap, 1.5);   // the default first_rating_gap is 2 (less where the scale ends)
    EXPECT_LT(ob.later_gap, 1.2);
    EXPECT_GT(ob.later_gap, 0.5);   // halved, not gone
    SyntheticOptions agree;
    agree.structure.first_rating_gap = 0;
    EXPECT_NEAR(observe(agree, 500).first_gap, 0.0, 0.1);
}

TEST(Synthetic, Issue20_ADuldungShiftsOutcomes) {
    const auto& ob = defaults();
    ASSERT_GT(ob.achieved_with_duldung.of, 300);
    EXPECT_LT(ob.achieved_with_duldung.rate() + 0.06, ob.achieved_without.rate());
}

TEST(Synthetic, Issue20_GapsWhereTheHandbookNamesThem) {
    const auto& ob = defaults();
    EXPECT_GT(ob.gap_partners.at(LifeArea::everyday_life).at(PartnerCategory::childcare), 20);
    EXPECT_GT(ob.gap_partners.at(LifeArea::language).at(PartnerCategory::language_course), 20);
}

TEST(Synthetic, Issue20_AStructureIsCheckedNamingTheMember) {
    SyntheticOptions o;
    o.structure.achieved_percent = 130;
    expect_error([&] { synthetic_case(o, 0); }, errc::invalid_argument, "", "structure.achieved_percent");
    SyntheticOptions twice;
    twice.structure.areas = {{LifeArea::housing, 10, 5, std::nullopt, ""}, {LifeArea::housing, 20, 5, std::nullopt, ""}};
    expect_error([&] { synthetic_case(twice, 0); }, errc::invalid_argument, "", "structure.areas[1].area");
    SyntheticOptions fine;
    fine.structure.areas = {{LifeArea::housing, 10, 5, std::nullopt, ""}};   // the others: neutral
    EXPECT_NO_THROW(synthetic_case(fine, 0));
}
