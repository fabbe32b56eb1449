// Encryption at rest with per-case keys (issue 19), as the library's store sees it. The store
// seals each case that holds personal data under the case's own key; the summary columns
// stay in clear, so queries and sweeps need no key, and anonymised cases (the statistical
// skeleton, R13) are stored in clear. An anonymisation destroys the key, so every older copy
// of the case (backups, WAL archives) stops opening. The key goes first; the anonymised
// document is left with the destruction's record, so that a crash before the wipe commits is
// finished from it.
// jmdcm::keys implements this with libsodium and a key store apart from the data
// (keys/key_store.hpp); the core knows no cipher.
#pragma once

#include "jmdcm/date.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jmdcm {

/// A case's wrapped key as its key store holds it, read by a backend in the same query as the
/// case (PostgresOptions::key_schema): the sealer need not ask the key store again.
struct KnownKey {
    bool found = false;   // false: the key store holds no key for the case
    std::string kek_id;
    std::string wrapped;  // as the key store keeps it (text)
};

class CaseSealer {
public:
    /// Keys made for new cases in one transaction: kept until store_keys makes them durable
    /// (before the data commits), dropped with the transaction otherwise.
    class NewKeys {
    public:
        virtual ~NewKeys() = default;
    };

    virtual ~CaseSealer() = default;
    virtual std::unique_ptr<NewKeys> new_keys() = 0;
    /// `plain` sealed under the case's key, bound to the case id and `version`, as printable
    /// text. A case without a key gets one in `fresh`. errc::key_missing when the case's key
    /// was destroyed; errc::key_invalid when the KEK does not unwrap it.
    virtual std::string seal(std::string_view case_id, std::int64_t version, std::string_view plain, NewKeys& fresh) = 0;
    /// Stores the keys in `fresh` (one durable write) and empties it.
    virtual void store_keys(NewKeys& fresh) = 0;
    /// The plain text again. errc::key_missing: the case has no key (destroyed: see destroyed();
    /// or a key store out of step with the data); errc::key_invalid: the KEK does not unwrap
    /// the key, or `sealed` is not this case's text at this version. `known`: the key as the
    /// backend read it with the case, instead of a lookup in the key store.
    virtual std::string open(std::string_view case_id, std::int64_t version, std::string_view sealed, const KnownKey* known = nullptr) = 0;
    /// A destroyed key's record: the day, and until the anonymisation is settled the
    /// anonymised document (no personal data) that is to replace the sealed one.
    struct Destroyed {
        std::string case_id;
        Date on;
        std::string anonymised;   // empty once settled
    };

    /// Destroys the case's key for good (secure delete, checkpoint) and records it, unsettled,
    /// with the day and `anonymised`, in one durable write.
    virtual void destroy(std::string_view case_id, Date on, std::string_view anonymised) = 0;
    /// The record of the case's destroyed key, if it was destroyed.
    virtual std::optional<Destroyed> destroyed(std::string_view case_id) = 0;
    /// The anonymisation is stored: the record drops the document and stays.
    virtual void settle(std::string_view case_id) = 0;
    /// Destroyed keys whose anonymisation is not known to be stored (a crash between the two);
    /// `all`: every destroyed key (after restoring a backup of the data).
    virtual std::vector<Destroyed> unsettled(bool all) = 0;
};

}  // namespace jmdcm
