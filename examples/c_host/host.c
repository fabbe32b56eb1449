/* A monitoring program in plain C that embeds jmdcm through its C ABI only: it runs the
 * handbook's worked example (Samira) into a store, reads it back, asks the R14 report,
 * and shows a step the rules refuse. Usage: jmdcm_c_host [store.sqlite]; without a path
 * the store lives in memory. Exits non-zero when any call fails unexpectedly. */
#include <jmdcm/jmdcm.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *worker = "{\"id\":\"fachkraft-1\",\"role\":\"case_worker\"}";
static const char *team_lead = "{\"id\":\"teamleitung\",\"role\":\"team_lead\"}";

/* Prints the failure with its status name and the library's message, then says so. */
static int ok(jmdcm_status s, const char *what) {
    if (s == JMDCM_OK) return 1;
    fprintf(stderr, "%s failed: %s: %s\n", what, jmdcm_status_name(s), jmdcm_last_error());
    return 0;
}

int main(int argc, char **argv) {
    jmdcm_store *store = NULL;
    char *samira = NULL, *report = NULL, *caseload = NULL, *refused = NULL;
    int good = 0;

    printf("jmdcm %s (ABI %d)\n", jmdcm_version(), jmdcm_abi_version());
    if (jmdcm_abi_version() < JMDCM_ABI_VERSION) {
        fprintf(stderr, "libjmdcm is older than the header this host was built with\n");
        return 1;
    }
    if (!ok(argc > 1 ? jmdcm_store_open_sqlite(&store, argv[1], NULL) : jmdcm_store_open_memory(&store, NULL), "open"))
        return 1;

    if (ok(jmdcm_example_samira(&samira, store, worker), "worked example") &&
        ok(jmdcm_store_requirements(&report, store, team_lead, "JMD-FFM-2016-0042"), "R14 report") &&
        ok(jmdcm_store_caseload(&caseload, store, team_lead, NULL), "caseload")) {
        printf("case JMD-FFM-2016-0042 stored: %zu bytes of JSON\n", strlen(samira));
        printf("R14 report for the team lead: %s\n", report);
        printf("caseload (running cases): %s\n", caseload);

        /* A step on the stored case, in one transaction. The case is closed: a new referral
         * is refused, nothing is written, and the host is told why. */
        jmdcm_status s = jmdcm_store_step(&refused, store, worker, "JMD-FFM-2016-0042", 0, "refer",
                                          "{\"date\":\"2017-02-01\",\"recipient\":\"Jobcenter\",\"offer\":\"Beratung\"}", NULL);
        printf("refer after closure: %s: %s\n", jmdcm_status_name(s), jmdcm_last_error());
        good = s != JMDCM_OK && refused == NULL;
    }

    jmdcm_string_free(samira);
    jmdcm_string_free(report);
    jmdcm_string_free(caseload);
    jmdcm_string_free(refused);
    jmdcm_store_free(store);
    return good ? 0 : 1;
}
