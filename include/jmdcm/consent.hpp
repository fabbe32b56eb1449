// R3 Data consent (Einwilligungserklärung) and R5 cooperation agreement (Information
// über die Zusammenarbeit): two different things, CM needs both.
#pragma once

#include "jmdcm/policy.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace jmdcm {

/// R3: who consented besides the young person, by role: no names beyond the master data.
BOOST_DEFINE_ENUM_CLASS(GuardianRole, mother, father, legal_guardian, other_custodian)

struct GuardianConsent {
    GuardianRole role = GuardianRole::legal_guardian;   // Vormund: legal_guardian
    Date given_on;
};
BOOST_DESCRIBE_STRUCT(GuardianConsent, (), (role, given_on))

struct DataConsent {
    Date given_on;                             // the young person's own consent
    // R3: always the young person, guardians only in addition; absent means signed, as a
    // consent form is the young person's (documents from before it was recorded)
    std::optional<bool> young_person_signed;
    std::string form_language;                 // e.g. "de", "fa", "ar"
    std::string form_version;
    std::string text_sha256;                   // proves which text was agreed to (64 hex digits)
    FreeText purpose;
    bool consequences_explained = false;       // refusal and withdrawal explained
    std::optional<Date> guardian_consent_on;   // required under the guardian age (or `guardians`)
    std::vector<GuardianConsent> guardians;    // each guardian who consented, by role
    std::optional<Date> withdrawn_on;
};
BOOST_DESCRIBE_STRUCT(DataConsent, (),
    (given_on, young_person_signed, form_language, form_version, text_sha256, purpose, consequences_explained,
     guardian_consent_on, guardians, withdrawn_on))

/// R3: from when the guardians' consent holds: `guardian_consent_on`, else the last of the
/// guardians' consents; none when no guardian consented.
std::optional<Date> guardians_consent_on(const DataConsent& c);

/// Throws errc::consent_invalid (R3) naming the missing part; `age` is the young person's
/// age on the day of consent.
void validate_consent(const DataConsent& c, int age, const Policy& policy);

/// R3: given (and, where the guardians consented, from their consent on), not withdrawn by
/// `on`, and on the form version the policy names (if any).
bool consent_in_force(const DataConsent& c, Date on, const Policy& policy);

BOOST_DEFINE_ENUM_CLASS(AgreementForm, oral, written)

/// R5: informs about rights and duties and works as the CM contract; oral is enough.
struct CooperationAgreement {
    Date informed_on;
    bool agreed = false;                       // refused: counselling without CM
    AgreementForm form = AgreementForm::oral;
};
BOOST_DESCRIBE_STRUCT(CooperationAgreement, (), (informed_on, agreed, form))

}  // namespace jmdcm
