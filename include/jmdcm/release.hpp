// R4 Release from confidentiality (Entbindung von der Schweigepflicht, § 203 StGB):
// written, per case and per recipient (colleagues included), revocable; every
// disclosure names its recipient and is refused without a valid release.
#pragma once

#include "jmdcm/policy.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace jmdcm {

struct Release {
    std::string id;
    std::string recipient;                     // institution or colleague
    FreeText information;                      // kind of information released
    FreeText purpose;
    bool mutual = false;
    bool written = false;                      // § 203 StGB: must be written
    Date granted_on;
    std::optional<Date> guardian_signed_on;    // required under the guardian age
    std::optional<Date> expires_on;
    std::optional<Date> revoked_on;
    std::optional<Date> purpose_ended_on;
};
BOOST_DESCRIBE_STRUCT(Release, (),
    (id, recipient, information, purpose, mutual, written, granted_on, guardian_signed_on, expires_on, revoked_on, purpose_ended_on))

BOOST_DEFINE_ENUM_CLASS(DisclosureKind, referral, handover, substitution, information)

/// The log of what went to whom under which release.
struct Disclosure {
    Date date;
    std::string recipient;
    std::string release_id;
    DisclosureKind kind = DisclosureKind::information;
    FreeText what;
};
BOOST_DESCRIBE_STRUCT(Disclosure, (), (date, recipient, release_id, kind, what))

/// Throws errc::release_invalid (R4) naming what is missing; `age` on the day granted.
void validate_release(const Release& r, int age, const Policy& policy);

/// Not yet granted, withdrawn, expired or purpose ended: invalid (R4).
bool release_valid_on(const Release& r, Date on);

/// A valid release for exactly this recipient, or nullptr.
const Release* find_valid_release(const std::vector<Release>& releases, std::string_view recipient, Date on);

/// Throws errc::release_required: "R4: no release from confidentiality for recipient 'X'".
const Release& require_release(const std::vector<Release>& releases, std::string_view recipient, Date on,
                               const std::string& field);

}  // namespace jmdcm
