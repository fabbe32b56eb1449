// libFuzzer over the C ABI's JSON entry points, on an in-memory store, on a SQLite file
// holding the worked example, and on a host's backend whose every answer (and status) is
// the fuzzed input. The first byte picks the entry point (and the step or rule),
// the rest is the document. Every call must return a status, never
// crash, leak or trip a sanitizer; a failed call must leave its out-parameter NULL.
#include "jmdcm/backend.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace {

const char* const worker = R"({"id":"fachkraft-1","role":"case_worker"})";
const char* const admin = R"({"id":"admin","role":"administrator"})";

const char* const steps[] = {"record_consent", "set_person", "record_intake", "set_eligibility", "grant_release",
                             "disclose", "record_screening", "decide_screening", "add_assessment", "adopt_plan",
                             "add_journal_entry", "refer", "review_goal", "close_case", "record_evaluation",
                             "reopen_case", "anonymise", "assign_substitute", "hand_over", "change_phase",
                             "record_personal_tie", "record_supply_gap"};
const char* const rules[] = {"open_case", "check_eligibility", "record_eligibility", "screening_recommendation",
                             "validate_assessment", "compare_assessments", "check_plan", "phase_gate",
                             "retention_decision", "summarise", "caseload", "reopen_as_new_case", "validate_catalogue",
                             "statistics", "validate_partner", "evaluate_cooperation", "cooperations_due",
                             "network_map", "supply_gaps", "supply_gap_bundles", "agenda", "render_plan", "render_evaluation",
                             "radar_chart"};
const char* const requests[] = {"save_partner", "network_map", "cooperations_due", "supply_gaps", "statistics", "caseload", "agenda",
                                "render_plan", "render_evaluation", "radar_chart"};
template <std::size_t N>
const char* pick(const char* const (&names)[N], std::uint8_t b) { return names[b % N]; }

/// One memory store for the whole run: documents that create cases make it grow, so
/// later inputs meet a store with content.
jmdcm_store* store() {
    static jmdcm_store* s = [] {
        jmdcm_store* made = nullptr;
        if (jmdcm_store_open_memory(&made, R"({"today":"2020-06-01"})") != JMDCM_OK) std::abort();
        return made;
    }();
    return s;
}

/// A SQLite file with the worked example in it, so that raw saves and store-side steps meet a
/// real case and a real transaction (every write is judged against the stored case).
jmdcm_store* sqlite_store() {
    static jmdcm_store* s = [] {
        const std::string path = "/tmp/jmdcm-fuzz-" + std::to_string(getpid()) + ".sqlite";
        jmdcm_store* made = nullptr;
        if (jmdcm_store_open_sqlite(&made, path.c_str(), R"({"today":"2017-04-01","synchronous_full":false})") != JMDCM_OK)
            std::abort();
        char* samira = nullptr;
        if (jmdcm_example_samira(&samira, made, worker) != JMDCM_OK) std::abort();
        jmdcm_string_free(samira);
        std::atexit([] {
            const std::string p = "/tmp/jmdcm-fuzz-" + std::to_string(getpid()) + ".sqlite";
            for (const char* suffix : {"", "-wal", "-shm"}) unlink((p + suffix).c_str());
        });
        return made;
    }();
    return s;
}

const char* const store_steps[] = {"reopen_case", "add_journal_entry", "grant_release", "revoke_release", "hand_over",
                                   "assign_substitute", "withdraw_consent", "reopen_as_new_case", "refer",
                                   "record_evaluation", "close_case", "set_person"};

/// A misbehaving host: whatever the library asks, the backend answers the fuzzed document,
/// or NULL, or a status of its choosing (known or not), or a conflict on every write.
struct Script {
    std::string answer;
    std::uint8_t choice = 0;
};
thread_local Script script;

jmdcm_status scripted(jmdcm_reply* reply) {
    if (script.choice & 0x40) return static_cast<jmdcm_status>(script.choice & 0x3f);  // 0..63: many are no status
    if (script.choice & 0x20) return jmdcm_reply_add(reply, nullptr);
    return jmdcm_reply_add(reply, script.answer.c_str());
}

jmdcm_store* scripted_store() {
    jmdcm_backend b;
    if (jmdcm_backend_init(&b, JMDCM_BACKEND_VERSION) != JMDCM_OK) std::abort();
    b.name = "fuzzed";
    b.flags = JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT;
    b.begin = [](void*, int) { return JMDCM_OK; };
    b.commit = [](void*) { return script.choice & 0x10 ? JMDCM_STORAGE_BUSY : JMDCM_OK; };
    b.rollback = [](void*) {};
    b.get_case = [](void*, const char*, jmdcm_reply* r) { return scripted(r); };
    b.put_case = [](void*, const char*, int64_t, int64_t, const char*, int) { return script.choice & 8 ? JMDCM_CONFLICT : JMDCM_OK; };
    b.find_cases = [](void*, const char*, jmdcm_reply* r) { return scripted(r); };
    b.list_partners = [](void*, jmdcm_reply* r) { return script.choice & 4 ? scripted(r) : JMDCM_OK; };
    b.put_partner = [](void*, const char*, int64_t, int64_t, const char*) { return JMDCM_OK; };
    b.append_audit = [](void*, const char*) { return JMDCM_OK; };
    b.audit_records = [](void*, const char*, jmdcm_reply* r) { return scripted(r); };
    jmdcm_store* made = nullptr;
    if (jmdcm_store_open_backend(&made, &b, nullptr, R"({"today":"2020-06-01"})") != JMDCM_OK) std::abort();
    return made;
}

void check(jmdcm_status s, char* out) {
    if (s == JMDCM_OK ? out == nullptr : out != nullptr) std::abort();  // the ownership contract
    if (s != JMDCM_OK && jmdcm_last_error()[0] == '\0') std::abort();  // every failure says why
    jmdcm_string_free(out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::uint8_t selector = data[0], choice = data[1];
    const std::string doc(reinterpret_cast<const char*>(data + 2), size - 2);  // NUL-terminated copy
    const char* d = doc.c_str();
    char* out = nullptr;
    switch (selector % 15) {
        case 0: check(jmdcm_case_step(&out, d, pick(steps, choice), R"({"on":"2020-06-01"})", nullptr), out); break;
        case 1: {  // a fresh case with a fuzzed step input
            char* opened = nullptr;
            if (jmdcm_rule_evaluate(&opened, "open_case",
                                    R"({"id":"F-1","office":"JMD","case_worker":"fachkraft-1","opened":"2020-01-06"})",
                                    nullptr) != JMDCM_OK)
                std::abort();
            check(jmdcm_case_step(&out, opened, pick(steps, choice), d, nullptr), out);
            jmdcm_string_free(opened);
            break;
        }
        case 2: check(jmdcm_rule_evaluate(&out, pick(rules, choice), d, nullptr), out); break;
        case 3: check(jmdcm_rule_evaluate(&out, "policy", nullptr, d), out); break;
        case 4: check(jmdcm_case_requirements(&out, d), out); break;
        case 5: check(jmdcm_case_create(&out, store(), worker, d), out); break;
        case 6: check(jmdcm_case_query(&out, store(), choice & 1 ? admin : worker, d), out); break;
        case 7: check(jmdcm_case_save(&out, store(), worker, d), out); break;
        case 8: {
            jmdcm_store* s = nullptr;
            const jmdcm_status st = jmdcm_store_open_memory(&s, d);
            if ((st == JMDCM_OK) != (s != nullptr)) std::abort();
            jmdcm_store_free(s);
            break;
        }
        case 9: check(jmdcm_store_request(&out, store(), choice & 1 ? admin : worker, pick(requests, choice), d, nullptr), out); break;
        case 10: check(jmdcm_case_create(&out, sqlite_store(), worker, d), out); break;
        case 11: check(jmdcm_case_save(&out, sqlite_store(), worker, d), out); break;
        case 12:
            check(jmdcm_store_step(&out, sqlite_store(), choice & 0x80 ? admin : worker, "JMD-FFM-2016-0042", 0,
                                   pick(store_steps, choice), d, nullptr), out);
            break;
        case 13: check(jmdcm_store_audit(&out, sqlite_store(), choice & 1 ? admin : worker, d), out); break;
        case 14: {  // a host's backend answering the document to whatever is asked
            static jmdcm_store* host = scripted_store();
            script = {doc, choice};
            const char* actor = choice & 0x80 ? admin : worker;
            switch (choice % 6) {
                case 0: check(jmdcm_case_load(&out, host, actor, "T-1"), out); break;
                case 1: check(jmdcm_case_query(&out, host, actor, nullptr), out); break;
                case 2: check(jmdcm_store_step(&out, host, actor, "T-1", 0, "add_journal_entry",
                                               R"({"date":"2020-05-02","kind":"phone","topic":"counselling","with_young_person":true,"with_whom":"","note":"Anruf"})",
                                               nullptr), out); break;
                case 3: check(jmdcm_store_sweep(&out, host, admin, "2030-01-01", nullptr), out); break;
                case 4: check(jmdcm_store_audit(&out, host, actor, R"({"case_id":"T-1"})"), out); break;
                case 5: check(jmdcm_store_request(&out, host, actor, "network_map", R"({"on":"2020-06-01"})", nullptr), out); break;
            }
            break;
        }
    }
    return 0;
}
