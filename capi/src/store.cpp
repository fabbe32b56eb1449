// Store handles and the calls that go through a Repository: every one names its actor,
// is access-checked and audited by the store. Handles are checked against a registry of
// live ones, so a freed or foreign pointer is refused instead of followed.
#include "store.hpp"

#include "jmdcm/postgres/postgres_backend.hpp"
#include "jmdcm/sqlite/sqlite_repository.hpp"
#include "jmdcm/worked_example.hpp"

#include <memory>

namespace jmdcm::capi {

Handles<jmdcm_store>& stores() {
    static Handles<jmdcm_store> live;
    return live;
}

Repository& repo_of(jmdcm_store* s) { return *stores().get(s, "store").repo; }

Actor actor_of(const char* actor_json) { return doc<Actor>(actor_json, "actor", strict); }

jmdcm_store* registered(std::unique_ptr<Repository> repo) {
    return stores().add(std::make_unique<jmdcm_store>(jmdcm_store{std::move(repo)}));
}

OpenOptions open_options(const char* options_json) {
    return options_json ? doc<OpenOptions>(options_json, "options", strict) : OpenOptions{};   // a misspelt option is an error, not a default
}

StoreOptions store_options(const OpenOptions& o) {
    StoreOptions s;
    if (o.audit_batch < 1 || o.audit_batch > 4096)
        fail(errc::invalid_argument, "", "options.audit_batch", "1 to 4096 reads' audit records may wait, not " + std::to_string(o.audit_batch));
    s.audit_batch = static_cast<std::size_t>(o.audit_batch);
    if (o.today) s.today = [d = *o.today] { return d; };
    if (o.policy) {
        validate(*o.policy);
        s.policy = *o.policy;
    }
    return s;
}

SqliteOptions sqlite_options(const char* path, const OpenOptions& o) {
    SqliteOptions db;
    db.path = path;
    db.read_only = o.read_only;
    db.busy_timeout_ms = o.busy_timeout_ms;
    db.synchronous_full = o.synchronous_full;
    db.check_on_open = o.check_on_open;
    return db;
}

PostgresOptions postgres_options(const char* conninfo, const OpenOptions& o) {
    PostgresOptions db;
    db.conninfo = conninfo;
    db.vacuum_after_erasure = o.vacuum_after_erasure;
    if (o.pool_size < 1 || o.pool_size > 1024)
        fail(errc::invalid_argument, "", "options.pool_size", "a pool has 1 to 1024 connections, not " + std::to_string(o.pool_size));
    db.pool_size = static_cast<std::size_t>(o.pool_size);
    return db;
}

void refuse_key_store(const OpenOptions& o) {
    if (o.key_store)
        fail(errc::invalid_argument, "", "options.key_store", "a key store belongs to a store opened with a KEK (jmdcm_store_open_sqlite_sealed)");
}

namespace {

/// create and save: the actor (who asks), then the case, then the store's answer.
jmdcm_status write_case(char** out_case, jmdcm_store* store, const char* actor_json, const char* case_json,
                        void (Repository::*op)(const Actor&, Case&)) {
    return answer(out_case, "out_case", store, actor_json, [&](Repository& r, const Actor& actor) {
        Case c = doc<Case>(case_json, "case", strict);
        (r.*op)(actor, c);
        return json::to_string(c);
    });
}

}  // namespace

std::vector<Caseload> caseload_of(Repository& r, const Actor& actor, const Policy& policy) {
    CaseQuery running;
    running.running = true;
    return caseload(r.query(actor, running), policy);
}

}  // namespace jmdcm::capi

using namespace jmdcm;
using namespace jmdcm::capi;

extern "C" {

jmdcm_status jmdcm_store_open_memory(jmdcm_store** out, const char* options_json) {
    return guard([&] {
        reset(out, "out");
        const OpenOptions o = open_options(options_json);
        refuse_key_store(o);
        *out = registered(std::make_unique<MemoryRepository>(store_options(o)));
    });
}

jmdcm_status jmdcm_store_open_sqlite(jmdcm_store** out, const char* path, const char* options_json) {
    return guard([&] {
        reset(out, "out");
        need(path, "path");
        const OpenOptions o = open_options(options_json);
        refuse_key_store(o);
        *out = registered(std::make_unique<SqliteRepository>(sqlite_options(path, o), store_options(o)));
    });
}

jmdcm_status jmdcm_store_open_postgres(jmdcm_store** out, const char* conninfo, const char* options_json) {
    return guard([&] {
        reset(out, "out");
        need(conninfo, "conninfo");
        const OpenOptions o = open_options(options_json);
        refuse_key_store(o);
        *out = registered(std::make_unique<PostgresRepository>(postgres_options(conninfo, o), store_options(o)));
    });
}

void jmdcm_store_free(jmdcm_store* store) { stores().free(store); }

jmdcm_status jmdcm_case_create(char** out_case, jmdcm_store* store, const char* actor_json, const char* case_json) {
    return write_case(out_case, store, actor_json, case_json, &Repository::create);
}

jmdcm_status jmdcm_case_create_all(char** out_report, jmdcm_store* store, const char* actor_json, const char* cases_json) {
    return answer(out_report, "out_report", store, actor_json, [&](Repository& r, const Actor& actor) {
        auto cases = doc<std::vector<Case>>(cases_json, "cases", strict);
        r.create_all(actor, cases);
        return "{\"created\":" + std::to_string(cases.size()) + "}";
    });
}

jmdcm_status jmdcm_case_save(char** out_case, jmdcm_store* store, const char* actor_json, const char* case_json) {
    return write_case(out_case, store, actor_json, case_json, &Repository::save);
}

jmdcm_status jmdcm_case_load(char** out_case, jmdcm_store* store, const char* actor_json, const char* case_id) {
    return answer(out_case, "out_case", store, actor_json, [&](Repository& r, const Actor& actor) {
        need(case_id, "case_id");
        return json::to_string(r.load(actor, case_id));
    });
}

jmdcm_status jmdcm_case_query(char** out_summaries, jmdcm_store* store, const char* actor_json, const char* query_json) {
    return answer(out_summaries, "out_summaries", store, actor_json, [&](Repository& r, const Actor& actor) {
        const CaseQuery q = query_json ? doc<CaseQuery>(query_json, "query", strict) : CaseQuery{};
        return json::to_string(r.query(actor, q));
    });
}

jmdcm_status jmdcm_store_sweep(char** out_report, jmdcm_store* store, const char* actor_json, const char* date,
                               const char* policy_json) {
    return answer(out_report, "out_report", store, actor_json, [&](Repository& r, const Actor& actor) {
        return json::to_string(r.sweep(actor, date_of(date, "date"), policy_of(policy_json)));
    });
}

jmdcm_status jmdcm_store_requirements(char** out_report, jmdcm_store* store, const char* actor_json, const char* case_id) {
    return answer(out_report, "out_report", store, actor_json, [&](Repository& r, const Actor& actor) {
        need(case_id, "case_id");
        return json::to_string(r.requirements_report(actor, case_id));
    });
}

jmdcm_status jmdcm_store_anonymise_case(jmdcm_store* store, const char* actor_json, const char* case_id, const char* date) {
    return guard([&] {
        Repository& r = repo_of(store);
        const Actor actor = actor_of(actor_json);
        need(case_id, "case_id");
        r.anonymise_case(actor, case_id, date_of(date, "date"));
    });
}

jmdcm_status jmdcm_store_caseload(char** out_caseload, jmdcm_store* store, const char* actor_json, const char* policy_json) {
    return answer(out_caseload, "out_caseload", store, actor_json, [&](Repository& r, const Actor& actor) {
        return json::to_string(caseload_of(r, actor, policy_of(policy_json)));
    });
}

jmdcm_status jmdcm_store_audit(char** out_records, jmdcm_store* store, const char* actor_json, const char* query_json) {
    return answer(out_records, "out_records", store, actor_json, [&](Repository& r, const Actor& actor) {
        const AuditQuery q = query_json ? doc<AuditQuery>(query_json, "query", strict) : AuditQuery{};
        return json::to_string(r.audit_trail(actor, q));
    });
}

jmdcm_status jmdcm_store_capabilities(char** out_capabilities, jmdcm_store* store) {
    return guard([&] {
        reset(out_capabilities, "out_capabilities");
        give(out_capabilities, json::to_string(repo_of(store).capabilities()));
    });
}

jmdcm_status jmdcm_store_transact(jmdcm_store* store, const char* actor_json, jmdcm_transaction_body body, void* payload) {
    return guard([&] {
        Repository& r = repo_of(store);
        const Actor actor = actor_of(actor_json);  // checked; each call in the body names its own actor
        if (!body) fail(errc::invalid_argument, "", "body", "body must not be NULL");
        r.transact(actor, [&](CaseStore&) {
            // the body's calls on `store` join this transaction: same thread, the store's lock is re-entrant
            const jmdcm_status status = body(store, payload);
            if (status == JMDCM_OK) return;
            // the body's own error keeps its rule and field; the message says where it came from
            const LastError said = last_error();
            const auto code = jmdcm_status_name(status) == std::string("unknown") ? errc::internal : static_cast<errc>(status);
            const bool own = said.status == status && !said.message.empty();
            fail(code, own ? said.rule : "", own && !said.field.empty() ? said.field : "body",
                 std::string("the transaction body returned ") + jmdcm_status_name(status) + (own ? ": " + said.detail : ""));
        });
    });
}

jmdcm_status jmdcm_example_samira(char** out_case, jmdcm_store* store, const char* actor_json) {
    return answer(out_case, "out_case", store, actor_json, [&](Repository& r, const Actor& actor) {
        return json::to_string(example::run_samira(r, actor, Policy{}));
    });
}

}  // extern "C"
