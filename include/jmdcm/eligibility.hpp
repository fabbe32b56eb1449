// R2 Intake: is the JMD the right place? Each check is reported on its own so the
// worker sees why; an ineligible person must be referred elsewhere actively.
#pragma once

#include "jmdcm/person.hpp"
#include "jmdcm/policy.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(EligibilityCriterion, age, residence, support_need, region)

struct EligibilityInput {
    Date intake_date;
    Date birth_date;
    ResidenceStatus residence;
    bool many_needs_many_actors = false;             // many support needs with many actors involved
    std::optional<FreeText> preventive_justification; // professional reason for preventive CM
    std::string postcode;                             // where the person lives or is accommodated
};
BOOST_DESCRIBE_STRUCT(EligibilityInput, (),
    (intake_date, birth_date, residence, many_needs_many_actors, preventive_justification, postcode))

struct EligibilityCheck {
    EligibilityCriterion criterion = EligibilityCriterion::age;
    bool passed = false;
    FreeText reason;                 // may quote age or postcode: wiped by anonymisation
};
BOOST_DESCRIBE_STRUCT(EligibilityCheck, (), (criterion, passed, reason))

struct EligibilityResult {
    bool eligible = false;
    std::vector<EligibilityCheck> checks;
};
BOOST_DESCRIBE_STRUCT(EligibilityResult, (), (eligible, checks))

/// Where an ineligible person was sent (R2 "refer actively elsewhere").
struct ExternalReferral {
    std::string recipient;
    Date date;
    FreeText note;
};
BOOST_DESCRIBE_STRUCT(ExternalReferral, (), (recipient, date, note))

struct EligibilityRecord {
    Date date;
    EligibilityResult result;
    std::optional<ExternalReferral> referral;
    // R2: why a person found not eligible is taken into CM all the same (the only way they enter it)
    std::optional<FreeText> cm_justification;
};
BOOST_DESCRIBE_STRUCT(EligibilityRecord, (), (date, result, referral, cm_justification))

/// The office's region test, supplied by the host (e.g. a postcode list).
using RegionTest = std::function<bool(std::string_view postcode)>;

/// A ready-made region test: postcodes, or prefixes ending in '*' ("603*").
RegionTest postcode_region(std::vector<std::string> patterns);

EligibilityResult check_eligibility(const EligibilityInput& in, const Policy& policy, const RegionTest& in_region);

/// Builds the record; throws errc::referral_required (R2) when not eligible and neither a
/// referral names a recipient nor a professional justification takes the person into CM.
EligibilityRecord record_eligibility(Date date, EligibilityResult result, std::optional<ExternalReferral> referral,
                                     std::optional<FreeText> cm_justification = std::nullopt);

/// R2: whether the record lets the person enter CM: eligible, or a justification recorded.
bool admits_cm(const EligibilityRecord& record);

}  // namespace jmdcm
