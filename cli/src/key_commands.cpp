// Per-case keys on the command line (issue 19): a new key file, converting a store, rotating
// the KEK. Every command that opens a store takes --kek-file (and --key-store) as well.
#include "common.hpp"

#include "jmdcm/keys/key_store.hpp"
#include "jmdcm/postgres/pg_key_store.hpp"

#include <sys/stat.h>

#include <fstream>
#include <iostream>

namespace jmdcm::cli {

std::shared_ptr<keys::KeyEncryptionKey> kek_from_file(const std::string& path, const std::string& id, const char* option) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) fail(errc::invalid_argument, "", option, "no key file '" + path + "'");
    // like ssh with its keys: a KEK that others can read is no longer the office's secret
    if (st.st_mode & (S_IRWXG | S_IRWXO))
        fail(errc::key_invalid, "", option, "the key file '" + path + "' is readable by others: chmod 600 it");
    std::string bytes = read_file(path);
    auto key = keys::SecretKey::from_bytes(bytes, std::string("the key file given by ") + option);
    std::fill(bytes.begin(), bytes.end(), '\0');
    return std::make_shared<keys::LocalKek>(id, std::move(key));
}

std::unique_ptr<keys::KeyStore> key_store_of(const std::string& store, const po::variables_map& vm) {
    if (is_postgres(store)) return open_postgres_key_store(store, vm.count("key-store") ? vm["key-store"].as<std::string>() : "jmdcm_keys");
    return keys::open_sqlite_key_store(vm.count("key-store") ? vm["key-store"].as<std::string>() : store + ".keys");
}

int keygen(const std::vector<std::string>& args) {
    po::options_description o("A new key-encryption key");
    o.add_options()("out", po::value<std::string>()->required(), "the key file to write (32 random bytes, mode 600); it must not exist");
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm keygen --out FILE")) return 0;
    const std::string path = vm["out"].as<std::string>();
    std::ifstream exists(path);
    if (exists) fail(errc::already_exists, "", "--out", "'" + path + "' exists: a key file is never overwritten");
    const auto key = keys::SecretKey::generate();
    const mode_t old = ::umask(077);   // created readable by its owner only
    std::ofstream out(path, std::ios::binary);
    ::umask(old);
    out.write(key.bytes().data(), static_cast<std::streamsize>(key.bytes().size()));
    if (!out.flush()) fail(errc::invalid_argument, "", "--out", "cannot write '" + path + "'");
    std::cout << "wrote a new key file '" << path << "' (keep it apart from the data and its backups)\n";
    return 0;
}

int seal(const std::vector<std::string>& args) {
    auto o = store_options(Role::administrator);
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm seal --store FILE|postgresql://... --kek-file FILE --actor ID")) return 0;
    if (!vm.count("kek-file")) fail(errc::invalid_argument, "", "--kek-file", "sealing needs the key-encryption key");
    auto repo = open_store(vm);
    const std::size_t n = dynamic_cast<LibraryStore&>(*repo).seal_all(actor_of(vm));
    std::cout << "sealed " << n << " case(s) under keys of their own\n";
    return 0;
}

int rotate(const std::vector<std::string>& args) {
    po::options_description o("Rotating the key-encryption key");
    o.add_options()
        ("store", po::value<std::string>()->default_value("jmdcm.sqlite"), "the store whose keys to re-wrap (SQLite file or postgresql://...)")
        ("key-store", po::value<std::string>(), "the key store (default: STORE.keys; on a server the schema jmdcm_keys)")
        ("from-kek", po::value<std::string>()->required(), "the old key file")
        ("from-id", po::value<std::string>()->default_value("kek"), "the old key's id")
        ("to-kek", po::value<std::string>()->required(), "the new key file")
        ("to-id", po::value<std::string>()->required(), "the new key's id (another than the old one's)");
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm rotate --from-kek OLD --to-kek NEW --to-id ID")) return 0;
    if (vm["from-id"].as<std::string>() == vm["to-id"].as<std::string>())
        fail(errc::invalid_argument, "", "--to-id", "the new key needs an id of its own, so that every key shows which KEK wraps it");
    auto from = kek_from_file(vm["from-kek"].as<std::string>(), vm["from-id"].as<std::string>(), "--from-kek");
    auto to = kek_from_file(vm["to-kek"].as<std::string>(), vm["to-id"].as<std::string>(), "--to-kek");
    auto store = key_store_of(vm["store"].as<std::string>(), vm);
    const std::size_t n = keys::CaseKeys(*store, *to).rotate_from(*from);
    std::cout << "re-wrapped " << n << " case key(s); no case was touched\n";
    return 0;
}

}  // namespace jmdcm::cli
