// Per-case data keys, kept apart from the case data (issue 19). A case's personal data is
// sealed under its own key; the key is stored wrapped by the host's key-encryption key (KEK)
// in a key store of its own (a separate file or schema, backed up on its own, shorter
// schedule). Anonymisation destroys the key: every copy of the sealed data, in every backup,
// is then unreadable.
#pragma once

#include "jmdcm/date.hpp"
#include "jmdcm/keys/sealing.hpp"
#include "jmdcm/sealer.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace jmdcm::keys {

/// The host's key-encryption key: a key file, an OS keystore, a KMS. It wraps case keys
/// and unwraps them again; `id` names it, so that rotation knows which keys it wrapped.
class KeyEncryptionKey {
public:
    virtual ~KeyEncryptionKey() = default;
    virtual std::string id() const = 0;
    /// The wrapped form of `key` for case `case_id` (bound to it).
    virtual std::string wrap(const SecretKey& key, std::string_view case_id) = 0;
    /// errc::key_invalid when `wrapped` is not this KEK's wrapping for `case_id`.
    virtual SecretKey unwrap(std::string_view wrapped, std::string_view case_id) = 0;
};

/// A KEK held in memory (the host read it from a file or a keystore): wrapping is sealing
/// the case key under it, bound to the case id and the KEK's id.
class LocalKek final : public KeyEncryptionKey {
public:
    LocalKek(std::string id, SecretKey key) : id_(std::move(id)), key_(std::move(key)) {}
    std::string id() const override { return id_; }
    std::string wrap(const SecretKey& key, std::string_view case_id) override;
    SecretKey unwrap(std::string_view wrapped, std::string_view case_id) override;

private:
    std::string id_;
    SecretKey key_;
};

/// A case key as the key store keeps it.
struct WrappedKey {
    std::string case_id;
    std::string kek_id;
    std::string wrapped;
};

/// Where wrapped keys live, apart from the cases. Writes are durable when they return.
class KeyStore {
public:
    virtual ~KeyStore() = default;
    /// New keys, all or none, in one durable write; errc::already_exists when a case has one
    /// or its key was destroyed.
    virtual void insert(const std::vector<WrappedKey>& keys) = 0;
    virtual std::optional<WrappedKey> find(std::string_view case_id) = 0;
    /// Removes the key so that no copy stays in the store's files (secure delete, checkpoint)
    /// and records the destruction (CaseSealer::Destroyed: the day, the anonymised document),
    /// unsettled, in the same write; the record holds no key. Returns whether there was a key.
    virtual bool destroy(std::string_view case_id, Date on, std::string_view anonymised = {}) = 0;
    virtual std::optional<CaseSealer::Destroyed> destroyed_on(std::string_view case_id) = 0;
    /// Settles the destruction: its record drops the anonymised document and stays.
    virtual void settle(std::string_view case_id) = 0;
    /// Destroyed keys: the unsettled ones, or `all`.
    virtual std::vector<CaseSealer::Destroyed> destroyed(bool all) = 0;
    /// Every key, for rotation.
    virtual std::vector<WrappedKey> all() = 0;
    /// Replaces the given keys' wrapping all at once (rotation): all or none.
    virtual void rewrap(const std::vector<WrappedKey>& keys) = 0;
};

/// A key store in its own SQLite file: secure_delete on, and a checkpoint that truncates the
/// write-ahead log after each destruction, so a destroyed key leaves no bytes behind.
std::unique_ptr<KeyStore> open_sqlite_key_store(const std::string& path);

/// Case keys over a key store and the host's KEK: what the stores use.
class CaseKeys {
public:
    CaseKeys(KeyStore& store, KeyEncryptionKey& kek) : store_(store), kek_(kek) {}
    /// A new key for a new case, stored wrapped.
    SecretKey create(std::string_view case_id);
    /// A new key and its wrapped form, not yet stored (KeyStore::insert stores a batch).
    std::pair<SecretKey, WrappedKey> make(std::string_view case_id);
    /// The case's key: errc::key_missing when there is none, errc::key_invalid when the
    /// KEK does not unwrap it (another KEK, or a damaged key store).
    SecretKey key_of(std::string_view case_id);
    /// Destroys the case's key (anonymisation) on `on`: whether there was one.
    bool destroy(std::string_view case_id, Date on);
    /// Re-wraps every key wrapped by `from` under this object's KEK, all or none, without
    /// touching any case document. Returns how many. errc::key_invalid when a key that
    /// names `from` does not unwrap with it.
    std::size_t rotate_from(KeyEncryptionKey& from);

private:
    KeyStore& store_;
    KeyEncryptionKey& kek_;
};

/// The stores' sealer (jmdcm/sealer.hpp) over a key store and the host's KEK: documents
/// sealed with XChaCha20-Poly1305 under the case's key, bound to "case id|version", in
/// URL-safe base64. Unwrapped keys are kept in a small cache checked against the key store's
/// wrapping on every use, so a destroyed key is never used again and a KMS is not asked on
/// every read. Thread-safe.
std::shared_ptr<CaseSealer> make_sealer(std::shared_ptr<KeyStore> store, std::shared_ptr<KeyEncryptionKey> kek);

}  // namespace jmdcm::keys
