// Per-case data keys, kept apart from the case data (issue 19). A case's personal data is
// sealed under its own key; the key is stored wrapped by the host's key-encryption key (KEK)
// in a key store of its own (a separate file or schema, backed up on its own, shorter
// schedule). Anonymisation destroys the key: every copy of the sealed data, in every backup,
// is then unreadable.
#pragma once

#include "jmdcm/keys/sealing.hpp"

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
    /// A new key; errc::already_exists when the case has one.
    virtual void insert(const WrappedKey& k) = 0;
    virtual std::optional<WrappedKey> find(std::string_view case_id) = 0;
    /// Removes the key so that no copy stays in the store's files (secure delete); nothing
    /// when there is none. Returns whether there was one.
    virtual bool destroy(std::string_view case_id) = 0;
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
    /// The case's key: errc::key_missing when there is none, errc::key_invalid when the
    /// KEK does not unwrap it (another KEK, or a damaged key store).
    SecretKey key_of(std::string_view case_id);
    /// Destroys the case's key (anonymisation): whether there was one.
    bool destroy(std::string_view case_id);
    /// Re-wraps every key wrapped by `from` under this object's KEK, all or none, without
    /// touching any case document. Returns how many. errc::key_invalid when a key that
    /// names `from` does not unwrap with it.
    std::size_t rotate_from(KeyEncryptionKey& from);

private:
    KeyStore& store_;
    KeyEncryptionKey& kek_;
};

}  // namespace jmdcm::keys
