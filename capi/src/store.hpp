// The store handle, shared by the calls on stores and the research export.
#pragma once

#include "handles.hpp"

#include "jmdcm/postgres/postgres_backend.hpp"
#include "jmdcm/sqlite/sqlite_backend.hpp"

#include <memory>

struct jmdcm_store {
    std::unique_ptr<jmdcm::Repository> repo;
};

namespace jmdcm::capi {

Handles<jmdcm_store>& stores();
Repository& repo_of(jmdcm_store* s);
Actor actor_of(const char* actor_json);
/// Registers a new store handle.
jmdcm_store* registered(std::unique_ptr<Repository> repo);

/// Options a host may pass when opening a store.
struct OpenOptions {
    using absent_members_keep_default = void;
    std::optional<Date> today;
    bool read_only = false;
    int busy_timeout_ms = 5000;
    bool synchronous_full = true;
    bool check_on_open = true;
    std::optional<Policy> policy;   // what raw creates and saves are judged under (handbook defaults)
    bool vacuum_after_erasure = true;  // PostgreSQL
    int pool_size = 1;                 // PostgreSQL: connections, for calls from that many threads at once
    std::optional<std::string> key_store;   // a store opened with a KEK (keys.h): the key store's path
    int audit_batch = 32;              // reads' audit records waiting for the next commit (StoreOptions::audit_batch); 1: none wait
};
BOOST_DESCRIBE_STRUCT(OpenOptions, (), (today, read_only, busy_timeout_ms, synchronous_full, check_on_open, policy, vacuum_after_erasure,
                                        pool_size, key_store, audit_batch))

OpenOptions open_options(const char* options_json);
StoreOptions store_options(const OpenOptions& o);
/// The SQLite file's options from the host's.
SqliteOptions sqlite_options(const char* path, const OpenOptions& o);
/// The server's options from the host's (the pool size checked).
PostgresOptions postgres_options(const char* conninfo, const OpenOptions& o);
/// A store opened without a KEK has no key store: "key_store" is refused there.
void refuse_key_store(const OpenOptions& o);

/// R12/R15 statistics over the store: jmdcm_store_statistics and the request "statistics".
struct StatisticsOptions {
    Date on;                          // the day the copies are anonymised as of (R13)
    std::optional<int> min_cell;      // cells below it are suppressed (default 3)
    std::optional<CaseQuery> query;
};
BOOST_DESCRIBE_STRUCT(StatisticsOptions, (), (on, min_cell, query))
StatisticsReport statistics_of(Repository& r, const Actor& actor, const StatisticsOptions& o);
/// R15: running cases per case worker: jmdcm_store_caseload and the request "caseload".
std::vector<Caseload> caseload_of(Repository& r, const Actor& actor, const Policy& policy);

/// The shape of every store call that answers with a document: the out-parameter cleared,
/// store and actor checked (in that order), then `body(repo, actor)`'s text handed over.
template <class F>
jmdcm_status answer(char** out, const char* out_name, jmdcm_store* store, const char* actor_json, F&& body) {
    return guard([&] {
        reset(out, out_name);
        Repository& r = repo_of(store);
        const Actor actor = actor_of(actor_json);
        give(out, body(r, actor));
    });
}

}  // namespace jmdcm::capi
