#include "common.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace jmdcm::cli {

po::options_description store_options(Role default_role) {
    po::options_description o("Store and actor");
    o.add_options()
        ("store", po::value<std::string>()->default_value("jmdcm.sqlite"), "SQLite file, or a PostgreSQL URI postgresql://...")
        ("actor", po::value<std::string>()->required(), "who acts (every access is audited under this id)")
        ("role", po::value<std::string>()->default_value(reflect::enum_name(default_role)),
         "case_worker, team_lead, statistics or administrator")
        ("policy", po::value<std::string>(), "policy JSON file (default: the handbook's values)")
        ("kek-file", po::value<std::string>(), "per-case keys: the key-encryption key (32 bytes, mode 600; jmdcm keygen)")
        ("kek-id", po::value<std::string>()->default_value("kek"), "per-case keys: the key's id (which keys it wrapped)")
        ("key-store", po::value<std::string>(), "per-case keys: the key store (default: STORE.keys; on a server the schema jmdcm_keys)");
    return o;
}

bool parse(const std::vector<std::string>& args, const po::options_description& options, po::variables_map& vm,
           const char* usage, const po::positional_options_description* positional) {
    po::options_description all;
    all.add(options);
    all.add_options()("help,h", "this help");
    auto parser = po::command_line_parser(args).options(all);
    if (positional) parser.positional(*positional);
    po::store(parser.run(), vm);
    if (vm.count("help")) {
        std::cout << "usage: " << usage << "\n" << all << "\n";
        return false;
    }
    po::notify(vm);  // after --help, so that help works without the required options
    return true;
}

bool is_postgres(const std::string& store) {
    return store.rfind("postgresql://", 0) == 0 || store.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Repository> open_store(const po::variables_map& vm, Creates creates) {
    const std::string store = vm["store"].as<std::string>();
    if (!is_postgres(store) && !std::filesystem::exists(store)) {
        if (creates == Creates::no)
            fail(errc::not_found, "", "--store", "no store file '" + store + "' (only import, partners --import and demo create one)");
        std::cerr << "jmdcm: creating the store file '" << store << "'\n";
    }
    StoreOptions options;
    options.policy = policy_of(vm);  // raw writes (import) are judged under the same rules
    if (vm.count("kek-file"))
        options.sealer = keys::make_sealer(key_store_of(store, vm),
                                           kek_from_file(vm["kek-file"].as<std::string>(), vm["kek-id"].as<std::string>(), "--kek-file"));
    else if (vm.count("key-store"))
        fail(errc::invalid_argument, "", "--key-store", "a key store is used with --kek-file");
    if (is_postgres(store)) {
        PostgresOptions db{store, true};
        if (options.sealer) db.key_schema = vm.count("key-store") ? vm["key-store"].as<std::string>() : "jmdcm_keys";   // keys read with the cases
        return std::make_unique<PostgresRepository>(db, options);
    }
    SqliteOptions db;
    db.path = store;
    return std::make_unique<SqliteRepository>(db, options);
}

Actor actor_of(const po::variables_map& vm) { return {vm["actor"].as<std::string>(), enum_option<Role>(vm, "role")}; }

Date date_option(const po::variables_map& vm, const char* name) {
    const auto text = vm[name].as<std::string>();
    const auto d = parse_iso(text);
    if (!d) fail(errc::invalid_argument, "", std::string("--") + name, "'" + text + "' is not a date (YYYY-MM-DD)");
    return *d;
}

Policy policy_of(const po::variables_map& vm) {
    if (!vm.count("policy")) return Policy{};
    Policy p = json::from_string<Policy>(read_file(vm["policy"].as<std::string>()), {.reject_unknown_fields = true});
    validate(p);
    return p;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(errc::invalid_argument, "", "file", "cannot read '" + path + "'");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const std::string& path, const std::string& content) {
    // documents and exports hold personal data: only the owner may read them, a file that
    // existed with a wider mode included
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) fail(errc::invalid_argument, "", "--out", "cannot write '" + path + "': " + std::strerror(errno));
    bool ok = ::fchmod(fd, 0600) == 0;
    for (std::size_t done = 0; ok && done < content.size();) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    const int err = errno;
    if (::close(fd) != 0) ok = false;
    if (!ok) fail(errc::invalid_argument, "", "--out", "cannot write '" + path + "': " + std::strerror(err));
}

void print_json(const std::string& json) { std::cout << json << "\n"; }

}  // namespace jmdcm::cli
