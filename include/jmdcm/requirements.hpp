// R14 Minimum requirements per case: which are met, reported one by one.
#pragma once

#include "jmdcm/case.hpp"

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(Requirement,
    consent, master_data, working_relationship, cooperation_agreement, documented_needs,
    plan_with_goal, goal_review, evaluation, formal_closure)

struct RequirementStatus {
    Requirement requirement = Requirement::consent;
    bool met = false;
    std::string detail;
};
BOOST_DESCRIBE_STRUCT(RequirementStatus, (), (requirement, met, detail))

struct RequirementsReport {
    std::string case_id;
    std::vector<RequirementStatus> items;
    int met = 0;
    int total = 0;
};
BOOST_DESCRIBE_STRUCT(RequirementsReport, (), (case_id, items, met, total))

RequirementsReport minimum_requirements(const Case& c);

}  // namespace jmdcm
