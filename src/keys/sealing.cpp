#include "jmdcm/keys/sealing.hpp"

#include "jmdcm/error.hpp"

#include <sodium.h>

#include <algorithm>

namespace jmdcm::keys {

namespace {

/// sodium_init once, before the first use; it is thread-safe and idempotent.
void ready() {
    static const int rc = sodium_init();
    if (rc < 0) fail(errc::internal, "", "", "libsodium could not initialise");
}

constexpr std::size_t nonce_bytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t tag_bytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == key_bytes);

const unsigned char* u(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace

SecretKey SecretKey::generate() {
    ready();
    SecretKey k;
    crypto_aead_xchacha20poly1305_ietf_keygen(k.k_.data());
    return k;
}

SecretKey SecretKey::from_bytes(std::string_view bytes, std::string_view what) {
    if (bytes.size() != key_bytes)
        fail(errc::key_invalid, "", std::string(what),
             std::string(what) + " has " + std::to_string(bytes.size()) + " bytes; a key has " + std::to_string(key_bytes));
    SecretKey k;
    std::copy(bytes.begin(), bytes.end(), reinterpret_cast<char*>(k.k_.data()));
    return k;
}

SecretKey::SecretKey(const SecretKey& other) : k_(other.k_) {}

SecretKey& SecretKey::operator=(const SecretKey& other) {
    k_ = other.k_;
    return *this;
}

SecretKey::~SecretKey() { sodium_memzero(k_.data(), k_.size()); }

std::string seal(std::string_view plain, const SecretKey& key, std::string_view associated) {
    ready();
    std::string out(nonce_bytes + plain.size() + tag_bytes, '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, nonce_bytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonce_bytes, &written, u(plain), plain.size(), u(associated), associated.size(),
                                               nullptr, nonce, key.data());
    out.resize(nonce_bytes + static_cast<std::size_t>(written));
    return out;
}

std::string open(std::string_view sealed, const SecretKey& key, std::string_view associated, std::string_view what) {
    ready();
    if (sealed.size() < nonce_bytes + tag_bytes)
        fail(errc::key_invalid, "", std::string(what), std::string(what) + " is too short to be sealed");
    std::string out(sealed.size() - nonce_bytes - tag_bytes, '\0');
    unsigned long long read = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(out.data()), &read, nullptr, u(sealed) + nonce_bytes,
                                                   sealed.size() - nonce_bytes, u(associated), associated.size(), u(sealed),
                                                   key.data()) != 0) {
        sodium_memzero(out.data(), out.size());
        fail(errc::key_invalid, "", std::string(what),
             std::string(what) + " does not open: another key, another place, or damaged bytes");
    }
    out.resize(static_cast<std::size_t>(read));
    return out;
}

}  // namespace jmdcm::keys
