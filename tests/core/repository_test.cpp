// The repository contract on the in-memory store: versions, conflicts, queries,
// transactions, audit, threads. (The SQLite store will run the same contract.)
#include "fixtures.hpp"

#include <atomic>
#include <thread>

using namespace jmdcm;
using namespace jmdcm::test;

namespace {
const Actor worker{"fk-1", Role::case_worker};
}

TEST(Repository, CreateLoadSaveKeepVersions) {
    MemoryRepository repo;
    Case c = case_at(Stage::consented);
    repo.create(worker, c);
    EXPECT_EQ(c.version, 1);
    Case loaded = repo.load(worker, "T-1");
    EXPECT_EQ(json::to_string(loaded), json::to_string(c));
    add_journal_entry(loaded, {d(2020, 2, 1), ContactKind::phone, ContactTopic::counselling, true, {}, "Anruf"}, Policy{});
    repo.save(worker, loaded);
    EXPECT_EQ(loaded.version, 2);
    EXPECT_EQ(repo.load(worker, "T-1").journal.size(), 1u);
}

TEST(Repository, AStaleSaveIsAConflictAndOverwritesNothing) {
    MemoryRepository repo;
    Case c = case_at(Stage::consented);
    repo.create(worker, c);
    Case a = repo.load(worker, "T-1");
    Case b = repo.load(worker, "T-1");
    a.office = "A";
    repo.save(worker, a);
    b.office = "B";
    auto e = error_of([&] { repo.save(worker, b); });
    EXPECT_EQ(e.code(), errc::conflict);
    EXPECT_EQ(b.version, 1);
    EXPECT_EQ(repo.load(worker, "T-1").office, "A");
}

TEST(Repository, DuplicateCreateAndMissingCasesAreErrors) {
    MemoryRepository repo;
    Case c = case_at(Stage::opened);
    repo.create(worker, c);
    Case again = case_at(Stage::opened);
    EXPECT_EQ(error_of([&] { repo.create(worker, again); }).code(), errc::already_exists);
    EXPECT_EQ(error_of([&] { repo.load(worker, "nope"); }).code(), errc::not_found);
    Case ghost = case_at(Stage::opened);
    ghost.id = "ghost";
    EXPECT_EQ(error_of([&] { repo.save(worker, ghost); }).code(), errc::not_found);
}

TEST(Repository, QueriesByCaseWorkerPhaseAndLastContact) {
    MemoryRepository repo;
    for (int i = 0; i < 6; ++i) {
        Case c = case_at(i % 2 ? Stage::implementing : Stage::consented);
        c.id = "C" + std::to_string(i);
        c.case_worker = i < 4 ? "fk-1" : "fk-2";
        if (i == 5)
            add_journal_entry(c, {d(2020, 5, 1), ContactKind::phone, ContactTopic::counselling, true, {}, {}}, Policy{});
        repo.create({c.case_worker, Role::case_worker}, c);
    }
    const Actor lead{"tl-1", Role::team_lead};
    CaseQuery by_worker;
    by_worker.case_worker = "fk-1";
    EXPECT_EQ(repo.query(lead, by_worker).size(), 4u);
    EXPECT_EQ(repo.query(worker, {}).size(), 4u);  // a case worker sees only their own cases
    CaseQuery by_phase;
    by_phase.phase = Phase::implementation;
    const auto impl = repo.query(lead, by_phase);
    ASSERT_EQ(impl.size(), 3u);
    EXPECT_EQ(impl[0].id, "C1");
    CaseQuery silent;
    silent.last_contact_before = d(2020, 3, 1);
    EXPECT_EQ(repo.query(lead, silent).size(), 5u);
    CaseQuery limited;
    limited.limit = 2;
    EXPECT_EQ(repo.query(lead, limited).size(), 2u);
}

TEST(Repository, AFailedTransactionLeavesNothingBehind) {
    MemoryRepository repo;
    Case first = case_at(Stage::opened);
    repo.create(worker, first);
    EXPECT_THROW(repo.transact(worker, [&](CaseStore& tx) {
        Case c = case_at(Stage::opened);
        c.id = "T-2";
        tx.create(worker, c);
        Case loaded = tx.load(worker, "T-1");
        loaded.office = "changed";
        tx.save(worker, loaded);
        EXPECT_EQ(tx.query(worker, {}).size(), 2u);  // the transaction sees its own writes
        fail(errc::internal, "", "", "boom");
    }), error);
    EXPECT_EQ(repo.query(worker, {}).size(), 1u);
    EXPECT_EQ(repo.load(worker, "T-1").office, "JMD Test");
    repo.transact(worker, [&](CaseStore& tx) {
        Case c = case_at(Stage::opened);
        c.id = "T-2";
        tx.create(worker, c);
    });
    EXPECT_EQ(repo.query(worker, {}).size(), 2u);
}

TEST(Repository, EveryAccessIsAuditedWithoutPersonalValues) {
    MemoryAuditSink audit;
    MemoryRepository repo({.audit = &audit, .clock = [] { return std::string("2026-11-23T10:00:00Z"); }});
    example::run_samira(repo, worker, Policy{});
    EXPECT_THROW(repo.load({"fk-9", Role::team_lead}, "missing"), error);
    const auto records = audit.records();
    ASSERT_GE(records.size(), 11u);
    EXPECT_EQ(records.front().operation, Operation::create);
    EXPECT_EQ(records.back().allowed, false);
    EXPECT_EQ(records.back().detail, "not_found");
    EXPECT_EQ(records.back().actor, "fk-9");
    const std::string all = json::to_string(records);
    for (const char* personal : {"Samira", "Beispiel", "60386", "1994"}) EXPECT_EQ(all.find(personal), std::string::npos) << personal;
}

TEST(Repository, ConcurrentWritersNeitherLoseNorCorruptCases) {
    MemoryRepository repo;
    std::atomic<int> conflicts{0};
    Case shared = case_at(Stage::consented);
    shared.id = "shared";
    repo.create(worker, shared);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                Case c = case_at(Stage::opened);
                c.id = "W" + std::to_string(t) + "-" + std::to_string(i);
                repo.create(worker, c);
                for (;;) {  // optimistic retry loop on the shared case
                    Case s = repo.load(worker, "shared");
                    s.journal.push_back({d(2020, 2, 1), ContactKind::phone, ContactTopic::other, false, {}, {}});
                    try {
                        repo.save(worker, s);
                        break;
                    } catch (const error& e) {
                        ASSERT_EQ(e.code(), errc::conflict);
                        ++conflicts;
                    }
                }
            }
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(repo.query(worker, {}).size(), 201u);
    const Case s = repo.load(worker, "shared");
    EXPECT_EQ(s.journal.size(), 200u);
    EXPECT_EQ(s.version, 201);
}
