// What the library's store costs over a host's backend (issue 17): a case load and a step
// through the C ABI over the plain-C dict backend (tests/capi/dict_backend.c), against the
// same calls over the library's own in-memory backend, and against the host reading its own
// row directly (no access check, no audit, no parsing: what a host would do without us).
// Ratios in one run.
#include "ratio_reporter.hpp"

#include "../tests/capi/dict_backend.h"
#include "jmdcm/backend.h"
#include "jmdcm/jmdcm.h"

#include <cstring>
#include <stdexcept>
#include <string>

namespace {

const char* const worker = R"({"id":"fachkraft-1","role":"case_worker"})";
const char* const case_id = "JMD-FFM-2016-0042";

void check(jmdcm_status s) {
    if (s != JMDCM_OK) throw std::runtime_error(jmdcm_last_error());
}

/// A store with the worked example, over the dict (host) or the library's memory backend.
jmdcm_store* with_samira(dict_backend** dict) {
    jmdcm_store* store = nullptr;
    if (dict) {
        jmdcm_backend b;
        check(jmdcm_backend_init(&b, JMDCM_BACKEND_VERSION));
        *dict = dict_new();
        dict_fill(&b, *dict, JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT);
        check(jmdcm_store_open_backend(&store, &b, nullptr, R"({"today":"2017-04-01"})"));
    } else {
        check(jmdcm_store_open_memory(&store, R"({"today":"2017-04-01"})"));
    }
    char* samira = nullptr;
    check(jmdcm_example_samira(&samira, store, worker));
    jmdcm_string_free(samira);
    return store;
}

/// Runs `body(state, store)` on a store with the worked example: over the host's C backend
/// (HostC) or the library's memory backend.
template <bool host, class F>
void on_store(benchmark::State& state, F&& body) {
    dict_backend* dict = nullptr;
    jmdcm_store* store = with_samira(host ? &dict : nullptr);
    body(state, store);
    jmdcm_store_free(store);
}

void load(benchmark::State& state, jmdcm_store* store) {
    for (auto _ : state) {
        char* out = nullptr;
        check(jmdcm_case_load(&out, store, worker, case_id));
        benchmark::DoNotOptimize(out);
        jmdcm_string_free(out);
    }
}

/// A store-side step (load, access, the rule, the judge, save) in one transaction.
void step(benchmark::State& state, jmdcm_store* store) {
    char* out = nullptr;
    check(jmdcm_store_step(&out, store, worker, case_id, 0, "reopen_case", R"({"on":"2017-04-01"})", nullptr));
    jmdcm_string_free(out);
    for (auto _ : state) {
        check(jmdcm_store_step(&out, store, worker, case_id, 0, "add_journal_entry",
                               R"({"date":"2017-04-01","kind":"phone","topic":"counselling","with_young_person":true,"with_whom":"","note":"Anruf"})", nullptr));
        benchmark::DoNotOptimize(out);
        jmdcm_string_free(out);
    }
}

void Memory_load(benchmark::State& state) { on_store<false>(state, load); }
void HostC_load(benchmark::State& state) { on_store<true>(state, load); }
void Memory_step(benchmark::State& state) { on_store<false>(state, step); }
void HostC_step(benchmark::State& state) { on_store<true>(state, step); }

void HostC_direct_read(benchmark::State& state) {
    dict_backend* dict = nullptr;
    jmdcm_store* store = with_samira(&dict);
    for (auto _ : state) {
        const char* row = dict_get(dict, case_id);
        std::string copy(row, std::strlen(row));  // a host hands its caller a copy too
        benchmark::DoNotOptimize(copy);
    }
    jmdcm_store_free(store);
}

BENCHMARK(Memory_load);
BENCHMARK(HostC_load);
BENCHMARK(HostC_direct_read);
BENCHMARK(Memory_step)->Iterations(2000);
BENCHMARK(HostC_step)->Iterations(2000);

}  // namespace

int main(int argc, char** argv) {
    return jmdcm::bench::run(argc, argv,
                             {{"HostC_load", "Memory_load", "host C backend / library memory backend, load", true},
                              {"HostC_step", "Memory_step", "host C backend / library memory backend, step", true},
                              {"HostC_load", "HostC_direct_read", "load with access check, audit and parsing / the host's own read", true}});
}
