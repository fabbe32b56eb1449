#include "jmdcm/error.hpp"
#include "jmdcm/keys/key_store.hpp"

namespace jmdcm::keys {

namespace {

std::string bound_to(std::string_view case_id, std::string_view kek_id) {
    return "jmdcm case key|" + std::string(case_id) + "|" + std::string(kek_id);
}

}  // namespace

std::string LocalKek::wrap(const SecretKey& key, std::string_view case_id) { return seal(key.bytes(), key_, bound_to(case_id, id_)); }

SecretKey LocalKek::unwrap(std::string_view wrapped, std::string_view case_id) {
    const std::string what = "the key of case '" + std::string(case_id) + "'";
    std::string plain = open(wrapped, key_, bound_to(case_id, id_), what);
    SecretKey k = SecretKey::from_bytes(plain, what);
    std::fill(plain.begin(), plain.end(), '\0');
    return k;
}

std::pair<SecretKey, WrappedKey> CaseKeys::make(std::string_view case_id) {
    SecretKey k = SecretKey::generate();
    WrappedKey w{std::string(case_id), kek_.id(), kek_.wrap(k, case_id)};
    return {std::move(k), std::move(w)};
}

SecretKey CaseKeys::create(std::string_view case_id) {
    auto [k, w] = make(case_id);
    store_.insert({w});
    return k;
}

SecretKey CaseKeys::key_of(std::string_view case_id) {
    const auto w = store_.find(case_id);
    if (!w) {
        if (const auto on = store_.destroyed_on(case_id))
            fail(errc::key_missing, "R13", "case.id", "the key of case '" + std::string(case_id) + "' was destroyed on " + to_iso(on->on) + " (anonymised)");
        fail(errc::key_missing, "", "case.id",
             "no key for case '" + std::string(case_id) + "' in the key store: the key store is out of step with the data (restored from an older backup?)");
    }
    if (w->kek_id != kek_.id())
        fail(errc::key_invalid, "", "kek",
             "the key of case '" + std::string(case_id) + "' is wrapped by key-encryption key '" + w->kek_id + "', not by '" + kek_.id() +
                 "': rotate the key store first");
    return kek_.unwrap(w->wrapped, case_id);
}

bool CaseKeys::destroy(std::string_view case_id, Date on) { return store_.destroy(case_id, on, {}); }

std::size_t CaseKeys::rotate_from(KeyEncryptionKey& from) {
    std::vector<WrappedKey> changed;
    for (auto& w : store_.all()) {
        if (w.kek_id != from.id()) continue;
        const SecretKey k = from.unwrap(w.wrapped, w.case_id);   // every key first: a bad one stops the rotation before any write
        changed.push_back({w.case_id, kek_.id(), kek_.wrap(k, w.case_id)});
    }
    store_.rewrap(changed);
    return changed.size();
}

}  // namespace jmdcm::keys
