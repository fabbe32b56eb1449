// render plan | evaluation | chart.
#include "common.hpp"
#include "pdf.hpp"

#include <iostream>

namespace jmdcm::cli {

int render(const std::vector<std::string>& args) {
    auto o = store_options(Role::case_worker);
    o.add_options()
        ("what", po::value<std::string>()->required(), "plan, evaluation or chart")
        ("case", po::value<std::string>()->required(), "case id")
        ("lang", po::value<std::string>()->default_value("de"), "de, en or plain")
        ("version", po::value<int>(), "plan version (default: the current plan)")
        ("first", po::value<std::string>(), "chart: date of the first assessment")
        ("second", po::value<std::string>(), "chart: date of the assessment to compare")
        ("out", po::value<std::string>(), "file to write (default: standard output)")
        ("pdf", po::value<std::string>(), "plan or evaluation: also print to this PDF file (needs chromium)");
    po::positional_options_description pos;
    pos.add("what", 1);
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm render plan|evaluation|chart --actor ID --case ID [--lang de|en|plain] [--out F] [--pdf F]",
               &pos))
        return 0;
    auto repo = open_store(vm);
    const Case c = repo->load(actor_of(vm), vm["case"].as<std::string>());  // checked and audited
    const Policy policy = policy_of(vm);
    const auto language = enum_option<Language>(vm, "lang");
    const auto what = vm["what"].as<std::string>();
    std::string out;
    if (what == "plan" || what == "evaluation") {
        RenderOptions ro{language, std::nullopt};
        if (vm.count("version")) ro.plan_version = vm["version"].as<int>();
        out = what == "plan" ? plan_html(c, ro) : evaluation_html(c, ro, policy);
        if (vm.count("pdf")) html_to_pdf(out, vm["pdf"].as<std::string>());
    } else if (what == "chart") {
        if (vm.count("pdf")) fail(errc::invalid_argument, "", "--pdf", "the chart is SVG; print it from a document");
        RadarOptions ro;
        ro.language = language;
        if (vm.count("first")) ro.first = date_option(vm, "first");
        if (vm.count("second")) ro.second = date_option(vm, "second");
        out = radar_svg(c, ro, policy);
    } else {
        fail(errc::invalid_argument, "", "what", "render plan, evaluation or chart, not '" + what + "'");
    }
    if (vm.count("out")) write_file(vm["out"].as<std::string>(), out);
    else std::cout << out;
    return 0;
}

}  // namespace jmdcm::cli
