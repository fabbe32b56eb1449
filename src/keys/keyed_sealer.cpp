// The stores' sealer over a key store and the host's KEK (issue 19).
#include "jmdcm/error.hpp"
#include "jmdcm/keys/key_store.hpp"

#include "wrapped_text.hpp"

#include <boost/beast/core/detail/base64.hpp>
#include <lz4.h>
#include <sodium.h>

#include <chrono>
#include <map>
#include <mutex>
#include <unordered_map>

namespace jmdcm::keys {

namespace {

// Base64 from Boost.Beast (header-only, in Debian's Boost): libsodium's codec is constant-time
// and five times slower, and constant time buys nothing for ciphertext. Its alphabet has no
// quotes or backslashes, so the text sits in JSON as is.
std::string to_base64(std::string_view bin) {
    std::string out(boost::beast::detail::base64::encoded_size(bin.size()), '\0');
    out.resize(boost::beast::detail::base64::encode(out.data(), bin.data(), bin.size()));
    return out;
}

std::string from_base64(std::string_view text, std::string_view case_id) {
    std::string out(boost::beast::detail::base64::decoded_size(text.size()), '\0');
    const auto [written, read] = boost::beast::detail::base64::decode(out.data(), text.data(), text.size());
    std::size_t padding = 0;
    while (padding < 2 && read + padding < text.size() && text[read + padding] == '=') ++padding;
    if (read + padding != text.size())
        fail(errc::storage_corrupt, "", "", "the sealed data of case '" + std::string(case_id) + "' is not base64");
    out.resize(written);
    return out;
}

// Documents are compressed with LZ4 (Debian's liblz4-dev) before sealing: a case's JSON
// shrinks to about a third, so sealing, encoding and storing it cost less than the clear
// document did. Layout: the plain length (4 bytes, little-endian), then the LZ4 block.
std::string compressed(std::string_view plain) {
    if (plain.size() > static_cast<std::size_t>(LZ4_MAX_INPUT_SIZE)) fail(errc::invalid_argument, "", "case", "the case document is too large to seal");
    const int n = static_cast<int>(plain.size());
    std::string out(4 + static_cast<std::size_t>(LZ4_compressBound(n)), '\0');
    for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>((static_cast<std::uint32_t>(n) >> (8 * i)) & 0xff);
    const int written = LZ4_compress_default(plain.data(), out.data() + 4, n, static_cast<int>(out.size() - 4));
    if (written <= 0) fail(errc::internal, "", "", "LZ4 could not compress a case document");
    out.resize(4 + static_cast<std::size_t>(written));
    return out;
}

std::string decompressed(std::string_view packed, std::string_view case_id) {
    std::uint32_t n = 0;
    if (packed.size() >= 4)
        for (int i = 0; i < 4; ++i) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(packed[static_cast<std::size_t>(i)])) << (8 * i);
    if (packed.size() < 4 || n > (64u << 20))
        fail(errc::storage_corrupt, "", "", "the sealed data of case '" + std::string(case_id) + "' has no valid length");
    std::string out(n, '\0');
    const int got = LZ4_decompress_safe(packed.data() + 4, out.data(), static_cast<int>(packed.size() - 4), static_cast<int>(n));
    if (got < 0 || static_cast<std::uint32_t>(got) != n)
        fail(errc::storage_corrupt, "", "", "the sealed data of case '" + std::string(case_id) + "' does not decompress");
    return out;
}

/// What a sealed case is bound to: moved to another case or version, it does not open.
std::string bound_to(std::string_view case_id, std::int64_t version) {
    return "jmdcm case|" + std::string(case_id) + "|" + std::to_string(version);
}

struct Fresh final : CaseSealer::NewKeys {
    std::map<std::string, std::pair<SecretKey, WrappedKey>, std::less<>> keys;
};

class KeyedSealer final : public CaseSealer {
public:
    KeyedSealer(std::shared_ptr<KeyStore> store, std::shared_ptr<KeyEncryptionKey> kek)
        : store_(std::move(store)), kek_(std::move(kek)), keys_(*store_, *kek_) {
        if (sodium_init() < 0) fail(errc::internal, "", "", "libsodium did not initialise");
    }

    std::unique_ptr<NewKeys> new_keys() override { return std::make_unique<Fresh>(); }

    std::string seal(std::string_view case_id, std::int64_t version, std::string_view plain, NewKeys& fresh) override {
        auto& f = dynamic_cast<Fresh&>(fresh);
        if (auto it = f.keys.find(case_id); it != f.keys.end()) return sealed(plain, it->second.first, case_id, version);
        if (auto k = stored_key(case_id)) return sealed(plain, *k, case_id, version);
        // a case whose key was destroyed is anonymised and stored in clear; store_keys refuses
        // it a new key all the same
        auto made = [&] {
            std::lock_guard lock(kek_m_);
            return keys_.make(case_id);
        }();
        std::string out = sealed(plain, made.first, case_id, version);
        f.keys.emplace(std::string(case_id), std::move(made));
        return out;
    }

    void store_keys(NewKeys& fresh) override {
        auto& f = dynamic_cast<Fresh&>(fresh);
        std::vector<WrappedKey> batch;
        batch.reserve(f.keys.size());
        for (const auto& [id, k] : f.keys) batch.push_back(k.second);
        store_->insert(batch);
        f.keys.clear();
    }

    std::string open(std::string_view case_id, std::int64_t version, std::string_view text, const KnownKey* known) override {
        auto k = known ? known_key(case_id, *known) : stored_key(case_id);
        if (!k) {
            std::lock_guard lock(kek_m_);
            (void)keys_.key_of(case_id);   // names why: destroyed, or a key store out of step
        }
        if (!k) fail(errc::key_missing, "", "case.id", "no key for case '" + std::string(case_id) + "'");
        return decompressed(keys::open(from_base64(text, case_id), *k, bound_to(case_id, version), "the sealed data of case '" + std::string(case_id) + "'"),
                            case_id);
    }

    void destroy(std::string_view case_id, Date on, std::string_view anonymised) override {
        {
            std::lock_guard lock(cache_m_);
            cache_.erase(std::string(case_id));
        }
        (void)store_->destroy(case_id, on, anonymised);
    }

    std::optional<Destroyed> destroyed(std::string_view case_id) override { return store_->destroyed_on(case_id); }
    void settle(std::string_view case_id) override { store_->settle(case_id); }
    std::vector<Destroyed> unsettled(bool all) override { return store_->destroyed(all); }

private:
    std::string sealed(std::string_view plain, const SecretKey& k, std::string_view case_id, std::int64_t version) {
        return to_base64(keys::seal(compressed(plain), k, bound_to(case_id, version)));
    }

    /// The case's key from the key store, unwrapped. The cache saves the unwrapping (a KMS
    /// call) while the store still holds the same wrapping, so it never outlives a rotation
    /// or a destruction by long; and it saves asking the key store at all (a round trip to a
    /// server) for `trust_for` after it last did. That much delay is harmless: this process
    /// evicts a key it destroys at once, and a case another process anonymised is stored in
    /// clear, so its sealed form is no longer read from the store.
    std::optional<SecretKey> stored_key(std::string_view case_id) {
        const auto now = std::chrono::steady_clock::now();
        {
            std::lock_guard lock(cache_m_);
            auto it = cache_.find(std::string(case_id));
            if (it != cache_.end() && now - it->second.checked < trust_for) return it->second.key;
        }
        const auto w = store_->find(case_id);
        if (!w) return std::nullopt;
        return unwrapped(*w, now);
    }

    /// The case's key as the backend read it with the case (the key store's own row, in the
    /// same snapshot): no lookup, and no trust period either.
    std::optional<SecretKey> known_key(std::string_view case_id, const KnownKey& known) {
        if (!known.found) return std::nullopt;
        const std::string id(case_id);
        return unwrapped(WrappedKey{id, known.kek_id, wrapped_of(known.wrapped, id)}, std::chrono::steady_clock::now());
    }

    /// The key `w` wraps: from the cache while it holds the same wrapping, else unwrapped by
    /// the KEK and cached; confirmed by the key store at `now`.
    std::optional<SecretKey> unwrapped(const WrappedKey& w, std::chrono::steady_clock::time_point now) {
        const std::string wrapping = w.kek_id + "|" + w.wrapped;
        {
            std::lock_guard lock(cache_m_);
            auto it = cache_.find(w.case_id);
            if (it != cache_.end() && it->second.wrapping == wrapping) {
                it->second.checked = now;
                return it->second.key;
            }
        }
        if (w.kek_id != kek_->id()) {
            std::lock_guard lock(kek_m_);
            (void)keys_.key_of(w.case_id);   // names the KEK the key needs
        }
        SecretKey k = [&] {
            std::lock_guard lock(kek_m_);   // the host's KEK is called by one thread at a time
            return kek_->unwrap(w.wrapped, w.case_id);
        }();
        std::lock_guard lock(cache_m_);
        if (cache_.size() >= cache_limit) cache_.clear();
        cache_.insert_or_assign(w.case_id, Cached{wrapping, k, now});
        return k;
    }

    struct Cached {
        std::string wrapping;   // kek id | wrapped key, as the key store held it
        SecretKey key;
        std::chrono::steady_clock::time_point checked;   // when the key store last confirmed it
    };

    static constexpr std::chrono::seconds trust_for{1};
    static constexpr std::size_t cache_limit = 4096;
    std::shared_ptr<KeyStore> store_;
    std::shared_ptr<KeyEncryptionKey> kek_;
    CaseKeys keys_;
    std::mutex kek_m_;
    std::mutex cache_m_;
    std::unordered_map<std::string, Cached> cache_;
};

}  // namespace

std::shared_ptr<CaseSealer> make_sealer(std::shared_ptr<KeyStore> store, std::shared_ptr<KeyEncryptionKey> kek) {
    if (!store) fail(errc::invalid_argument, "", "key_store", "a sealer needs a key store");
    if (!kek) fail(errc::invalid_argument, "", "kek", "a sealer needs the host's key-encryption key");
    return std::make_shared<KeyedSealer>(std::move(store), std::move(kek));
}

}  // namespace jmdcm::keys
