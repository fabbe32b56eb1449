// import, export, partners, sweep.
#include "common.hpp"

#include <filesystem>
#include <iostream>

namespace jmdcm::cli {
namespace {

/// One document or an array of them.
template <class T>
std::vector<T> documents(const std::string& text) {
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start != std::string::npos && text[start] == '[') return json::from_string<std::vector<T>>(text);
    return {json::from_string<T>(text)};
}

}  // namespace

int import_cases(const std::vector<std::string>& args) {
    auto o = store_options(Role::case_worker);
    o.add_options()("file", po::value<std::string>()->required(), "JSON file");
    po::positional_options_description pos;
    pos.add("file", 1);
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm import --actor ID FILE.json", &pos)) return 0;
    auto cases = documents<Case>(read_file(vm["file"].as<std::string>()));
    auto repo = open_store(vm, Creates::yes);
    const Actor actor = actor_of(vm);
    for (auto& c : cases) c.version = 0;
    repo->create_all(actor, cases);  // all or nothing, in batches on a server
    std::cout << "imported " << cases.size() << " case(s)\n";
    return 0;
}

int migrate(const std::vector<std::string>& args) {
    po::options_description o("Moving an office");
    o.add_options()
        ("from", po::value<std::string>()->required(), "the SQLite file (or PostgreSQL URI) to copy from")
        ("to", po::value<std::string>()->required(), "the PostgreSQL URI postgresql://... (or SQLite file) to copy into; it must hold no case")
        ("actor", po::value<std::string>()->required(), "the administrator who moves it (audited in both stores)");
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm migrate --from FILE.sqlite --to postgresql://... --actor ID")) return 0;
    auto open = [](const std::string& where) -> std::unique_ptr<LibraryStore> {
        if (is_postgres(where)) return std::make_unique<PostgresRepository>(PostgresOptions{where, true});
        SqliteOptions db;
        db.path = where;
        return std::make_unique<SqliteRepository>(db);
    };
    const std::string source = vm["from"].as<std::string>();
    if (!is_postgres(source) && !std::filesystem::exists(source))
        fail(errc::not_found, "", "--from", "no store file '" + source + "'");
    auto from = open(source);
    auto to = open(vm["to"].as<std::string>());
    const std::size_t moved = from->migrate_to({vm["actor"].as<std::string>(), Role::administrator}, *to);
    std::cout << "moved " << moved << " case(s), their partners and audit trail, all in one transaction\n";
    return 0;
}

int export_cases(const std::vector<std::string>& args) {
    auto o = store_options(Role::case_worker);
    o.add_options()("case", po::value<std::vector<std::string>>(), "case id (repeatable; default: every case the actor sees)");
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm export --actor ID [--case ID ...]")) return 0;
    auto repo = open_store(vm);
    const Actor actor = actor_of(vm);
    std::vector<std::string> ids;
    if (vm.count("case")) ids = vm["case"].as<std::vector<std::string>>();
    else
        for (const auto& s : repo->query(actor, {})) ids.push_back(s.id);
    std::vector<Case> out;
    for (const auto& id : ids) out.push_back(repo->load(actor, id));  // each load is checked and audited
    print_json(json::to_string(out));
    return 0;
}

int partners(const std::vector<std::string>& args) {
    auto o = store_options(Role::team_lead);
    o.add_options()("import", po::value<std::string>(), "JSON file with partners (one or an array) to save");
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm partners --actor ID [--import FILE.json]")) return 0;
    auto repo = open_store(vm, vm.count("import") ? Creates::yes : Creates::no);
    const Actor actor = actor_of(vm);
    if (vm.count("import")) {
        auto list = documents<Partner>(read_file(vm["import"].as<std::string>()));
        const auto stored = repo->partners(actor);
        for (auto& p : list) {  // an update of a stored partner keeps its version line
            for (const auto& s : stored)
                if (s.id == p.id && p.version == 0) p.version = s.version;
            repo->save_partner(actor, p);
        }
    }
    print_json(json::to_string(repo->partners(actor)));
    return 0;
}

int sweep(const std::vector<std::string>& args) {
    auto o = store_options(Role::administrator);
    o.add_options()("on", po::value<std::string>()->required(), "the day the sweep runs for (YYYY-MM-DD)");
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm sweep --actor ID --on DATE")) return 0;
    auto repo = open_store(vm);
    print_json(json::to_string(repo->sweep(actor_of(vm), date_option(vm, "on"), policy_of(vm))));
    return 0;
}

}  // namespace jmdcm::cli

namespace jmdcm::cli {

int generate(const std::vector<std::string>& args) {
    po::options_description o("Synthetic cases (no real person's data), as a JSON array on standard output");
    o.add_options()("count", po::value<int>()->default_value(10), "how many")
        ("seed", po::value<std::uint64_t>()->default_value(1), "seed: the same seed gives the same cases")
        ("case-workers", po::value<int>()->default_value(20), "spread over fk-01 .. fk-NN");
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm generate [--count N] [--seed S] [--case-workers N] > cases.json")) return 0;
    const int count = vm["count"].as<int>();
    if (count < 0) fail(errc::invalid_argument, "", "--count", "count must not be negative");
    SyntheticOptions so;
    so.seed = vm["seed"].as<std::uint64_t>();
    so.case_workers = vm["case-workers"].as<int>();
    if (so.case_workers < 1) fail(errc::invalid_argument, "", "--case-workers", "at least one case worker");
    std::vector<Case> cases;
    for (int i = 0; i < count; ++i) cases.push_back(synthetic_case(so, static_cast<std::uint64_t>(i)));
    print_json(json::to_string(cases));
    return 0;
}

}  // namespace jmdcm::cli
