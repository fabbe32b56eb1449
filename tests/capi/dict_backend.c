/* See dict_backend.h. */
#include "dict_backend.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *id;
    int64_t version;
    char *json;
} entry;

typedef struct table {
    entry *rows;
    size_t n;
} table;

struct dict_backend {
    table cases, partners, audit;
    table saved_cases, saved_partners; /* the state at begin */
    size_t saved_audit;                /* the audit log is append-only: its length at begin */
    int open, commits, rollbacks;
    enum dict_fault fault;
};

static char *copy(const char *s) {
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

static void table_clear(table *t) {
    size_t i;
    for (i = 0; i < t->n; ++i) {
        free(t->rows[i].id);
        if (t->rows[i].json) memset(t->rows[i].json, 0, strlen(t->rows[i].json)); /* no old bytes stay behind */
        free(t->rows[i].json);
    }
    free(t->rows);
    t->rows = NULL;
    t->n = 0;
}

static int table_copy(table *to, const table *from) {
    size_t i;
    table_clear(to);
    if (!from->n) return 1;
    to->rows = calloc(from->n, sizeof(entry));
    if (!to->rows) return 0;
    for (i = 0; i < from->n; ++i) {
        to->rows[i].id = copy(from->rows[i].id);
        to->rows[i].json = copy(from->rows[i].json);
        to->rows[i].version = from->rows[i].version;
        to->n = i + 1;
        if (!to->rows[i].id || !to->rows[i].json) return 0;
    }
    return 1;
}

static entry *find(table *t, const char *id) {
    size_t i;
    for (i = 0; i < t->n; ++i)
        if (strcmp(t->rows[i].id, id) == 0) return &t->rows[i];
    return NULL;
}

static int add(table *t, const char *id, int64_t version, const char *json) {
    entry *rows = realloc(t->rows, (t->n + 1) * sizeof(entry));
    if (!rows) return 0;
    t->rows = rows;
    rows[t->n].id = copy(id);
    rows[t->n].json = copy(json);
    rows[t->n].version = version;
    if (!rows[t->n].id || !rows[t->n].json) return 0;
    ++t->n;
    return 1;
}

/* Stores json under id at version if the stored version is `expected` (0: none stored). */
static jmdcm_status put(table *t, const char *id, int64_t version, int64_t expected, const char *json) {
    entry *e = find(t, id);
    if (!e) {
        if (expected != 0) {
            jmdcm_error_set("no such row");
            return JMDCM_CONFLICT;
        }
        return add(t, id, version, json) ? JMDCM_OK : JMDCM_STORAGE_FULL;
    }
    if (expected == 0) return JMDCM_ALREADY_EXISTS;
    if (e->version != expected) {
        jmdcm_error_set("the stored version differs");
        return JMDCM_CONFLICT;
    }
    {
        char *fresh = copy(json);
        if (!fresh) return JMDCM_STORAGE_FULL;
        memset(e->json, 0, strlen(e->json)); /* erasure: the old bytes do not stay in freed memory */
        free(e->json);
        e->json = fresh;
        e->version = version;
    }
    return JMDCM_OK;
}

static jmdcm_status JMDCM_CALLBACK d_begin(void *u, int write) {
    dict_backend *d = u;
    (void)write;
    if (d->open) {
        jmdcm_error_set("a transaction is open already");
        return JMDCM_INTERNAL;
    }
    if (!table_copy(&d->saved_cases, &d->cases) || !table_copy(&d->saved_partners, &d->partners)) return JMDCM_STORAGE_FULL;
    d->saved_audit = d->audit.n;
    d->open = 1;
    return JMDCM_OK;
}

static void drop_saved(dict_backend *d) {
    table_clear(&d->saved_cases);
    table_clear(&d->saved_partners);
}

static jmdcm_status JMDCM_CALLBACK d_commit(void *u) {
    dict_backend *d = u;
    if (!d->open) return JMDCM_INTERNAL;
    drop_saved(d);
    d->open = 0;
    ++d->commits;
    return JMDCM_OK;
}

static void JMDCM_CALLBACK d_rollback(void *u) {
    dict_backend *d = u;
    if (!d->open) return;
    table_copy(&d->cases, &d->saved_cases);
    table_copy(&d->partners, &d->saved_partners);
    while (d->audit.n > d->saved_audit) { /* drop the records appended since begin */
        --d->audit.n;
        free(d->audit.rows[d->audit.n].id);
        free(d->audit.rows[d->audit.n].json);
    }
    drop_saved(d);
    d->open = 0;
    ++d->rollbacks;
}

static jmdcm_status JMDCM_CALLBACK d_get_case(void *u, const char *id, jmdcm_reply *reply) {
    dict_backend *d = u;
    entry *e = find(&d->cases, id);
    if (d->fault == DICT_GARBAGE) return jmdcm_reply_add(reply, "{\"summary\": [garbage");
    if (d->fault == DICT_OTHER_ID && d->cases.n) e = &d->cases.rows[0];
    if (!e) return JMDCM_OK;
    if (d->fault == DICT_ZERO_VERSION) {
        /* the stored row with its version changed to 0 */
        const char *at = strstr(e->json, "\"version\":");
        char *bad = copy(e->json);
        jmdcm_status st;
        if (!bad || !at) return JMDCM_INTERNAL;
        bad[at - e->json + 10] = '0';
        st = jmdcm_reply_add(reply, bad);
        free(bad);
        return st;
    }
    return jmdcm_reply_add(reply, e->json);
}

static jmdcm_status JMDCM_CALLBACK d_put_case(void *u, const char *id, int64_t version, int64_t expected, const char *row, int erases) {
    dict_backend *d = u;
    (void)erases; /* every put overwrites the old bytes */
    if (d->fault == DICT_FAILING_PUT) {
        jmdcm_error_set("the host's disk is full");
        return JMDCM_STORAGE_FULL;
    }
    if (d->fault == DICT_STRANGE_STATUS) return (jmdcm_status)12345;
    return put(&d->cases, id, version, expected, row);
}

static jmdcm_status JMDCM_CALLBACK d_find_cases(void *u, const char *query, jmdcm_reply *reply) {
    dict_backend *d = u;
    size_t i;
    int times;
    (void)query; /* a superset: the library filters */
    if (d->fault == DICT_NULL_ANSWER) return jmdcm_reply_add(reply, NULL);
    for (times = d->fault == DICT_TWICE ? 2 : 1; times > 0; --times)
        for (i = 0; i < d->cases.n; ++i) {
            jmdcm_status st = jmdcm_reply_add(reply, d->cases.rows[i].json);
            if (st != JMDCM_OK) return st;
        }
    return JMDCM_OK;
}

static jmdcm_status JMDCM_CALLBACK d_list_partners(void *u, jmdcm_reply *reply) {
    dict_backend *d = u;
    size_t i;
    for (i = 0; i < d->partners.n; ++i) {
        jmdcm_status st = jmdcm_reply_add(reply, d->partners.rows[i].json);
        if (st != JMDCM_OK) return st;
    }
    return JMDCM_OK;
}

static jmdcm_status JMDCM_CALLBACK d_put_partner(void *u, const char *id, int64_t version, int64_t expected, const char *stored) {
    dict_backend *d = u;
    return put(&d->partners, id, version, expected, stored);
}

static jmdcm_status JMDCM_CALLBACK d_append_audit(void *u, const char *record) {
    dict_backend *d = u;
    return add(&d->audit, "", 0, record) ? JMDCM_OK : JMDCM_STORAGE_FULL;
}

static jmdcm_status JMDCM_CALLBACK d_audit_records(void *u, const char *query, jmdcm_reply *reply) {
    dict_backend *d = u;
    size_t i;
    (void)query; /* all of them: the library filters */
    for (i = 0; i < d->audit.n; ++i) {
        jmdcm_status st = jmdcm_reply_add(reply, d->audit.rows[i].json);
        if (st != JMDCM_OK) return st;
    }
    return JMDCM_OK;
}

static void JMDCM_CALLBACK d_destroy(void *u) {
    dict_backend *d = u;
    table_clear(&d->cases);
    table_clear(&d->partners);
    table_clear(&d->audit);
    drop_saved(d);
    free(d);
}

dict_backend *dict_new(void) { return calloc(1, sizeof(dict_backend)); }

void dict_fill(jmdcm_backend *b, dict_backend *d, unsigned int flags) {
    b->user_data = d;
    b->name = "dict";
    b->flags = flags;
    b->erasure_gaps = (flags & JMDCM_BACKEND_ERASES) ? NULL : "the host's nightly backups";
    b->begin = d_begin;
    b->commit = d_commit;
    b->rollback = d_rollback;
    b->get_case = d_get_case;
    b->put_case = d_put_case;
    b->find_cases = d_find_cases;
    b->list_partners = d_list_partners;
    b->put_partner = d_put_partner;
    if (flags & JMDCM_BACKEND_KEEPS_AUDIT) {
        b->append_audit = d_append_audit;
        b->audit_records = d_audit_records;
    }
    b->destroy = d_destroy;
}

const char *dict_get(const dict_backend *d, const char *case_id) {
    size_t i;
    for (i = 0; i < d->cases.n; ++i)
        if (strcmp(d->cases.rows[i].id, case_id) == 0) return d->cases.rows[i].json;
    return NULL;
}

void dict_set_fault(dict_backend *d, enum dict_fault fault) { d->fault = fault; }
int dict_commits(const dict_backend *d) { return d->commits; }
int dict_rollbacks(const dict_backend *d) { return d->rollbacks; }
int dict_open(const dict_backend *d) { return d->open; }

static int table_holds(const table *t, const char *text) {
    size_t i;
    for (i = 0; i < t->n; ++i)
        if (strstr(t->rows[i].json, text)) return 1;
    return 0;
}

int dict_holds(const dict_backend *d, const char *text) {
    return table_holds(&d->cases, text) || table_holds(&d->partners, text) || table_holds(&d->audit, text) ||
           table_holds(&d->saved_cases, text) || table_holds(&d->saved_partners, text);
}
