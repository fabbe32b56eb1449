// Per-case keys (issue 19): the SQLite store with encryption on against the same store
// without it, in one run. Targets: bulk insert and point load within 1.3x (cost factor
// <= 1.3). JMDCM_BENCH_CASES (default 100000) shrinks the corpus for a quick look.
#include "bench_data.hpp"
#include "ratio_reporter.hpp"

#include "jmdcm/jmdcm.hpp"
#include "jmdcm/keys/key_store.hpp"
#include "jmdcm/sqlite/sqlite_repository.hpp"

#include <filesystem>
#include <random>
#include <unistd.h>

using namespace jmdcm;
namespace fs = std::filesystem;

namespace {

using bench::corpus;
using bench::seconds_since;

const Actor fk{"fk-01", Role::case_worker};

fs::path bench_dir() {
    static const fs::path dir = [] {
        fs::path p = fs::temp_directory_path() / ("jmdcm-sealed-bench-" + std::to_string(::getpid()));
        fs::create_directories(p);
        return p;
    }();
    return dir;
}

void remove_files(const fs::path& p) {
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(p.string() + s);
}

StoreOptions options(bool sealed) {
    StoreOptions o;
    if (sealed) {
        static const keys::SecretKey kek = keys::SecretKey::generate();
        o.sealer = keys::make_sealer(keys::open_sqlite_key_store((bench_dir() / "sealed.keys").string()),
                                     std::make_shared<keys::LocalKek>("bench", kek));
    }
    return o;
}

SqliteOptions at(const fs::path& p) {
    SqliteOptions o;
    o.path = p.string();
    o.check_on_open = false;
    return o;
}

fs::path file_of(bool sealed) { return bench_dir() / (sealed ? "sealed.sqlite" : "clear.sqlite"); }

/// 1,000 cases per transaction, as an import does.
void bulk_insert(benchmark::State& state, bool sealed) {
    const auto& c = corpus();
    for (auto _ : state) {
        remove_files(file_of(sealed));
        remove_files(bench_dir() / "sealed.keys");
        SqliteRepository repo(at(file_of(sealed)), options(sealed));
        std::vector<Case> work = c.cases;
        const auto t0 = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < work.size(); i += 1000) {
            std::vector<Case> part(work.begin() + static_cast<std::ptrdiff_t>(i),
                                   work.begin() + static_cast<std::ptrdiff_t>(std::min(work.size(), i + 1000)));
            repo.create_all(fk, part);
        }
        state.SetIterationTime(seconds_since(t0));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.cases.size()));
}

void point_load(benchmark::State& state, bool sealed) {
    SqliteRepository repo(at(file_of(sealed)), options(sealed));
    std::mt19937 rng(1);
    const auto& c = corpus();
    for (auto _ : state) benchmark::DoNotOptimize(repo.load(fk, c.cases[rng() % c.cases.size()].id));
}

void BM_Clear_BulkInsert(benchmark::State& s) { bulk_insert(s, false); }
void BM_Sealed_BulkInsert(benchmark::State& s) { bulk_insert(s, true); }
void BM_Clear_PointLoad(benchmark::State& s) { point_load(s, false); }
void BM_Sealed_PointLoad(benchmark::State& s) { point_load(s, true); }

}  // namespace

BENCHMARK(BM_Clear_BulkInsert)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Sealed_BulkInsert)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Clear_PointLoad)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Sealed_PointLoad)->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) {
    const int rc = jmdcm::bench::run(argc, argv,
        {{"BM_Sealed_BulkInsert", "BM_Clear_BulkInsert", "bulk insert with per-case keys, cost vs without (target <= 1.3)", true},
         {"BM_Sealed_PointLoad", "BM_Clear_PointLoad", "point load with per-case keys, cost vs without (target <= 1.3)", true}});
    std::error_code ec;
    fs::remove_all(bench_dir(), ec);
    return rc;
}
