// Policy: every number DOMAIN.md calls configurable, in one value a host loads from JSON.
// Defaults are the handbook's (R2, R3, R6, R7, R9, R11, R13, R15).
#pragma once

#include "jmdcm/catalogue.hpp"
#include "jmdcm/json.hpp"

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <optional>
#include <string>
#include <vector>

namespace jmdcm {

/// R13: the one age the statistical skeleton keeps (never two of them).
BOOST_DEFINE_ENUM_CLASS(SkeletonAge, age_band_at_intake, age_at_intake, birth_year)

/// R15: a case worker's share of a full-time post (Vollzeitstelle), from the organisation's
/// staffing; 0 < share <= 1. A worker the policy does not list holds a full post.
struct Post {
    std::string case_worker;
    double share = 1.0;
};
BOOST_DESCRIBE_STRUCT(Post, (), (case_worker, share))

struct Policy {
    using absent_members_keep_default = void;  // a host's policy file names only what it changes
    int schema = 1;
    // R2 eligibility: age on the intake date, inclusive.
    int min_age = 12;
    int max_age = 27;
    // R3/R4: below this age the guardians consent in addition; null switches the rule off
    // (it is the programme's policy, not a GDPR requirement).
    std::optional<int> guardian_consent_below_age = 16;
    // R3: the consent form version in use; consent given on another version is not valid.
    std::optional<std::string> consent_form_version;
    // R6: distinct serious obstacles that make CM indicated.
    int screening_threshold = 4;
    // R7: assessment scale (1 = no competence yet ... 5 = fully independent).
    int scale_min = 1;
    int scale_max = 5;
    // R9: goals worked on at the same time.
    int active_goal_limit = 3;
    // R13: months untouched until review, months without contact until closure and anonymisation.
    int review_after_months = 6;
    int anonymise_after_months = 9;
    // R11: follow-up talk after closure.
    int follow_up_after_months = 6;
    // R13: which age survives anonymisation; the band is the coarsest, so the default.
    SkeletonAge skeleton_age = SkeletonAge::age_band_at_intake;
    // R15: caseload per full-time post. "Far below" the agreed basis of 40-50 is the handbook's
    // "deutlich weniger" (an office must explain it when a post is refilled); 20, half the
    // basis' lower end, is our default where the handbook gives no number.
    int caseload_far_below = 20;
    int caseload_realistic = 30;
    int caseload_agreed = 50;
    int caseload_observed = 80;
    int caseload_unjustifiable = 150;
    // R15: the workers' shares of a full-time post (organisation data); the bands are per post.
    std::vector<Post> posts;
    // R8: the host's own goal catalogue, validated with the policy; absent: the handbook's.
    std::optional<Catalogue> catalogue;
};
BOOST_DESCRIBE_STRUCT(Policy, (),
    (schema, min_age, max_age, guardian_consent_below_age, consent_form_version, screening_threshold,
     scale_min, scale_max, active_goal_limit, review_after_months, anonymise_after_months,
     follow_up_after_months, skeleton_age, caseload_far_below, caseload_realistic, caseload_agreed, caseload_observed, caseload_unjustifiable, posts, catalogue))

/// Throws errc::policy_invalid naming the field when a value makes no sense (a catalogue:
/// errc::catalogue_invalid, the field under `$.catalogue`).
void validate(const Policy& p);

/// R8: the catalogue plans are checked against: the policy's, else the handbook's.
const Catalogue& catalogue_of(const Policy& p);

/// Loads and validates; absent fields keep the handbook's defaults.
Policy load_policy(std::string_view json_text, json::ReadOptions opts = {});

}  // namespace jmdcm
