// The PostgreSQL store against raw libpq on the same server and documents (issue 18):
//   bulk insert (create_all)       vs  raw COPY, and raw multi-row INSERT, of the same JSON into jsonb;
//   point load (with its audit)    vs  a raw SELECT of the document;
//   16 clients doing load-step-save on distinct cases  vs  one client (throughput);
//   the daily sweep over a population with 1% due  vs  a raw pass reading and rewriting the due documents.
// Run through postgres_bench.sh, which starts and stops a throwaway cluster (JMDCM_BENCH_PG is
// its connection string). JMDCM_BENCH_CASES (default 100000) and JMDCM_BENCH_POPULATION
// (default 1000000) shrink the data for a quick look.
#include "bench_data.hpp"
#include "ratio_reporter.hpp"

#include "jmdcm/jmdcm.hpp"
#include "jmdcm/keys/key_store.hpp"
#include "jmdcm/postgres/pg_key_store.hpp"
#include "jmdcm/postgres/postgres_backend.hpp"

#include <libpq-fe.h>

#include <chrono>
#include <ctime>
#include <map>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <thread>

using namespace jmdcm;

namespace {

using bench::env_size;
using bench::seconds_since;
using bench::corpus;

const Actor admin{"ad-1", Role::administrator};
const Actor fk{"fk-01", Role::case_worker};
const Date sweep_day = make_date(2022, 6, 1);

std::string server() {
    const char* c = std::getenv("JMDCM_BENCH_PG");
    if (!c) throw std::runtime_error("JMDCM_BENCH_PG is not set: run benchmarks/postgres_bench.sh");
    return c;
}

/// A bare libpq connection: what a host would write without the library.
class Raw {
public:
    explicit Raw(const std::string& conninfo) : c_(PQconnectdb(conninfo.c_str())) {
        if (PQstatus(c_) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(c_));
        PQsetNoticeProcessor(c_, [](void*, const char*) {}, nullptr);   // "schema does not exist, skipping"
    }
    ~Raw() { PQfinish(c_); }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;
    void exec(const std::string& sql) { check(PQexec(c_, sql.c_str())); }
    PGresult* params(const char* sql, const std::vector<const char*>& values) {
        return check(PQexecParams(c_, sql, static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0), false);
    }
    PGconn* get() { return c_; }
    PGresult* check(PGresult* r, bool clear = true) {
        const auto s = PQresultStatus(r);
        if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK && s != PGRES_COPY_IN) {
            const std::string m = PQresultErrorMessage(r);
            PQclear(r);
            throw std::runtime_error(m);
        }
        if (clear) {
            PQclear(r);
            return nullptr;
        }
        return r;
    }

private:
    PGconn* c_;
};

/// A fresh, empty schema; the connection string that works in it.
std::string fresh_schema(const std::string& name) {
    Raw su(server());
    su.exec("DROP SCHEMA IF EXISTS " + name + " CASCADE; CREATE SCHEMA " + name);
    return server() + " options=-csearch_path=" + name;
}

constexpr std::size_t batch = 1000;   // cases per transaction, for the store and the raw baselines

// ---------------------------------------------------------------- bulk insert

/// COPY's text format: backslash, tab and line ends escaped.
void copy_field(std::string& out, const std::string& v) {
    for (char ch : v) {
        if (ch == '\\') out += "\\\\";
        else if (ch == '\t') out += "\\t";
        else if (ch == '\n') out += "\\n";
        else if (ch == '\r') out += "\\r";
        else out += ch;
    }
}

/// A raw bulk load into a bare (id, doc jsonb) table in a fresh schema: `write(raw, from, to)`
/// sends the corpus's documents [from, to), one transaction per batch.
template <class F>
void raw_bulk(benchmark::State& state, const std::string& schema, F&& write) {
    const auto& c = corpus();
    for (auto _ : state) {
        Raw raw(fresh_schema(schema));
        raw.exec("CREATE TABLE cases (id text PRIMARY KEY, doc jsonb NOT NULL)");
        const auto t0 = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < c.docs.size(); i += batch) {
            raw.exec("BEGIN");
            write(raw, i, std::min(c.docs.size(), i + batch));
            raw.exec("COMMIT");
        }
        state.SetIterationTime(seconds_since(t0));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.docs.size()));
}

void BM_Raw_BulkCopy(benchmark::State& state) {
    std::string line;
    raw_bulk(state, "raw_copy", [&](Raw& raw, std::size_t from, std::size_t to) {
        const auto& c = corpus();
        raw.check(PQexec(raw.get(), "COPY cases (id, doc) FROM STDIN"));
        for (std::size_t k = from; k < to; ++k) {
            line.clear();
            copy_field(line, c.cases[k].id);
            line += '\t';
            copy_field(line, c.docs[k]);
            line += '\n';
            PQputCopyData(raw.get(), line.data(), static_cast<int>(line.size()));
        }
        PQputCopyEnd(raw.get(), nullptr);
        raw.check(PQgetResult(raw.get()));
    });
}

void BM_Raw_BulkInsert(benchmark::State& state) {
    raw_bulk(state, "raw_insert", [](Raw& raw, std::size_t from_batch, std::size_t to_batch) {
        const auto& c = corpus();
        for (std::size_t from = from_batch; from < to_batch; from += 500) {   // multi-row INSERTs of 500, as the store sends
            std::string sql = "INSERT INTO cases (id, doc) VALUES ";
            std::vector<const char*> values;
            for (std::size_t k = from; k < std::min(to_batch, from + 500); ++k) {
                const auto n = values.size();
                sql += (k == from ? "($" : ", ($") + std::to_string(n + 1) + ", $" + std::to_string(n + 2) + "::jsonb)";
                values.push_back(c.cases[k].id.c_str());
                values.push_back(c.docs[k].c_str());
            }
            PQclear(raw.params(sql.c_str(), values));
        }
    });
}

/// Per-case keys (issue 19): the key store in its own schema, a local KEK; a sealed store reads
/// each case's wrapped key with the case.
PostgresOptions store_at(const std::string& conninfo, bool sealed) {
    PostgresOptions o{conninfo, true};
    if (sealed) o.key_schema = "sealed_keys";
    return o;
}

StoreOptions sealed_options(bool sealed) {
    StoreOptions o;
    if (sealed) {
        static const keys::SecretKey kek = keys::SecretKey::generate();
        o.sealer = keys::make_sealer(open_postgres_key_store(server(), "sealed_keys"), std::make_shared<keys::LocalKek>("bench", kek));
    }
    return o;
}

void bulk_insert(benchmark::State& state, const std::string& schema, bool sealed) {
    const auto& c = corpus();
    for (auto _ : state) {
        if (sealed) Raw(server()).exec("DROP SCHEMA IF EXISTS sealed_keys CASCADE");
        PostgresRepository repo(store_at(fresh_schema(schema), sealed), sealed_options(sealed));
        std::vector<std::vector<Case>> batches;   // create_all sets versions in the caller's copies
        for (std::size_t i = 0; i < c.cases.size(); i += batch)
            batches.emplace_back(c.cases.begin() + static_cast<long>(i), c.cases.begin() + static_cast<long>(std::min(c.cases.size(), i + batch)));
        const auto t0 = std::chrono::steady_clock::now();
        for (auto& b : batches) repo.create_all(fk, b);
        state.SetIterationTime(seconds_since(t0));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.cases.size()));
}

void BM_Store_BulkInsert(benchmark::State& state) { bulk_insert(state, "store_insert", false); }
void BM_Sealed_BulkInsert(benchmark::State& state) { bulk_insert(state, "sealed_insert", true); }

// ---------------------------------------------------------------- point load (on the tables above)

void BM_Raw_PointLoad(benchmark::State& state) {
    Raw raw(server() + " options=-csearch_path=raw_copy");
    std::mt19937 rng(1);
    const auto& c = corpus();
    for (auto _ : state) {
        PGresult* r = raw.params("SELECT doc::text FROM cases WHERE id = $1", {c.cases[rng() % c.cases.size()].id.c_str()});
        benchmark::DoNotOptimize(PQgetlength(r, 0, 0));
        PQclear(r);
    }
}

void point_load(benchmark::State& state, const std::string& schema, bool sealed) {
    PostgresRepository repo(store_at(server() + " options=-csearch_path=" + schema, sealed), sealed_options(sealed));
    std::mt19937 rng(1);
    const auto& c = corpus();
    for (auto _ : state) benchmark::DoNotOptimize(repo.load(fk, c.cases[rng() % c.cases.size()].id));
}

void BM_Store_PointLoad(benchmark::State& state) { point_load(state, "store_insert", false); }
void BM_Sealed_PointLoad(benchmark::State& state) { point_load(state, "sealed_insert", true); }

// ---------------------------------------------------------------- clients on distinct cases

/// `clients` threads, each its own store (its own connection) and its own cases, doing
/// load-step-save (a store-side step) as fast as they can; manual time is wall time per step.
void clients(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    constexpr std::size_t steps_each = 200;
    const std::string conninfo = fresh_schema("clients" + std::to_string(n));
    std::vector<std::string> ids;   // one case per client
    {
        PostgresRepository setup({conninfo, true});
        std::vector<Case> cases;
        for (std::size_t k = 0; k < n; ++k) {
            cases.push_back(synthetic_case({}, 500000 + k));
            cases.back().case_worker = fk.id;
            ids.push_back(cases.back().id);
        }
        setup.create_all(fk, cases);
    }
    const JournalEntry entry{sweep_day, ContactKind::phone, ContactTopic::counselling, true, {}, "Anruf"};
    for (auto _ : state) {
        std::vector<std::unique_ptr<PostgresRepository>> stores;   // connected before the clock starts
        for (std::size_t t = 0; t < n; ++t) stores.push_back(std::make_unique<PostgresRepository>(PostgresOptions{conninfo, true}));
        std::vector<std::thread> threads;
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t cpu0 = std::clock();   // this process's CPU: the library's share of a step
        for (std::size_t t = 0; t < n; ++t)
            threads.emplace_back([&, t] {
                for (std::size_t s = 0; s < steps_each; ++s)
                    stores[t]->step(fk, ids[t], 0, "add_journal_entry", [&](Case& c) {
                        if (c.closure) reopen_case(c, sweep_day, Policy{});
                        add_journal_entry(c, entry, Policy{});
                        return std::vector<Case>{};
                    });
            });
        for (auto& th : threads) th.join();
        state.SetIterationTime(seconds_since(t0) / static_cast<double>(n * steps_each));
        state.counters["client_cpu_us_per_step"] =
            1e6 * static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC / static_cast<double>(n * steps_each);
    }
    state.counters["steps_per_s"] = benchmark::Counter(static_cast<double>(n * steps_each), benchmark::Counter::kIsRate);
}
void BM_Store_OneClient(benchmark::State& state) { clients(state); }
void BM_Store_SixteenClients(benchmark::State& state) { clients(state); }

// ---------------------------------------------------------------- the daily sweep, 1% due

/// A compact case; one in a hundred old (due for review, closure or anonymisation), the
/// rest with a contact in the last five months.
Case population_case(std::uint64_t i) {
    std::mt19937_64 rng(i);
    const bool due = i % 100 == 0;
    const Date opened = due ? make_date(2020, 1, 1) + boost::gregorian::days(static_cast<long>(rng() % 300))
                            : sweep_day - boost::gregorian::days(static_cast<long>(1 + rng() % 150));
    const std::string worker = "fk-" + std::to_string(1 + rng() % 50);
    return bench::compact_case(i, opened, worker, due && rng() % 2 == 0);
}

/// The population, built once through the store (not timed); both sweeps run on it, the raw
/// pass first (it rewrites documents unchanged).
const std::string& population() {
    static const std::string conninfo = [] {
        const std::string c = fresh_schema("population");
        PostgresRepository repo({server() + " options='-csearch_path=population -csynchronous_commit=off'", true});   // set-up only
        const std::size_t n = env_size("JMDCM_BENCH_POPULATION", 1000000);
        for (std::size_t i = 0; i < n; i += 5000) {
            std::map<std::string, std::vector<Case>> by_worker;   // each worker creates their own cases
            for (std::size_t k = i; k < std::min(n, i + 5000); ++k) {
                Case pc = population_case(k);
                by_worker[pc.case_worker].push_back(std::move(pc));
            }
            for (auto& [worker, cases] : by_worker) repo.create_all({worker, Role::case_worker}, cases);
        }
        Raw(c).exec("VACUUM ANALYZE cases");
        return c;
    }();
    return conninfo;
}

void BM_Raw_SweepPass(benchmark::State& state) {
    Raw raw(population());
    const Policy policy;
    const std::string activity = to_iso(add_months(sweep_day, -policy.review_after_months) + boost::gregorian::days(4));
    const std::string contact = to_iso(add_months(sweep_day, -policy.anonymise_after_months) + boost::gregorian::days(4));
    for (auto _ : state) {
        // the least any sweep does: select the candidates, read each document and write it back
        PGresult* r = raw.params("SELECT id, doc::text FROM cases WHERE NOT anonymised AND (NOT running OR last_activity < $1::date "
                                 "OR last_contact < $2::date) ORDER BY id",
                                 {activity.c_str(), contact.c_str()});
        const int due = PQntuples(r);
        for (int i = 0; i < due; i += 500) {
            raw.exec("BEGIN");
            for (int k = i; k < std::min(due, i + 500); ++k)
                PQclear(raw.params("UPDATE cases SET doc = $2::jsonb WHERE id = $1", {PQgetvalue(r, k, 0), PQgetvalue(r, k, 1)}));
            raw.exec("COMMIT");
        }
        PQclear(r);
        state.counters["due"] = due;
    }
}

void BM_Store_Sweep(benchmark::State& state) {
    PostgresRepository repo({population(), true});
    for (auto _ : state) {
        const auto report = repo.sweep(admin, sweep_day, Policy{}, 500);
        state.counters["examined"] = static_cast<double>(report.examined);
        state.counters["changed"] = static_cast<double>(report.anonymised.size() + report.closed_no_contact.size() + report.review_due.size());
    }
}

}  // namespace

BENCHMARK(BM_Raw_BulkCopy)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Raw_BulkInsert)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Store_BulkInsert)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Sealed_BulkInsert)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Raw_PointLoad)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Store_PointLoad)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Sealed_PointLoad)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Store_OneClient)->Arg(1)->Iterations(1)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Store_SixteenClients)->Arg(16)->Iterations(1)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Raw_SweepPass)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Store_Sweep)->Iterations(1)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    return jmdcm::bench::run(argc, argv,
        {{"BM_Store_BulkInsert", "BM_Raw_BulkCopy", "insert throughput vs raw COPY of the same JSON (target >= 0.7)"},
         {"BM_Store_BulkInsert", "BM_Raw_BulkInsert", "insert throughput vs raw multi-row INSERT of the same JSON"},
         {"BM_Store_PointLoad", "BM_Raw_PointLoad", "load with its audit row: times a raw SELECT (target <= 3)", true},
         {"BM_Sealed_BulkInsert", "BM_Store_BulkInsert", "bulk insert with per-case keys, cost vs without (target <= 1.3)", true},
         {"BM_Sealed_PointLoad", "BM_Store_PointLoad", "point load with per-case keys, cost vs without (target <= 1.3)", true},
         {"BM_Store_SixteenClients", "BM_Store_OneClient", "16 clients' step throughput vs one client's (target >= 8)"},
         {"BM_Store_Sweep", "BM_Raw_SweepPass", "R13 sweep vs reading and rewriting the due documents"}});
}
