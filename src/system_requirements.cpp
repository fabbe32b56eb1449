// R12 minimum requirements on the system level.
#include "jmdcm/system_requirements.hpp"

#include "jmdcm/case.hpp"

#include <algorithm>
#include <set>

namespace jmdcm {
namespace {

bool in_term(const Partner& p, Date on) { return p.since <= on && (!p.until || *p.until >= on); }

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

int month_index(Date d) { return int(d.year()) * 12 + int(d.month()) - 1; }

SystemRequirementStatus map_kept(const std::vector<Partner>& partners, const std::vector<Case>& cases, Date on) {
    const auto current = std::count_if(partners.begin(), partners.end(), [&](const Partner& p) { return in_term(p, on); });
    const auto unknown = network_map(partners, cases, on).unknown_recipients.size();
    if (current == 0) return {SystemRequirement::network_map, false, "no cooperation in its term is on the network map"};
    if (unknown > 0)
        return {SystemRequirement::network_map, false,
                std::to_string(unknown) + " referral recipient(s) of personal files are not on the network map"};
    return {SystemRequirement::network_map, true, std::to_string(current) + " cooperation(s) in their term on the map"};
}

SystemRequirementStatus reviewed(const std::vector<Partner>& partners, Date on) {
    std::vector<std::string> overdue;
    for (const auto& p : partners)
        if (in_term(p, on) && p.review_on < on) overdue.push_back(p.id + " (due " + to_iso(p.review_on) + ")");
    if (!overdue.empty())
        return {SystemRequirement::cooperation_review, false, "yearly review overdue: " + joined(overdue)};
    return {SystemRequirement::cooperation_review, true, "no cooperation is past its yearly review"};
}

SystemRequirementStatus passed_on(const std::vector<Partner>& partners, const std::vector<Case>& cases, Date on) {
    const int year_start = month_index(make_date(int(on.year()), 1, 1));
    std::vector<std::pair<int, int>> periods;   // month ranges handed over by `on`
    for (const auto& p : partners)
        for (const auto& h : p.gaps_passed_on)
            if (h.on <= on) periods.emplace_back(month_index(h.from), month_index(h.to));
    int owed = 0, covered = 0;
    std::set<std::string> months;
    for (const auto& c : cases)
        for (const auto& g : supply_gaps_of(c)) {
            const int m = month_index(g->date);
            if (m >= year_start) continue;   // this year's gaps are passed on next year
            const bool in_a_period =
                std::any_of(periods.begin(), periods.end(), [m](const auto& r) { return r.first <= m && m <= r.second; });
            if (in_a_period) ++covered;
            else (++owed, months.insert(to_iso(g->date).substr(0, 7)));
        }
    if (owed > 0)
        return {SystemRequirement::supply_gaps_passed_on, false,
                std::to_string(owed) + " supply gap(s) of earlier years not passed on (months " +
                    joined({months.begin(), months.end()}) + ")"};
    return {SystemRequirement::supply_gaps_passed_on, true,
            covered == 0 ? "no supply gap of earlier years" : std::to_string(covered) + " supply gap(s) of earlier years passed on"};
}

SystemRequirementStatus attended(const std::vector<Partner>& partners, Date on) {
    const Date since = add_months(on, -12);
    std::set<std::string> groups;
    int meetings = 0;
    for (const auto& p : partners)
        for (const Date day : p.attended)
            if (day > since && day <= on) (++meetings, groups.insert(p.id));
    if (meetings == 0)
        return {SystemRequirement::working_groups, false,
                "no working group, round table or network meeting attended after " + to_iso(since)};
    return {SystemRequirement::working_groups, true,
            std::to_string(meetings) + " meeting(s) attended in twelve months: " + joined({groups.begin(), groups.end()})};
}

}  // namespace

SystemRequirementsReport system_requirements(const std::vector<Partner>& partners, const std::vector<Case>& cases, Date on) {
    if (on.is_special()) fail(errc::invalid_argument, "R12", "on", "the report needs the day it is made on");
    SystemRequirementsReport report{on, {}, 0, 0};
    report.items = {map_kept(partners, cases, on), reviewed(partners, on), passed_on(partners, cases, on), attended(partners, on)};
    for (const auto& item : report.items) report.met += item.met ? 1 : 0;
    report.total = int(report.items.size());
    return report;
}

}  // namespace jmdcm
