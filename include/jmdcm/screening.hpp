// R6 Screening (Auswahl): twelve voluntary criteria, the computed recommendation, and
// the worker's decision, which needs a justification when it departs from it.
#pragma once

#include "jmdcm/person.hpp"
#include "jmdcm/policy.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace jmdcm {

// a) .. l) in the order of the handbook's screening form.
BOOST_DEFINE_ENUM_CLASS(Criterion,
    newly_arrived, little_german, no_knowledge_of_support, no_school_certificate,
    no_vocational_orientation, no_vocational_qualification, stressful_housing,
    problems_with_authorities, psychological_strain, delinquency, debts, isolation)

BOOST_DEFINE_ENUM_CLASS(Answer, not_answered, yes, no)

struct CriterionAnswer {
    Criterion criterion = Criterion::newly_arrived;
    Answer answer = Answer::not_answered;
    bool influenceable = true;   // R6 counts only obstacles the person can influence
    FreeText remark;
};
BOOST_DESCRIBE_STRUCT(CriterionAnswer, (), (criterion, answer, influenceable, remark))

struct ScreeningDecision {
    Date decided_on;
    bool take_into_cm = false;
    std::optional<FreeText> justification;   // required when against the recommendation
};
BOOST_DESCRIBE_STRUCT(ScreeningDecision, (), (decided_on, take_into_cm, justification))

struct Screening {
    Date date;
    ResidenceStatus residence;
    std::vector<CriterionAnswer> answers;
    bool integration_at_risk_without_cm = false;      // school/work/society not reached or much delayed
    std::optional<FreeText> preventive_justification; // preventive route
    std::optional<ScreeningDecision> decision;
};
BOOST_DESCRIBE_STRUCT(Screening, (),
    (date, residence, answers, integration_at_risk_without_cm, preventive_justification, decision))

BOOST_DEFINE_ENUM_CLASS(ScreeningRoute, not_indicated, obstacles, preventive)

struct ScreeningRecommendation {
    bool indicated = false;
    ScreeningRoute route = ScreeningRoute::not_indicated;
    int obstacles = 0;   // distinct serious obstacles the person can influence
    std::string reason;
};
BOOST_DESCRIBE_STRUCT(ScreeningRecommendation, (), (indicated, route, obstacles, reason))

/// Throws errc::invalid_argument (R6) for an answer given twice for one criterion.
void validate_screening(const Screening& s);

ScreeningRecommendation screening_recommendation(const Screening& s, const Policy& policy);

/// Records the worker's decision; throws errc::justification_required (R6) when it
/// departs from the recommendation without a justification.
void decide_screening(Screening& s, ScreeningDecision d, const Policy& policy);

}  // namespace jmdcm
