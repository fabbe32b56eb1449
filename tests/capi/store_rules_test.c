/* The rules hold at the store through the C ABI: steps on stored cases (jmdcm_store_step),
 * raw saves judged against the stored case, ids that cannot be probed, the audit trail.
 * Runs on a SQLite file, as a host would. */
#include "jmdcm/jmdcm.h"

#include <stdlib.h>
#include <unistd.h>

#include "check.h"

static const char *worker = "{\"id\":\"fachkraft-1\",\"role\":\"case_worker\"}";
static const char *colleague = "{\"id\":\"fachkraft-2\",\"role\":\"case_worker\"}";
static const char *lead = "{\"id\":\"tl-1\",\"role\":\"team_lead\"}";
static const char *case_id = "JMD-FFM-2016-0042";

/* The document with its first occurrence of `from` replaced by `to` (caller frees). */
static char *replaced(const char *doc, const char *from, const char *to) {
    const char *at = strstr(doc, from);
    if (!at) return NULL;
    size_t head = (size_t)(at - doc), size = strlen(doc) - strlen(from) + strlen(to) + 1;
    char *out = malloc(size);
    memcpy(out, doc, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    return out;
}

static void test_store_steps(jmdcm_store *s, const char *samira) {
    char *out = NULL, *names = NULL;
    CHECK(jmdcm_store_steps(&names) == JMDCM_OK);
    CHECK(contains(names, "\"reopen_as_new_case\"") && contains(names, "\"refer\""));
    jmdcm_string_free(names);
    CHECK(jmdcm_store_step(&out, s, worker, case_id, 0, "reopen_case", "{\"on\":\"2017-04-03\"}", NULL) == JMDCM_OK);
    CHECK(contains(out, "\"phase\":\"implementation\""));
    jmdcm_string_free(out);
    out = NULL;
    CHECK(jmdcm_store_step(&out, s, worker, case_id, 0, "refer",
                           "{\"date\":\"2017-04-04\",\"recipient\":\"Nirgendwo\",\"offer\":\"x\"}", NULL) == JMDCM_RELEASE_REQUIRED);
    CHECK(contains(jmdcm_last_error(), "R4: no release from confidentiality for recipient 'Nirgendwo'"));
    CHECK(out == NULL);
    CHECK(jmdcm_store_step(&out, s, worker, case_id, 1, "reopen_case", "{\"on\":\"2017-04-03\"}", NULL) == JMDCM_CONFLICT);
    CHECK(jmdcm_store_step(&out, s, worker, case_id, -1, "reopen_case", "{}", NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(jmdcm_store_step(&out, s, worker, case_id, 0, "no_such_step", "{}", NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(jmdcm_store_step(&out, s, worker, case_id, 0, "reopen_case", NULL, NULL) == JMDCM_INVALID_ARGUMENT);
    (void)samira;
}

static void test_raw_saves_are_judged(jmdcm_store *s) {
    char *doc = NULL, *out = NULL;
    CHECK(jmdcm_case_load(&doc, s, worker, case_id) == JMDCM_OK);
    char *handed = replaced(doc, "\"case_worker\":\"fachkraft-1\"", "\"case_worker\":\"fachkraft-2\"");
    CHECK(handed != NULL);
    CHECK(jmdcm_case_save(&out, s, worker, handed) == JMDCM_RELEASE_REQUIRED);
    CHECK(contains(jmdcm_last_error(), "case.case_worker"));
    char *marked = replaced(doc, "\"anonymised_on\":null", "\"anonymised_on\":\"2017-05-01\"");
    CHECK(jmdcm_case_save(&out, s, worker, marked) == JMDCM_CASE_ANONYMISED);
    CHECK(contains(jmdcm_last_error(), "R13"));
    char *edited = replaced(doc, "\"purpose\":\"", "\"purpose\":\"X");
    CHECK(jmdcm_case_save(&out, s, worker, edited) != JMDCM_OK);
    free(handed);
    free(marked);
    free(edited);
    jmdcm_string_free(doc);
}

static void test_ids_cannot_be_probed_but_the_audit_knows(jmdcm_store *s) {
    char *out = NULL, *missing = NULL;
    CHECK(jmdcm_case_load(&out, s, colleague, "nobody") == JMDCM_NOT_FOUND);
    missing = strdup(jmdcm_last_error());
    CHECK(jmdcm_case_load(&out, s, colleague, case_id) == JMDCM_NOT_FOUND);
    CHECK(contains(jmdcm_last_error(), "no case 'JMD-FFM-2016-0042'"));
    free(missing);
    char *trail = NULL;
    CHECK(jmdcm_store_audit(&trail, s, lead, "{\"case_id\":\"JMD-FFM-2016-0042\",\"actor\":\"fachkraft-2\"}") == JMDCM_OK);
    CHECK(contains(trail, "\"allowed\":false") && contains(trail, "\"detail\":\"access_denied\""));
    CHECK(!contains(trail, "Samira"));
    jmdcm_string_free(trail);
    trail = NULL;
    CHECK(jmdcm_store_audit(&trail, s, lead, "{\"case_id\":\"x\",\"colour\":\"red\"}") == JMDCM_JSON_UNKNOWN_FIELD);
    CHECK(jmdcm_store_audit(&trail, s, "{\"id\":\"st\",\"role\":\"statistics\"}", NULL) == JMDCM_ACCESS_DENIED);
    CHECK(jmdcm_store_audit(&trail, s, worker, NULL) == JMDCM_ACCESS_DENIED);  /* one of their cases only */
    CHECK(jmdcm_store_audit(&trail, s, worker, "{\"case_id\":\"JMD-FFM-2016-0042\"}") == JMDCM_OK);
    jmdcm_string_free(trail);
}

int main(void) {
    char path[] = "/tmp/jmdcm-store-rules-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    unlink(path);
    jmdcm_store *s = NULL;
    CHECK(jmdcm_store_open_sqlite(&s, path, "{\"today\":\"2017-04-01\"}") == JMDCM_OK);
    char *samira = NULL;
    CHECK(jmdcm_example_samira(&samira, s, worker) == JMDCM_OK);
    test_raw_saves_are_judged(s);
    test_store_steps(s, samira);
    test_ids_cannot_be_probed_but_the_audit_knows(s);
    jmdcm_string_free(samira);
    jmdcm_store_free(s);
    char wal[64];
    unlink(path);
    snprintf(wal, sizeof wal, "%s-wal", path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    unlink(wal);
    return finish();
}
