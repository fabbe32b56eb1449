// import, export, partners, sweep.
#include "bulk_io.hpp"
#include "common.hpp"

#include <filesystem>
#include <iostream>

namespace jmdcm::cli {
namespace {

/// One document or an array of them.
template <class T>
std::vector<T> documents(const std::string& text) {
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start != std::string::npos && text[start] == '[') return json::from_string<std::vector<T>>(text, {.reject_unknown_fields = true});
    return {json::from_string<T>(text, {.reject_unknown_fields = true})};
}

}  // namespace

int import_cases(const std::vector<std::string>& args) {
    auto o = store_options(Role::case_worker);
    o.add_options()("file", po::value<std::string>()->required(), "JSON Lines (a case a line), or a JSON array or case; - reads standard input");
    po::positional_options_description pos;
    pos.add("file", 1);
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm import --actor ID FILE.jsonl|FILE.json", &pos)) return 0;
    CaseReader reader(vm["file"].as<std::string>());
    auto repo = open_store(vm, Creates::yes);
    const Actor actor = actor_of(vm);
    std::size_t imported = 0;
    Progress progress("import");
    // all or nothing: one transaction, fed a batch at a time (memory stays bounded)
    repo->transact(actor, [&](CaseStore& tx) {
        reader.each_batch(1000, [&](std::vector<Case>& batch, std::size_t first_line) {
            for (auto& c : batch) c.version = 0;
            try {
                tx.create_all(actor, batch);
            } catch (const error& e) {
                fail(e.code(), e.rule(), e.field(), "the batch from line " + std::to_string(first_line) + ": " + e.detail());
            }
            imported += batch.size();
            progress.at(imported);
        });
    });
    std::cout << "imported " << imported << " case(s)\n";
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
    o.add_options()("case", po::value<std::vector<std::string>>(), "case id (repeatable; default: every case the actor sees)")
        ("format", po::value<std::string>()->default_value("json"), "json (one array) or jsonl (a case a line)");
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm export --actor ID [--case ID ...] [--format json|jsonl]")) return 0;
    CaseWriter out(case_format(vm["format"].as<std::string>()));
    auto repo = open_store(vm);
    const Actor actor = actor_of(vm);
    std::vector<std::string> ids;
    if (vm.count("case")) ids = vm["case"].as<std::vector<std::string>>();
    else
        for (const auto& s : repo->query(actor, {})) ids.push_back(s.id);
    Progress progress("export");
    std::size_t n = 0;
    for (const auto& id : ids) {   // streamed: one case in memory at a time; each load checked and audited
        out.write(repo->load(actor, id));
        progress.at(++n);
    }
    out.finish();
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
    Progress progress("sweep");
    const auto report = repo->sweep(actor_of(vm), date_option(vm, "on"), policy_of(vm), 500,
                                    [&](std::size_t done, std::size_t) { progress.at(done); });
    print_json(json::to_string(report));
    return 0;
}

}  // namespace jmdcm::cli

namespace jmdcm::cli {

int generate(const std::vector<std::string>& args) {
    po::options_description o("Synthetic cases (no real person's data) on standard output");
    o.add_options()("count", po::value<int>()->default_value(10), "how many")
        ("seed", po::value<std::uint64_t>()->default_value(1), "seed: the same seed gives the same cases")
        ("case-workers", po::value<int>()->default_value(20), "spread over fk-01 .. fk-NN")
        ("format", po::value<std::string>()->default_value("json"), "json (one array) or jsonl (a case a line)")
        ("structure", po::value<std::string>(), "JSON file: the population's invented structure (what drives outcomes; "
                                                 "members left out keep their defaults, see README)");
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm generate [--count N] [--seed S] [--case-workers N] [--structure FILE] [--format json|jsonl] > cases.json")) return 0;
    const int count = vm["count"].as<int>();
    if (count < 0) fail(errc::invalid_argument, "", "--count", "count must not be negative");
    SyntheticOptions so;
    so.seed = vm["seed"].as<std::uint64_t>();
    so.case_workers = vm["case-workers"].as<int>();
    if (so.case_workers < 1) fail(errc::invalid_argument, "", "--case-workers", "at least one case worker");
    if (vm.count("structure")) {
        so.structure = json::from_string<PopulationStructure>(read_file(vm["structure"].as<std::string>()), {.reject_unknown_fields = true});
        validate(so.structure);
    }
    CaseWriter out(case_format(vm["format"].as<std::string>()));
    Progress progress("generate");
    for (int i = 0; i < count; ++i) {
        out.write(synthetic_case(so, static_cast<std::uint64_t>(i)));
        progress.at(static_cast<std::size_t>(i) + 1);
    }
    out.finish();
    return 0;
}

}  // namespace jmdcm::cli
