// step, audit: a step of the method on a stored case, and the audit trail.
#include "common.hpp"
#include "tabular.hpp"

#include "jmdcm/steps.hpp"

#include <iostream>

namespace jmdcm::cli {

int step(const std::vector<std::string>& args) {
    auto o = store_options(Role::case_worker);
    o.add_options()("case", po::value<std::string>()->required(), "case id")
        ("step", po::value<std::string>()->required(), "the step's name (record_consent, refer, close_case, ...)")
        ("input", po::value<std::string>()->required(), "the step's input: a JSON file, or - for standard input")
        ("expected-version", po::value<std::int64_t>()->default_value(0), "refuse unless the case is at this version (0: any)");
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm step --actor ID --case ID --step NAME --input FILE|- [--expected-version N]")) return 0;
    const auto path = vm["input"].as<std::string>();
    const std::string input = path == "-" ? std::string(std::istreambuf_iterator<char>(std::cin), {}) : read_file(path);
    auto repo = open_store(vm);
    print_json(json::to_string(run_step(*repo, actor_of(vm), vm["case"].as<std::string>(), vm["expected-version"].as<std::int64_t>(),
                                        vm["step"].as<std::string>(), input, policy_of(vm))));
    return 0;
}

int audit(const std::vector<std::string>& args) {
    auto o = store_options(Role::administrator);
    o.add_options()("case", po::value<std::string>(), "only this case")
        ("by", po::value<std::string>(), "only this actor")
        ("operation", po::value<std::string>(), "only this operation (load, save, query, ...)")
        ("from", po::value<std::string>(), "first day (YYYY-MM-DD, UTC)")
        ("to", po::value<std::string>(), "last day (YYYY-MM-DD, UTC)")
        ("limit", po::value<std::size_t>()->default_value(0), "at most this many records (0: all)");
    add_format_options(o);
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm audit --actor ID [--role R] [--case ID] [--by ACTOR] [--operation OP] [--from D] [--to D] [--format table|csv|json]"))
        return 0;
    AuditQuery q;
    if (vm.count("case")) q.case_id = vm["case"].as<std::string>();
    if (vm.count("by")) q.actor = vm["by"].as<std::string>();
    if (vm.count("operation")) q.operation = enum_option<Operation>(vm, "operation");
    if (vm.count("from")) q.from = date_option(vm, "from");
    if (vm.count("to")) q.to = date_option(vm, "to");
    q.limit = vm["limit"].as<std::size_t>();
    auto repo = open_store(vm);
    print_report(vm, "audit", repo->audit_trail(actor_of(vm), q));
    return 0;
}

}  // namespace jmdcm::cli
