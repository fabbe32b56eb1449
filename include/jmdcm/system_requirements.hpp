// R12 minimum requirements on the system level, reported one by one as R14 is per case
// (handbook, "Mindestanforderungen an das Case Management auf der Systemebene"): the
// network map is kept, every cooperation is evaluated once a year, supply gaps are passed
// on bundled and anonymised, and the office takes part in cross-case networks.
#pragma once

#include "jmdcm/network.hpp"

#include <string>
#include <vector>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(SystemRequirement, network_map, cooperation_review, supply_gaps_passed_on, working_groups)

struct SystemRequirementStatus {
    SystemRequirement requirement = SystemRequirement::network_map;
    bool met = false;
    std::string detail;                       // counts and partner ids, never a case's data
};
BOOST_DESCRIBE_STRUCT(SystemRequirementStatus, (), (requirement, met, detail))

struct SystemRequirementsReport {
    Date on;
    std::vector<SystemRequirementStatus> items;
    int met = 0;
    int total = 0;
};
BOOST_DESCRIBE_STRUCT(SystemRequirementsReport, (), (on, items, met, total))

/// The report on `on` over the office's partners and its cases (anonymised copies do):
/// - network_map: a cooperation in its term is on the map, and every recipient of a
///   referral from a personal file is one of its partners;
/// - cooperation_review: no cooperation in its term is past its yearly review date;
/// - supply_gaps_passed_on: every supply gap recorded before the year of `on` (recorded or
///   named in an evaluation) falls, by month, into a period passed on to a partner. The
///   handbook names no rhythm; we ask for last year's gaps, as cooperations are reviewed
///   yearly;
/// - working_groups: a meeting of a working group, round table or network meeting was
///   attended in the twelve months up to `on`.
SystemRequirementsReport system_requirements(const std::vector<Partner>& partners, const std::vector<Case>& cases, Date on);

}  // namespace jmdcm
