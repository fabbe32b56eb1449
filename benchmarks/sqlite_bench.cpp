// SQLite store against raw SQLite on the same bytes (issue 3):
//   bulk insert of 100,000 synthetic cases  vs  raw INSERTs of the same JSON documents (into a bare
//                                                 table, and into the store's own schema);
//   point load                              vs  raw SELECT of the document;
//   query of review-due cases among 1,000,000  vs  the same raw SELECT;
//   retention sweep over 1,000,000           vs  a raw pass that reads the candidates and writes the
//                                                 documents the sweep writes;
//   a daily sweep, 1% of 1,000,000 due        vs  the same due cases among 100,000 (its time per
//                                                 due case, not the store's size, should count).
// Sizes can be reduced for a quick look: JMDCM_BENCH_CASES (default 100000) and
// JMDCM_BENCH_POPULATION (default 1000000).
#include "bench_data.hpp"
#include "ratio_reporter.hpp"

#include "jmdcm/jmdcm.hpp"
#include "jmdcm/sqlite/sqlite_repository.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <random>
#include <stdexcept>
#include <unordered_map>

#include <fcntl.h>
#include <unistd.h>
#include <vector>

using namespace jmdcm;
namespace fs = std::filesystem;

namespace {

using bench::env_size;
using bench::seconds_since;
using bench::corpus;

const Actor admin{"ad-1", Role::administrator};
const Date sweep_day = make_date(2022, 6, 1);

fs::path bench_dir() {
    static const fs::path dir = [] {
        fs::path p = fs::temp_directory_path() / ("jmdcm-bench-" + std::to_string(::getpid()));
        fs::create_directories(p);
        return p;
    }();
    return dir;
}

void remove_db(const fs::path& p) {
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(p.string() + s);
}

struct Raw {  // a bare connection with the store's pragmas
    sqlite3* db = nullptr;
    explicit Raw(const fs::path& p) {
        sqlite3_open(p.c_str(), &db);
        exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA cache_size=-32768");
    }
    ~Raw() { sqlite3_close(db); }
    void exec(const char* sql) { sqlite3_exec(db, sql, nullptr, nullptr, nullptr); }
};

SqliteOptions at(const fs::path& p) {
    SqliteOptions o;
    o.path = p.string();
    o.check_on_open = false;  // measured separately; a 1 GB file takes seconds to check
    return o;
}

constexpr std::size_t batch = 1000;

// ---------------------------------------------------------------- bulk insert
void BM_Raw_BulkInsert(benchmark::State& state) {
    const auto& c = corpus();
    for (auto _ : state) {
        const fs::path p = bench_dir() / "raw_insert.sqlite";
        remove_db(p);
        Raw raw(p);
        raw.exec("CREATE TABLE cases(id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL)");
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(raw.db, "INSERT INTO cases(id, doc) VALUES(?,?)", -1, &st, nullptr);
        const auto t0 = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < c.docs.size(); i += batch) {
            raw.exec("BEGIN IMMEDIATE");
            for (std::size_t k = i; k < std::min(c.docs.size(), i + batch); ++k) {
                sqlite3_bind_text(st, 1, c.cases[k].id.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 2, c.docs[k].data(), static_cast<int>(c.docs[k].size()), SQLITE_STATIC);
                sqlite3_step(st);
                sqlite3_reset(st);
            }
            raw.exec("COMMIT");
        }
        state.SetIterationTime(seconds_since(t0));
        sqlite3_finalize(st);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.docs.size()));
}

/// Raw SQLite again, but into the store's own schema (its four indexes, its triggers) with an
/// audit row per case, the summary columns computed before the clock starts: what SQLite
/// itself costs for what the store keeps. Store / this is the library's own share.
void BM_RawSchema_BulkInsert(benchmark::State& state) {
    const auto& c = corpus();
    struct Columns { std::string kind, phase, opened, activity, contact; std::int64_t running, anonymised, reminders; };
    std::vector<Columns> cols;
    cols.reserve(c.cases.size());
    for (const auto& x : c.cases) {
        const CaseSummary s = summarise(x);
        cols.push_back({reflect::enum_name(s.kind), reflect::enum_name(s.phase), to_iso(s.opened), to_iso(s.last_activity),
                        to_iso(s.last_contact), s.running, s.anonymised, s.open_reminders});
    }
    for (auto _ : state) {
        const fs::path p = bench_dir() / "raw_schema_insert.sqlite";
        remove_db(p);
        { SqliteRepository schema(at(p)); }   // the store's tables, indexes and triggers, then closed
        Raw raw(p);
        sqlite3_stmt* st = nullptr;
        sqlite3_stmt* audit = nullptr;
        sqlite3_prepare_v2(raw.db, "INSERT INTO cases(id, version, office, case_worker, kind, phase, running, anonymised, opened, "
                                   "last_activity, last_contact, substitutes, doc, open_reminders) VALUES(?1,1,?2,?3,?4,?5,?6,?7,?8,?9,?10,'',?11,?12)",
                           -1, &st, nullptr);
        sqlite3_prepare_v2(raw.db, "INSERT INTO audit(at, actor, role, case_id, operation, allowed, detail) "
                                   "VALUES('2026-01-01T00:00:00Z','fk-01','case_worker',?1,'create',1,'')", -1, &audit, nullptr);
        const auto t0 = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < c.docs.size(); i += batch) {
            raw.exec("BEGIN IMMEDIATE");
            for (std::size_t k = i; k < std::min(c.docs.size(), i + batch); ++k) {
                const Case& x = c.cases[k];
                const Columns& v = cols[k];
                sqlite3_bind_text(st, 1, x.id.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 2, x.office.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 3, x.case_worker.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 4, v.kind.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 5, v.phase.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_int64(st, 6, v.running);
                sqlite3_bind_int64(st, 7, v.anonymised);
                sqlite3_bind_text(st, 8, v.opened.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 9, v.activity.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 10, v.contact.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 11, c.docs[k].data(), static_cast<int>(c.docs[k].size()), SQLITE_STATIC);
                sqlite3_bind_int64(st, 12, v.reminders);
                sqlite3_step(st);
                sqlite3_reset(st);
                sqlite3_bind_text(audit, 1, x.id.c_str(), -1, SQLITE_STATIC);
                sqlite3_step(audit);
                sqlite3_reset(audit);
            }
            raw.exec("COMMIT");
        }
        state.SetIterationTime(seconds_since(t0));
        sqlite3_finalize(st);
        sqlite3_finalize(audit);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.docs.size()));
}

void BM_Store_BulkInsert(benchmark::State& state) {
    const auto& c = corpus();
    const Actor fk{"fk-01", Role::case_worker};
    for (auto _ : state) {
        const fs::path p = bench_dir() / "store_insert.sqlite";
        remove_db(p);
        SqliteRepository repo(at(p));
        std::vector<Case> work = c.cases;  // create() sets the version in the caller's copy
        const auto t0 = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < work.size(); i += batch)
            repo.transact(fk, [&](CaseStore& tx) {
                for (std::size_t k = i; k < std::min(work.size(), i + batch); ++k) tx.create(fk, work[k]);
            });
        state.SetIterationTime(seconds_since(t0));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.cases.size()));
}

// ---------------------------------------------------------------- point load (on the files above)
void BM_Raw_PointLoad(benchmark::State& state) {
    Raw raw(bench_dir() / "raw_insert.sqlite");
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw.db, "SELECT doc FROM cases WHERE id = ?", -1, &st, nullptr);
    std::mt19937 rng(1);
    const auto& c = corpus();
    std::vector<double> us;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto& id = c.cases[rng() % c.cases.size()].id;
        sqlite3_bind_text(st, 1, id.c_str(), -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) benchmark::DoNotOptimize(sqlite3_column_bytes(st, 0));
        sqlite3_reset(st);
        us.push_back(seconds_since(t0) * 1e6);
    }
    sqlite3_finalize(st);
    bench::report_percentiles(state, us);
}

void BM_Store_PointLoad(benchmark::State& state) {
    SqliteRepository repo(at(bench_dir() / "store_insert.sqlite"));   // audit_batch: the default
    const Actor fk{"fk-01", Role::case_worker};
    std::mt19937 rng(1);
    const auto& c = corpus();
    std::vector<double> us;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(repo.load(fk, c.cases[rng() % c.cases.size()].id));
        us.push_back(seconds_since(t0) * 1e6);
    }
    bench::report_percentiles(state, us);
}

// ---------------------------------------------------------------- a population of 1,000,000
/// A compact case: opened, consent, master data, one contact; a tenth closed. Last
/// activity spread over three years so that some are due for review or closure.
Case population_case(std::uint64_t i) {
    std::mt19937_64 rng(i);
    const Date opened = make_date(2019, 1, 1) + boost::gregorian::days(static_cast<long>(rng() % 1200));
    const std::string worker = "fk-" + std::to_string(1 + rng() % 50);
    return bench::compact_case(i, opened, worker, rng() % 10 == 0);
}

/// Builds the population file once through the store; benchmarks copy it.
const fs::path& population_file() {
    static const fs::path p = [] {
        const fs::path file = bench_dir() / "population.sqlite";
        remove_db(file);
        SqliteOptions o = at(file);
        o.synchronous_full = false;  // set-up only
        SqliteRepository repo(o);
        const std::size_t n = env_size("JMDCM_BENCH_POPULATION", 1000000);
        for (std::size_t i = 0; i < n; i += 10000)
            repo.transact(admin, [&](CaseStore& tx) {
                for (std::size_t k = i; k < std::min(n, i + 10000); ++k) {
                    Case c = population_case(k);
                    tx.create({c.case_worker, Role::case_worker}, c);
                }
            });
        repo.checkpoint();
        return file;
    }();
    return p;
}

/// A copy of `from`, on the disk before it is returned: the kernel's write-back of a copy of
/// 1.5 GB would otherwise run during the measured part and compete with its syncs (it made the
/// daily sweep look 0.8 s slower).
fs::path fresh_copy(const std::string& name, const fs::path& from = population_file()) {
    const fs::path copy = bench_dir() / name;
    remove_db(copy);
    fs::copy_file(from, copy);
    const int fd = ::open(copy.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) throw std::runtime_error("cannot flush " + copy.string());
    ::close(fd);
    return copy;
}

const Date review_cutoff = add_months(sweep_day, -6);

void BM_Raw_ReviewDueQuery(benchmark::State& state) {
    Raw raw(population_file());
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw.db,
                       "SELECT id, version, office, case_worker, kind, phase, running, anonymised, opened, last_activity, last_contact "
                       "FROM cases WHERE running = 1 AND anonymised = 0 AND last_activity < ? ORDER BY id", -1, &st, nullptr);
    const std::string cutoff = to_iso(review_cutoff);
    std::size_t rows = 0;
    for (auto _ : state) {
        rows = 0;
        sqlite3_bind_text(st, 1, cutoff.c_str(), -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) ++rows;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    state.counters["rows"] = static_cast<double>(rows);
}

void BM_Store_ReviewDueQuery(benchmark::State& state) {
    SqliteRepository repo(at(population_file()));
    CaseQuery q;
    q.running = true;
    q.anonymised = false;
    q.last_activity_before = review_cutoff;
    std::size_t rows = 0;
    for (auto _ : state) rows = repo.query(admin, q).size();
    state.counters["rows"] = static_cast<double>(rows);
}

/// One case's write in a raw pass: `UPDATE cases SET <set> WHERE id = ?1`, the values bound
/// from ?2 on; with `audit`, an audit row too.
struct RawWrite {
    std::string set;
    std::vector<std::string> values;
};

/// The raw passes read each candidate document, as the sweep does, and make the write
/// `written(id, doc)` gives, if any. Batches of 500, as the store's sweep.
template <class Written>
void raw_sweep(benchmark::State& state, const std::string& name, bool audit, Written written) {
    for (auto _ : state) {
        state.PauseTiming();
        const fs::path p = fresh_copy(name);
        Raw raw(p);
        state.ResumeTiming();
        sqlite3_stmt* sel = nullptr;
        sqlite3_stmt* log = nullptr;
        std::unordered_map<std::string, sqlite3_stmt*> updates;   // by the columns they set
        sqlite3_prepare_v2(raw.db, "SELECT id, doc FROM cases WHERE anonymised = 0 AND (running = 0 OR last_activity < ?) ORDER BY id",
                           -1, &sel, nullptr);
        sqlite3_prepare_v2(raw.db, "INSERT INTO audit(at, actor, role, case_id, operation, allowed, detail) "
                                   "VALUES('2026-01-01T00:00:00Z','ad-1','administrator',?1,'sweep',1,'')", -1, &log, nullptr);
        const std::string cutoff = to_iso(review_cutoff + boost::gregorian::days(4));
        sqlite3_bind_text(sel, 1, cutoff.c_str(), -1, SQLITE_STATIC);
        std::vector<std::pair<std::string, std::string>> due;
        while (sqlite3_step(sel) == SQLITE_ROW)
            due.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(sel, 0)),
                             reinterpret_cast<const char*>(sqlite3_column_text(sel, 1)));
        std::size_t rewritten = 0;
        for (std::size_t i = 0; i < due.size(); i += 500) {
            raw.exec("BEGIN IMMEDIATE");
            for (std::size_t k = i; k < std::min(due.size(), i + 500); ++k) {
                const RawWrite* w = written(due[k].first, due[k].second);
                if (!w) continue;
                sqlite3_stmt*& upd = updates[w->set];
                if (!upd) sqlite3_prepare_v2(raw.db, ("UPDATE cases SET " + w->set + " WHERE id = ?1").c_str(), -1, &upd, nullptr);
                sqlite3_bind_text(upd, 1, due[k].first.c_str(), -1, SQLITE_STATIC);
                for (std::size_t v = 0; v < w->values.size(); ++v)
                    sqlite3_bind_text(upd, static_cast<int>(v + 2), w->values[v].data(), static_cast<int>(w->values[v].size()), SQLITE_STATIC);
                sqlite3_step(upd);
                sqlite3_reset(upd);
                if (audit) {
                    sqlite3_bind_text(log, 1, due[k].first.c_str(), -1, SQLITE_STATIC);
                    sqlite3_step(log);
                    sqlite3_reset(log);
                }
                ++rewritten;
            }
            raw.exec("COMMIT");
        }
        sqlite3_finalize(sel);
        sqlite3_finalize(log);
        for (auto& [set, st] : updates) sqlite3_finalize(st);
        state.counters["due"] = static_cast<double>(due.size());
        state.counters["rewritten"] = static_cast<double>(rewritten);
    }
}

/// What the store's sweep writes, by case id, from one sweep of a copy of the population
/// taken before any clock starts: the new document alone, and the document with the summary
/// columns that changed (as the store's UPDATE names them).
struct Swept {
    std::unordered_map<std::string, RawWrite> document, row;
};

const Swept& swept() {
    static const Swept out = [] {
        const fs::path p = fresh_copy("swept.sqlite");
        { SqliteRepository(at(p)).sweep(admin, sweep_day, Policy{}, 500); }
        Swept s;
        Raw raw(p);
        raw.exec(("ATTACH '" + population_file().string() + "' AS before").c_str());
        static const char* const columns[] = {"version", "case_worker", "kind", "phase", "running", "anonymised", "last_activity",
                                              "last_contact", "substitutes", "open_reminders"};
        std::string sql = "SELECT a.id, a.doc";
        for (const char* c : columns) sql += std::string(", a.") + c + ", b." + c;
        sql += " FROM main.cases a JOIN before.cases b ON a.id = b.id WHERE a.version > 1";
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(raw.db, sql.c_str(), -1, &st, nullptr);
        const auto text = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i))); };
        while (sqlite3_step(st) == SQLITE_ROW) {
            const std::string id = text(0);
            s.document[id] = RawWrite{"doc = ?2", {text(1)}};
            RawWrite& r = s.row[id];
            r = RawWrite{"doc = ?2", {text(1)}};
            for (std::size_t c = 0; c < std::size(columns); ++c)
                if (text(static_cast<int>(2 + 2 * c)) != text(static_cast<int>(3 + 2 * c))) {
                    r.values.push_back(text(static_cast<int>(2 + 2 * c)));
                    r.set += std::string(", ") + columns[c] + " = ?" + std::to_string(r.values.size() + 1);
                }
        }
        sqlite3_finalize(st);
        raw.exec("DETACH before");
        return s;
    }();
    return out;
}

/// The least a sweep writes: for each case the sweep changes, the very document it writes,
/// into the same file (no summary columns, no audit rows, no checks).
void BM_Raw_SweepPass(benchmark::State& state) {
    const auto& writes = swept().document;   // before the clock starts
    raw_sweep(state, "raw_sweep.sqlite", false, [&](const std::string& id, const std::string&) -> const RawWrite* {
        const auto found = writes.find(id);
        return found == writes.end() ? nullptr : &found->second;
    });
}

/// Raw SQLite making the sweep's writes in the store's schema: the document, the summary
/// columns that changed (so their index entries move, four partial indexes among them), an
/// audit row. Store / this is the library's own share.
void BM_RawSchema_SweepPass(benchmark::State& state) {
    const auto& writes = swept().row;
    raw_sweep(state, "raw_schema_sweep.sqlite", true, [&](const std::string& id, const std::string&) -> const RawWrite* {
        const auto found = writes.find(id);
        return found == writes.end() ? nullptr : &found->second;
    });
}

/// The pass this comparison used before: every candidate written back unchanged. SQLite
/// skips a cell whose bytes do not change, so this pass reads and writes (almost) nothing;
/// kept to show that.
void BM_Raw_SweepSameBytes(benchmark::State& state) {
    RawWrite same{"doc = ?2", {""}};
    raw_sweep(state, "raw_same.sqlite", false, [&](const std::string&, const std::string& doc) {
        same.values[0] = doc;
        return &same;
    });
}

void BM_Store_Sweep(benchmark::State& state) {
    for (auto _ : state) {
        state.PauseTiming();
        const fs::path p = fresh_copy("store_sweep.sqlite");
        SqliteRepository repo(at(p));
        state.ResumeTiming();
        const auto report = repo.sweep(admin, sweep_day, Policy{}, 500);
        state.counters["examined"] = report.examined;
        state.counters["anonymised"] = static_cast<double>(report.anonymised.size() + report.closed_no_contact.size());
    }
}

// ---------------------------------------------------------------- the daily sweep
/// `n` running cases, `due` of them (spread evenly) without activity for 200 to 400 days, so
/// due for their review or closure on the sweep day; the others active within 150 days.
fs::path daily_file(const std::string& name, std::size_t n, std::size_t due) {
    const fs::path file = bench_dir() / name;
    remove_db(file);
    SqliteOptions o = at(file);
    o.synchronous_full = false;  // set-up only
    SqliteRepository repo(o);
    const std::size_t every = due ? n / due : n + 1;
    for (std::size_t i = 0; i < n; i += 10000)
        repo.transact(admin, [&](CaseStore& tx) {
            for (std::size_t k = i; k < std::min(n, i + 10000); ++k) {
                std::mt19937_64 rng(k);
                const long back = k % every == 0 ? 200 + static_cast<long>(rng() % 200) : static_cast<long>(rng() % 150);
                Case c = bench::compact_case(k, sweep_day - boost::gregorian::days(back), "fk-" + std::to_string(1 + rng() % 50), false);
                tx.create({c.case_worker, Role::case_worker}, c);
            }
        });
    repo.checkpoint();
    return file;
}

/// The same number of due cases (1% of the population) in a store of a tenth of the
/// population and in one of the whole: the sweep's time should follow the due cases.
std::size_t daily_due() { return env_size("JMDCM_BENCH_POPULATION", 1000000) / 100; }

void daily_sweep(benchmark::State& state, const fs::path& file) {
    for (auto _ : state) {
        state.PauseTiming();
        const fs::path p = fresh_copy("daily_sweep.sqlite", file);
        SqliteRepository repo(at(p));
        state.ResumeTiming();
        const auto report = repo.sweep(admin, sweep_day, Policy{}, 500);
        state.counters["examined"] = report.examined;
        state.counters["acted_on"] = static_cast<double>(report.review_due.size() + report.closed_no_contact.size() + report.anonymised.size());
    }
}

void BM_Store_DailySweep_Tenth(benchmark::State& state) {
    static const fs::path file = daily_file("daily_tenth.sqlite", env_size("JMDCM_BENCH_POPULATION", 1000000) / 10, daily_due());
    state.counters["cases"] = static_cast<double>(env_size("JMDCM_BENCH_POPULATION", 1000000) / 10);
    daily_sweep(state, file);
}

void BM_Store_DailySweep_Whole(benchmark::State& state) {
    static const fs::path file = daily_file("daily_whole.sqlite", env_size("JMDCM_BENCH_POPULATION", 1000000), daily_due());
    state.counters["cases"] = static_cast<double>(env_size("JMDCM_BENCH_POPULATION", 1000000));
    daily_sweep(state, file);
}

}  // namespace

BENCHMARK(BM_Raw_BulkInsert)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawSchema_BulkInsert)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Store_BulkInsert)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Raw_PointLoad)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Store_PointLoad)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Raw_ReviewDueQuery)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Store_ReviewDueQuery)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Raw_SweepSameBytes)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Raw_SweepPass)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawSchema_SweepPass)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Store_Sweep)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Store_DailySweep_Tenth)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Store_DailySweep_Whole)->Iterations(1)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    const int rc = jmdcm::bench::run(argc, argv,
        {{"BM_Store_BulkInsert", "BM_Raw_BulkInsert", "insert throughput vs raw SQLite on the same JSON (target >= 0.8)"},
         {"BM_RawSchema_BulkInsert", "BM_Raw_BulkInsert", "raw SQLite into the store's schema with an audit row vs the bare table: SQLite's share"},
         {"BM_Store_BulkInsert", "BM_RawSchema_BulkInsert", "insert throughput vs raw SQLite into the store's own schema: the library's share"},
         {"BM_Store_PointLoad", "BM_Raw_PointLoad", "load (parse, access check, audit record) vs raw SELECT (target p50 <= 20 us)"},
         {"BM_Store_ReviewDueQuery", "BM_Raw_ReviewDueQuery", "review-due query vs the same raw SELECT"},
         {"BM_Store_Sweep", "BM_Raw_SweepPass", "R13 sweep vs raw SQLite writing the documents the sweep writes (target >= 0.5)"},
         {"BM_RawSchema_SweepPass", "BM_Raw_SweepPass", "raw SQLite making the sweep's writes in the store's schema vs the documents alone: SQLite's share"},
         {"BM_Store_Sweep", "BM_RawSchema_SweepPass", "R13 sweep vs raw SQLite making the same writes in the store's schema: the library's share"},
         {"BM_Store_Sweep", "BM_Raw_SweepSameBytes", "R13 sweep vs the earlier baseline, each candidate written back unchanged (SQLite skips it)"},
         {"BM_Store_DailySweep_Whole", "BM_Store_DailySweep_Tenth",
          "daily sweep, the same 1% due in the whole population vs a tenth of it (target ~1: it follows the due cases)", true}});
    std::error_code ec;
    fs::remove_all(bench_dir(), ec);
    return rc;
}
