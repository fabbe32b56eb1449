// What every command of the `jmdcm` tool shares: the store, the actor, dates, output.
#pragma once

#include "jmdcm/jmdcm.hpp"
#include "jmdcm/keys/key_store.hpp"
#include "jmdcm/postgres/postgres_backend.hpp"
#include "jmdcm/sqlite/sqlite_repository.hpp"

#include <boost/algorithm/string/join.hpp>
#include <boost/program_options.hpp>

#include <memory>
#include <string>
#include <vector>

namespace jmdcm::cli {

namespace po = boost::program_options;

/// A command: its name, one line of help, and what it does with the arguments after it.
struct Command {
    const char* name;
    const char* help;
    int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& commands();

int demo(const std::vector<std::string>& args);
int generate(const std::vector<std::string>& args);
int import_cases(const std::vector<std::string>& args);
int export_cases(const std::vector<std::string>& args);
int migrate(const std::vector<std::string>& args);
int partners(const std::vector<std::string>& args);
int sweep(const std::vector<std::string>& args);
int statistics(const std::vector<std::string>& args);
int supply_gaps(const std::vector<std::string>& args);
int network(const std::vector<std::string>& args);
int agenda(const std::vector<std::string>& args);
int render(const std::vector<std::string>& args);
int step(const std::vector<std::string>& args);
int audit(const std::vector<std::string>& args);
int keygen(const std::vector<std::string>& args);
int seal(const std::vector<std::string>& args);
int rotate(const std::vector<std::string>& args);

/// --store, --actor, --role, --policy, and --kek-file, --kek-id, --key-store (per-case keys),
/// which most commands take.
po::options_description store_options(Role default_role);

/// Parses `args` against `options` (plus --help); prints the help and returns false when asked for it.
bool parse(const std::vector<std::string>& args, const po::options_description& options, po::variables_map& vm,
           const char* usage, const po::positional_options_description* positional = nullptr);

/// Whether a command may create the SQLite file --store names when there is none.
enum class Creates { no, yes };
/// The store --store names: a SQLite file, or a PostgreSQL server by its URI (postgresql://...).
/// A command that only reads or sweeps refuses a file that does not exist (a typo would
/// otherwise give an empty store); one that writes creates it, and says so on stderr.
std::unique_ptr<Repository> open_store(const po::variables_map& vm, Creates creates = Creates::no);
/// A KEK from a key file of 32 bytes that only its owner may read.
std::shared_ptr<keys::KeyEncryptionKey> kek_from_file(const std::string& path, const std::string& id, const char* option);
/// The key store of `store`: --key-store, else STORE.keys (SQLite) or the schema jmdcm_keys.
std::unique_ptr<keys::KeyStore> key_store_of(const std::string& store, const po::variables_map& vm);
bool is_postgres(const std::string& store);
Actor actor_of(const po::variables_map& vm);
/// An enumeration value from option `name` by its library name, naming the option when unknown.
template <class E>
E enum_option(const po::variables_map& vm, const char* name) {
    E e{};
    const auto text = vm[name].as<std::string>();
    if (!boost::describe::enum_from_string(text.c_str(), e))
        fail(errc::invalid_argument, "", std::string("--") + name,
             "unknown value '" + text + "' (one of: " + boost::algorithm::join(reflect::enum_names<E>(), ", ") + ")");
    return e;
}

/// An ISO date from option `name`, naming the option when it is not one.
Date date_option(const po::variables_map& vm, const char* name);
Policy policy_of(const po::variables_map& vm);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);
/// JSON to stdout, one document per line.
void print_json(const std::string& json);

}  // namespace jmdcm::cli
