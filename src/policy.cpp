// Policy validation: refuse numbers that would make a rule meaningless.
#include "jmdcm/policy.hpp"

#include <set>

namespace jmdcm {

namespace {
void require(bool ok, const char* rule, const std::string& field, const std::string& why) {
    if (!ok) fail(errc::policy_invalid, rule, "$." + field, why);
}

void validate_posts(const std::vector<Post>& posts) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < posts.size(); ++i) {
        const std::string at = "posts[" + std::to_string(i) + "]";
        require(!is_blank(posts[i].case_worker), "R15", at + ".case_worker", "a post names its case worker");
        require(seen.insert(posts[i].case_worker).second, "R15", at + ".case_worker",
                "case worker " + posts[i].case_worker + " is listed twice");
        // !(x > 0) also refuses NaN
        require(posts[i].share > 0 && posts[i].share <= 1, "R15", at + ".share",
                "the share of a full-time post must be more than 0 and at most 1");
    }
}
}  // namespace

void validate(const Policy& p) {
    require(p.min_age >= 0 && p.min_age <= 120, "R2", "min_age", "minimum age must be 0..120");
    require(p.max_age >= p.min_age && p.max_age <= 120, "R2", "max_age", "maximum age must be at least min_age and at most 120");
    if (p.guardian_consent_below_age)
        require(*p.guardian_consent_below_age >= 0 && *p.guardian_consent_below_age <= 120, "R3",
                "guardian_consent_below_age", "guardian consent age must be 0..120 or null");
    if (p.consent_form_version)
        require(!is_blank(*p.consent_form_version), "R3", "consent_form_version", "form version must not be blank");
    require(p.screening_threshold >= 1 && p.screening_threshold <= 12, "R6", "screening_threshold",
            "threshold must be 1..12 (there are twelve criteria)");
    require(p.scale_min < p.scale_max, "R7", "scale_max", "scale maximum must exceed scale minimum");
    require(p.active_goal_limit >= 1, "R9", "active_goal_limit", "at least one goal must be workable");
    require(p.review_after_months >= 1, "R13", "review_after_months", "review period must be at least one month");
    require(p.anonymise_after_months > p.review_after_months, "R13", "anonymise_after_months",
            "anonymisation period must be longer than the review period");
    require(p.follow_up_after_months >= 1, "R11", "follow_up_after_months", "follow-up must be at least one month after closure");
    require(p.caseload_far_below >= 0, "R15", "caseload_far_below", "thresholds must not be negative");
    require(p.caseload_realistic >= 1 && p.caseload_realistic >= p.caseload_far_below, "R15", "caseload_realistic",
            "thresholds must be positive and not decrease");
    require(p.caseload_agreed >= p.caseload_realistic, "R15", "caseload_agreed", "thresholds must not decrease");
    require(p.caseload_observed >= p.caseload_agreed, "R15", "caseload_observed", "thresholds must not decrease");
    require(p.caseload_unjustifiable > p.caseload_observed, "R15", "caseload_unjustifiable", "thresholds must increase");
    validate_posts(p.posts);
    if (p.catalogue) {
        try {
            validate(*p.catalogue);
        } catch (const error& e) {   // "$.goals[4].id" -> "$.catalogue.goals[4].id"
            fail(e.code(), e.rule(), "$.catalogue" + e.field().substr(1), e.detail());
        }
    }
}

const Catalogue& catalogue_of(const Policy& p) { return p.catalogue ? *p.catalogue : default_catalogue(); }

Policy load_policy(std::string_view json_text, json::ReadOptions opts) {
    Policy p = json::from_string<Policy>(json_text, opts);
    validate(p);
    return p;
}

}  // namespace jmdcm
