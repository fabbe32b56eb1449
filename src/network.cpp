// R12 network map and the yearly review of cooperations.
#include "jmdcm/network.hpp"

#include "jmdcm/case.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace jmdcm {
namespace {

void require(bool ok, const std::string& field, const std::string& message) {
    if (!ok) fail(errc::invalid_argument, "R12", field, message);
}

Date year_end(int year) { return make_date(year, 12, 31); }

}  // namespace

bool is_personal(PartnerCategory c) { return c <= PartnerCategory::peers; }

bool is_group_mode(ContactMode m) {
    return m == ContactMode::network_meeting || m == ContactMode::working_group || m == ContactMode::round_table;
}

void validate_partner(const Partner& p) {
    require(!is_blank(p.id), "partner.id", "a partner needs an id");
    require(!is_blank(p.name), "partner.name", "a partner needs a name");
    require(p.kind != PartnerKind::personal, "partner.kind",
            "family, friends and peers are personal data: record them on the case (personal_network), not in the "
            "office's network");
    require(!is_personal(p.category), "partner.category",
            "category '" + reflect::enum_name(p.category) + "' is a personal network: record it on the case");
    require(!p.contact_modes.empty(), "partner.contact_modes", "name at least one contact mode");
    require(!p.since.is_special(), "partner.since", "the cooperation needs a start date");
    require(!p.until || (!p.until->is_special() && *p.until >= p.since), "partner.until",
            "the term ends before it starts");
    require(!p.review_on.is_special(), "partner.review_on", "the cooperation needs a review date");
    const Date base = p.last_evaluated.value_or(p.since);
    require(p.review_on <= add_months(base, 12), "partner.review_on",
            "the cooperation is evaluated once a year: review on " + to_iso(p.review_on) + " is more than 12 months after " +
                to_iso(base));
    const bool meets_in_groups = std::any_of(p.contact_modes.begin(), p.contact_modes.end(), is_group_mode);
    for (std::size_t i = 0; i < p.attended.size(); ++i) {
        const std::string at = "partner.attended[" + std::to_string(i) + "]";
        const Date day = p.attended[i];
        require(meets_in_groups, at,
                "attendance is recorded for a network meeting, working group or round table: name one in contact_modes");
        require(!day.is_special() && day >= p.since && (!p.until || day <= *p.until), at,
                "the meeting falls outside the cooperation's term");
    }
    for (std::size_t i = 0; i < p.gaps_passed_on.size(); ++i) {
        const std::string at = "partner.gaps_passed_on[" + std::to_string(i) + "]";
        const GapHandOver& h = p.gaps_passed_on[i];
        require(!h.on.is_special() && !h.from.is_special() && !h.to.is_special(), at, "a hand-over needs on, from and to");
        require(h.from <= h.to, at + ".to", "the period ends before it starts");
        require(h.to <= h.on, at + ".to", "gaps are passed on once recorded: the period ends after the hand-over");
    }
}

void validate_tie(const PersonalTie& t) {
    require(is_personal(t.category), "tie.category",
            "category '" + reflect::enum_name(t.category) + "' is an institution: it belongs in the office's network");
    require(!t.since || !t.since->is_special(), "tie.since", "invalid date");
}

void evaluate_cooperation(Partner& p, Date on, std::optional<Date> next) {
    require(!on.is_special(), "on", "the evaluation needs a date");
    const Date latest = add_months(on, 12);
    require(!next || (*next > on && *next <= latest), "next",
            "the next review falls within the coming year: after " + to_iso(on) + ", at the latest " + to_iso(latest));
    p.last_evaluated = on;
    p.review_on = next.value_or(latest);
}

std::vector<CooperationDue> cooperations_due(const std::vector<Partner>& partners, int year, Date on) {
    require(year >= 1900 && year <= 9998, "year", "the year " + std::to_string(year) + " is out of range");
    require(!on.is_special(), "on", "the list needs the day it is made on");
    const Date end = year_end(year);
    const Date start = make_date(year, 1, 1);
    std::vector<CooperationDue> due;
    for (const auto& p : partners) {
        if (p.until && *p.until < on) continue;  // over
        const bool term_ends = p.until && *p.until >= start && *p.until <= end;
        if (p.review_on > end && !term_ends) continue;
        due.push_back({p.id, p.name, p.kind, p.review_on, p.review_on < on, term_ends});
    }
    std::sort(due.begin(), due.end(), [](const auto& a, const auto& b) {
        return std::tie(a.review_on, a.partner_id) < std::tie(b.review_on, b.partner_id);
    });
    return due;
}

NetworkMap network_map(const std::vector<Partner>& partners, const std::vector<Case>& cases, Date on) {
    NetworkMap map{on, {}, {}, {}};
    std::map<std::string, std::size_t> by_key;  // id and name -> node
    for (const auto& p : partners) {
        by_key.emplace(p.id, map.partners.size());
        by_key.emplace(p.name, map.partners.size());
        map.partners.push_back({p, {}, 0, p.review_on <= on});
    }
    std::map<PartnerCategory, PersonalNetworkCount> personal;
    std::set<std::string> unknown;
    for (const auto& c : cases) {
        std::set<std::size_t> linked;
        for (const auto& r : c.referrals) {
            const auto it = by_key.find(r.partner_id.value_or(r.recipient));
            if (it == by_key.end()) {
                if (!is_anonymised(c)) unknown.insert(r.partner_id.value_or(r.recipient));
                continue;
            }
            ++map.partners[it->second].referrals;
            linked.insert(it->second);
        }
        if (is_running(c))
            for (auto i : linked) map.partners[i].cases.push_back(c.id);
        std::set<PartnerCategory> seen;
        for (const auto& t : c.personal_network) {
            auto& n = personal[t.category];
            n.category = t.category;
            ++n.ties;
            if (seen.insert(t.category).second) ++n.cases;
        }
    }
    for (auto& n : map.partners) std::sort(n.cases.begin(), n.cases.end());
    std::stable_sort(map.partners.begin(), map.partners.end(), [](const auto& a, const auto& b) {
        return std::tie(a.partner.kind, a.partner.name) < std::tie(b.partner.kind, b.partner.name);
    });
    for (auto& [category, n] : personal) map.personal.push_back(n);
    map.unknown_recipients.assign(unknown.begin(), unknown.end());
    return map;
}

}  // namespace jmdcm
