// R4 release checks.
#include "jmdcm/release.hpp"

namespace jmdcm {

void validate_release(const Release& r, int age, const Policy& policy) {
    auto need = [](bool ok, const char* field, const char* why) {
        if (!ok) fail(errc::release_invalid, "R4", field, why);
    };
    need(!is_blank(r.id), "release.id", "a release needs an id");
    need(!is_blank(r.recipient), "release.recipient", "a release must name its recipient");
    need(!is_blank(r.information), "release.information", "a release must name the kind of information");
    need(!is_blank(r.purpose), "release.purpose", "a release must name its purpose");
    need(r.written, "release.written", "a release from confidentiality must be written");
    need(!r.granted_on.is_special(), "release.granted_on", "the date of the release is required");
    if (r.expires_on) need(*r.expires_on >= r.granted_on, "release.expires_on", "a release cannot expire before it is granted");
    if (policy.guardian_consent_below_age && age < *policy.guardian_consent_below_age)
        need(r.guardian_signed_on.has_value(), "release.guardian_signed_on",
             "under the guardian age the guardians must sign the release");
}

bool release_valid_on(const Release& r, Date on) {
    if (r.granted_on.is_special() || r.granted_on > on) return false;
    if (r.revoked_on && *r.revoked_on <= on) return false;
    if (r.expires_on && *r.expires_on < on) return false;
    if (r.purpose_ended_on && *r.purpose_ended_on <= on) return false;
    return true;
}

const Release* find_valid_release(const std::vector<Release>& releases, std::string_view recipient, Date on) {
    for (const auto& r : releases)
        if (r.recipient == recipient && release_valid_on(r, on)) return &r;
    return nullptr;
}

const Release& require_release(const std::vector<Release>& releases, std::string_view recipient, Date on,
                               const std::string& field) {
    if (is_blank(recipient)) fail(errc::release_required, "R4", field, "a disclosure must name its recipient");
    if (const Release* r = find_valid_release(releases, recipient, on)) return *r;
    fail(errc::release_required, "R4", field,
         "no release from confidentiality for recipient '" + std::string(recipient) + "' on " + to_iso(on));
}

}  // namespace jmdcm
