/* jmdcm/backend.h: storage the host provides, under the library's rules.
 *
 * A host that keeps its own database (a monitoring program, a C# front end on SQL Server,
 * a Python notebook) gives the library a backend: a versioned struct of callbacks in the
 * style of libgit2's odb backends and SQLite's sqlite3_vfs. The backend only keeps
 * documents and answers queries. Everything with meaning stays in the library: access
 * checks, the audit record of every access, the rules every write is judged by, versions,
 * store-side steps, the retention sweep, reports and the agenda.
 *
 * Conventions:
 * - Every callback gets the backend's user_data first. A callback returns JMDCM_OK or a
 *   status of jmdcm.h (JMDCM_CONFLICT for a stale expected version, JMDCM_ALREADY_EXISTS for
 *   an insert over a stored id, JMDCM_STORAGE_* for the medium) and may describe the
 *   failure with jmdcm_error_set(); the library names the callback in the error it raises.
 * - Answers go into the jmdcm_reply the callback was given, with jmdcm_reply_add(); the
 *   library copies them before the callback returns, so the host keeps its own memory.
 * - JSON handed to callbacks is UTF-8 and the callback must not keep the pointers.
 * - The library serialises the calls on one store: a backend object sees one call at a
 *   time, from the thread that called the store. begin/commit/rollback bracket every call
 *   that reads or writes.
 * - Nothing the backend answers is trusted: garbage JSON, a wrong id or version, a NULL
 *   answer or a status outside jmdcm.h's table give the host a clear error naming the
 *   callback, and never corrupt the library's state.
 *
 * Why a struct and not one setter per callback: one struct copied at open cannot be
 * half-registered, and growth stays additive (new fields at the end, a new
 * JMDCM_BACKEND_VERSION, old hosts keep working), as with sqlite3_vfs. C# fills it with
 * [StructLayout(Sequential)] and function pointers from Marshal.GetFunctionPointerForDelegate
 * (IntPtr fields need no layout matching beyond their order); Python's wrapper fills it in C.
 */
#ifndef JMDCM_BACKEND_H
#define JMDCM_BACKEND_H

#include "jmdcm/jmdcm.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The struct layout this header describes. Bumped when fields are appended. */
#define JMDCM_BACKEND_VERSION 1

/** Capability flags (jmdcm_backend.flags). */
/** An erasing put leaves no recoverable copy of the old document (R3, R13). Without it the
 *  store reports erasure as not guaranteed, naming erasure_gaps. */
#define JMDCM_BACKEND_ERASES 1u
/** append_audit keeps the audit records; without it every record goes to the host's audit
 *  hook, and a store without either refuses every access to personal data. */
#define JMDCM_BACKEND_KEEPS_AUDIT 2u

/** Where a callback puts its answer; valid only during that callback. */
typedef struct jmdcm_reply jmdcm_reply;

/** The backend. Documents exchanged:
 *  - a case row: {"summary":{case summary as jmdcm_case_query answers it},
 *    "substitutes":["fk-2",...],"document":"<the case as JSON text>"}; the library computes
 *    it, the backend stores it and answers it back unchanged;
 *  - a stored partner: {"id":"...","version":n,"document":"<the partner as JSON text>"};
 *  - an audit record and an audit query as jmdcm_store_audit shows them;
 *  - a case query: {"filter":{case query},"visible_to":"fk-1" or null,
 *    "due":{"activity_before":"YYYY-MM-DD","contact_before":"YYYY-MM-DD"} or null,
 *    "documents":true|false}. visible_to: the case worker is that id, or it is among the
 *    substitutes. due: not anonymised and (not running, or last activity before
 *    activity_before, or last contact before contact_before). */
typedef struct jmdcm_backend {
    unsigned int version;       /* JMDCM_BACKEND_VERSION the host was written against */
    void *user_data;            /* handed to every callback */
    const char *name;           /* shown in errors and capabilities; copied at open */
    unsigned int flags;         /* JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT */
    const char *erasure_gaps;   /* what keeps old bytes without JMDCM_BACKEND_ERASES (backups, logs); copied */

    /* Transactions: write is 0 for a call that writes only audit records. */
    jmdcm_status (JMDCM_CALLBACK *begin)(void *user_data, int write);
    jmdcm_status (JMDCM_CALLBACK *commit)(void *user_data);
    void (JMDCM_CALLBACK *rollback)(void *user_data);

    /* Cases. get_case adds the stored row, or nothing when the id is not stored. put_case
     * stores row_json as `version` if the stored version is expected_version (0: the id must
     * not be stored yet); erases: the old row holds personal data that must leave no
     * recoverable copy. find_cases adds the matching rows, ordered by id, with the filter's
     * limit; or a superset (every row) without applying the limit: the library filters again. */
    jmdcm_status (JMDCM_CALLBACK *get_case)(void *user_data, const char *case_id, jmdcm_reply *reply);
    jmdcm_status (JMDCM_CALLBACK *put_case)(void *user_data, const char *case_id, int64_t version, int64_t expected_version,
                                            const char *row_json, int erases);
    jmdcm_status (JMDCM_CALLBACK *find_cases)(void *user_data, const char *query_json, jmdcm_reply *reply);

    /* The office's network partners (no personal data), as for cases. */
    jmdcm_status (JMDCM_CALLBACK *list_partners)(void *user_data, jmdcm_reply *reply);
    jmdcm_status (JMDCM_CALLBACK *put_partner)(void *user_data, const char *partner_id, int64_t version, int64_t expected_version,
                                               const char *stored_json);

    /* The audit log: append-only. audit_records adds the records the query selects, oldest
     * first, or all of them (the library filters again). Both NULL without
     * JMDCM_BACKEND_KEEPS_AUDIT. */
    jmdcm_status (JMDCM_CALLBACK *append_audit)(void *user_data, const char *record_json);
    jmdcm_status (JMDCM_CALLBACK *audit_records)(void *user_data, const char *query_json, jmdcm_reply *reply);

    /* Optional (NULL): nonzero while an erasing put has committed but old bytes remain. */
    int (JMDCM_CALLBACK *erasure_pending)(void *user_data);
    /* Optional (NULL): called once, when the store is freed or when opening it fails. */
    void (JMDCM_CALLBACK *destroy)(void *user_data);
} jmdcm_backend;

/** Zeroes *backend and sets its version; JMDCM_INVALID_ARGUMENT for a version this library
 *  does not know (newer than its JMDCM_BACKEND_VERSION, or 0). */
JMDCM_API jmdcm_status jmdcm_backend_init(jmdcm_backend *backend, unsigned int version);

/** Adds one answer (a JSON document, copied) to the reply a callback was given. A NULL
 *  json, or a reply that is not the running callback's, is JMDCM_INVALID_ARGUMENT, and the
 *  callback's answer is then refused as a whole. */
JMDCM_API jmdcm_status jmdcm_reply_add(jmdcm_reply *reply, const char *json);

/** Describes the failure a callback is about to return (copied; the thread's own). */
JMDCM_API void jmdcm_error_set(const char *message);

/** What the host gives a store besides the backend; the struct is copied at open. */
#define JMDCM_HOOKS_VERSION 1
typedef struct jmdcm_hooks {
    unsigned int version;       /* JMDCM_HOOKS_VERSION */
    void *user_data;
    /* Optional: every audit record (JSON), after the transaction it belongs to committed
     * (or after a rollback, for the records that must stay). For hosts that keep the audit
     * themselves or whose backend is read-only. */
    void (JMDCM_CALLBACK *audit)(void *user_data, const char *record_json);
    /* Optional: the day access rules and saves are judged on, written as "YYYY-MM-DD" into
     * date (11 bytes with the terminating NUL). Without it: options' "today", else UTC today. */
    jmdcm_status (JMDCM_CALLBACK *today)(void *user_data, char date[11]);
} jmdcm_hooks;

/** Opens a store over a host's backend. backend is copied; its destroy callback is called
 *  exactly once: when the store is freed, or before this call returns a failure (unless
 *  backend->version is 0, an uninitialised struct). hooks may be NULL. options_json as jmdcm_store_open_memory
 *  ("today", "policy"). Free with jmdcm_store_free. */
JMDCM_API jmdcm_status jmdcm_store_open_backend(jmdcm_store **out, const jmdcm_backend *backend, const jmdcm_hooks *hooks,
                                                const char *options_json);

#ifdef __cplusplus
}
#endif

#endif
