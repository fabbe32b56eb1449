// R7 assessment validation and comparison.
#include "jmdcm/assessment.hpp"

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <set>
#include <tuple>

namespace jmdcm {

std::vector<AssessmentIssue> validate_assessment(const Assessment& a, const Policy& policy) {
    if (a.date.is_special()) fail(errc::assessment_invalid, "R7", "assessment.date", "the assessment date is required");
    std::set<std::tuple<LifeArea, Perspective, std::string>> seen;
    for (std::size_t i = 0; i < a.ratings.size(); ++i) {
        const auto& r = a.ratings[i];
        const std::string at = "assessment.ratings[" + std::to_string(i) + "]";
        if (r.score < policy.scale_min || r.score > policy.scale_max)
            fail(errc::assessment_invalid, "R7", at + ".score",
                 "score " + std::to_string(r.score) + " is off the scale " + std::to_string(policy.scale_min) + "-" +
                     std::to_string(policy.scale_max));
        if (r.perspective == Perspective::third_party && is_blank(r.rater))
            fail(errc::assessment_invalid, "R7", at + ".rater", "a third party's rating must name the third party");
        if (!seen.insert({r.area, r.perspective, r.rater}).second)
            fail(errc::assessment_invalid, "R7", at, "this life area is rated twice from the same perspective");
    }
    std::vector<AssessmentIssue> warnings;
    if (!a.reassessment_planned)
        warnings.push_back({"assessment.reassessment_planned", "R7: assessments are provisional; plan a re-assessment"});
    return warnings;
}

std::vector<AreaChange> compare_assessments(const Assessment& before, const Assessment& after) {
    std::vector<AreaChange> out;
    for (const auto& b : before.ratings)
        for (const auto& a : after.ratings)
            if (a.area == b.area && a.perspective == b.perspective && a.rater == b.rater)
                out.push_back({b.area, b.perspective, b.rater, b.score, a.score, a.score - b.score});
    return out;
}

std::vector<std::optional<int>> scores_of(const Assessment& a, Perspective p, std::string_view rater) {
    std::vector<std::optional<int>> out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<LifeArea>>([&](auto D) {
        std::optional<int> score;
        for (const auto& r : a.ratings)
            if (r.area == D.value && r.perspective == p && r.rater == rater) score = r.score;
        out.push_back(score);
    });
    return out;
}

}  // namespace jmdcm
