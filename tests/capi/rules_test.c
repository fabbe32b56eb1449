/* The pure rule functions through the C ABI (jmdcm_rule_evaluate), each with a case the
 * rule accepts and one it refuses, plus the ABI's handling of names and inputs. */
#include "check.h"

#include <stdlib.h>

static char *result;

/* Evaluates a rule into `result` (freeing the previous one). */
static jmdcm_status eval(const char *rule, const char *input, const char *policy) {
    jmdcm_string_free(result);
    result = NULL;
    return jmdcm_rule_evaluate(&result, rule, input, policy);
}

#define PERSON(birth, postcode)                                                                           \
    "{\"person\":{\"intake_date\":\"2020-06-15\",\"birth_date\":\"" birth "\","                         \
    "\"residence\":{\"category\":\"aufenthaltsgestattung\",\"other\":\"\"},\"many_needs_many_actors\":true," \
    "\"postcode\":\"" postcode "\"},\"region\":[\"60*\",\"65929\"]}"

static void test_names_and_arguments(void) {
    char *names = NULL;
    CHECK(jmdcm_rule_names(&names) == JMDCM_OK);
    CHECK(contains(names, "\"check_eligibility\"") && contains(names, "\"retention_decision\""));
    jmdcm_string_free(names);
    CHECK(eval("no_such_rule", "{}", NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "unknown rule 'no_such_rule'"));
    CHECK(eval(NULL, "{}", NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(eval("check_eligibility", NULL, NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "input must not be NULL"));
    CHECK(eval("check_eligibility", "{\"person\":{}}", NULL) == JMDCM_JSON_MISSING_FIELD);
    CHECK(contains(jmdcm_last_error(), "input.person.intake_date"));
    CHECK(jmdcm_rule_evaluate(NULL, "policy", NULL, NULL) == JMDCM_INVALID_ARGUMENT);
}

static void test_policy_and_catalogue(void) {
    CHECK(eval("policy", NULL, NULL) == JMDCM_OK);
    CHECK(contains(result, "\"max_age\":27") && contains(result, "\"screening_threshold\":4"));
    CHECK(eval("policy", NULL, "{\"schema\":1,\"max_age\":25}") == JMDCM_OK);  /* names only what it changes */
    CHECK(contains(result, "\"max_age\":25") && contains(result, "\"min_age\":12"));
    CHECK(eval("policy", NULL, "{\"schema\":1,\"min_age\":30}") == JMDCM_POLICY_INVALID);
    CHECK(contains(jmdcm_last_error(), "min_age"));
    CHECK(eval("catalogue", NULL, NULL) == JMDCM_OK);  /* R8 */
    CHECK(contains(result, "\"schema\":1"));
    char *catalogue = result;
    result = NULL;
    CHECK(eval("validate_catalogue", catalogue, NULL) == JMDCM_OK);
    CHECK(result && strcmp(result, catalogue) == 0);
    jmdcm_string_free(catalogue);

    /* R8: a host's own catalogue travels in the policy, to every rule, step and store */
    const char *host = "{\"schema\":1,\"catalogue\":{\"schema\":1,\"goals\":["
                       "{\"id\":\"x.ski\",\"area\":\"leisure\",\"label_de\":\"Skifahren\",\"label_en\":\"\"}]}}";
    CHECK(eval("catalogue", NULL, host) == JMDCM_OK);
    CHECK(contains(result, "\"x.ski\"") && !contains(result, "language.acquire_german"));
    const char *plan = "{\"plan\":{\"version\":0,\"date\":\"2020-01-27\",\"office\":\"JMD\",\"goals\":[{\"id\":\"G1\","
                       "\"catalogue_id\":\"x.ski\",\"priority\":1,\"text\":\"Skifahren\",\"measures\":\"\",\"indicator\":\"\","
                       "\"offer_available\":true,\"gap\":\"\"}],\"revision_reason\":\"\"},\"concluded\":[]}";
    CHECK(eval("check_plan", plan, NULL) == JMDCM_OK);
    CHECK(contains(result, "'x.ski' is not in the goal catalogue"));
    CHECK(eval("check_plan", plan, host) == JMDCM_OK);
    CHECK(!contains(result, "not in the goal catalogue"));
    const char *twice = "{\"schema\":1,\"catalogue\":{\"schema\":1,\"goals\":["
                        "{\"id\":\"x.ski\",\"area\":null,\"label_de\":\"A\",\"label_en\":\"\"},"
                        "{\"id\":\"x.ski\",\"area\":null,\"label_de\":\"B\",\"label_en\":\"\"}]}}";
    CHECK(eval("validate_catalogue", "{\"schema\":1,\"goals\":[]}", NULL) == JMDCM_CATALOGUE_INVALID);
    CHECK(strcmp(jmdcm_last_error(), "R8: the catalogue has no goals [field: input.goals]") == 0);
    CHECK(eval("policy", NULL, "{\"active_goal_limit\":4}") == JMDCM_OK);   /* a policy without schema: the current one */
    CHECK(contains(result, "\"schema\":1,") && contains(result, "\"active_goal_limit\":4,"));
    CHECK(eval("catalogue", NULL, twice) == JMDCM_CATALOGUE_INVALID);
    CHECK(strcmp(jmdcm_last_error(), "R8: duplicate goal id 'x.ski' [field: policy.catalogue.goals[1].id]") == 0);
}

static void test_eligibility(void) {  /* R2 */
    CHECK(eval("check_eligibility", PERSON("2000-01-01", "60311"), NULL) == JMDCM_OK);
    CHECK(contains(result, "{\"eligible\":true"));
    CHECK(eval("check_eligibility", PERSON("1992-06-15", "60311"), NULL) == JMDCM_OK);  /* 28 on intake */
    CHECK(contains(result, "{\"eligible\":false") && contains(result, "\"criterion\":\"age\",\"passed\":false"));
    CHECK(eval("check_eligibility", PERSON("1992-06-15", "60311"), "{\"schema\":1,\"max_age\":28}") == JMDCM_OK);
    CHECK(contains(result, "{\"eligible\":true"));
    CHECK(eval("check_eligibility", PERSON("2000-01-01", "10115"), NULL) == JMDCM_OK);  /* outside the region */
    CHECK(contains(result, "\"criterion\":\"region\",\"passed\":false"));
    const char *not_eligible = "{\"date\":\"2020-06-15\",\"result\":{\"eligible\":false,\"checks\":[]}}";
    CHECK(eval("record_eligibility", not_eligible, NULL) == JMDCM_REFERRAL_REQUIRED);
    CHECK(contains(jmdcm_last_error(), "R2"));
    CHECK(eval("record_eligibility",
               "{\"date\":\"2020-06-15\",\"result\":{\"eligible\":false,\"checks\":[]},"
               "\"referral\":{\"recipient\":\"Migrationsberatung\",\"date\":\"2020-06-15\",\"note\":\"\"}}",
               NULL) == JMDCM_OK);
    CHECK(contains(result, "\"recipient\":\"Migrationsberatung\""));
}

static void test_screening(void) {  /* R6: four influenceable obstacles */
    const char *four =
        "{\"date\":\"2020-06-20\",\"residence\":{\"category\":\"duldung\",\"other\":\"\"},\"answers\":["
        "{\"criterion\":\"little_german\",\"answer\":\"yes\",\"influenceable\":true,\"remark\":\"\"},"
        "{\"criterion\":\"no_school_certificate\",\"answer\":\"yes\",\"influenceable\":true,\"remark\":\"\"},"
        "{\"criterion\":\"stressful_housing\",\"answer\":\"yes\",\"influenceable\":true,\"remark\":\"\"},"
        "{\"criterion\":\"debts\",\"answer\":\"yes\",\"influenceable\":%s,\"remark\":\"\"}],"
        "\"integration_at_risk_without_cm\":true}";
    char doc[1024];
    snprintf(doc, sizeof doc, four, "true");
    CHECK(eval("screening_recommendation", doc, NULL) == JMDCM_OK);
    CHECK(contains(result, "\"indicated\":true,\"route\":\"obstacles\",\"obstacles\":4"));
    snprintf(doc, sizeof doc, four, "false");
    CHECK(eval("screening_recommendation", doc, NULL) == JMDCM_OK);
    CHECK(contains(result, "\"indicated\":false") && contains(result, "\"obstacles\":3"));
}

static void test_system_requirements(void) {  /* R12: the system level's four, over a host's network */
    CHECK(eval("system_requirements", "{\"partners\":[],\"cases\":[],\"on\":\"2021-01-01\"}", NULL) == JMDCM_OK);
    CHECK(contains(result, "{\"requirement\":\"network_map\",\"met\":false,"));
    CHECK(contains(result, "\"met\":2,\"total\":4}"));   /* nothing overdue, no gap owed */
    CHECK(eval("system_requirements", "{\"partners\":[],\"cases\":[]}", NULL) == JMDCM_JSON_MISSING_FIELD);
    CHECK(contains(jmdcm_last_error(), "input.on"));
}

static void test_outcome_scores(void) {  /* R11: Kiresuk-Sherman T-score */
    CHECK(eval("gas_t_score", "{\"scores\":[{\"goal_id\":\"G1\",\"score\":2,\"weight\":1}]}", NULL) == JMDCM_OK);
    CHECK(contains(result, "\"t_score\":70,"));   /* the shortest decimal text, not 7E1 */
    CHECK(eval("gas_t_score", "{\"scores\":[{\"goal_id\":\"G1\",\"score\":3,\"weight\":1}]}", NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "scores[0].score"));
}

static void test_case_rules(void) {
    CHECK(eval("open_case", "{\"id\":\"C-9\",\"office\":\"JMD\",\"case_worker\":\"fk\",\"opened\":\"2020-06-15\"}", NULL) == JMDCM_OK);
    CHECK(contains(result, "\"id\":\"C-9\"") && contains(result, "\"phase\":\"intake\""));
    char *opened = result;
    result = NULL;

    char input[4096];
    snprintf(input, sizeof input, "{\"case\":%s,\"to\":\"assessment\",\"on\":\"2020-06-20\"}", opened);
    CHECK(eval("phase_gate", input, NULL) == JMDCM_OK);  /* R1: consent and screening still missing */
    CHECK(contains(result, "R3: data consent"));
    snprintf(input, sizeof input, "{\"case\":%s,\"to\":\"intake\",\"on\":\"2020-06-20\"}", opened);
    CHECK(eval("phase_gate", input, NULL) == JMDCM_OK);
    CHECK(result && strcmp(result, "[]") == 0);

    snprintf(input, sizeof input, "{\"case\":%s,\"on\":\"2020-07-01\"}", opened);
    CHECK(eval("retention_decision", input, NULL) == JMDCM_OK);  /* R13: touched recently */
    CHECK(contains(result, "\"action\":\"keep\""));
    snprintf(input, sizeof input, "{\"case\":%s,\"on\":\"2021-01-01\"}", opened);
    CHECK(eval("retention_decision", input, NULL) == JMDCM_OK);  /* over six months untouched */
    CHECK(contains(result, "\"action\":\"review_due\""));

    CHECK(eval("summarise", opened, NULL) == JMDCM_OK);
    CHECK(contains(result, "\"running\":true"));
    char caseload[4096];
    snprintf(caseload, sizeof caseload, "[%s]", result);
    CHECK(eval("caseload", caseload, NULL) == JMDCM_OK);  /* R15 */
    CHECK(contains(result, "\"case_worker\":\"fk\",\"running\":1,") && contains(result, "\"level\":\"far_below_basis\""));

    snprintf(input, sizeof input, "{\"case\":%s,\"new_id\":\"C-10\",\"on\":\"2020-07-01\"}", opened);
    CHECK(eval("reopen_as_new_case", input, NULL) == JMDCM_INVALID_ARGUMENT);  /* R11: a running case is not reopened */
    CHECK(contains(jmdcm_last_error(), "R11"));
    char *closed = NULL;
    CHECK(jmdcm_case_step(&closed, opened, "anonymise", "{\"on\":\"2020-07-01\"}", NULL) == JMDCM_OK);
    snprintf(input, sizeof input, "{\"case\":%s,\"new_id\":\"C-10\",\"on\":\"2020-08-01\"}", closed);
    CHECK(eval("reopen_as_new_case", input, NULL) == JMDCM_OK);
    CHECK(contains(result, "{\"previous\":{\"schema\":1,\"id\":\"C-9\"") && contains(result, "\"reopened\":{\"schema\":1,\"id\":\"C-10\""));
    CHECK(contains(result, "\"kind\":\"counselling\""));
    jmdcm_string_free(closed);
    jmdcm_string_free(opened);
}

int main(void) {
    test_names_and_arguments();
    test_policy_and_catalogue();
    test_eligibility();
    test_screening();
    test_case_rules();
    test_outcome_scores();
    test_system_requirements();
    jmdcm_string_free(result);
    return finish();
}
