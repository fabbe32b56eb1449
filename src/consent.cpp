// R3 data consent checks.
#include "jmdcm/consent.hpp"

#include <algorithm>
#include <cctype>

namespace jmdcm {
namespace {

Date last_guardian_day(const std::vector<GuardianConsent>& guardians) {
    Date last = guardians.front().given_on;
    for (const auto& g : guardians) last = std::max(last, g.given_on);
    return last;
}

void check_guardians(const DataConsent& c) {
    for (std::size_t i = 0; i < c.guardians.size(); ++i) {
        const auto& g = c.guardians[i];
        const std::string field = "consent.guardians[" + std::to_string(i) + "]";
        if (g.given_on.is_special()) fail(errc::consent_invalid, "R3", field + ".given_on", "the date of the guardian's consent is required");
        for (std::size_t j = 0; j < i; ++j)
            if (c.guardians[j].role == g.role && g.role != GuardianRole::other_custodian)
                fail(errc::consent_invalid, "R3", field + ".role", "the " + reflect::enum_name(g.role) + " is recorded already");
    }
    if (c.guardian_consent_on && !c.guardians.empty()) {
        const Date last = last_guardian_day(c.guardians);
        if (*c.guardian_consent_on != last)
            fail(errc::consent_invalid, "R3", "consent.guardian_consent_on",
                 "the guardians' consent holds from the last of them (" + to_iso(last) + "); leave it out or give that day");
    }
}

}  // namespace

std::optional<Date> guardians_consent_on(const DataConsent& c) {
    if (c.guardian_consent_on || c.guardians.empty()) return c.guardian_consent_on;
    return last_guardian_day(c.guardians);
}

void validate_consent(const DataConsent& c, int age, const Policy& policy) {
    auto need = [](bool ok, const char* field, const char* why) {
        if (!ok) fail(errc::consent_invalid, "R3", field, why);
    };
    need(!c.given_on.is_special(), "consent.given_on", "the date of consent is required");
    need(!is_blank(c.form_language), "consent.form_language", "the language of the consent form is required");
    need(!is_blank(c.form_version), "consent.form_version", "the version of the consent form is required");
    const bool hex64 = c.text_sha256.size() == 64 &&
                       std::all_of(c.text_sha256.begin(), c.text_sha256.end(), [](unsigned char ch) { return std::isxdigit(ch); });
    need(hex64, "consent.text_sha256", "the SHA-256 of the consent text (64 hex digits) is required to prove the version agreed to");
    need(!is_blank(c.purpose), "consent.purpose", "the purpose of the data processing is required");
    need(c.consequences_explained, "consent.consequences_explained",
         "the consequences of refusal and withdrawal must have been explained");
    need(c.young_person_signed.value_or(true), "consent.young_person_signed",
         "the young person consents to the processing of their own data; guardians consent only in addition");
    check_guardians(c);
    if (policy.guardian_consent_below_age && age < *policy.guardian_consent_below_age)
        need(guardians_consent_on(c).has_value(), "consent.guardian_consent_on",
             "under the guardian age the guardians must consent in addition (guardians, by role)");
    if (policy.consent_form_version)
        need(c.form_version == *policy.consent_form_version, "consent.form_version",
             "consent was given on another form version; a new form version needs new consent");
}

bool consent_in_force(const DataConsent& c, Date on, const Policy& policy) {
    if (c.given_on.is_special() || c.given_on > on) return false;
    const auto guardians = guardians_consent_on(c);
    if (guardians && *guardians > on) return false;  // under the guardian age: only from the guardians' consent
    if (c.withdrawn_on && *c.withdrawn_on <= on) return false;
    if (policy.consent_form_version && c.form_version != *policy.consent_form_version) return false;
    return true;
}

}  // namespace jmdcm
