// R15 caseload.
#include "jmdcm/organisation.hpp"

#include <algorithm>

namespace jmdcm {

CaseloadLevel caseload_level(double n, const Policy& p) {
    if (n < p.caseload_far_below) return CaseloadLevel::far_below_basis;
    if (n <= p.caseload_realistic) return CaseloadLevel::realistic;
    if (n <= p.caseload_agreed) return CaseloadLevel::agreed_basis;
    if (n <= p.caseload_observed) return CaseloadLevel::high;
    if (n < p.caseload_unjustifiable) return CaseloadLevel::critical;
    return CaseloadLevel::unjustifiable;
}

std::string caseload_warning(CaseloadLevel level, const Policy& p) {
    const std::string basis = std::to_string(p.caseload_agreed);
    switch (level) {
        case CaseloadLevel::far_below_basis:
            return "R15: far below the agreed basis (fewer than " + std::to_string(p.caseload_far_below) +
                   " running CM cases per full-time post); to be explained when the post is refilled";
        case CaseloadLevel::high:
            return "R15: above the agreed basis of at most " + basis + " running CM cases per full-time post";
        case CaseloadLevel::critical:
            return "R15: far above the agreed basis of at most " + basis + "; the standards are at risk";
        case CaseloadLevel::unjustifiable:
            return "R15: " + std::to_string(p.caseload_unjustifiable) +
                   " or more running CM cases per full-time post are not professionally justifiable";
        case CaseloadLevel::realistic:
        case CaseloadLevel::agreed_basis: return {};
    }
    return {};
}

CaseSummary summarise(const Case& c) {
    return {c.id, c.version, c.office, c.case_worker, c.kind, c.phase, is_running(c), is_anonymised(c),
            c.opened, c.last_activity, last_contact(c),
            std::any_of(c.reminders.begin(), c.reminders.end(), [](const Reminder& r) { return !r.done; })};
}

std::vector<Caseload> caseload(const std::vector<CaseSummary>& cases, const Policy& policy) {
    std::map<std::string, Caseload> rows;   // by worker; a post without cases is counted too
    for (const auto& post : policy.posts) rows[post.case_worker].share = post.share;
    for (const auto& s : cases)   // R15: running CM cases only; a lack-of-cooperation case continuing as counselling is counselling
        if (s.running && s.kind == CaseKind::cm) ++rows[s.case_worker].running;
    std::vector<Caseload> out;
    for (auto& [worker, row] : rows) {
        row.case_worker = worker;
        row.per_full_time_post = row.running / row.share;
        row.level = caseload_level(row.per_full_time_post, policy);
        row.warning = caseload_warning(row.level, policy);
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace jmdcm
