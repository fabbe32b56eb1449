// R2 eligibility checks.
#include "jmdcm/eligibility.hpp"

namespace jmdcm {

RegionTest postcode_region(std::vector<std::string> patterns) {
    return [patterns = std::move(patterns)](std::string_view pc) {
        for (const auto& p : patterns) {
            if (!p.empty() && p.back() == '*') {
                if (pc.substr(0, p.size() - 1) == std::string_view(p).substr(0, p.size() - 1)) return true;
            } else if (pc == p) {
                return true;
            }
        }
        return false;
    };
}

EligibilityResult check_eligibility(const EligibilityInput& in, const Policy& policy, const RegionTest& in_region) {
    EligibilityResult r;
    auto add = [&](EligibilityCriterion c, bool ok, std::string why) {
        r.checks.push_back({c, ok, std::move(why)});
    };

    const int age = age_on(in.birth_date, in.intake_date);
    const bool age_ok = age >= policy.min_age && age <= policy.max_age;
    add(EligibilityCriterion::age, age_ok,
        "age " + std::to_string(age) + " on " + to_iso(in.intake_date) + (age_ok ? " is within " : " is outside ") +
            std::to_string(policy.min_age) + "-" + std::to_string(policy.max_age));

    const bool res_ok = residence_qualifies(in.residence);
    add(EligibilityCriterion::residence, res_ok,
        res_ok ? "lawful residence or toleration (Duldung)" : "no lawful residence or toleration recorded");

    const bool preventive = in.preventive_justification && !is_blank(*in.preventive_justification);
    const bool need_ok = in.many_needs_many_actors || preventive;
    add(EligibilityCriterion::support_need, need_ok,
        in.many_needs_many_actors ? "many support needs with many actors"
        : preventive              ? "preventive CM with professional justification"
                                  : "neither many needs with many actors nor a justification for preventive CM");

    const bool region_ok = in_region && in_region(in.postcode);
    add(EligibilityCriterion::region, region_ok,
        region_ok ? "lives in the office's region" : "postcode '" + in.postcode + "' is outside the office's region");

    r.eligible = age_ok && res_ok && need_ok && region_ok;
    return r;
}

EligibilityRecord record_eligibility(Date date, EligibilityResult result, std::optional<ExternalReferral> referral,
                                     std::optional<FreeText> cm_justification) {
    const bool justified = cm_justification && !is_blank(*cm_justification);
    if (!result.eligible && !justified && (!referral || is_blank(referral->recipient)))
        fail(errc::referral_required, "R2", "referral.recipient",
             "not eligible: record to whom the young person was actively referred, or the professional justification for CM");
    return {date, std::move(result), std::move(referral), std::move(cm_justification)};
}

bool admits_cm(const EligibilityRecord& record) {
    return record.result.eligible || (record.cm_justification && !is_blank(*record.cm_justification));
}

}  // namespace jmdcm
