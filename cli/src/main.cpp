// jmdcm: the administrators' command line. `jmdcm <command> --help` for each command.
#include "common.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

using namespace jmdcm;
using namespace jmdcm::cli;

const std::vector<Command>& jmdcm::cli::commands() {
    static const std::vector<Command> table = {
        {"demo", "the handbook's worked example on a fresh store, with its documents", demo},
        {"generate", "synthetic cases as JSON, for trying things out", generate},
        {"import", "create cases from a JSON file (one case or an array), all or none", import_cases},
        {"export", "cases as JSON (access-checked and audited)", export_cases},
        {"migrate", "move an office's store (SQLite file) to a PostgreSQL server, all or nothing", migrate},
        {"step", "one step of the method on a stored case, under its rules, in one transaction", step},
        {"audit", "who did what to which case, never values (GDPR Art. 15)", audit},
        {"partners", "list the office's network partners, or import them from JSON (R12)", partners},
        {"sweep", "the retention sweep on a date (R13, administrators)", sweep},
        {"statistics", "anonymised statistics with cell suppression (R12, R15)", statistics},
        {"gaps", "supply gaps bundled by area, partner kind, region and period (R12)", supply_gaps},
        {"network", "the network map and the year's cooperations to review (R12)", network},
        {"agenda", "a case worker's agenda for a date range", agenda},
        {"render", "plan or evaluation as HTML (or PDF), assessment as SVG radar chart", render},
        {"keygen", "a new key-encryption key file for per-case keys", keygen},
        {"seal", "convert a store to per-case keys: seal every case stored in clear (administrators)", seal},
        {"rotate", "re-wrap every case key under a new key-encryption key, touching no case", rotate},
    };
    return table;
}

namespace {

int usage(std::ostream& out) {
    out << "jmdcm " << JMDCM_VERSION_STRING << ": case management of the youth migration services\n"
        << "usage: jmdcm <command> [options]   (jmdcm <command> --help)\n\n";
    for (const auto& c : commands()) out << "  " << c.name << std::string(12 - std::string(c.name).size(), ' ') << c.help << "\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage(std::cerr);
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        usage(std::cout);
        return 0;
    }
    if (name == "--version") {
        std::cout << JMDCM_VERSION_STRING << "\n";
        return 0;
    }
    const std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& c : commands()) {
        if (name != c.name) continue;
        try {
            const int rc = c.run(args);
            // output that did not reach its file (a full disk, a closed pipe) fails the command
            std::cout.flush();
            if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout))
                fail(errc::storage, "", "stdout", std::string("writing the output failed: ") + std::strerror(errno));
            return rc;
        } catch (const jmdcm::error& e) {  // names the rule and the field
            std::cerr << "jmdcm " << name << ": " << e.what() << "\n";
            return 1;
        } catch (const po::error& e) {
            std::cerr << "jmdcm " << name << ": " << e.what() << " (see jmdcm " << name << " --help)\n";
            return 2;
        } catch (const std::exception& e) {
            std::cerr << "jmdcm " << name << ": " << e.what() << "\n";
            return 1;
        }
    }
    std::cerr << "jmdcm: unknown command '" << name << "'\n";
    return usage(std::cerr);
}
