// R8 the goal catalogue: the handbook's default and a host's replacement.
#include "fixtures.hpp"

#include <set>

using namespace jmdcm;
using namespace jmdcm::test;

TEST(Catalogue, R8_DefaultCoversAllNineLifeAreasAndResidenceFirst) {
    const Catalogue& c = default_catalogue();
    EXPECT_NO_THROW(validate(c));
    std::set<LifeArea> areas;
    for (const auto& g : c.goals) {
        if (g.area) areas.insert(*g.area);
        EXPECT_FALSE(g.label_de.empty()) << g.id;
        EXPECT_FALSE(g.label_en.empty()) << g.id;
    }
    EXPECT_EQ(areas.size(), 9u);
    EXPECT_EQ(c.goals.front().id, "residence.clarify_secure");
    EXPECT_FALSE(c.goals.front().area);
    ASSERT_TRUE(c.find("language.acquire_german"));
    EXPECT_EQ(c.find("language.acquire_german")->label_de, "Erwerb der deutschen Sprache");
    EXPECT_EQ(c.goals.size(), 31u);
}

TEST(Catalogue, R8_HostReplacesTheCatalogueFromJson) {
    const Catalogue c = load_catalogue(
        R"({"schema":1,"goals":[{"id":"x.ski","area":"leisure","label_de":"Skifahren lernen","label_en":"Learn to ski"}]})");
    ASSERT_EQ(c.goals.size(), 1u);
    EXPECT_EQ(c.goals[0].area, LifeArea::leisure);
    EXPECT_FALSE(c.find("language.acquire_german"));
}

TEST(Catalogue, R8_DuplicateOrBlankIdsAndEmptyCataloguesAreRejected) {
    auto dup = error_of([] {
        load_catalogue(R"({"schema":1,"goals":[{"id":"a","label_de":"A","label_en":"A"},{"id":"a","label_de":"B","label_en":"B"}]})");
    });
    EXPECT_EQ(dup.code(), errc::catalogue_invalid);
    EXPECT_EQ(dup.field(), "$.goals[1].id");
    EXPECT_EQ(error_of([] { load_catalogue(R"({"schema":1,"goals":[]})"); }).field(), "$.goals");
    EXPECT_EQ(error_of([] { load_catalogue(R"({"schema":1,"goals":[{"id":"","label_de":"A","label_en":"A"}]})"); }).field(),
              "$.goals[0].id");
    EXPECT_EQ(error_of([] { load_catalogue(R"({"schema":1,"goals":[{"id":"a","area":"cooking","label_de":"A","label_en":"A"}]})"); }).code(),
              errc::json_bad_enum);
}

namespace {
Policy with_host_catalogue() {
    Policy p;
    p.catalogue = load_catalogue(R"({"schema":1,"goals":[
        {"id":"x.ski","area":"leisure","label_de":"","label_en":"Learn to ski"},
        {"id":"x.flat","area":"housing","label_de":"Eigene Wohnung","label_en":"Own flat"}]})");
    return p;
}
Plan plan_for(std::string catalogue_id) {
    Goal g = goal("G1", 1);
    g.catalogue_id = std::move(catalogue_id);
    return plan_with({g}, d(2020, 1, 27));
}
}  // namespace

TEST(Catalogue, R8_ThePolicyCarriesTheHostsCatalogueValidatedUnderItsOwnPath) {
    EXPECT_EQ(&catalogue_of(Policy{}), &default_catalogue());
    const Policy host = with_host_catalogue();
    EXPECT_EQ(catalogue_of(host).goals.size(), 2u);
    EXPECT_NO_THROW(validate(host));
    Policy twice = host;
    twice.catalogue->goals[1].id = "x.ski";
    const error e = error_of([&] { validate(twice); });
    EXPECT_EQ(e.code(), errc::catalogue_invalid);
    EXPECT_EQ(e.field(), "$.catalogue.goals[1].id");
    EXPECT_EQ(std::string(e.what()), "R8: duplicate goal id 'x.ski' [field: $.catalogue.goals[1].id]");   // the rule once
    Policy empty = host;
    empty.catalogue->goals.clear();
    EXPECT_EQ(error_of([&] { validate(empty); }).field(), "$.catalogue.goals");
    EXPECT_EQ(load_policy(R"({"schema":1,"catalogue":{"schema":1,"goals":[{"id":"x.a","area":null,"label_de":"A","label_en":""}]}})")
                  .catalogue->goals.at(0).id,
              "x.a");
}

TEST(Catalogue, R8_TheAdoptPlanStepChecksAgainstThePolicysCatalogue) {
    const NamedStep& adopt = find_step(document_steps(), "adopt_plan");
    const Policy host = with_host_catalogue();
    Case c = case_at(Stage::assessed);
    change_phase(c, Phase::planning, d(2020, 1, 27), host);
    const std::string own = json::to_string(plan_for("x.flat")), handbook = json::to_string(plan_for("housing.secured"));
    Case under_default = c;
    const error refused = error_of([&] { adopt(under_default, own, Policy{}); });
    EXPECT_EQ(refused.code(), errc::plan_invalid);
    EXPECT_EQ(refused.field(), "plan.goals[0].catalogue_id");
    EXPECT_TRUE(under_default.plans.empty());
    EXPECT_EQ(error_of([&] { Case x = c; adopt(x, handbook, host); }).field(), "plan.goals[0].catalogue_id");
    adopt(c, own, host);
    ASSERT_EQ(c.plans.size(), 1u);
    EXPECT_EQ(c.plans[0].goals[0].catalogue_id, "x.flat");
}

TEST(Catalogue, R8_AHostsSaveIsJudgedAgainstTheStoresCatalogue) {
    const Policy host = with_host_catalogue();
    Case stored = case_at(Stage::assessed);
    change_phase(stored, Phase::planning, d(2020, 1, 27), host);
    Case own = stored;
    adopt_plan(own, plan_for("x.ski"), host, &catalogue_of(host));
    EXPECT_NO_THROW(check_change(stored, own, d(2020, 1, 27), host));
    const error e = error_of([&] { check_change(stored, own, d(2020, 1, 27), Policy{}); });   // not the handbook's
    EXPECT_EQ(e.code(), errc::plan_invalid);
    EXPECT_EQ(e.field(), "plans[0].goals[0].catalogue_id");
}

TEST(Catalogue, R8_TheSyntheticPopulationDrawsFromTheHostsCatalogue) {
    const Policy host = with_host_catalogue();
    int planned = 0;
    for (std::uint64_t i = 0; i < 40; ++i) {
        const Case c = synthetic_case({}, i, host);
        for (const auto& plan : c.plans)
            for (const auto& g : plan.goals) {
                ++planned;
                EXPECT_TRUE(catalogue_of(host).find(*g.catalogue_id)) << *g.catalogue_id;
                if (g.catalogue_id == "x.ski" && !is_anonymised(c)) {   // anonymisation wipes the text
                    EXPECT_EQ(g.text.text, "Learn to ski");   // English-only label
                }
            }
    }
    EXPECT_GT(planned, 0);
}
