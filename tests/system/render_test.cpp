// R9 plan and R11 evaluation as HTML, R7 radar chart as SVG: checked by content here;
// render_png.sh turns them into images.
#include "../core/fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

std::size_t count(const std::string& s, std::string_view what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

const Case& the_example() {
    static const Case s = samira();
    return s;
}

}  // namespace

TEST(Render, R9_ThePlanInGermanHasItsGoalsByPriorityTasksReviewDatesAndSignatures) {
    const Case& s = the_example();
    const std::string html = plan_html(s, {});
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("<html lang=\"de\">"), std::string::npos);
    EXPECT_NE(html.find("Integrationsförderplan"), std::string::npos);
    EXPECT_NE(html.find("Fassung</dt><dd>3"), std::string::npos);  // the current plan
    const Plan& plan = s.plans.back();
    EXPECT_EQ(count(html, "<section class=\"goal\">"), plan.goals.size());
    std::vector<const Goal*> by_priority;  // goals appear in the order of their priority
    for (const auto& g : plan.goals) by_priority.push_back(&g);
    std::stable_sort(by_priority.begin(), by_priority.end(), [](auto a, auto b) { return a->priority < b->priority; });
    std::size_t last = 0;
    for (const Goal* g : by_priority) {
        ASSERT_EQ(g->text.text.find_first_of("&<>\"'"), std::string::npos);
        const auto at = html.find("</h2>", html.find(g->text.text));
        ASSERT_NE(at, std::string::npos) << g->text.text;
        EXPECT_GT(at, last) << g->text.text;
        last = at;
    }
    EXPECT_NE(html.find("Wiedervorlage"), std::string::npos);
    EXPECT_NE(html.find("Junger Mensch"), std::string::npos);
    EXPECT_NE(html.find("class=\"signatures\""), std::string::npos);
    EXPECT_NE(html.find("@page { size: A4"), std::string::npos);  // print-friendly
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("http"), std::string::npos);                // nothing fetched from elsewhere
}

TEST(Render, R9_EnglishAndPlainLanguageVariantsAndAnOlderVersion) {
    const Case& s = the_example();
    const std::string en = plan_html(s, {Language::en, std::nullopt});
    EXPECT_NE(en.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(en.find("Integration support plan"), std::string::npos);
    EXPECT_NE(en.find("Review date"), std::string::npos);
    EXPECT_EQ(en.find("Wiedervorlage"), std::string::npos);
    const std::string plain = plan_html(s, {Language::plain, 1});
    EXPECT_NE(plain.find("Dein Plan"), std::string::npos);
    EXPECT_NE(plain.find("class=\"plain\""), std::string::npos);
    EXPECT_NE(plain.find("Fassung</dt><dd>1"), std::string::npos);
    EXPECT_EQ(count(plain, "<section class=\"goal\">"), s.plans.front().goals.size());
    EXPECT_EQ(error_of([&] { plan_html(s, {Language::de, 9}); }).field(), "options.plan_version");
    EXPECT_EQ(error_of([] { plan_html(case_at(Stage::assessed), {}); }).code(), errc::not_found);
}

TEST(Render, R9_TextPeopleWroteIsEscaped) {
    Case c = case_at(Stage::implementing);
    c.plans.back().goals[0].text = "Deutsch <script>alert(1)</script> & \"mehr\"";
    const std::string html = plan_html(c, {});
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(html.find("Deutsch &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;mehr&quot;"), std::string::npos);
}

TEST(Render, R11_TheEvaluationShowsReasonGoalsAndTheFiveDimensions) {
    const Case& s = the_example();
    const std::string html = evaluation_html(s, {}, {});
    EXPECT_NE(html.find("Beendigung durch den jungen Menschen"), std::string::npos);  // closed at her own wish
    EXPECT_EQ(count(html, "<td>erreicht</td>"), s.evaluation->goals.size());         // every goal reached
    EXPECT_NE(html.find("Erfüllung des Auftrags"), std::string::npos);
    EXPECT_NE(html.find("Nachgespräch"), std::string::npos);
    const std::string en = evaluation_html(s, {Language::en, std::nullopt}, {});
    EXPECT_NE(en.find("ended by the young person"), std::string::npos);
    EXPECT_EQ(error_of([] { evaluation_html(case_at(Stage::implementing), {}, {}); }).field(), "case.evaluation");
}

TEST(Render, R12_TheEvaluationListsItsSupplyGapsInWordsAndByLifeArea) {
    Case s = the_example();
    const std::string html = evaluation_html(s, {}, {});
    EXPECT_NE(html.find("<li>Freier Krippenplatz</li>"), std::string::npos);
    EXPECT_NE(html.find("<li>Sprache: Sprachförderung ohne Anspruch auf Integrationskurs</li>"), std::string::npos) << html;
    // a structured gap worded as one of the young person's is listed once
    s.evaluation->gaps[1].description = "Freier Krippenplatz";
    EXPECT_EQ(count(evaluation_html(s, {}, {}), "Freier Krippenplatz"), 1u);
    s.evaluation->gaps[1].description = FreeText{};   // wiped: the life area remains
    EXPECT_NE(evaluation_html(s, {}, {}).find("<li>Sprache</li>"), std::string::npos);
}

TEST(Render, R7_TheRadarOverlaysPerspectivesAndComparesTwoDates) {
    const Case& s = the_example();
    ASSERT_GE(s.assessments.size(), 2u);
    const std::string svg = radar_svg(s, {}, {});
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    EXPECT_EQ(count(svg, "<g class=\"series\""), 4u);  // two perspectives x first and latest date
    EXPECT_EQ(count(svg, "stroke-dasharray=\"6,4\"/>\n"), 2u);  // the earlier date dashed
    EXPECT_EQ(count(svg, "data-perspective=\"young_person\""), 2u);
    EXPECT_NE(svg.find("Alltagsbewältigung"), std::string::npos);
    EXPECT_EQ(count(svg, "<polygon"), 5u);  // one ring per level of the default scale 1-5
    const std::string one = radar_svg(s, {Language::en, s.assessments.front().date, std::nullopt, {Perspective::case_worker}, 400}, {});
    EXPECT_EQ(count(one, "<g class=\"series\""), 1u);
    EXPECT_NE(one.find("Coping with everyday life"), std::string::npos);
    EXPECT_NE(one.find("width=\"600.0\""), std::string::npos);  // 1.5 x the size: room for labels
    EXPECT_EQ(error_of([&] { radar_svg(s, {Language::de, d(2000, 1, 1), std::nullopt, {}, 520}, {}); }).field(), "options.first");
    EXPECT_EQ(error_of([&] { radar_svg(s, {Language::de, std::nullopt, std::nullopt, {}, 50}, {}); }).field(), "options.size");
}

TEST(Render, R7_AnAreaWithoutARatingLeavesAGapNotAZero) {
    Case c = case_at(Stage::assessed);
    auto& ratings = c.assessments[0].ratings;
    ratings.erase(std::remove_if(ratings.begin(), ratings.end(), [](const AreaRating& r) {
                      return r.area == LifeArea::housing || r.perspective == Perspective::case_worker;
                  }),
                  ratings.end());
    const std::string svg = radar_svg(c, {}, {});
    EXPECT_EQ(count(svg, "<circle"), 8u);   // eight areas rated
    const auto path_at = svg.find("<path d=\"");
    const auto path = svg.substr(path_at, svg.find('"', path_at + 9) - path_at);
    EXPECT_EQ(count(path, "M"), 2u);         // the outline breaks at housing
}
