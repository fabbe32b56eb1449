// The handbook's worked example end to end (chapter 3, Samira).
#include "fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

TEST(WorkedExample, SamiraFromFirstVisitToEvaluation) {
    MemoryRepository repo;
    std::vector<Phase> phases;
    const Case c = example::run_samira(repo, {"fachkraft-1", Role::case_worker}, Policy{},
                                       [&](std::string_view, const Case& now) { phases.push_back(now.phase); });
    EXPECT_EQ(phases.front(), Phase::intake);
    EXPECT_EQ(phases.back(), Phase::closure);
    for (Phase p : {Phase::screening, Phase::assessment, Phase::planning, Phase::implementation})
        EXPECT_NE(std::find(phases.begin(), phases.end(), p), phases.end());

    EXPECT_TRUE(c.eligibility->result.eligible);
    EXPECT_TRUE(screening_recommendation(*c.screening, Policy{}).indicated);
    ASSERT_EQ(c.plans.size(), 3u);
    EXPECT_EQ(c.plans[0].date, d(2016, 10, 5));
    EXPECT_EQ(c.plans[0].goals.size(), 3u);
    EXPECT_EQ(c.plans[0].goals[0].review_date, d(2017, 1, 12));
    EXPECT_EQ(c.plans[2].goals.size(), 5u);
    EXPECT_EQ(concluded_goals(c).size(), 5u);
    EXPECT_EQ(c.referrals.size(), c.disclosures.size());
    ASSERT_EQ(c.supply_gaps.size(), 1u);
    EXPECT_EQ(c.supply_gaps[0].goal_id, "G5");
    EXPECT_EQ(c.closure->reason, ClosureReason::ended_by_young_person);
    EXPECT_EQ(c.closure->date, d(2017, 3, 15));
    EXPECT_EQ(c.closure->follow_up_on, d(2017, 9, 15));
    EXPECT_EQ(c.evaluation->goals.size(), 5u);
    EXPECT_EQ(minimum_requirements(c).met, 9);
    // what the store holds is what the steps produced
    EXPECT_EQ(json::to_string(repo.load({"fachkraft-1", Role::case_worker}, c.id)), json::to_string(c));
}

TEST(WorkedExample, R13_AfterTheFollowUpTalkTheSweepAnonymisesIt) {
    Case c = samira();
    EXPECT_EQ(retention_decision(c, d(2017, 3, 16), Policy{}).action, RetentionAction::keep);  // the talk is still to come (R11)
    record_follow_up(c, {d(2017, 9, 18), true, 5, false, {}}, Policy{});
    const auto dec = retention_decision(c, d(2017, 9, 19), Policy{});
    EXPECT_EQ(dec.action, RetentionAction::anonymise);
    apply_retention(c, dec, d(2017, 9, 19), Policy{});
    EXPECT_TRUE(is_anonymised(c));
    EXPECT_EQ(minimum_requirements(c).met, 9);  // the record of what was done survives anonymisation
}

TEST(WorkedExample, R2_SubsidiaryProtectionInDecember2016ChangesTheResidenceStatus) {
    const Case c = samira();
    EXPECT_EQ(c.screening->residence.category, ResidenceCategory::aufenthaltsgestattung);   // at intake, asylum pending
    EXPECT_EQ(c.person->residence.category, ResidenceCategory::aufenthaltstitel);           // protection granted
}

TEST(WorkedExample, R12_TheNetworkIsTheHandbooksListWithItsContactModes) {
    const auto network = example::samira_network();
    auto named = [&](const std::string& id) {
        const auto p = std::find_if(network.begin(), network.end(), [&](const Partner& x) { return x.id == id; });
        EXPECT_NE(p, network.end()) << id;
        return p == network.end() ? Partner{} : *p;
    };
    EXPECT_EQ(named("P-FAMG").contact_modes, std::vector{ContactMode::written});
    EXPECT_EQ(named("P-BAMF").contact_modes, std::vector{ContactMode::network_meeting});
    EXPECT_EQ(named("P-KRIPPE").category, PartnerCategory::childcare);
    EXPECT_EQ(named("P-JC").formalisation, Formalisation::written_agreement);   // "Kooperationsvereinbarung"
    for (const char* id : {"P-SOZ", "P-ABH"})
        EXPECT_EQ(named(id).contact_modes, (std::vector{ContactMode::phone, ContactMode::in_person})) << id;
    for (const auto& p : network) EXPECT_NO_THROW(validate_partner(p)) << p.id;
}

TEST(WorkedExample, R12_TheOfficeMeetsTheSystemLevelsMinimumRequirementsWhenTheMapIsDrawn) {
    const auto report = system_requirements(example::samira_network(), {samira()}, d(2017, 1, 10));
    for (const auto& item : report.items) EXPECT_TRUE(item.met) << reflect::enum_name(item.requirement) << ": " << item.detail;
    // a year on, the yearly reviews of 2017 are overdue and no meeting was recorded since
    const auto later = system_requirements(example::samira_network(), {samira()}, d(2018, 1, 10));
    EXPECT_EQ(later.met, 1);   // the map only
    EXPECT_EQ(later.items[1].detail.rfind("yearly review overdue: P-THERAPY (due 2017-03-01)", 0), 0u) << later.items[1].detail;
    // the evaluation's gaps of March 2017 were never passed on
    EXPECT_EQ(later.items[2].detail, "2 supply gap(s) of earlier years not passed on (months 2017-03)");
    EXPECT_FALSE(later.items[3].met);
}
