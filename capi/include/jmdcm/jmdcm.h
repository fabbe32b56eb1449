/* jmdcm: the C ABI of the JMD Case Management library.
 *
 * The only interface a host links against (libjmdcm). Conventions:
 * - Every function returns a jmdcm_status; results come through out-parameters, which
 *   come first. On failure jmdcm_last_error() names the rule (R1..R15) and the field.
 * - Composite values are UTF-8 JSON documents carrying "schema" where they are
 *   documents (cases, policies): new optional fields never break older hosts.
 * - Ownership: a `char **out` receives a string owned by the caller that must be freed
 *   with jmdcm_string_free(); handles are freed with their _free function; both free
 *   functions accept NULL and may be called from any thread. Strings returned as
 *   `const char *` belong to the library.
 * - Handles are opaque. A freed or foreign handle gives JMDCM_INVALID_ARGUMENT.
 * - Nothing throws or aborts across this boundary.
 * - Additive evolution only: a changed meaning gets a new _v2 function.
 */
#ifndef JMDCM_H
#define JMDCM_H

#include "jmdcm/jmdcm_export.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Bumped only by additions; a host may compare it with jmdcm_abi_version(). */
#define JMDCM_ABI_VERSION 8

/** The calling convention of callbacks (cdecl on Windows, the platform's default elsewhere). */
#if defined(_WIN32)
#define JMDCM_CALLBACK __cdecl
#else
#define JMDCM_CALLBACK
#endif

/** Status codes: the library's one error table (jmdcm/error_codes.def). */
typedef enum jmdcm_status {
#define JMDCM_ERROR(name, upper, number, message) JMDCM_##upper = number,
#include "jmdcm/error_codes.def"
#undef JMDCM_ERROR
    JMDCM_STATUS_MAX_ = 0x7fffffff
} jmdcm_status;

/** Library version, e.g. "0.1.0". Owned by the library. */
JMDCM_API const char *jmdcm_version(void);
/** ABI version of the loaded library (JMDCM_ABI_VERSION it was built with). */
JMDCM_API int jmdcm_abi_version(void);
/** Stable name of a status, e.g. "release_required". Owned by the library. */
JMDCM_API const char *jmdcm_status_name(jmdcm_status status);
/** Message of the last failed call on this thread ("" after a success). Owned by the
 *  library; valid until the next jmdcm call on the same thread. */
JMDCM_API const char *jmdcm_last_error(void);
/** Frees a string returned through a `char **out`. NULL is allowed. */
JMDCM_API void jmdcm_string_free(char *s);

/* ------------------------------------------------------------------ stores */

typedef struct jmdcm_store jmdcm_store;

/** Opens an in-memory store. options_json may be NULL or {"today":"YYYY-MM-DD"} to pin
 *  the day access rules (R15 substitution) and saves are judged on, and "policy" (a policy
 *  document) for the rules raw creates and saves are judged under. Free with jmdcm_store_free. */
JMDCM_API jmdcm_status jmdcm_store_open_memory(jmdcm_store **out, const char *options_json);
/** Opens (or creates) a SQLite file. options_json may be NULL or hold "today",
 *  "read_only", "busy_timeout_ms", "synchronous_full", "check_on_open". A read-only file
 *  cannot record the audit of an access, and the C ABI has no audit sink to take it
 *  instead, so a read-only store refuses every access (JMDCM_STORAGE_READONLY). A file
 *  sealed under per-case keys opens here read-only only (else JMDCM_STORE_SEALED): open it
 *  with jmdcm_store_open_sqlite_sealed (jmdcm/keys.h). */
JMDCM_API jmdcm_status jmdcm_store_open_sqlite(jmdcm_store **out, const char *path, const char *options_json);
/** Opens a store on a PostgreSQL server: conninfo is a libpq connection string or URI
 *  ("postgresql://jmdcm@db.example/jmd?sslmode=verify-full"; TLS settings pass through). The
 *  schema is created or migrated in the first schema of the search_path. options_json may be
 *  NULL or hold "today", "policy", "vacuum_after_erasure" (default true: VACUUM the case
 *  table once after each call that anonymised, a whole sweep included) and "pool_size"
 *  (default 1, at most 1024: connections opened as calls from that many threads run at
 *  once; further calls wait for one). Erasure
 *  is not guaranteed there (WAL archives, backups, replicas): jmdcm_store_capabilities says so.
 *  A schema sealed under per-case keys opens here not at all (JMDCM_STORE_SEALED): use
 *  jmdcm_store_open_postgres_sealed (jmdcm/keys.h). */
JMDCM_API jmdcm_status jmdcm_store_open_postgres(jmdcm_store **out, const char *conninfo, const char *options_json);
/** Closes a store. NULL, or a handle already freed, is allowed; any thread, but not while
 *  another call on the same handle is still running. */
JMDCM_API void jmdcm_store_free(jmdcm_store *store);

/** The store's capabilities: {"name":..,"erases":bool,"erasure_gaps":..,"keeps_audit":bool,
 *  "writable":bool (false: opened read-only),"sealed":bool (the cases are sealed under
 *  per-case keys, jmdcm/keys.h; such a store opens writable only with its key-encryption
 *  key, else JMDCM_STORE_SEALED)}. */
JMDCM_API jmdcm_status jmdcm_store_capabilities(char **out_capabilities, jmdcm_store *store);

/** Runs body atomically: every call the body makes on this store from this thread joins one
 *  transaction, which commits when body returns JMDCM_OK and rolls back otherwise (the
 *  body's status is returned; the calls' audit records of refusals stay). It holds one of
 *  the store's connections (one unless "pool_size" gave more) until it ends; other threads'
 *  calls wait while none is free. actor_json is checked, and each call in the body
 *  names its own actor. */
typedef jmdcm_status (JMDCM_CALLBACK *jmdcm_transaction_body)(jmdcm_store *store, void *payload);
JMDCM_API jmdcm_status jmdcm_store_transact(jmdcm_store *store, const char *actor_json, jmdcm_transaction_body body, void *payload);

/* ------------------------------------------------------------------ cases in a store
 * actor_json: {"id":"fachkraft-1","role":"case_worker"} (roles: case_worker, team_lead,
 * statistics, administrator). Every call is access-checked and audited.
 *
 * Who authenticates: the host. It proves who the person is and passes that person as the
 * actor; the library authorises every access by the actor's role and the case (R4, R15)
 * and records it in the audit log. To a case worker, a case of another worker and a
 * missing id both answer JMDCM_NOT_FOUND ("no case 'X'"), so ids cannot be probed; the
 * audit log keeps the difference (access_denied).
 *
 * The rules hold at the store: create and save judge the proposed document against the
 * stored one (R1, R3, R4, R11, R13, R15), so a raw write can only do what some sequence of
 * steps could do. jmdcm_store_step is the way to change a stored case. */

/** Stores a new case; *out_case receives it as stored (version 1). */
JMDCM_API jmdcm_status jmdcm_case_create(char **out_case, jmdcm_store *store, const char *actor_json, const char *case_json);
/** Stores new cases (cases_json: a JSON array of cases), all or none: an import. Each is
 *  judged and audited as jmdcm_case_create does; an id stored already, or twice in the
 *  array, is JMDCM_ALREADY_EXISTS naming it. A server store writes them in batches.
 *  *out_report receives {"created": n}. (ABI 7) */
JMDCM_API jmdcm_status jmdcm_case_create_all(char **out_report, jmdcm_store *store, const char *actor_json, const char *cases_json);
/** Loads a case by id. */
JMDCM_API jmdcm_status jmdcm_case_load(char **out_case, jmdcm_store *store, const char *actor_json, const char *case_id);
/** Saves a changed case; JMDCM_CONFLICT when it was changed meanwhile (nothing written).
 *  The change is judged against the stored case: a change no step could make is refused
 *  with its rule's status, naming the field (e.g. JMDCM_CASE_ANONYMISED for a save that
 *  sets "anonymised_on", JMDCM_HISTORY_CHANGED for an edited journal entry). */
JMDCM_API jmdcm_status jmdcm_case_save(char **out_case, jmdcm_store *store, const char *actor_json, const char *case_json);
/** Applies one step of the method (see jmdcm_store_steps(): the steps of jmdcm_case_step,
 *  plus "reopen_as_new_case" with {new_id, on}) to a stored case: loads it, checks access,
 *  applies the step under its rules and saves, all in one transaction; audited with the
 *  step's name, never its values. expected_version 0 means "the stored one"; any other
 *  value is an optimistic check (JMDCM_CONFLICT, nothing written). *out_case receives the
 *  case as stored. policy_json may be NULL for the handbook's defaults. */
JMDCM_API jmdcm_status jmdcm_store_step(char **out_case, jmdcm_store *store, const char *actor_json, const char *case_id,
                                        int64_t expected_version, const char *step, const char *input_json,
                                        const char *policy_json);
/** The step names jmdcm_store_step() knows, as a JSON array. */
JMDCM_API jmdcm_status jmdcm_store_steps(char **out_names);
/** Case summaries visible to the actor, as a JSON array; query_json may be NULL. */
JMDCM_API jmdcm_status jmdcm_case_query(char **out_summaries, jmdcm_store *store, const char *actor_json, const char *query_json);
/** R13 retention sweep for a date (administrators); *out_report receives the report. */
JMDCM_API jmdcm_status jmdcm_store_sweep(char **out_report, jmdcm_store *store, const char *actor_json, const char *date,
                                         const char *policy_json);

/** The audit trail, oldest first, as a JSON array of {at, actor, role, case_id, operation,
 *  allowed, detail}: who did what to which case and whether it was allowed, never values
 *  (GDPR Art. 15: "who looked at my file?"). query_json may be NULL or filter by
 *  {"case_id", "actor", "operation", "from", "to" (UTC days, inclusive), "limit"}.
 *  Administrators and team leads see every record; a case worker the records of one case
 *  they may handle (name it in "case_id"); the statistics role none. The reading itself
 *  is audited. */
JMDCM_API jmdcm_status jmdcm_store_audit(char **out_records, jmdcm_store *store, const char *actor_json, const char *query_json);

/** R14 report on a stored case for a team lead or its case worker; no personal data. */
JMDCM_API jmdcm_status jmdcm_store_requirements(char **out_report, jmdcm_store *store, const char *actor_json, const char *case_id);
/** R11/R13: anonymises one stored case at once, on disk (administrators). */
JMDCM_API jmdcm_status jmdcm_store_anonymise_case(jmdcm_store *store, const char *actor_json, const char *case_id, const char *date);
/** R15: running cases per case worker among the cases visible to the actor, with the
 *  policy's caseload level, as a JSON array. policy_json may be NULL. */
JMDCM_API jmdcm_status jmdcm_store_caseload(char **out_caseload, jmdcm_store *store, const char *actor_json, const char *policy_json);

/* ------------------------------------------------------------------ steps on a case document */

/** Applies one step of the method to a case document and returns the changed case.
 *  step names the operation ("record_consent", "grant_release", "refer", "review_goal",
 *  "close_case", ...: see jmdcm_case_steps()); input_json is its input; policy_json may
 *  be NULL for the handbook's defaults. A refused step returns its rule's status, e.g.
 *  JMDCM_RELEASE_REQUIRED with "R4: no release from confidentiality for recipient ...". */
JMDCM_API jmdcm_status jmdcm_case_step(char **out_case, const char *case_json, const char *step, const char *input_json,
                                       const char *policy_json);
/** The step names jmdcm_case_step() knows, as a JSON array. */
JMDCM_API jmdcm_status jmdcm_case_steps(char **out_names);
/** R14: which minimum requirements a case meets, as a JSON report. */
JMDCM_API jmdcm_status jmdcm_case_requirements(char **out_report, const char *case_json);

/* ------------------------------------------------------------------ pure rule functions
 * Nothing is stored or changed. Rules and their input documents:
 *   open_case                {id, office, case_worker, opened, kind?}        -> case (R1)
 *   check_eligibility        {person:{intake_date, birth_date, residence, many_needs_many_actors,
 *                             preventive_justification?, postcode}, region:["603*", ...]} -> result (R2)
 *   record_eligibility       {date, result, referral?}                     -> record (R2)
 *   screening_recommendation screening                                     -> recommendation (R6)
 *   validate_assessment      assessment                                    -> warnings (R7)
 *   compare_assessments      {before, after}                               -> changes (R7, R11)
 *   check_plan               {plan, concluded?:[goal ids]}                 -> issues (R8, R9)
 *   phase_gate               {case, to, on}                                -> what is missing (R1, R14)
 *   retention_decision       {case, on}                                    -> decision (R13)
 *   summarise                case                                          -> summary
 *   caseload                 [summaries]                                   -> caseload (R15)
 *   reopen_as_new_case       {case, new_id, on}                            -> {previous, reopened} (R11)
 *   policy                   (input ignored)                               -> the effective policy
 *   catalogue                (input ignored)                               -> the goal catalogue (R8)
 *   validate_catalogue       catalogue                                     -> the catalogue (R8)
 *   synthetic_case           {options:{seed, first_day, span_days, case_workers, office}, index}
 *                                                                          -> a synthetic case
 *   vocabulary               (input ignored)                               -> [{name, values}] of the enums
 *   statistics               {cases:[...], on, min_cell?}                  -> suppressed tables (R12, R15)
 *   gas_scores               case                                          -> [{goal_id, score, weight}] (R11)
 *   gas_t_score              {scores:[{goal_id, score -2..2, weight}], rho? (0.3)} -> {t_score, scores}
 *   validate_partner         partner                                       -> the partner (R12)
 *   evaluate_cooperation     {partner, on, next?}                          -> the partner, next review set (R12)
 *   cooperations_due         {partners, year, on}                          -> the year's review list (R12)
 *   network_map              {partners, cases, on}                         -> the network map (R12)
 *   supply_gap_bundles       {cases, on, query?:{period, from?, to?, min_cell}} -> suppressed bundles (R12)
 *   agenda                   {cases, partners, query:{from, to, tolerance_days?}} -> dated items
 *   render_plan              {case, options?:{language de|en|plain, plan_version?}} -> HTML as a JSON string (R9)
 *   render_evaluation        {case, options?}                              -> HTML as a JSON string (R11)
 *   radar_chart              {case, options?:{language, first?, second?, perspectives?, size?}}
 *                                                                          -> SVG as a JSON string (R7) */

/** Evaluates one rule; policy_json may be NULL for the handbook's defaults. */
JMDCM_API jmdcm_status jmdcm_rule_evaluate(char **out_result, const char *rule, const char *input_json, const char *policy_json);
/** The rule names jmdcm_rule_evaluate() knows, as a JSON array. */
JMDCM_API jmdcm_status jmdcm_rule_names(char **out_names);

/* ------------------------------------------------------------------ research tables
 * Anonymised copies only (R13): tables "cases", "goals", "assessments" (long format) and
 * "supply_gaps", as columns of int32_t. The schema (JSON) gives each column's name, type
 * ("int32", "boolean", "date": days since 1970-01-01, "category": index into its
 * "categories") and the value that stands for missing. */

typedef struct jmdcm_table jmdcm_table;

/** Exports a table over the cases the actor may see. options_json:
 *  {"on":"YYYY-MM-DD" (the day the copies are anonymised as of), "query":{...}?}. */
JMDCM_API jmdcm_status jmdcm_table_export(jmdcm_table **out, jmdcm_store *store, const char *actor_json, const char *table,
                                          const char *options_json);
/** A table over a seeded synthetic population, stored nowhere. options_json may be NULL or
 *  {"count":100, "first_index":0, "population":{"seed":1, "first_day", "span_days",
 *  "case_workers", "office"}, "on"}. */
JMDCM_API jmdcm_status jmdcm_table_synthetic(jmdcm_table **out, const char *table, const char *options_json);
/** The table's schema: {"table", "rows", "columns":[{"name","type","missing","categories"}]}. */
JMDCM_API jmdcm_status jmdcm_table_schema(char **out_schema, const jmdcm_table *table);
/** Column `column` (0-based, schema order): *out_values points into the table (owned by it,
 *  valid until jmdcm_table_free), *out_rows values long. */
JMDCM_API jmdcm_status jmdcm_table_column(const int32_t **out_values, size_t *out_rows, const jmdcm_table *table,
                                          size_t column);
/** Frees a table. NULL, or a table already freed, is allowed. */
JMDCM_API void jmdcm_table_free(jmdcm_table *table);

/** R12/R15 statistics over the anonymised copies of the cases the actor may see: counts by
 *  closure reason, goal achievement by life area, supply gaps by life area and year,
 *  running cases per case worker. Cells below min_cell (default 3) are suppressed
 *  ("count": null, "suppressed": true), with secondary suppression so that none can be
 *  recovered from totals. options_json: {"on":"YYYY-MM-DD", "min_cell"?, "query"?}. */
JMDCM_API jmdcm_status jmdcm_store_statistics(char **out_report, jmdcm_store *store, const char *actor_json,
                                              const char *options_json);

/** Creates synthetic cases in a store, all in one transaction, with the actor (a case
 *  worker) as their case worker. options_json as for jmdcm_table_synthetic ("on" unused). */
JMDCM_API jmdcm_status jmdcm_store_generate(char **out_report, jmdcm_store *store, const char *actor_json,
                                            const char *options_json);

/* ------------------------------------------------------------------ system-level store requests
 * Access-checked and audited by the store. Requests and their input documents:
 *   save_partner       partner (version 0: new)                 -> the stored partner (R12)
 *   partners           (input ignored)                          -> the office's partners
 *   network_map        {on}                                     -> partners, linked cases, personal ties counted (R12)
 *   cooperations_due   {year, on}                               -> the year's review list (R12)
 *   supply_gaps        {on, query?, gaps?:{period, from?, to?, min_cell}} -> suppressed bundles (R12)
 *   agenda             {from, to, tolerance_days?}              -> the actor's agenda (own cases, cooperations)
 *   render_plan        {case_id, options?}                      -> HTML as a JSON string (R9)
 *   render_evaluation  {case_id, options?}                      -> HTML as a JSON string (R11)
 *   radar_chart        {case_id, options?}                      -> SVG as a JSON string (R7) */

/** Runs one store request; policy_json may be NULL for the handbook's defaults. */
JMDCM_API jmdcm_status jmdcm_store_request(char **out_result, jmdcm_store *store, const char *actor_json, const char *request,
                                           const char *input_json, const char *policy_json);
/** The request names jmdcm_store_request() knows, as a JSON array. */
JMDCM_API jmdcm_status jmdcm_store_requests(char **out_names);

/** Runs the handbook's worked example (Samira) into a store as the given case worker. */
JMDCM_API jmdcm_status jmdcm_example_samira(char **out_case, jmdcm_store *store, const char *actor_json);

#ifdef __cplusplus
}
#endif

#endif /* JMDCM_H */
