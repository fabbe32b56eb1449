// statistics, gaps, network, agenda: JSON, or tables for a person or a spreadsheet (--format).
#include "common.hpp"
#include "tabular.hpp"

namespace jmdcm::cli {

int statistics(const std::vector<std::string>& args) {
    auto o = store_options(Role::statistics);
    o.add_options()("on", po::value<std::string>()->required(), "report date (YYYY-MM-DD)")
        ("min-cell", po::value<int>()->default_value(3), "smallest count published");
    add_format_options(o);
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm statistics --actor ID --on DATE [--min-cell N] [--format table|csv|json] [--table NAME]")) return 0;
    auto repo = open_store(vm);
    print_report(vm, "statistics", repo->statistics_report(actor_of(vm), {}, date_option(vm, "on"), vm["min-cell"].as<int>()));
    return 0;
}

int supply_gaps(const std::vector<std::string>& args) {
    auto o = store_options(Role::statistics);
    o.add_options()("on", po::value<std::string>()->required(), "report date (YYYY-MM-DD)")
        ("period", po::value<std::string>()->default_value("year"), "year, quarter or month")
        ("from", po::value<std::string>(), "gaps recorded on or after")
        ("to", po::value<std::string>(), "gaps recorded on or before")
        ("min-cell", po::value<int>()->default_value(3), "smallest count published");
    add_format_options(o);
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm gaps --actor ID --on DATE [--period P] [--from D] [--to D] [--format table|csv|json] [--table NAME]")) return 0;
    GapQuery q;
    q.period = enum_option<Period>(vm, "period");
    if (vm.count("from")) q.from = date_option(vm, "from");
    if (vm.count("to")) q.to = date_option(vm, "to");
    q.min_cell = vm["min-cell"].as<int>();
    auto repo = open_store(vm);
    print_report(vm, "supply_gaps", repo->supply_gap_report(actor_of(vm), {}, date_option(vm, "on"), q));
    return 0;
}

int network(const std::vector<std::string>& args) {
    auto o = store_options(Role::team_lead);
    o.add_options()("on", po::value<std::string>()->required(), "date of the map (YYYY-MM-DD)")
        ("due", "print the year's list of cooperations to review instead of the map");
    add_format_options(o);
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm network --actor ID --on DATE [--due] [--format table|csv|json] [--table NAME]")) return 0;
    auto repo = open_store(vm);
    const Actor actor = actor_of(vm);
    const Date on = date_option(vm, "on");
    if (vm.count("due")) print_report(vm, "cooperations_due", cooperations_due(repo->partners(actor), static_cast<int>(on.year()), on));
    else print_report(vm, "network", repo->network_map(actor, on));
    return 0;
}

int agenda(const std::vector<std::string>& args) {
    auto o = store_options(Role::case_worker);
    o.add_options()("from", po::value<std::string>()->required(), "first day (YYYY-MM-DD)")
        ("to", po::value<std::string>()->required(), "last day (YYYY-MM-DD)")
        ("tolerance", po::value<int>()->default_value(0), "days added on each side of the range");
    add_format_options(o);
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm agenda --actor ID --from DATE --to DATE [--tolerance DAYS] [--format table|csv|json] [--table NAME]")) return 0;
    auto repo = open_store(vm);
    const AgendaQuery q{date_option(vm, "from"), date_option(vm, "to"), vm["tolerance"].as<int>()};
    print_report(vm, "agenda", repo->agenda(actor_of(vm), q, policy_of(vm)));
    return 0;
}

}  // namespace jmdcm::cli
