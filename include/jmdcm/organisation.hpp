// R15 Organisation level: caseload per case worker against the policy's thresholds.
// (Substitution and hand-over are steps on the case: see case.hpp.)
#pragma once

#include "jmdcm/case.hpp"

#include <map>

namespace jmdcm {

/// Per full-time post: far below the agreed basis (< 20) .. realistic (<= 30) .. agreed basis
/// (<= 50) .. high (<= 80 observed) .. critical (< 150) .. unjustifiable.
BOOST_DEFINE_ENUM_CLASS(CaseloadLevel, far_below_basis, realistic, agreed_basis, high, critical, unjustifiable)

CaseloadLevel caseload_level(double cases_per_full_time_post, const Policy& policy);
/// What the level warns of, in the handbook's terms; empty for realistic and the agreed basis.
std::string caseload_warning(CaseloadLevel level, const Policy& policy);

/// One row of what a store's query returns: enough for caseload and agenda, no personal data.
struct CaseSummary {
    std::string id;
    std::int64_t version = 0;
    std::string office;
    std::string case_worker;
    CaseKind kind = CaseKind::cm;
    Phase phase = Phase::intake;
    bool running = true;
    bool anonymised = false;
    Date opened;
    Date last_activity;
    Date last_contact;
    bool open_reminders = false;   // a reminder not done yet (an anonymised case: its paper file, R3/R13)
};
BOOST_DESCRIBE_STRUCT(CaseSummary, (),
    (id, version, office, case_worker, kind, phase, running, anonymised, opened, last_activity, last_contact, open_reminders))

CaseSummary summarise(const Case& c);

struct Caseload {
    std::string case_worker;
    int running = 0;
    double share = 1.0;                  // of a full-time post (Policy::posts)
    double per_full_time_post = 0;       // running / share: what the bands judge
    CaseloadLevel level = CaseloadLevel::realistic;
    std::string warning;                 // caseload_warning(level)
};
BOOST_DESCRIBE_STRUCT(Caseload, (), (case_worker, running, share, per_full_time_post, level, warning))

/// Running CM cases per case worker, ordered by case worker (R15: counselling cases do not
/// count, nor a case that continues as counselling after a lack-of-cooperation closure),
/// scaled to a full-time post by the worker's share. A worker the policy lists with a post
/// appears even without running cases: that is the far-below-basis warning.
std::vector<Caseload> caseload(const std::vector<CaseSummary>& cases, const Policy& policy);

}  // namespace jmdcm
