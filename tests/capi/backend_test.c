/* A host's backend through the C ABI: jmdcm_store_open_backend over the plain C dict
 * backend, the worked example on it, jmdcm_store_transact, the host's hooks (today, audit),
 * and what a misbehaving backend or host gets back. */
#include "check.h"
#include "dict_backend.h"

static const char *worker = "{\"id\":\"fachkraft-1\",\"role\":\"case_worker\"}";
static const char *lead = "{\"id\":\"tl\",\"role\":\"team_lead\"}";

static int destroyed;
static void(JMDCM_CALLBACK *dict_destroy)(void *);
static void JMDCM_CALLBACK counting_destroy(void *user) {
    ++destroyed;
    dict_destroy(user);
}

static dict_backend *fill(jmdcm_backend *b, unsigned int flags) {
    dict_backend *d = dict_new();
    CHECK(jmdcm_backend_init(b, JMDCM_BACKEND_VERSION) == JMDCM_OK);
    dict_fill(b, d, flags);
    dict_destroy = b->destroy;
    b->destroy = counting_destroy;
    return d;
}

static const char *case_json(const char *id) {
    static char buf[512];
    snprintf(buf, sizeof buf,
             "{\"schema\":1,\"id\":\"%s\",\"version\":0,\"office\":\"JMD\",\"case_worker\":\"fachkraft-1\",\"kind\":\"cm\","
             "\"phase\":\"intake\",\"opened\":\"2017-01-06\",\"last_activity\":\"2017-01-06\"}",
             id);
    return buf;
}

static void test_the_worked_example_on_a_host_backend(void) {
    jmdcm_backend b;
    jmdcm_store *store = NULL;
    char *samira = NULL, *report = NULL, *caps = NULL;
    dict_backend *d = fill(&b, JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT);
    destroyed = 0;
    CHECK(jmdcm_store_open_backend(&store, &b, NULL, "{\"today\":\"2017-01-10\"}") == JMDCM_OK);
    CHECK(jmdcm_store_capabilities(&caps, store) == JMDCM_OK);
    CHECK(contains(caps, "\"name\":\"dict\"") && contains(caps, "\"erases\":true") && contains(caps, "\"keeps_audit\":true"));
    CHECK(jmdcm_example_samira(&samira, store, worker) == JMDCM_OK);
    CHECK(dict_holds(d, "Samira"));  /* the host's backend keeps the documents */
    CHECK(jmdcm_store_requirements(&report, store, lead, "JMD-FFM-2016-0042") == JMDCM_OK);
    CHECK(contains(report, "\"met\":9"));
    CHECK(!dict_open(d));
    jmdcm_string_free(samira);
    jmdcm_string_free(report);
    jmdcm_string_free(caps);
    jmdcm_store_free(store);
    CHECK(destroyed == 1);  /* the host's destroy ran once, with the store */
}

static jmdcm_status JMDCM_CALLBACK create_two(jmdcm_store *store, void *payload) {
    char *out = NULL;
    jmdcm_status st = jmdcm_case_create(&out, store, worker, case_json("X-1"));
    jmdcm_string_free(out);
    if (st != JMDCM_OK) return st;
    st = jmdcm_case_create(&out, store, worker, case_json(payload ? "X-1" : "X-2")); /* payload: a duplicate */
    jmdcm_string_free(out);
    return st;
}

static void test_transactions_are_all_or_nothing(void) {
    jmdcm_backend b;
    jmdcm_store *store = NULL;
    char *list = NULL;
    dict_backend *d = fill(&b, JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT);
    CHECK(jmdcm_store_open_backend(&store, &b, NULL, "{\"today\":\"2017-01-10\"}") == JMDCM_OK);
    CHECK(jmdcm_store_transact(store, worker, create_two, "dup") == JMDCM_ALREADY_EXISTS);
    CHECK(contains(jmdcm_last_error(), "transaction body returned already_exists"));
    CHECK(dict_rollbacks(d) >= 1 && !dict_holds(d, "\"id\":\"X-1\""));  /* the first create went too */
    CHECK(jmdcm_store_transact(store, worker, create_two, NULL) == JMDCM_OK);
    CHECK(jmdcm_case_query(&list, store, lead, NULL) == JMDCM_OK);
    CHECK(contains(list, "\"X-1\"") && contains(list, "\"X-2\""));
    CHECK(jmdcm_store_transact(store, worker, NULL, NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(jmdcm_store_transact(store, "{\"id\":1}", create_two, NULL) == JMDCM_JSON_TYPE);
    jmdcm_string_free(list);
    jmdcm_store_free(store);
}

static int audited;
static int leaked;
static void JMDCM_CALLBACK on_audit(void *user, const char *record) {
    (void)user;
    ++audited;
    if (contains(record, "Samira")) ++leaked;
}
static const char *today_answer = "2017-01-10";
static jmdcm_status JMDCM_CALLBACK on_today(void *user, char date[11]) {
    (void)user;
    snprintf(date, 11, "%s", today_answer);
    return JMDCM_OK;
}

static void test_the_hosts_hooks_take_the_day_and_the_audit(void) {
    jmdcm_backend b;
    jmdcm_hooks hooks;
    jmdcm_store *store = NULL;
    char *samira = NULL, *loaded = NULL;
    fill(&b, JMDCM_BACKEND_ERASES); /* keeps no audit: the hook must take it */
    memset(&hooks, 0, sizeof hooks);
    hooks.version = JMDCM_HOOKS_VERSION;
    hooks.audit = on_audit;
    hooks.today = on_today;
    audited = leaked = 0;
    CHECK(jmdcm_store_open_backend(&store, &b, &hooks, NULL) == JMDCM_OK);
    CHECK(jmdcm_example_samira(&samira, store, worker) == JMDCM_OK);
    CHECK(jmdcm_case_load(&loaded, store, worker, "JMD-FFM-2016-0042") == JMDCM_OK);
    CHECK(audited > 1 && leaked == 0);  /* every access, no personal data */
    jmdcm_string_free(loaded);
    loaded = NULL;
    today_answer = "10.01.2017";
    CHECK(jmdcm_case_load(&loaded, store, worker, "JMD-FFM-2016-0042") == JMDCM_JSON_BAD_DATE);
    CHECK(contains(jmdcm_last_error(), "hooks.today"));
    CHECK(loaded == NULL);
    today_answer = "2017-01-10";
    jmdcm_string_free(samira);
    jmdcm_store_free(store);
}

static void test_a_misbehaving_backend_gets_a_status_naming_the_callback(void) {
    jmdcm_backend b;
    jmdcm_store *store = NULL;
    char *created = NULL, *saved = NULL, *loaded = NULL;
    dict_backend *d = fill(&b, JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT);
    CHECK(jmdcm_store_open_backend(&store, &b, NULL, "{\"today\":\"2017-01-10\"}") == JMDCM_OK);
    CHECK(jmdcm_case_create(&created, store, worker, case_json("C-1")) == JMDCM_OK);
    dict_set_fault(d, DICT_FAILING_PUT);
    CHECK(jmdcm_case_save(&saved, store, worker, created) == JMDCM_STORAGE_FULL);
    CHECK(contains(jmdcm_last_error(), "put_case failed: the host's disk is full"));
    CHECK(saved == NULL);
    dict_set_fault(d, DICT_GARBAGE);
    CHECK(jmdcm_case_load(&loaded, store, worker, "C-1") == JMDCM_STORAGE_CORRUPT);
    CHECK(contains(jmdcm_last_error(), "backend.get_case"));
    dict_set_fault(d, DICT_NO_FAULT);
    CHECK(jmdcm_case_load(&loaded, store, worker, "C-1") == JMDCM_OK);
    CHECK(contains(loaded, "\"version\":1"));
    /* a reply used outside its callback */
    CHECK(jmdcm_reply_add((jmdcm_reply *)d, "{}") == JMDCM_INVALID_ARGUMENT);
    jmdcm_string_free(created);
    jmdcm_string_free(loaded);
    jmdcm_store_free(store);
}

static void test_a_bad_struct_is_refused_and_left_to_the_host(void) {
    jmdcm_backend b;
    jmdcm_store *store = NULL;
    dict_backend *d = fill(&b, JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT);
    destroyed = 0;
    b.put_case = NULL;
    CHECK(jmdcm_store_open_backend(&store, &b, NULL, NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "backend.put_case"));
    CHECK(store == NULL && destroyed == 1);  /* the host's data is released once, also on a refusal */
    d = fill(&b, JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT);
    CHECK(jmdcm_store_open_backend(&store, &b, NULL, "{\"today\":\"yesterday\"}") == JMDCM_JSON_BAD_DATE);
    CHECK(store == NULL && destroyed == 2);
    d = fill(&b, JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT);
    b.version = 0;  /* not initialised: nothing of it is followed */
    CHECK(jmdcm_store_open_backend(&store, &b, NULL, NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "backend.version") && destroyed == 2);
    CHECK(jmdcm_store_open_backend(&store, NULL, NULL, NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(jmdcm_backend_init(&b, 0) == JMDCM_INVALID_ARGUMENT);
    CHECK(jmdcm_backend_init(NULL, JMDCM_BACKEND_VERSION) == JMDCM_INVALID_ARGUMENT);
    dict_destroy(d);
}

int main(void) {
    test_the_worked_example_on_a_host_backend();
    test_transactions_are_all_or_nothing();
    test_the_hosts_hooks_take_the_day_and_the_audit();
    test_a_misbehaving_backend_gets_a_status_naming_the_callback();
    test_a_bad_struct_is_refused_and_left_to_the_host();
    return finish();
}
