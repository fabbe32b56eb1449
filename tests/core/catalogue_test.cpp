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
