/* Research tables and the seeded generator through the C ABI (R13: anonymised copies only). */
#include "check.h"

#include <stdlib.h>

static const char *worker = "{\"id\":\"fachkraft-1\",\"role\":\"case_worker\"}";
static const char *statistics = "{\"id\":\"st\",\"role\":\"statistics\"}";

static void test_synthetic_table(void) {
    jmdcm_table *t = NULL;
    char *schema = NULL;
    const int32_t *values = NULL;
    size_t rows = 0;
    CHECK(jmdcm_table_synthetic(&t, "cases", "{\"count\":50,\"population\":{\"seed\":7}}") == JMDCM_OK);
    CHECK(jmdcm_table_schema(&schema, t) == JMDCM_OK);
    CHECK(contains(schema, "\"table\":\"cases\",\"rows\":50"));
    CHECK(contains(schema, "{\"name\":\"closure_reason\",\"type\":\"category\",\"missing\":-1,\"categories\":[\"goals_reached\""));
    CHECK(jmdcm_table_column(&values, &rows, t, 0) == JMDCM_OK);
    CHECK(rows == 50 && values != NULL && values[0] == 0 && values[49] == 49);  /* case ids in order of appearance */
    CHECK(jmdcm_table_column(&values, &rows, t, 999) == JMDCM_INVALID_ARGUMENT);
    CHECK(values == NULL && rows == 0);
    jmdcm_string_free(schema);

    /* the same seed gives the same table; another seed another one */
    jmdcm_table *again = NULL, *other = NULL;
    const int32_t *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    CHECK(jmdcm_table_synthetic(&again, "assessments", "{\"count\":50,\"population\":{\"seed\":7}}") == JMDCM_OK);
    CHECK(jmdcm_table_synthetic(&other, "assessments", "{\"count\":50,\"population\":{\"seed\":8}}") == JMDCM_OK);
    CHECK(jmdcm_table_column(&a, &na, again, 5) == JMDCM_OK && jmdcm_table_column(&b, &nb, other, 5) == JMDCM_OK);
    CHECK(na > 50 && (na != nb || memcmp(a, b, na * sizeof *a) != 0));

    jmdcm_table_free(t);
    CHECK(jmdcm_table_schema(&schema, t) == JMDCM_INVALID_ARGUMENT);  /* freed */
    CHECK(contains(jmdcm_last_error(), "freed or foreign"));
    jmdcm_table_free(t);  /* twice: harmless */
    jmdcm_table_free(again);
    jmdcm_table_free(other);
    jmdcm_table_free(NULL);

    CHECK(jmdcm_table_synthetic(&t, "people", NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "unknown table 'people'") && t == NULL);
    CHECK(jmdcm_table_synthetic(&t, "cases", "{\"count\":-1}") == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "options.count"));
}

static void test_export_from_a_store(void) {
    jmdcm_store *store = NULL;
    jmdcm_table *t = NULL;
    char *report = NULL, *samira = NULL, *schema = NULL;
    const int32_t *values = NULL;
    CHECK(jmdcm_store_open_memory(&store, NULL) == JMDCM_OK);
    CHECK(jmdcm_store_generate(&report, store, worker, "{\"count\":20,\"first_index\":100}") == JMDCM_OK);
    CHECK(contains(report, "{\"created\":20,\"first_id\":\"SYN-00000100\",\"last_id\":\"SYN-00000119\"}"));
    jmdcm_string_free(report);
    report = NULL;
    /* all or nothing: an id already taken rolls the whole batch back */
    CHECK(jmdcm_store_generate(&report, store, worker, "{\"count\":5,\"first_index\":118}") == JMDCM_ALREADY_EXISTS);
    CHECK(report == NULL);
    CHECK(jmdcm_store_generate(&report, store, "{\"id\":\"tl\",\"role\":\"team_lead\"}", "{\"count\":1,\"first_index\":500}") ==
          JMDCM_ACCESS_DENIED);
    CHECK(jmdcm_example_samira(&samira, store, worker) == JMDCM_OK);

    /* the worker exports the 21 own cases, every one as its anonymised copy */
    CHECK(jmdcm_table_export(&t, store, worker, "cases", "{\"on\":\"2030-01-01\"}") == JMDCM_OK);
    CHECK(jmdcm_table_schema(&schema, t) == JMDCM_OK);
    CHECK(contains(schema, "\"rows\":21") && !contains(schema, "Beispiel"));
    jmdcm_string_free(schema);
    jmdcm_table_free(t);
    t = NULL;

    /* statistics sees only files already anonymised: Samira's five goals come in after anonymisation */
    size_t before = 0, after = 0;
    CHECK(jmdcm_table_export(&t, store, statistics, "goals", "{\"on\":\"2030-01-01\"}") == JMDCM_OK);
    CHECK(jmdcm_table_column(&values, &before, t, 0) == JMDCM_OK);
    jmdcm_table_free(t);
    t = NULL;
    CHECK(jmdcm_store_anonymise_case(store, "{\"id\":\"ad\",\"role\":\"administrator\"}", "JMD-FFM-2016-0042", "2017-04-01") == JMDCM_OK);
    CHECK(jmdcm_table_export(&t, store, statistics, "goals", "{\"on\":\"2030-01-01\"}") == JMDCM_OK);
    CHECK(jmdcm_table_column(&values, &after, t, 0) == JMDCM_OK);
    CHECK(after == before + 5);
    jmdcm_table_free(t);
    t = NULL;

    /* R12 statistics: the worked example alone is below every minimum, so it is hidden */
    char *stats = NULL;
    CHECK(jmdcm_store_statistics(&stats, store, "{\"id\":\"tl\",\"role\":\"team_lead\"}", "{\"on\":\"2030-01-01\",\"min_cell\":3}") == JMDCM_OK);
    CHECK(contains(stats, "{\"name\":\"cases_by_closure_reason\"") && contains(stats, "{\"count\":null,\"suppressed\":true}"));
    CHECK(!contains(stats, "Beispiel"));
    jmdcm_string_free(stats);
    stats = NULL;
    CHECK(jmdcm_store_statistics(&stats, store, statistics, "{\"on\":\"2030-01-01\",\"min_cell\":0}") == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "R12") && stats == NULL);

    CHECK(jmdcm_table_export(&t, store, statistics, "goals", "{}") == JMDCM_JSON_MISSING_FIELD);
    CHECK(contains(jmdcm_last_error(), "options.on"));
    jmdcm_string_free(samira);
    jmdcm_store_free(store);
}

/* Issue 20, R15: caseload per full-time post, month by month, with the posts of a policy. */
static void test_caseload_table(void) {
    jmdcm_table *t = NULL;
    char *schema = NULL;
    const int32_t *values = NULL;
    size_t rows = 0;
    CHECK(jmdcm_table_synthetic(&t, "caseload",
                                "{\"count\":200,\"population\":{\"seed\":3,\"case_workers\":2},\"on\":\"2026-01-15\","
                                "\"policy\":{\"posts\":[{\"case_worker\":\"fk-02\",\"share\":0.5}]}}") == JMDCM_OK);
    CHECK(jmdcm_table_schema(&schema, t) == JMDCM_OK);
    CHECK(contains(schema, "{\"name\":\"case_worker\",\"type\":\"category\",\"missing\":-1,\"categories\":[\"fk-01\",\"fk-02\"]}"));
    CHECK(contains(schema, "{\"name\":\"level\",\"type\":\"category\",\"missing\":-1,\"categories\":[\"far_below_basis\""));
    CHECK(jmdcm_table_column(&values, &rows, t, 3) == JMDCM_OK); /* share_percent */
    CHECK(rows > 24 && rows % 2 == 0 && values[0] == 100 && values[rows - 1] == 50);
    jmdcm_string_free(schema);
    jmdcm_table_free(t);
    t = NULL;

    /* the policy inside the options is checked like any policy, its errors named there */
    CHECK(jmdcm_table_synthetic(&t, "caseload", "{\"count\":5,\"policy\":{\"posts\":[{\"case_worker\":\"fk-01\",\"share\":2}]}}") ==
          JMDCM_POLICY_INVALID);
    CHECK(contains(jmdcm_last_error(), "R15") && contains(jmdcm_last_error(), "options.policy.posts[0].share") && t == NULL);
    CHECK(jmdcm_table_synthetic(&t, "caseload", "{\"count\":5,\"policy\":{\"postz\":[]}}") == JMDCM_JSON_UNKNOWN_FIELD);
    CHECK(contains(jmdcm_last_error(), "options.policy.postz") && t == NULL);
    CHECK(jmdcm_table_synthetic(&t, "people", NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "phases, caseload)"));

    /* from a store: the team lead sees the worker's running cases, on the post the export's policy gives */
    jmdcm_store *store = NULL;
    char *report = NULL;
    CHECK(jmdcm_store_open_memory(&store, NULL) == JMDCM_OK);
    CHECK(jmdcm_store_generate(&report, store, worker, "{\"count\":30}") == JMDCM_OK);
    jmdcm_string_free(report);
    report = NULL;
    CHECK(jmdcm_store_generate(&report, store, worker, "{\"count\":1,\"first_index\":900,\"policy\":{}}") == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "options.policy") && report == NULL);
    CHECK(jmdcm_table_export(&t, store, "{\"id\":\"tl\",\"role\":\"team_lead\"}", "caseload",
                             "{\"on\":\"2030-01-01\",\"policy\":{\"posts\":[{\"case_worker\":\"fachkraft-1\",\"share\":0.25}]}}") == JMDCM_OK);
    CHECK(jmdcm_table_column(&values, &rows, t, 3) == JMDCM_OK);
    CHECK(rows > 0 && values[rows - 1] == 25);
    jmdcm_table_free(t);
    t = NULL;
    CHECK(jmdcm_table_export(&t, store, worker, "caseload", "{\"on\":\"2030-01-01\",\"policy\":{\"caseload_agreed\":1}}") ==
          JMDCM_POLICY_INVALID);
    CHECK(contains(jmdcm_last_error(), "options.policy.caseload_agreed") && t == NULL);
    jmdcm_string_free(report);
    jmdcm_store_free(store);
}

static void test_generator_and_vocabulary_rules(void) {
    char *one = NULL, *same = NULL, *vocabulary = NULL;
    CHECK(jmdcm_rule_evaluate(&one, "synthetic_case", "{\"options\":{\"seed\":3},\"index\":4}", NULL) == JMDCM_OK);
    CHECK(jmdcm_rule_evaluate(&same, "synthetic_case", "{\"options\":{\"seed\":3},\"index\":4}", NULL) == JMDCM_OK);
    CHECK(contains(one, "\"id\":\"SYN-00000004\"") && one && same && strcmp(one, same) == 0);
    CHECK(jmdcm_rule_evaluate(&vocabulary, "vocabulary", NULL, NULL) == JMDCM_OK);
    CHECK(contains(vocabulary, "{\"name\":\"Phase\",\"values\":[\"intake\",\"screening\""));
    jmdcm_string_free(one);
    jmdcm_string_free(same);
    jmdcm_string_free(vocabulary);
}

int main(void) {
    test_synthetic_table();
    test_export_from_a_store();
    test_caseload_table();
    test_generator_and_vocabulary_rules();
    return finish();
}
