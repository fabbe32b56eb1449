#include "pdf.hpp"

#include "common.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace jmdcm::cli {
namespace fs = std::filesystem;

std::optional<std::string> find_chromium() {
    if (const char* env = std::getenv("JMDCM_CHROMIUM"); env && *env) return std::string(env);
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (const char* name : {"chromium", "chromium-browser"}) {
        std::size_t start = 0;
        while (start <= dirs.size()) {
            const auto end = dirs.find(':', start);
            const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
            if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    return std::nullopt;
}

void html_to_pdf(const std::string& html, const std::string& pdf) {
    const auto chromium = find_chromium();
    if (!chromium) throw std::runtime_error("PDF needs Debian's chromium (apt-get install chromium) or $JMDCM_CHROMIUM");
    std::string dir_template = (fs::temp_directory_path() / "jmdcm-pdf-XXXXXX").string();
    if (!::mkdtemp(dir_template.data())) throw std::runtime_error("cannot create a temporary directory");
    const fs::path dir = dir_template;  // mkdtemp: mode 0700
    struct Cleanup {
        fs::path dir;
        ~Cleanup() { std::error_code ec; fs::remove_all(dir, ec); }
    } cleanup{dir};
    const fs::path page = dir / "document.html";
    write_file(page.string(), html);
    ::chmod(page.c_str(), 0600);
    const std::string out = "--print-to-pdf=" + fs::absolute(pdf).string();
    const std::string profile = "--user-data-dir=" + (dir / "profile").string();
    const std::string url = "file://" + page.string();
    std::vector<std::string> argv_s = {*chromium, "--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
                                       profile, out, url};
    if (::geteuid() == 0) argv_s.insert(argv_s.begin() + 1, "--no-sandbox");  // chromium refuses root otherwise
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;  // chromium's chatter stays out of our output
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start '" + *chromium + "'");
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fs::exists(pdf) || fs::file_size(pdf) == 0)
        throw std::runtime_error("chromium could not print '" + pdf + "'");
}

}  // namespace jmdcm::cli
