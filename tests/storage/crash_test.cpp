// Crash safety: a writer process is killed with SIGKILL at random moments; after every
// kill the file passes integrity_check and every case whose save had returned is intact.
#include "storage_fixtures.hpp"

#include <csignal>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

/// The child: creates and saves cases for ever, reporting "id version\n" on `out` after
/// each call has returned. Never returns.
[[noreturn]] void writer(const std::string& path, int out, int round) {
    try {
        SqliteRepository repo(sqlite_at(path), options_with(nullptr));
        for (int i = 0;; ++i) {
            Case c = case_at(Stage::implementing);
            c.id = "R" + std::to_string(round) + "-" + std::to_string(i);
            repo.create(worker, c);
            for (int k = 0; k < 3; ++k) {
                add_journal_entry(c, {d(2020, 2, 1 + k), ContactKind::phone, ContactTopic::counselling, true, {}, "Gespräch"}, Policy{});
                repo.save(worker, c);
            }
            const std::string ack = c.id + " " + std::to_string(c.version) + "\n";
            if (write(out, ack.data(), ack.size()) != static_cast<ssize_t>(ack.size())) _exit(3);
        }
    } catch (...) {
        _exit(2);
    }
}
}  // namespace

TEST(Crash, SigkillNeverLosesACaseWhoseSaveHadReturned) {
    TempDir dir;
    const auto path = dir.file("db.sqlite");
    { SqliteRepository init(sqlite_at(path), options_with(nullptr)); }
    std::mt19937 rng(20161005);  // seeded: the same kill moments every run
    std::map<std::string, std::int64_t> acked;
    for (int round = 0; round < 25; ++round) {
        int fds[2];
        ASSERT_EQ(pipe(fds), 0);
        const pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            close(fds[0]);
            writer(path, fds[1], round);
        }
        close(fds[1]);
        // Kill at a random moment once the writer is under way, however fast this build is
        // (a sanitizer build writes several times slower than a release build).
        std::string acks;
        char buf[4096];
        while (acks.find('\n') == std::string::npos) {
            const ssize_t n = read(fds[0], buf, sizeof buf);
            ASSERT_GT(n, 0) << "the writer died before its first save";
            acks.append(buf, static_cast<std::size_t>(n));
        }
        usleep(std::uniform_int_distribution<useconds_t>(0, 40'000)(rng));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself with " << WEXITSTATUS(status);
        for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) acks.append(buf, static_cast<std::size_t>(n));
        close(fds[0]);
        std::istringstream lines(acks);
        for (std::string id; lines >> id;) lines >> acked[id];

        SqliteRepository repo(sqlite_at(path), options_with(nullptr));
        ASSERT_TRUE(repo.integrity_ok()) << "round " << round;
        for (const auto& [id, version] : acked) {
            const Case c = repo.load(worker, id);
            ASSERT_EQ(c.version, version) << id;
            ASSERT_EQ(c.journal.size(), 3u) << id;
        }
    }
    EXPECT_GE(acked.size(), 25u) << "every round waits for at least one acknowledged case";
    RecordProperty("acknowledged_cases", static_cast<int>(acked.size()));
}
