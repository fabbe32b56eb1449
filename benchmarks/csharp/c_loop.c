/* The baseline of the C# benchmark: the same C ABI calls, made from C in a loop, so that one
 * P/Invoke into this loop costs next to nothing per call and the ratio shows what the C#
 * layer adds (the transition, UTF-8 both ways, the status check, the SafeHandle). */
#include "jmdcm/jmdcm.h"

#if defined(_WIN32)
#define BENCH_EXPORT __declspec(dllexport)
#else
#define BENCH_EXPORT __attribute__((visibility("default")))
#endif

/* jmdcm_abi_version() n times: the cheapest call, pure transition cost on the C# side. */
BENCH_EXPORT int jmdcm_bench_abi_version(int n) {
    int sum = 0;
    for (int i = 0; i < n; ++i) sum += jmdcm_abi_version();
    return sum;
}

/* jmdcm_rule_evaluate(rule, input, NULL) n times, freeing each answer: a call with text in
 * and out. Returns the status of the last call. */
BENCH_EXPORT int jmdcm_bench_rule(int n, const char *rule, const char *input) {
    jmdcm_status status = JMDCM_OK;
    for (int i = 0; i < n; ++i) {
        char *out = 0;
        status = jmdcm_rule_evaluate(&out, rule, input, 0);
        jmdcm_string_free(out);
    }
    return (int)status;
}

/* jmdcm_case_load(store, actor, id) n times on a store the C# side opened (a point load). */
BENCH_EXPORT int jmdcm_bench_load(int n, jmdcm_store *store, const char *actor, const char *id) {
    jmdcm_status status = JMDCM_OK;
    for (int i = 0; i < n; ++i) {
        char *out = 0;
        status = jmdcm_case_load(&out, store, actor, id);
        jmdcm_string_free(out);
    }
    return (int)status;
}

/* A memory store holding the worked example, for the point load (freed by jmdcm_store_free). */
BENCH_EXPORT jmdcm_store *jmdcm_bench_memory_store(const char *actor) {
    jmdcm_store *store = 0;
    char *samira = 0;
    if (jmdcm_store_open_memory(&store, "{\"today\":\"2017-01-10\"}") != JMDCM_OK) return 0;
    if (jmdcm_example_samira(&samira, store, actor) != JMDCM_OK) { jmdcm_store_free(store); return 0; }
    jmdcm_string_free(samira);
    return store;
}

BENCH_EXPORT void jmdcm_bench_store_free(jmdcm_store *store) { jmdcm_store_free(store); }
