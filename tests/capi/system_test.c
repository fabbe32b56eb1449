/* The system level through the C ABI (issue 7): store requests for the R12 network, supply
 * gaps, the agenda and documents of a stored case; the matching pure rules; refusals. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

static const char *worker = "{\"id\":\"fachkraft-1\",\"role\":\"case_worker\"}";
static const char *lead = "{\"id\":\"tl-1\",\"role\":\"team_lead\"}";
static const char *stats = "{\"id\":\"st-1\",\"role\":\"statistics\"}";

#define PARTNER(version, review)                                                                               \
    "{\"id\":\"P-1\",\"version\":" version ",\"office\":\"JMD Test\",\"name\":\"Jobcenter\",\"kind\":\"case_specific\"," \
    "\"category\":\"job_centre\",\"region\":\"603\",\"areas\":[\"finances\"],\"contact_modes\":[\"phone\"],"             \
    "\"formalisation\":\"minutes\",\"since\":\"2016-01-01\",\"until\":null,\"review_on\":\"" review "\","              \
    "\"last_evaluated\":null}"

static char *out;

static jmdcm_status ask(jmdcm_store *s, const char *actor, const char *request, const char *input) {
    jmdcm_string_free(out);
    out = NULL;
    return jmdcm_store_request(&out, s, actor, request, input, NULL);
}

static void test_requests_are_listed_and_names_checked(jmdcm_store *s) {
    char *names = NULL;
    CHECK(jmdcm_store_requests(&names) == JMDCM_OK);
    CHECK(contains(names, "\"agenda\"") && contains(names, "\"save_partner\"") && contains(names, "\"render_plan\""));
    jmdcm_string_free(names);
    CHECK(ask(s, worker, "no_such_request", "{}") == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "unknown request 'no_such_request'"));
    CHECK(out == NULL);
}

static void test_partners_and_network(jmdcm_store *s) {
    CHECK(ask(s, lead, "save_partner", PARTNER("0", "2016-12-01")) == JMDCM_OK);
    CHECK(contains(out, "\"version\":1"));
    CHECK(ask(s, lead, "save_partner", PARTNER("0", "2016-12-01")) == JMDCM_CONFLICT);  /* stale */
    CHECK(ask(s, lead, "save_partner", PARTNER("1", "2018-01-01")) == JMDCM_INVALID_ARGUMENT);  /* R12: yearly */
    CHECK(contains(jmdcm_last_error(), "R12") && contains(jmdcm_last_error(), "partner.review_on"));
    CHECK(ask(s, stats, "save_partner", PARTNER("1", "2016-12-01")) == JMDCM_ACCESS_DENIED);
    CHECK(ask(s, stats, "partners", NULL) == JMDCM_OK);
    CHECK(contains(out, "\"version\":1") && contains(out, "\"Jobcenter\""));
    CHECK(ask(s, lead, "network_map", "{\"on\":\"2016-12-10\"}") == JMDCM_OK);
    CHECK(contains(out, "\"cases\":[]") && contains(out, "\"referrals\":1"));  /* Samira (closed) was referred once */
    CHECK(contains(out, "\"personal\":[{\"category\":\"family\",\"cases\":1,\"ties\":1}]"));
    CHECK(ask(s, lead, "cooperations_due", "{\"year\":2016,\"on\":\"2016-12-10\"}") == JMDCM_OK);
    CHECK(contains(out, "\"partner_id\":\"P-1\"") && contains(out, "\"overdue\":true"));
}

static void test_agenda_gaps_and_documents(jmdcm_store *s) {
    CHECK(ask(s, worker, "agenda", "{\"from\":\"2017-09-01\",\"to\":\"2017-09-30\"}") == JMDCM_OK);
    CHECK(contains(out, "\"kind\":\"follow_up_talk\""));  /* R11, six months after closure */
    CHECK(ask(s, worker, "agenda", "{\"from\":\"2017-09-30\",\"to\":\"2017-09-01\"}") == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "query.to"));
    CHECK(ask(s, worker, "render_plan", "{\"case_id\":\"JMD-FFM-2016-0042\",\"options\":{\"language\":\"plain\"}}") == JMDCM_OK);
    CHECK(out && out[0] == '"' && contains(out, "Dein Plan") && contains(out, "<!DOCTYPE html>"));
    CHECK(ask(s, lead, "render_plan", "{\"case_id\":\"JMD-FFM-2016-0042\"}") == JMDCM_ACCESS_DENIED);  /* R4 */
    CHECK(ask(s, worker, "radar_chart", "{\"case_id\":\"JMD-FFM-2016-0042\"}") == JMDCM_OK);
    CHECK(contains(out, "<svg") && contains(out, "data-perspective=\\\"case_worker\\\""));
    CHECK(ask(s, worker, "render_evaluation", "{\"case_id\":\"JMD-FFM-2016-0042\",\"options\":{\"language\":\"en\"}}") == JMDCM_OK);
    CHECK(contains(out, "ended by the young person"));
    CHECK(ask(s, stats, "supply_gaps", "{\"on\":\"2018-01-01\",\"gaps\":{\"period\":\"quarter\",\"min_cell\":1}}") == JMDCM_OK);
    CHECK(contains(out, "\"name\":\"supply_gap_bundles\""));
    CHECK(ask(s, stats, "supply_gaps", "{\"on\":\"2018-01-01\",\"gaps\":{\"period\":\"week\"}}") == JMDCM_JSON_BAD_ENUM);
}

/* Issue 14, item 5: one name per concept in both families; the old name works, listed as deprecated. */
static void test_one_name_per_concept(jmdcm_store *s) {
    char *names = NULL, *r = NULL, *store_side = NULL;
    CHECK(jmdcm_rule_names(&names) == JMDCM_OK);
    CHECK(contains(names, "\"supply_gaps\"") && !contains(names, "supply_gap_bundles"));
    jmdcm_string_free(names);
    names = NULL;
    CHECK(jmdcm_store_requests(&names) == JMDCM_OK);
    CHECK(contains(names, "\"statistics\"") && contains(names, "\"caseload\"") && contains(names, "\"supply_gaps\""));
    jmdcm_string_free(names);
    names = NULL;
    CHECK(jmdcm_deprecated_names(&names) == JMDCM_OK);
    CHECK(contains(names, "{\"name\":\"supply_gap_bundles\",\"current\":\"supply_gaps\"}"));
    jmdcm_string_free(names);
    CHECK(jmdcm_deprecated_names(NULL) == JMDCM_INVALID_ARGUMENT);
    /* The old rule name answers as the new one, byte for byte. */
    const char *gaps = "{\"cases\":[],\"on\":\"2018-01-01\"}";
    CHECK(jmdcm_rule_evaluate(&r, "supply_gaps", gaps, NULL) == JMDCM_OK);
    char *old = NULL;
    CHECK(jmdcm_rule_evaluate(&old, "supply_gap_bundles", gaps, NULL) == JMDCM_OK);
    CHECK(r && old && strcmp(r, old) == 0);
    jmdcm_string_free(r);
    jmdcm_string_free(old);
    /* An alias is not a prefix or a pattern: near names stay unknown. */
    r = NULL;
    CHECK(jmdcm_rule_evaluate(&r, "supply_gap", gaps, NULL) == JMDCM_INVALID_ARGUMENT && r == NULL);
    /* statistics and caseload as requests give what the store calls give, under the same access rules. */
    CHECK(ask(s, lead, "statistics", "{\"on\":\"2018-01-01\",\"min_cell\":1}") == JMDCM_OK);
    CHECK(jmdcm_store_statistics(&store_side, s, lead, "{\"on\":\"2018-01-01\",\"min_cell\":1}") == JMDCM_OK);
    CHECK(out && store_side && strcmp(out, store_side) == 0 && contains(out, "cases_by_closure_reason"));
    jmdcm_string_free(store_side);
    store_side = NULL;
    CHECK(ask(s, lead, "statistics", "{\"on\":\"2018-01-01\",\"min_cel\":1}") == JMDCM_JSON_UNKNOWN_FIELD);
    CHECK(contains(jmdcm_last_error(), "min_cel"));
    CHECK(ask(s, worker, "caseload", NULL) == JMDCM_OK);
    CHECK(jmdcm_store_caseload(&store_side, s, worker, NULL) == JMDCM_OK);
    CHECK(out && store_side && strcmp(out, store_side) == 0);
    jmdcm_string_free(store_side);
}

static void test_pure_rules(void) {
    char *r = NULL;
    CHECK(jmdcm_rule_evaluate(&r, "evaluate_cooperation", "{\"partner\":" PARTNER("1", "2016-12-01") ",\"on\":\"2016-11-20\"}",
                              NULL) == JMDCM_OK);
    CHECK(contains(r, "\"review_on\":\"2017-11-20\"") && contains(r, "\"last_evaluated\":\"2016-11-20\""));
    jmdcm_string_free(r);
    r = NULL;
    CHECK(jmdcm_rule_evaluate(&r, "validate_partner", "{\"id\":\"x\",\"version\":0,\"office\":\"\",\"name\":\"Bruder\","
                              "\"kind\":\"personal\",\"category\":\"family\",\"region\":\"\",\"areas\":[],\"contact_modes\":[\"phone\"],"
                              "\"formalisation\":\"oral\",\"since\":\"2016-01-01\",\"until\":null,\"review_on\":\"2016-06-01\","
                              "\"last_evaluated\":null}", NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "partner.kind") && r == NULL);
    CHECK(jmdcm_rule_evaluate(&r, "vocabulary", NULL, NULL) == JMDCM_OK);
    CHECK(contains(r, "\"PartnerKind\"") && contains(r, "\"AgendaKind\"") && contains(r, "\"Language\""));
    jmdcm_string_free(r);
}

int main(void) {
    jmdcm_store *s = NULL;
    CHECK(jmdcm_store_open_memory(&s, "{\"today\":\"2017-09-01\"}") == JMDCM_OK);
    char *samira = NULL;
    CHECK(jmdcm_example_samira(&samira, s, worker) == JMDCM_OK);
    jmdcm_string_free(samira);
    test_requests_are_listed_and_names_checked(s);
    test_partners_and_network(s);
    test_agenda_gaps_and_documents(s);
    test_one_name_per_concept(s);
    test_pure_rules();
    jmdcm_string_free(out);
    jmdcm_store_free(s);
    return finish();
}
