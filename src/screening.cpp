// R6 screening recommendation and decision.
#include "jmdcm/screening.hpp"

#include <set>

namespace jmdcm {

void validate_screening(const Screening& s) {
    std::set<Criterion> seen;
    for (std::size_t i = 0; i < s.answers.size(); ++i)
        if (!seen.insert(s.answers[i].criterion).second)
            fail(errc::invalid_argument, "R6", "screening.answers[" + std::to_string(i) + "].criterion",
                 std::string("criterion '") + boost::describe::enum_to_string(s.answers[i].criterion, "?") + "' answered twice");
}

ScreeningRecommendation screening_recommendation(const Screening& s, const Policy& policy) {
    validate_screening(s);
    ScreeningRecommendation r;
    for (const auto& a : s.answers)
        if (a.answer == Answer::yes && a.influenceable) ++r.obstacles;
    const std::string count = std::to_string(r.obstacles) + " of " + std::to_string(policy.screening_threshold) + " required obstacles";
    if (r.obstacles >= policy.screening_threshold && s.integration_at_risk_without_cm) {
        r.indicated = true;
        r.route = ScreeningRoute::obstacles;
        r.reason = count + " and integration at risk without CM";
    } else if (s.preventive_justification && !is_blank(*s.preventive_justification)) {
        r.indicated = true;
        r.route = ScreeningRoute::preventive;
        r.reason = "preventive: CM visibly lowers the risk of disintegration (" + count + ")";
    } else {
        r.reason = count + (s.integration_at_risk_without_cm ? "" : "; integration not at risk without CM");
    }
    return r;
}

void decide_screening(Screening& s, ScreeningDecision d, const Policy& policy) {
    const auto rec = screening_recommendation(s, policy);
    if (d.take_into_cm != rec.indicated && (!d.justification || is_blank(*d.justification)))
        fail(errc::justification_required, "R6", "screening.decision.justification",
             std::string("the decision ") + (d.take_into_cm ? "to take into CM" : "against CM") +
                 " departs from the recommendation (" + rec.reason + ") and needs a justification");
    s.decision = std::move(d);
}

}  // namespace jmdcm
