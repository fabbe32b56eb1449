// R3 data consent checks.
#include "jmdcm/consent.hpp"

#include <algorithm>
#include <cctype>

namespace jmdcm {

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
    if (policy.guardian_consent_below_age && age < *policy.guardian_consent_below_age)
        need(c.guardian_consent_on.has_value(), "consent.guardian_consent_on",
             "under the guardian age the guardians must consent in addition");
    if (policy.consent_form_version)
        need(c.form_version == *policy.consent_form_version, "consent.form_version",
             "consent was given on another form version; a new form version needs new consent");
}

bool consent_in_force(const DataConsent& c, Date on, const Policy& policy) {
    if (c.given_on.is_special() || c.given_on > on) return false;
    if (c.guardian_consent_on && *c.guardian_consent_on > on) return false;  // under the guardian age: only from the guardians' consent
    if (c.withdrawn_on && *c.withdrawn_on <= on) return false;
    if (policy.consent_form_version && c.form_version != *policy.consent_form_version) return false;
    return true;
}

}  // namespace jmdcm
