// R12 minimum requirements on the system level: network map kept, yearly cooperation
// review, supply gaps passed on, working groups attended; and what the network data records.
#include "../core/fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

Partner group(std::string id, Date since = d(2020, 1, 1)) {
    Partner p;
    p.id = std::move(id);
    p.name = "Arbeitskreis Migration " + p.id;
    p.kind = PartnerKind::non_case_specific;
    p.category = PartnerCategory::other;
    p.contact_modes = {ContactMode::working_group};
    p.since = since;
    p.review_on = add_months(since, 12);
    return p;
}

Case with_gap(std::string id, Date on) {
    Case c = case_at(Stage::implementing);
    c.id = std::move(id);
    SupplyGap g;
    g.date = on;
    g.area = LifeArea::language;
    c.supply_gaps.push_back(g);
    return c;
}

const SystemRequirementStatus& item(const SystemRequirementsReport& r, SystemRequirement which) {
    for (const auto& i : r.items)
        if (i.requirement == which) return i;
    throw std::logic_error("no item");
}

}  // namespace

TEST(SystemRequirements, R12_AKeptNetworkMeetsAllFour) {
    Partner ak = group("P-AK");
    ak.attended = {d(2020, 3, 4), d(2020, 9, 2)};
    ak.gaps_passed_on = {{d(2021, 2, 1), d(2020, 1, 1), d(2020, 12, 31)}};
    ak.review_on = d(2021, 1, 1);
    evaluate_cooperation(ak, d(2020, 12, 15));
    validate_partner(ak);
    const auto r = system_requirements({ak}, {with_gap("C-1", d(2020, 5, 1))}, d(2021, 2, 10));
    EXPECT_EQ(r.total, 4);
    EXPECT_EQ(r.met, 4) << item(r, SystemRequirement::network_map).detail << " / "
                        << item(r, SystemRequirement::cooperation_review).detail << " / "
                        << item(r, SystemRequirement::supply_gaps_passed_on).detail << " / "
                        << item(r, SystemRequirement::working_groups).detail;
    EXPECT_EQ(item(r, SystemRequirement::supply_gaps_passed_on).detail, "1 supply gap(s) of earlier years passed on");
    EXPECT_EQ(item(r, SystemRequirement::working_groups).detail, "2 meeting(s) attended in twelve months: P-AK");
}

TEST(SystemRequirements, R12_AnEmptyRegistryOrAReferralOffTheMapIsNoKeptMap) {
    const auto empty = system_requirements({}, {}, d(2021, 2, 10));
    EXPECT_FALSE(item(empty, SystemRequirement::network_map).met);
    EXPECT_FALSE(item(empty, SystemRequirement::working_groups).met);
    EXPECT_TRUE(item(empty, SystemRequirement::supply_gaps_passed_on).met);   // nothing owed
    Case c = case_at(Stage::implementing);
    Referral r;
    r.date = d(2020, 2, 1);
    r.recipient = "Beratungsstelle Nord";
    c.referrals.push_back(r);
    const auto off_map = system_requirements({group("P-AK")}, {c}, d(2020, 6, 1));
    const auto& map = item(off_map, SystemRequirement::network_map);
    EXPECT_FALSE(map.met);
    EXPECT_EQ(map.detail, "1 referral recipient(s) of personal files are not on the network map");
    Partner nord = group("P-NORD");
    nord.name = "Beratungsstelle Nord";
    EXPECT_TRUE(item(system_requirements({group("P-AK"), nord}, {c}, d(2020, 6, 1)), SystemRequirement::network_map).met);
    Partner ended = group("P-AK");
    ended.until = d(2020, 5, 31);   // the only cooperation's term is over
    EXPECT_FALSE(item(system_requirements({ended}, {}, d(2020, 6, 1)), SystemRequirement::network_map).met);
}

TEST(SystemRequirements, R12_ACooperationPastItsYearlyReviewFailsTheReview) {
    const Partner p = group("P-AK");   // review on 2021-01-01
    EXPECT_TRUE(item(system_requirements({p}, {}, d(2021, 1, 1)), SystemRequirement::cooperation_review).met);
    const auto late = item(system_requirements({p}, {}, d(2021, 1, 2)), SystemRequirement::cooperation_review);
    EXPECT_FALSE(late.met);
    EXPECT_EQ(late.detail, "yearly review overdue: P-AK (due 2021-01-01)");
    Partner over = p;
    over.until = d(2020, 12, 31);      // an ended cooperation is not reviewed any more
    EXPECT_TRUE(item(system_requirements({over}, {}, d(2021, 1, 2)), SystemRequirement::cooperation_review).met);
}

TEST(SystemRequirements, R12_LastYearsSupplyGapsMustBePassedOnByMonth) {
    const std::vector<Case> cases = {with_gap("C-1", d(2020, 3, 15)), with_gap("C-2", d(2020, 11, 30)),
                                     with_gap("C-3", d(2021, 1, 20))};   // this year's: owed next year
    Partner p = group("P-KOMMUNE");
    const auto none = item(system_requirements({p}, cases, d(2021, 2, 1)), SystemRequirement::supply_gaps_passed_on);
    EXPECT_FALSE(none.met);
    EXPECT_EQ(none.detail, "2 supply gap(s) of earlier years not passed on (months 2020-03, 2020-11)");
    p.gaps_passed_on = {{d(2020, 10, 5), d(2020, 1, 1), d(2020, 9, 30)}};          // the first three quarters
    const auto part = item(system_requirements({p}, cases, d(2021, 2, 1)), SystemRequirement::supply_gaps_passed_on);
    EXPECT_FALSE(part.met);
    EXPECT_EQ(part.detail, "1 supply gap(s) of earlier years not passed on (months 2020-11)");
    p.gaps_passed_on.push_back({d(2021, 1, 10), d(2020, 11, 10), d(2020, 12, 31)});  // by month: November counts
    EXPECT_TRUE(item(system_requirements({p}, cases, d(2021, 2, 1)), SystemRequirement::supply_gaps_passed_on).met);
    // a hand-over recorded for a later day does not count yet
    EXPECT_FALSE(item(system_requirements({p}, cases, d(2021, 1, 9)), SystemRequirement::supply_gaps_passed_on).met);
}

TEST(SystemRequirements, R12_GapsNamedInTheEvaluationCountToo) {
    Case c = case_at(Stage::implementing);
    Evaluation e;
    SupplyGap g;
    g.date = d(2020, 6, 1);
    g.area = LifeArea::housing;
    e.gaps.push_back(g);
    c.evaluation = e;
    const auto r = system_requirements({group("P-AK")}, {c}, d(2021, 3, 1));
    EXPECT_FALSE(item(r, SystemRequirement::supply_gaps_passed_on).met);
}

TEST(SystemRequirements, R12_AMeetingAttendedInTheLastTwelveMonthsCounts) {
    Partner p = group("P-AK");
    p.attended = {d(2020, 3, 1)};
    EXPECT_TRUE(item(system_requirements({p}, {}, d(2021, 2, 28)), SystemRequirement::working_groups).met);
    const auto stale = item(system_requirements({p}, {}, d(2021, 3, 1)), SystemRequirement::working_groups);
    EXPECT_FALSE(stale.met);
    EXPECT_EQ(stale.detail, "no working group, round table or network meeting attended after 2020-03-01");
    // a meeting after the report's day is not counted
    EXPECT_FALSE(item(system_requirements({p}, {}, d(2020, 2, 29)), SystemRequirement::working_groups).met);
}

TEST(SystemRequirements, R12_AttendanceAndHandOversAreValidatedByName) {
    auto field = [](auto change) {
        Partner p = group("P-AK");
        change(p);
        return error_of([&] { validate_partner(p); }).field();
    };
    EXPECT_EQ(field([](Partner& p) { p.contact_modes = {ContactMode::phone}; p.attended = {d(2020, 3, 1)}; }),
              "partner.attended[0]");   // phone calls are no meetings
    EXPECT_EQ(field([](Partner& p) { p.attended = {d(2020, 3, 1), d(2019, 12, 31)}; }), "partner.attended[1]");  // before the term
    EXPECT_EQ(field([](Partner& p) { p.until = d(2020, 6, 30); p.attended = {d(2020, 7, 1)}; }), "partner.attended[0]");
    EXPECT_EQ(field([](Partner& p) { p.gaps_passed_on = {{d(2020, 6, 1), d(2020, 3, 1), d(2020, 2, 1)}}; }),
              "partner.gaps_passed_on[0].to");   // ends before it starts
    EXPECT_EQ(field([](Partner& p) { p.gaps_passed_on = {{d(2020, 6, 1), d(2020, 1, 1), d(2020, 6, 30)}}; }),
              "partner.gaps_passed_on[0].to");   // gaps not recorded yet cannot be passed on
    EXPECT_EQ(error_of([] { system_requirements({}, {}, Date()); }).field(), "on");
}
