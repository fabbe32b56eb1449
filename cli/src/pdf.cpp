#include "pdf.hpp"

#include "common.hpp"

#include <cctype>
#include <csignal>
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

namespace {

/// A file URL for `path`: every byte but unreserved ones and '/' percent-encoded (RFC 3986),
/// so that a '#', '?', '%' or space in $TMPDIR stays part of the path.
std::string file_url(const fs::path& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string url = "file://";
    for (unsigned char ch : path.string()) {
        if (std::isalnum(ch) || ch == '/' || ch == '-' || ch == '.' || ch == '_' || ch == '~') url += static_cast<char>(ch);
        else url += {'%', hex[ch >> 4], hex[ch & 15]};
    }
    return url;
}

/// The private directory with the HTML copy (personal data) never outlives this command,
/// however it ends: a watchdog process, forked before anything is written, waits for the
/// pipe from us to close (our normal end, SIGTERM, SIGKILL, a crash alike), then stops
/// chromium (whose pid we send it) and removes the directory.
class PrivateDir {
public:
    PrivateDir() {
        std::string tmpl = (fs::temp_directory_path() / "jmdcm-pdf-XXXXXX").string();
        if (!::mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temporary directory");   // mode 0700
        dir_ = tmpl;
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            remove();
            throw std::runtime_error("cannot create the cleanup pipe");
        }
        const pid_t watchdog = ::fork();
        if (watchdog == 0) {   // the watchdog: only reads, kills and removes
            ::close(fds[1]);
            pid_t chromium = 0;
            pid_t got = 0;
            ssize_t n;
            while ((n = ::read(fds[0], &got, sizeof got)) != 0)
                if (n == static_cast<ssize_t>(sizeof got)) chromium = got;
            if (chromium > 0) ::kill(chromium, SIGKILL);
            remove();
            ::_exit(0);
        }
        ::close(fds[0]);
        if (watchdog < 0) {
            ::close(fds[1]);
            remove();
            throw std::runtime_error("cannot start the cleanup process");
        }
        watchdog_ = watchdog;
        pipe_ = fds[1];
    }
    ~PrivateDir() {
        remove();
        ::close(pipe_);   // the watchdog finds nothing left and ends
        while (::waitpid(watchdog_, nullptr, 0) < 0 && errno == EINTR) {
        }
    }
    PrivateDir(const PrivateDir&) = delete;
    PrivateDir& operator=(const PrivateDir&) = delete;

    const fs::path& path() const { return dir_; }
    void watch(pid_t chromium) { (void)!::write(pipe_, &chromium, sizeof chromium); }
    void reaped() {   // chromium is gone: its pid may be reused, so the watchdog forgets it
        const pid_t none = 0;
        (void)!::write(pipe_, &none, sizeof none);
    }

private:
    void remove() noexcept {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    fs::path dir_;
    pid_t watchdog_ = -1;
    int pipe_ = -1;
};

}  // namespace

void html_to_pdf(const std::string& html, const std::string& pdf) {
    const auto chromium = find_chromium();
    if (!chromium) throw std::runtime_error("PDF needs Debian's chromium (apt-get install chromium) or $JMDCM_CHROMIUM");
    PrivateDir dir;
    const fs::path page = dir.path() / "document.html";
    write_file(page.string(), html);   // mode 0600
    const std::string target = fs::absolute(pdf).string();
    write_file(target, "");   // the PDF holds personal data too: created 0600 before chromium fills it
    const std::string out = "--print-to-pdf=" + target;
    const std::string profile = "--user-data-dir=" + (dir.path() / "profile").string();
    std::vector<std::string> argv_s = {*chromium, "--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
                                       profile, out, file_url(page)};
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
    dir.watch(pid);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    dir.reaped();
    ::chmod(target.c_str(), 0600);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fs::exists(pdf) || fs::file_size(pdf) == 0)
        throw std::runtime_error("chromium could not print '" + pdf + "'");
}

}  // namespace jmdcm::cli
