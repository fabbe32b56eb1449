// Sealing with libsodium (Debian's libsodium-dev): XChaCha20-Poly1305 with a random 192-bit
// nonce, so a key may seal any number of values without nonce bookkeeping. A sealed value is
// bound to its place by associated data (a case's id and version): moved elsewhere it does
// not open. The basis of per-case keys (issue 19): destroying a case's key leaves every copy
// of its sealed data, in backups too, unreadable (crypto-shredding).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace jmdcm::keys {

inline constexpr std::size_t key_bytes = 32;

/// A secret key in memory, wiped when it goes (sodium_memzero); copies are explicit.
class SecretKey {
public:
    static SecretKey generate();
    /// Exactly key_bytes bytes, else errc::key_invalid naming `what`.
    static SecretKey from_bytes(std::string_view bytes, std::string_view what);
    SecretKey(const SecretKey& other);
    SecretKey& operator=(const SecretKey& other);
    ~SecretKey();
    const unsigned char* data() const { return k_.data(); }
    std::string_view bytes() const { return {reinterpret_cast<const char*>(k_.data()), k_.size()}; }

private:
    SecretKey() = default;
    std::array<unsigned char, key_bytes> k_{};
};

/// nonce || ciphertext || tag.
std::string seal(std::string_view plain, const SecretKey& key, std::string_view associated);
/// The plain text, or errc::key_invalid naming `what` when the key, the associated data or the
/// bytes are not the ones it was sealed with.
std::string open(std::string_view sealed, const SecretKey& key, std::string_view associated, std::string_view what);

}  // namespace jmdcm::keys
