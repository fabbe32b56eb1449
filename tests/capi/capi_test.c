/* The C ABI, exercised from plain C (which also proves the header is clean C).
 * Prints "N passed, N failed" and exits non-zero on any failure. */
#include "jmdcm/jmdcm.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

static const char *worker = "{\"id\":\"fachkraft-1\",\"role\":\"case_worker\"}";

static void test_version_and_status_table(void) {
    CHECK(strcmp(jmdcm_version(), "0.1.0") == 0);
    CHECK(jmdcm_abi_version() == JMDCM_ABI_VERSION);
    CHECK(JMDCM_OK == 0 && JMDCM_RELEASE_REQUIRED == 33 && JMDCM_CONFLICT == 52);
    CHECK(strcmp(jmdcm_status_name(JMDCM_RELEASE_REQUIRED), "release_required") == 0);
    CHECK(strcmp(jmdcm_status_name((jmdcm_status)12345), "unknown") == 0);
    /* the table, enumerable: every entry named as jmdcm_status_name names it */
    char *names = NULL;
    CHECK(jmdcm_status_names(&names) == JMDCM_OK);
    CHECK(contains(names, "{\"code\":0,\"name\":\"ok\",\"message\":\"no error\"}"));
    CHECK(contains(names, "{\"code\":33,\"name\":\"release_required\""));
    CHECK(contains(names, "{\"code\":99,\"name\":\"internal\""));
    jmdcm_string_free(names);
    CHECK(jmdcm_status_names(NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(strcmp(jmdcm_error_last()->field, "out_statuses") == 0);
}

static void test_null_and_foreign_handles(void) {
    char *out = NULL;
    jmdcm_store *store = NULL;
    CHECK(jmdcm_store_open_memory(NULL, NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "out must not be NULL"));
    CHECK(jmdcm_case_load(&out, NULL, worker, "x") == JMDCM_INVALID_ARGUMENT);
    CHECK(out == NULL);
    int not_a_store = 42;
    CHECK(jmdcm_case_load(&out, (jmdcm_store *)&not_a_store, worker, "x") == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "freed or foreign"));
    CHECK(jmdcm_store_open_memory(&store, NULL) == JMDCM_OK);
    jmdcm_store_free(store);
    CHECK(jmdcm_case_load(&out, store, worker, "x") == JMDCM_INVALID_ARGUMENT);  /* freed */
    jmdcm_store_free(store);  /* twice: harmless */
    jmdcm_store_free(NULL);
    jmdcm_string_free(NULL);
}

static void test_bad_json_names_the_argument_and_path(void) {
    jmdcm_store *store = NULL;
    char *out = NULL;
    CHECK(jmdcm_store_open_memory(&store, NULL) == JMDCM_OK);
    CHECK(jmdcm_case_create(&out, store, worker, "{\"schema\":1,") == JMDCM_JSON_SYNTAX);
    CHECK(jmdcm_case_create(&out, store, worker, "{\"schema\":2}") == JMDCM_JSON_SCHEMA_VERSION);
    CHECK(contains(jmdcm_last_error(), "case.schema"));
    CHECK(jmdcm_case_create(&out, store, "{\"id\":\"x\",\"role\":\"boss\"}", "{}") == JMDCM_JSON_BAD_ENUM);
    CHECK(contains(jmdcm_last_error(), "actor.role"));
    jmdcm_store *refused = (jmdcm_store *)&passed;  /* a failed open sets *out to NULL */
    CHECK(jmdcm_store_open_memory(&refused, "{\"today\":\"2020-02-30\"}") == JMDCM_JSON_BAD_DATE);
    CHECK(refused == NULL);
    /* a pool size out of range is refused before any connection is tried */
    /* issue 14: a misspelt key in anything a host writes is an error naming it, never a default */
    char *typo = NULL;
    CHECK(jmdcm_rule_evaluate(&typo, "open_case", "{\"id\":\"A\",\"office\":\"J\",\"case_worker\":\"f\",\"opened\":\"2020-01-01\",\"knd\":\"counselling\"}",
                              NULL) == JMDCM_JSON_UNKNOWN_FIELD);
    CHECK(strcmp(jmdcm_error_last()->field, "input.knd") == 0 && typo == NULL);
    CHECK(jmdcm_rule_evaluate(&typo, "policy", "{}", "{\"active_goal_limt\":4}") == JMDCM_JSON_UNKNOWN_FIELD);
    CHECK(strcmp(jmdcm_error_last()->field, "policy.active_goal_limt") == 0);
    CHECK(jmdcm_store_open_memory(&refused, "{\"read_onyl\":true}") == JMDCM_JSON_UNKNOWN_FIELD);
    CHECK(strcmp(jmdcm_error_last()->field, "options.read_onyl") == 0);
    CHECK(jmdcm_case_query(&typo, store, worker, "{\"runing\":true}") == JMDCM_JSON_UNKNOWN_FIELD);
    CHECK(strcmp(jmdcm_error_last()->field, "query.runing") == 0);
    CHECK(jmdcm_store_request(&typo, store, worker, "network_map", "{\"on\":\"2020-01-01\",\"of\":1}", NULL) == JMDCM_JSON_UNKNOWN_FIELD);
    CHECK(strcmp(jmdcm_error_last()->field, "input.of") == 0);
    CHECK(jmdcm_store_open_memory(&refused, "{\"audit_batch\":0}") == JMDCM_INVALID_ARGUMENT);
    CHECK(strcmp(jmdcm_error_last()->field, "options.audit_batch") == 0 && refused == NULL);
    CHECK(jmdcm_store_open_memory(&refused, "{\"audit_batch\":1}") == JMDCM_OK);
    jmdcm_store_free(refused);
    refused = NULL;
    CHECK(jmdcm_store_open_postgres(&refused, "host=/nonexistent", "{\"pool_size\":0}") == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "options.pool_size"));
    CHECK(jmdcm_store_open_postgres(&refused, "host=/nonexistent", "{\"pool_size\":1025}") == JMDCM_INVALID_ARGUMENT);
    CHECK(refused == NULL);
    CHECK(out == NULL);
    jmdcm_store_free(store);
}

static void test_worked_example_and_steps(const char *path) {
    jmdcm_store *store = NULL;
    char *samira = NULL, *loaded = NULL, *report = NULL, *stepped = NULL, *names = NULL, *list = NULL;
    CHECK(jmdcm_store_open_sqlite(&store, path, NULL) == JMDCM_OK);
    CHECK(jmdcm_example_samira(&samira, store, worker) == JMDCM_OK);
    CHECK(contains(samira, "\"reason\":\"ended_by_young_person\""));
    CHECK(jmdcm_case_load(&loaded, store, worker, "JMD-FFM-2016-0042") == JMDCM_OK);
    CHECK(loaded && samira && strcmp(loaded, samira) == 0);
    CHECK(jmdcm_case_requirements(&report, loaded) == JMDCM_OK);
    CHECK(contains(report, "\"met\":9"));

    /* a team lead may not read it (R4) */
    char *denied = NULL;
    CHECK(jmdcm_case_load(&denied, store, "{\"id\":\"tl\",\"role\":\"team_lead\"}", "JMD-FFM-2016-0042") == JMDCM_ACCESS_DENIED);
    CHECK(denied == NULL);

    /* a closed case takes no referral; a fresh one without a release is refused by R4 */
    CHECK(jmdcm_case_steps(&names) == JMDCM_OK);
    CHECK(contains(names, "\"refer\"") && contains(names, "\"record_consent\""));
    const char *fresh =
        "{\"schema\":1,\"id\":\"C-1\",\"version\":0,\"office\":\"JMD\",\"case_worker\":\"fachkraft-1\",\"kind\":\"cm\","
        "\"phase\":\"intake\",\"opened\":\"2020-01-06\",\"last_activity\":\"2020-01-06\"}";
    const char *consent =
        "{\"consent\":{\"given_on\":\"2020-01-06\",\"form_language\":\"de\",\"form_version\":\"1\","
        "\"text_sha256\":\"7db886f15325eb9bad07defb33177fb41ff86e0d3ebbb8117a222fd02f9a1f15\",\"purpose\":\"Beratung\","
        "\"consequences_explained\":true},\"birth_date\":\"2000-01-01\"}";
    CHECK(jmdcm_case_step(&stepped, fresh, "record_consent", consent, NULL) == JMDCM_OK);
    char *refused = NULL;
    CHECK(jmdcm_case_step(&refused, stepped, "refer", "{\"date\":\"2020-02-01\",\"recipient\":\"Jobcenter\",\"offer\":\"x\"}", NULL) ==
          JMDCM_RELEASE_REQUIRED);
    CHECK(contains(jmdcm_last_error(), "R4: no release from confidentiality for recipient 'Jobcenter'"));
    CHECK(refused == NULL);
    /* the same error, taken apart: no parsing of the message */
    const jmdcm_error *e = jmdcm_error_last();
    CHECK(e->status == JMDCM_RELEASE_REQUIRED && strcmp(e->rule, "R4") == 0);
    CHECK(strcmp(e->message, jmdcm_last_error()) == 0 && contains(e->field, "recipient"));
    CHECK(strncmp(e->detail, "no release from confidentiality", 31) == 0);
    CHECK(jmdcm_case_step(&refused, stepped, "fly_to_the_moon", "{}", NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(jmdcm_case_step(&refused, stepped, "record_consent", consent, "{\"schema\":1,\"min_age\":30}") == JMDCM_POLICY_INVALID);

    /* R11: the follow-up talk on the closed example; a reminder that does not exist is named */
    char *talked = NULL;
    CHECK(jmdcm_case_step(&refused, loaded, "complete_reminder", "{\"index\":99,\"outcome\":\"held\",\"on\":\"2017-09-18\"}", NULL) ==
          JMDCM_NOT_FOUND);
    CHECK(contains(jmdcm_last_error(), "reminders[99]"));
    CHECK(jmdcm_case_step(&talked, loaded, "record_follow_up",
                          "{\"date\":\"2017-09-18\",\"held\":true,\"sustainability\":5,\"renewed_help_needed\":false,\"note\":\"\"}",
                          NULL) == JMDCM_OK);
    CHECK(contains(talked, "\"outcome\":\"held\""));
    jmdcm_string_free(talked);

    /* R13 sweep through the ABI */
    CHECK(jmdcm_case_query(&list, store, worker, NULL) == JMDCM_OK);
    CHECK(contains(list, "JMD-FFM-2016-0042"));
    char *swept = NULL;
    CHECK(jmdcm_store_sweep(&swept, store, "{\"id\":\"ad\",\"role\":\"administrator\"}", "2017-12-20", NULL) == JMDCM_OK);  /* nine months after the last contact (R13) */
    CHECK(contains(swept, "\"anonymised\":[\"JMD-FFM-2016-0042\"]"));

    jmdcm_string_free(samira);
    jmdcm_string_free(loaded);
    jmdcm_string_free(report);
    jmdcm_string_free(stepped);
    jmdcm_string_free(names);
    jmdcm_string_free(list);
    jmdcm_string_free(swept);
    jmdcm_store_free(store);
}

static void test_conflict_through_the_abi(void) {
    jmdcm_store *store = NULL;
    char *first = NULL, *second = NULL, *stale = NULL;
    CHECK(jmdcm_store_open_memory(&store, NULL) == JMDCM_OK);
    const char *c =
        "{\"schema\":1,\"id\":\"C-2\",\"version\":0,\"office\":\"JMD\",\"case_worker\":\"fachkraft-1\",\"kind\":\"cm\","
        "\"phase\":\"intake\",\"opened\":\"2020-01-06\",\"last_activity\":\"2020-01-06\"}";
    CHECK(jmdcm_case_create(&first, store, worker, c) == JMDCM_OK);
    CHECK(contains(first, "\"version\":1"));
    CHECK(jmdcm_case_save(&second, store, worker, first) == JMDCM_OK);
    CHECK(contains(second, "\"version\":2"));
    CHECK(jmdcm_case_save(&stale, store, worker, first) == JMDCM_CONFLICT);
    CHECK(stale == NULL);
    jmdcm_string_free(first);
    jmdcm_string_free(second);
    jmdcm_store_free(store);
}

static void test_hostile_documents(void) {
    jmdcm_store *store = NULL;
    char *out = NULL;
    CHECK(jmdcm_store_open_memory(&store, NULL) == JMDCM_OK);
    /* invalid UTF-8 inside a string */
    const char *bad_utf8 =
        "{\"schema\":1,\"id\":\"C-\xff\xfe\",\"version\":0,\"office\":\"JMD\",\"case_worker\":\"fachkraft-1\",\"kind\":\"cm\","
        "\"phase\":\"intake\",\"opened\":\"2020-01-06\",\"last_activity\":\"2020-01-06\"}";
    CHECK(jmdcm_case_create(&out, store, worker, bad_utf8) == JMDCM_JSON_SYNTAX);
    CHECK(out == NULL);
    /* a document over the size limit is refused before it is parsed */
    size_t n = (size_t)65 << 20;
    char *huge = malloc(n + 1);
    if (huge) {
        memset(huge, ' ', n);
        huge[0] = '[';
        huge[n - 1] = ']';
        huge[n] = '\0';
        CHECK(jmdcm_case_create(&out, store, worker, huge) == JMDCM_JSON_SYNTAX);
        CHECK(contains(jmdcm_last_error(), "exceeds the limit"));
        free(huge);
    }
    /* deep nesting */
    char deep[20002];
    memset(deep, '[', 10000);
    memset(deep + 10000, ']', 10000);
    deep[20000] = '\0';
    CHECK(jmdcm_case_create(&out, store, worker, deep) == JMDCM_JSON_SYNTAX);
    /* wrong schema version, and a string where a number belongs */
    CHECK(jmdcm_case_query(&out, store, worker, "{\"limit\":\"ten\"}") == JMDCM_JSON_TYPE);
    CHECK(contains(jmdcm_last_error(), "query.limit"));
    jmdcm_store_free(store);
}

/* Store-level reports and administration: R14 for the team lead, R15 caseload, R13 anonymisation. */
static void test_store_reports_and_anonymisation(void) {
    jmdcm_store *store = NULL;
    char *samira = NULL, *report = NULL, *load = NULL, *created = NULL, *loaded = NULL;
    const char *lead = "{\"id\":\"tl\",\"role\":\"team_lead\"}";
    const char *admin = "{\"id\":\"ad\",\"role\":\"administrator\"}";
    CHECK(jmdcm_store_open_memory(&store, "{\"today\":\"2017-01-10\"}") == JMDCM_OK);
    CHECK(jmdcm_example_samira(&samira, store, worker) == JMDCM_OK);

    CHECK(jmdcm_store_requirements(&report, store, lead, "JMD-FFM-2016-0042") == JMDCM_OK);
    CHECK(contains(report, "\"met\":9") && !contains(report, "Samira"));
    jmdcm_string_free(report);
    report = NULL;
    CHECK(jmdcm_store_requirements(&report, store, "{\"id\":\"st\",\"role\":\"statistics\"}", "JMD-FFM-2016-0042") ==
          JMDCM_ACCESS_DENIED);
    CHECK(report == NULL);
    CHECK(jmdcm_store_requirements(&report, store, lead, NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "case_id"));

    const char *running =
        "{\"schema\":1,\"id\":\"C-3\",\"version\":0,\"office\":\"JMD\",\"case_worker\":\"fachkraft-1\",\"kind\":\"cm\","
        "\"phase\":\"intake\",\"opened\":\"2017-01-06\",\"last_activity\":\"2017-01-06\"}";
    CHECK(jmdcm_case_create(&created, store, worker, running) == JMDCM_OK);
    CHECK(jmdcm_store_caseload(&load, store, lead, NULL) == JMDCM_OK);  /* Samira's case is closed: one running */
    CHECK(contains(load, "{\"case_worker\":\"fachkraft-1\",\"running\":1,\"share\":1,\"per_full_time_post\":1,"
                         "\"level\":\"far_below_basis\",\"warning\":\"R15: far below the agreed basis"));
    jmdcm_string_free(load);
    load = NULL;
    /* R15: on a twenty-fifth of a post, one case is 25 per full-time post */
    CHECK(jmdcm_store_caseload(&load, store, lead, "{\"schema\":1,\"posts\":[{\"case_worker\":\"fachkraft-1\",\"share\":0.04}]}") == JMDCM_OK);
    CHECK(contains(load, "\"running\":1,\"share\":0.04,\"per_full_time_post\":25,\"level\":\"realistic\",\"warning\":\"\"}"));
    jmdcm_string_free(load);
    load = NULL;
    CHECK(jmdcm_store_caseload(&load, store, lead, "{\"schema\":1,\"posts\":[{\"case_worker\":\"fachkraft-1\",\"share\":2}]}") == JMDCM_POLICY_INVALID);
    CHECK(contains(jmdcm_last_error(), "[field: policy.posts[0].share]"));
    CHECK(load == NULL);
    CHECK(jmdcm_store_caseload(&load, store, lead, "{\"schema\":1,\"caseload_realistic\":0}") == JMDCM_POLICY_INVALID);
    CHECK(contains(jmdcm_last_error(), "R15") && contains(jmdcm_last_error(), "[field: policy.caseload_realistic]"));
    CHECK(load == NULL);

    CHECK(jmdcm_store_anonymise_case(store, worker, "JMD-FFM-2016-0042", "2017-01-10") == JMDCM_ACCESS_DENIED);
    CHECK(jmdcm_store_anonymise_case(store, admin, "JMD-FFM-2016-0042", "10.01.2017") == JMDCM_JSON_BAD_DATE);
    CHECK(jmdcm_store_anonymise_case(store, admin, "JMD-FFM-2016-0042", "2017-01-10") == JMDCM_OK);
    CHECK(jmdcm_case_load(&loaded, store, worker, "JMD-FFM-2016-0042") == JMDCM_OK);
    CHECK(contains(loaded, "\"anonymised_on\":\"2017-01-10\"") && !contains(loaded, "Samira"));
    CHECK(jmdcm_store_anonymise_case(store, admin, "nobody", "2017-01-10") == JMDCM_NOT_FOUND);

    jmdcm_string_free(samira);
    jmdcm_string_free(report);
    jmdcm_string_free(load);
    jmdcm_string_free(created);
    jmdcm_string_free(loaded);
    jmdcm_store_free(store);
}

/* Several threads, each on its own handle; last errors stay with their thread. */
static void *thread_body(void *arg) {
    int *ok = arg;
    jmdcm_store *store = NULL;
    char *out = NULL;
    *ok = jmdcm_store_open_memory(&store, NULL) == JMDCM_OK;
    for (int i = 0; i < 50 && *ok; ++i) {
        char doc[512];
        snprintf(doc, sizeof doc,
                 "{\"schema\":1,\"id\":\"T-%d\",\"version\":0,\"office\":\"JMD\",\"case_worker\":\"fachkraft-1\",\"kind\":\"cm\","
                 "\"phase\":\"intake\",\"opened\":\"2020-01-06\",\"last_activity\":\"2020-01-06\"}", i);
        *ok = jmdcm_case_create(&out, store, worker, doc) == JMDCM_OK && jmdcm_last_error()[0] == '\0' &&
              jmdcm_error_last()->status == JMDCM_OK && jmdcm_error_last()->field[0] == '\0';
        jmdcm_string_free(out);
        out = NULL;
        *ok = *ok && jmdcm_case_load(&out, store, worker, "missing") == JMDCM_NOT_FOUND && contains(jmdcm_last_error(), "missing") &&
              jmdcm_error_last()->status == JMDCM_NOT_FOUND;
    }
    jmdcm_store_free(store);
    return NULL;
}

/* a case just opened (what open_case answers), with its id */
#define NEW_CASE(id)                                                                                                   \
    "{\"schema\":1,\"id\":\"" id "\",\"version\":0,\"office\":\"JMD Test\",\"case_worker\":\"fachkraft-1\",\"kind\":\"cm\","      \
    "\"phase\":\"intake\",\"opened\":\"2017-01-10\",\"last_activity\":\"2017-01-10\",\"consent\":null,\"person\":null,"            \
    "\"skeleton\":null,\"intake\":null,\"eligibility\":null,\"cooperation\":null,\"releases\":[],\"disclosures\":[],"           \
    "\"screening\":null,\"assessments\":[],\"plans\":[],\"journal\":[],\"referrals\":[],\"reviews\":[],\"supply_gaps\":[],"  \
    "\"personal_network\":[],\"substitutions\":[],\"closure\":null,\"evaluation\":null,\"reminders\":[],\"phase_history\":[]," \
    "\"anonymised_on\":null}"

static void test_an_import_lands_whole_or_not_at_all(void) {
    jmdcm_store *store = NULL;
    char *report = NULL, *loaded = NULL;
    CHECK(jmdcm_store_open_memory(&store, "{\"today\":\"2017-01-10\"}") == JMDCM_OK);
    CHECK(jmdcm_case_create_all(&report, store, worker, "[" NEW_CASE("A-1") "," NEW_CASE("A-2") "," NEW_CASE("A-1") "]") ==
          JMDCM_ALREADY_EXISTS);
    CHECK(contains(jmdcm_last_error(), "'A-1'"));
    CHECK(report == NULL);
    CHECK(jmdcm_case_load(&loaded, store, worker, "A-2") == JMDCM_NOT_FOUND);   /* nothing landed */
    CHECK(jmdcm_case_create_all(&report, store, worker, NEW_CASE("A-1")) == JMDCM_JSON_TYPE);   /* an array, not one case */
    CHECK(contains(jmdcm_last_error(), "cases"));
    CHECK(jmdcm_case_create_all(&report, store, worker, "[" NEW_CASE("A-1") "," NEW_CASE("A-2") "]") == JMDCM_OK);
    CHECK(contains(report, "{\"created\":2}"));
    CHECK(jmdcm_case_load(&loaded, store, worker, "A-2") == JMDCM_OK);
    CHECK(contains(loaded, "\"version\":1"));
    jmdcm_string_free(report);
    jmdcm_string_free(loaded);
    jmdcm_store_free(store);
}

static void test_threads_on_separate_handles(void) {
    pthread_t threads[4];
    int ok[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; ++i) pthread_create(&threads[i], NULL, thread_body, &ok[i]);
    for (int i = 0; i < 4; ++i) pthread_join(threads[i], NULL);
    for (int i = 0; i < 4; ++i) CHECK(ok[i]);
}

int main(void) {
    char path[] = "/tmp/jmdcm-capi-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 2;
    close(fd);
    unlink(path);
    test_version_and_status_table();
    test_null_and_foreign_handles();
    test_bad_json_names_the_argument_and_path();
    test_worked_example_and_steps(path);
    test_conflict_through_the_abi();
    test_hostile_documents();
    test_store_reports_and_anonymisation();
    test_an_import_lands_whole_or_not_at_all();
    test_threads_on_separate_handles();
    char wal[64], shm[64];
    snprintf(wal, sizeof wal, "%s-wal", path);
    snprintf(shm, sizeof shm, "%s-shm", path);
    unlink(path);
    unlink(wal);
    unlink(shm);
    return finish();
}
