// Crashes on both sides: a client killed (SIGKILL) in the middle of its writes, then the
// server stopped without a shutdown checkpoint (pg_ctl -m immediate) and started again.
// Every write the client had been told was committed is there afterwards, each case whole;
// and a store opened before the restart carries on with a new connection.
#include "../storage/storage_fixtures.hpp"

#include <csignal>
#include <cstdio>
#include <set>

#include <sys/wait.h>
#include <unistd.h>

using namespace jmdcm;
using namespace jmdcm::test;

TEST(PostgresCrash, EveryAcknowledgedWriteSurvivesAKilledClientAndAnImmediateRestart) {
    const char* cluster = std::getenv("JMDCM_TEST_PG_CLUSTER");
    const char* dir_of_cluster = std::getenv("JMDCM_TEST_PG_DIR");
    ASSERT_TRUE(cluster && dir_of_cluster) << "run through ctest";
    TempDir dir;
    const std::string conninfo = pg_schema(dir.tag());
    PostgresRepository survivor({conninfo, true}, options_with(nullptr));
    Case first = case_at(Stage::implementing);
    first.id = "BEFORE";
    survivor.create(worker, first);

    int acks[2];
    ASSERT_EQ(pipe(acks), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(acks[0]);
        try {
            PostgresRepository repo({conninfo, true}, options_with(nullptr));
            for (int i = 0;; ++i) {
                Case c = case_at(Stage::implementing);
                c.id = "C-" + std::to_string(i);
                repo.create(worker, c);  // returns only after COMMIT was acknowledged
                const std::string line = c.id + "\n";
                if (write(acks[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(2);
            }
        } catch (...) {
            _exit(1);
        }
    }
    close(acks[1]);
    std::set<std::string> acknowledged;
    std::string pending;
    char buf[256];
    while (acknowledged.size() < 60) {
        const ssize_t n = read(acks[0], buf, sizeof buf);
        ASSERT_GT(n, 0) << "the writer stopped early";
        pending.append(buf, static_cast<std::size_t>(n));
        for (std::size_t nl; (nl = pending.find('\n')) != std::string::npos; pending.erase(0, nl + 1))
            acknowledged.insert(pending.substr(0, nl));
    }
    kill(child, SIGKILL);  // in the middle of a transaction, most likely
    int status = 0;
    waitpid(child, &status, 0);
    for (ssize_t n; (n = read(acks[0], buf, sizeof buf)) > 0;) pending.append(buf, static_cast<std::size_t>(n));
    for (std::size_t nl; (nl = pending.find('\n')) != std::string::npos; pending.erase(0, nl + 1))
        acknowledged.insert(pending.substr(0, nl));
    close(acks[0]);

    const std::string restart = std::string(cluster) + " restart-immediate " + dir_of_cluster;
    ASSERT_EQ(std::system(restart.c_str()), 0);

    // the store opened before the restart reconnects at its next transaction
    const auto stored = survivor.query(lead, {});
    std::set<std::string> ids;
    for (const auto& s : stored) ids.insert(s.id);
    for (const auto& id : acknowledged) EXPECT_TRUE(ids.count(id)) << id << " was acknowledged and is gone";
    EXPECT_TRUE(ids.count("BEFORE"));
    for (const auto& s : stored) EXPECT_EQ(survivor.load(worker, s.id).version, 1);  // every stored case is whole
    EXPECT_LE(ids.size(), acknowledged.size() + 2);  // at most the one in flight besides
}
