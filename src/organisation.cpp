// R15 caseload.
#include "jmdcm/organisation.hpp"

#include <algorithm>

namespace jmdcm {

CaseloadLevel caseload_level(int n, const Policy& p) {
    if (n <= p.caseload_realistic) return CaseloadLevel::realistic;
    if (n <= p.caseload_agreed) return CaseloadLevel::agreed_basis;
    if (n <= p.caseload_observed) return CaseloadLevel::high;
    if (n < p.caseload_unjustifiable) return CaseloadLevel::critical;
    return CaseloadLevel::unjustifiable;
}

CaseSummary summarise(const Case& c) {
    return {c.id, c.version, c.office, c.case_worker, c.kind, c.phase, is_running(c), is_anonymised(c),
            c.opened, c.last_activity, last_contact(c),
            std::any_of(c.reminders.begin(), c.reminders.end(), [](const Reminder& r) { return !r.done; })};
}

std::vector<Caseload> caseload(const std::vector<CaseSummary>& cases, const Policy& policy) {
    std::map<std::string, int> counts;
    for (const auto& s : cases)   // R15: running CM cases only; a lack-of-cooperation case continuing as counselling is counselling
        if (s.running && s.kind == CaseKind::cm) ++counts[s.case_worker];
    std::vector<Caseload> out;
    for (const auto& [worker, n] : counts) out.push_back({worker, n, caseload_level(n, policy)});
    return out;
}

}  // namespace jmdcm
