// Per-call overhead of the C ABI (issue 4): each ABI document call against the same work
// done by a C++ host through the core directly, in the same run. Both sides read the
// JSON document, apply the rule and write the result; what the ratio shows is what the
// boundary adds (guard, argument checks, the step table, the malloc'ed copy for the host).
// Target: ABI time / C++ time at most 1.3 for each pair.
#include "ratio_reporter.hpp"

#include "jmdcm/jmdcm.h"
#include "jmdcm/jmdcm.hpp"
#include "jmdcm/sqlite/sqlite_repository.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>
#include <stdexcept>

using namespace jmdcm;

namespace {

const char* const worker_json = R"({"id":"fk-01","role":"case_worker"})";
const Actor worker{"fk-01", Role::case_worker};

/// A running synthetic case in the implementation phase, as a document (not timed).
const std::string& running_case() {
    static const std::string doc = [] {
        for (std::uint64_t i = 0;; ++i) {
            Case c = synthetic_case({}, i);
            if (is_running(c) && c.phase == Phase::implementation) {
                c.case_worker = "fk-01";
                return json::to_string(c);
            }
        }
    }();
    return doc;
}
Date entry_day() { return json::from_string<Case>(running_case()).last_activity + boost::gregorian::days(1); }
std::string journal_input() {
    JournalEntry e;
    e.date = entry_day();
    e.note = "Gespräch zur Wohnungssuche";
    return json::to_string(e);
}

void check(jmdcm_status s) {
    if (s != JMDCM_OK) throw std::runtime_error(jmdcm_last_error());
}

// ---------------------------------------------------------------- R14 report on a document
void Cxx_requirements(benchmark::State& state) {
    const std::string& doc = running_case();
    for (auto _ : state) benchmark::DoNotOptimize(json::to_string(minimum_requirements(json::from_string<Case>(doc))));
}
void Abi_requirements(benchmark::State& state) {
    const std::string& doc = running_case();
    for (auto _ : state) {
        char* out = nullptr;
        check(jmdcm_case_requirements(&out, doc.c_str()));
        benchmark::DoNotOptimize(out);
        jmdcm_string_free(out);
    }
}

// ---------------------------------------------------------------- a step: a journal entry
void Cxx_step_journal(benchmark::State& state) {
    const std::string& doc = running_case();
    const std::string input = journal_input();
    for (auto _ : state) {
        Case c = json::from_string<Case>(doc);
        add_journal_entry(c, json::from_string<JournalEntry>(input), Policy{});
        benchmark::DoNotOptimize(json::to_string(c));
    }
}
void Abi_step_journal(benchmark::State& state) {
    const std::string& doc = running_case();
    const std::string input = journal_input();
    for (auto _ : state) {
        char* out = nullptr;
        check(jmdcm_case_step(&out, doc.c_str(), "add_journal_entry", input.c_str(), nullptr));
        benchmark::DoNotOptimize(out);
        jmdcm_string_free(out);
    }
}

// ---------------------------------------------------------------- a small rule: retention decision
std::string retention_input() { return R"({"case":)" + running_case() + R"(,"on":"2030-01-01"})"; }
struct CaseOn { Case case_; Date on; };
BOOST_DESCRIBE_STRUCT(CaseOn, (), (case_, on))
void Cxx_rule_retention(benchmark::State& state) {
    const std::string input = retention_input();
    for (auto _ : state) {
        const auto in = json::from_string<CaseOn>(input);
        benchmark::DoNotOptimize(json::to_string(retention_decision(in.case_, in.on, Policy{})));
    }
}
void Abi_rule_retention(benchmark::State& state) {
    const std::string input = retention_input();
    for (auto _ : state) {
        char* out = nullptr;
        check(jmdcm_rule_evaluate(&out, "retention_decision", input.c_str(), nullptr));
        benchmark::DoNotOptimize(out);
        jmdcm_string_free(out);
    }
}

// ---------------------------------------------------------------- a load from a memory store
void Cxx_store_load(benchmark::State& state) {
    MemoryRepository repo;
    Case c = json::from_string<Case>(running_case());
    repo.create(worker, c);
    for (auto _ : state) benchmark::DoNotOptimize(json::to_string(repo.load(worker, c.id)));
}
void Abi_store_load(benchmark::State& state) {
    jmdcm_store* store = nullptr;
    check(jmdcm_store_open_memory(&store, nullptr));
    char* created = nullptr;
    check(jmdcm_case_create(&created, store, worker_json, running_case().c_str()));
    jmdcm_string_free(created);
    const std::string id = json::from_string<Case>(running_case()).id;
    for (auto _ : state) {
        char* out = nullptr;
        check(jmdcm_case_load(&out, store, worker_json, id.c_str()));
        benchmark::DoNotOptimize(out);
        jmdcm_string_free(out);
    }
    jmdcm_store_free(store);
}

// ---------------------------------------------------------------- a step on a stored case (SQLite)
/// A SQLite file of `n` copies of the running case, in a private temporary directory.
struct StepFile {
    std::filesystem::path dir;
    std::vector<std::string> ids;
    explicit StepFile(const char* name, std::size_t n) {
        dir = std::filesystem::temp_directory_path() / ("jmdcm-step-" + std::to_string(::getpid()) + "-" + name);
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        SqliteOptions o;
        o.path = path();
        SqliteRepository repo(o);
        repo.transact(worker, [&](CaseStore& tx) {
            for (std::size_t i = 0; i < n; ++i) {
                Case c = json::from_string<Case>(running_case());
                c.id = "STEP-" + std::to_string(i);
                tx.create(worker, c);
                ids.push_back(c.id);
            }
        });
    }
    ~StepFile() { std::filesystem::remove_all(dir); }
    std::string path() const { return (dir / "steps.sqlite").string(); }
};

// A journal entry on one of 1,000 stored cases in turn: load, access check, the step's rule,
// the judge of the change, save with its fsync, audit; the ABI adds the JSON of input and answer.
void Cxx_store_step_sqlite(benchmark::State& state) {
    const StepFile file("cxx", 1000);
    SqliteOptions o;
    o.path = file.path();
    SqliteRepository repo(o);
    const JournalEntry entry = json::from_string<JournalEntry>(journal_input());
    std::vector<double> us;
    std::size_t k = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const Case c = repo.step(worker, file.ids[k++ % file.ids.size()], 0, "add_journal_entry", [&](Case& cur) {
            add_journal_entry(cur, entry, Policy{});
            return std::vector<Case>{};
        });
        benchmark::DoNotOptimize(json::to_string(c));
        us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
    bench::report_percentiles(state, us);
}
void Abi_store_step_sqlite(benchmark::State& state) {
    const StepFile file("abi", 1000);
    jmdcm_store* store = nullptr;
    check(jmdcm_store_open_sqlite(&store, file.path().c_str(), nullptr));
    const std::string input = journal_input();
    std::vector<double> us;
    std::size_t k = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        char* out = nullptr;
        check(jmdcm_store_step(&out, store, worker_json, file.ids[k++ % file.ids.size()].c_str(), 0, "add_journal_entry",
                               input.c_str(), nullptr));
        benchmark::DoNotOptimize(out);
        jmdcm_string_free(out);
        us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
    jmdcm_store_free(store);
    bench::report_percentiles(state, us);
}

/// The floor of a stored step on this disk, in the same run: raw SQLite reads the same
/// document and writes it back with a journal entry's bytes added, with the store's pragmas
/// and one synced commit a step (WAL, synchronous=FULL: one fdatasync). No parsing, rule,
/// audit or index.
void Raw_rewrite_sqlite(benchmark::State& state) {
    const StepFile file("raw", 1000);
    sqlite3* db = nullptr;
    sqlite3_open(file.path().c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON", nullptr, nullptr, nullptr);
    sqlite3_stmt* get = nullptr;
    sqlite3_stmt* put = nullptr;
    sqlite3_prepare_v2(db, "SELECT doc FROM cases WHERE id = ?", -1, &get, nullptr);
    sqlite3_prepare_v2(db, "UPDATE cases SET doc = ?2 WHERE id = ?1", -1, &put, nullptr);
    const std::string entry = journal_input();
    std::vector<double> us;
    std::size_t k = 0;
    std::string doc;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::string& id = file.ids[k++ % file.ids.size()];
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_text(get, 1, id.c_str(), -1, SQLITE_STATIC);
        if (sqlite3_step(get) == SQLITE_ROW)
            doc.assign(reinterpret_cast<const char*>(sqlite3_column_text(get, 0)), static_cast<std::size_t>(sqlite3_column_bytes(get, 0)));
        sqlite3_reset(get);
        // the bytes a journal entry adds (SQLite writes nothing for a document that did not change)
        doc.insert(doc.size() - 1, ",\"e" + std::to_string(k) + "\":" + entry);
        sqlite3_bind_text(put, 1, id.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(put, 2, doc.data(), static_cast<int>(doc.size()), SQLITE_STATIC);
        sqlite3_step(put);
        sqlite3_reset(put);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
    sqlite3_finalize(get);
    sqlite3_finalize(put);
    sqlite3_close(db);
    bench::report_percentiles(state, us);
}

BENCHMARK(Cxx_requirements);
BENCHMARK(Abi_requirements);
BENCHMARK(Cxx_step_journal);
BENCHMARK(Abi_step_journal);
BENCHMARK(Cxx_rule_retention);
BENCHMARK(Abi_rule_retention);
BENCHMARK(Cxx_store_load);
BENCHMARK(Abi_store_load);
BENCHMARK(Cxx_store_step_sqlite)->Unit(benchmark::kMicrosecond);
BENCHMARK(Abi_store_step_sqlite)->Unit(benchmark::kMicrosecond);
BENCHMARK(Raw_rewrite_sqlite)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
    const char* target = "ABI / C++ time; target <= 1.3";
    return jmdcm::bench::run(argc, argv,
                             {{"Abi_requirements", "Cxx_requirements", target, true},
                              {"Abi_step_journal", "Cxx_step_journal", target, true},
                              {"Abi_rule_retention", "Cxx_rule_retention", target, true},
                              {"Abi_store_load", "Cxx_store_load", target, true},
                              {"Abi_store_step_sqlite", "Cxx_store_step_sqlite", target + std::string(" (and p50 <= 100 us)"), true},
                              {"Cxx_store_step_sqlite", "Raw_rewrite_sqlite",
                               "a stored step / raw SQLite rewriting the same document in one synced commit (the disk's floor)", true}});
}
