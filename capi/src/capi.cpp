// The C ABI over the core and the stores. Every exported function runs its body through
// guard(), which turns every exception into a status and the thread's last error, so
// nothing crosses the boundary. Handles are checked against a registry of live ones.
#include "jmdcm/jmdcm.h"

#include "jmdcm/jmdcm.hpp"
#include "jmdcm/sqlite/sqlite_repository.hpp"
#include "jmdcm/version.hpp"
#include "jmdcm/worked_example.hpp"

#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <set>

using namespace jmdcm;

struct jmdcm_store {
    std::unique_ptr<Repository> repo;
};

namespace {

thread_local std::string last_error;

std::mutex registry_mutex;
std::set<const jmdcm_store*>& registry() {
    static std::set<const jmdcm_store*> live;
    return live;
}

jmdcm_status status_of(errc code) { return static_cast<jmdcm_status>(static_cast<int>(code)); }

template <class F>
jmdcm_status guard(F&& body) noexcept {
    try {
        last_error.clear();
        body();
        return JMDCM_OK;
    } catch (const error& e) {
        last_error = e.what();
        return status_of(e.code());
    } catch (const std::bad_alloc&) {
        last_error = "out of memory";
        return JMDCM_INTERNAL;
    } catch (const std::exception& e) {
        last_error = std::string("internal error: ") + e.what();
        return JMDCM_INTERNAL;
    } catch (...) {
        last_error = "internal error";
        return JMDCM_INTERNAL;
    }
}

void need(const void* p, const char* name) {
    if (!p) fail(errc::invalid_argument, "", name, std::string(name) + " must not be NULL");
}

Repository& repo_of(jmdcm_store* s) {
    need(s, "store");
    std::lock_guard lock(registry_mutex);
    if (!registry().count(s)) fail(errc::invalid_argument, "", "store", "not a live jmdcm_store (freed or foreign handle)");
    return *s->repo;
}

/// A string for the host, freed with jmdcm_string_free (malloc'ed: plain C on both sides).
void give(char** out, const std::string& s) {
    char* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size() + 1);
    *out = p;
}

template <class T>
T doc(const char* json_text, const char* name) {
    need(json_text, name);
    try {
        return json::from_string<T>(json_text);
    } catch (const error& e) {  // say which argument the path belongs to
        fail(e.code(), e.rule(), std::string(name) + (e.field().size() > 1 ? e.field().substr(1) : ""),
             std::string(e.what()).substr(0, std::string(e.what()).find(" [field:")));
    }
}

Policy policy_of(const char* policy_json) {
    if (!policy_json) return Policy{};
    Policy p = doc<Policy>(policy_json, "policy");
    validate(p);
    return p;
}

Date date_of(const char* text, const char* name) {
    need(text, name);
    auto d = parse_iso(text);
    if (!d) fail(errc::json_bad_date, "", name, std::string("'") + text + "' is not a date YYYY-MM-DD");
    return *d;
}

/// Options a host may pass when opening a store.
struct OpenOptions {
    using absent_members_keep_default = void;
    std::optional<Date> today;
    bool read_only = false;
    int busy_timeout_ms = 5000;
    bool synchronous_full = true;
    bool check_on_open = true;
};
BOOST_DESCRIBE_STRUCT(OpenOptions, (), (today, read_only, busy_timeout_ms, synchronous_full, check_on_open))

StoreOptions store_options(const OpenOptions& o) {
    StoreOptions s;
    if (o.today) s.today = [d = *o.today] { return d; };
    return s;
}

jmdcm_store* registered(std::unique_ptr<Repository> repo) {
    auto* s = new jmdcm_store{std::move(repo)};
    std::lock_guard lock(registry_mutex);
    registry().insert(s);
    return s;
}

// ---------------------------------------------------------------- the step table
// Inputs of steps that take more than one value.
struct ConsentInput { DataConsent consent; Date birth_date; };
BOOST_DESCRIBE_STRUCT(ConsentInput, (), (consent, birth_date))
struct OnInput { Date on; };
BOOST_DESCRIBE_STRUCT(OnInput, (), (on))
struct PersonInput { MasterData person; Date on; };
BOOST_DESCRIBE_STRUCT(PersonInput, (), (person, on))
struct IntakeInput { Intake intake; Date on; };
BOOST_DESCRIBE_STRUCT(IntakeInput, (), (intake, on))
struct RevokeInput { std::string release_id; Date on; };
BOOST_DESCRIBE_STRUCT(RevokeInput, (), (release_id, on))
struct PhaseInput { Phase phase = Phase::intake; Date on; };
BOOST_DESCRIBE_STRUCT(PhaseInput, (), (phase, on))
struct HandOverInput { std::string case_worker; Date on; };
BOOST_DESCRIBE_STRUCT(HandOverInput, (), (case_worker, on))
struct DiscloseInput { std::string recipient; DisclosureKind kind = DisclosureKind::information; FreeText what; Date on; };
BOOST_DESCRIBE_STRUCT(DiscloseInput, (), (recipient, kind, what, on))

using Step = std::function<void(Case&, const char* input, const Policy&)>;

template <class In, class F>
std::pair<const std::string, Step> step(const char* name, F f) {
    return {name, [f](Case& c, const char* input, const Policy& p) { f(c, doc<In>(input, "input"), p); }};
}

const std::map<std::string, Step>& steps() {
    static const std::map<std::string, Step> table = {
        step<ConsentInput>("record_consent", [](Case& c, ConsentInput in, const Policy& p) { record_consent(c, in.consent, in.birth_date, p); }),
        step<OnInput>("withdraw_consent", [](Case& c, OnInput in, const Policy&) { withdraw_consent(c, in.on); }),
        step<PersonInput>("set_person", [](Case& c, PersonInput in, const Policy& p) { set_person(c, in.person, in.on, p); }),
        step<IntakeInput>("record_intake", [](Case& c, IntakeInput in, const Policy& p) { record_intake(c, in.intake, in.on, p); }),
        step<EligibilityRecord>("set_eligibility", [](Case& c, EligibilityRecord in, const Policy& p) { set_eligibility(c, in, p); }),
        step<CooperationAgreement>("record_cooperation", [](Case& c, CooperationAgreement in, const Policy& p) { record_cooperation(c, in, p); }),
        step<Release>("grant_release", [](Case& c, Release in, const Policy& p) { grant_release(c, in, p); }),
        step<RevokeInput>("revoke_release", [](Case& c, RevokeInput in, const Policy&) { revoke_release(c, in.release_id, in.on); }),
        step<DiscloseInput>("disclose", [](Case& c, DiscloseInput in, const Policy& p) { disclose(c, in.recipient, in.kind, in.what, in.on, p); }),
        step<Screening>("record_screening", [](Case& c, Screening in, const Policy& p) { record_screening(c, in, p); }),
        step<ScreeningDecision>("decide_screening", [](Case& c, ScreeningDecision in, const Policy& p) { decide_screening(c, in, p); }),
        step<OnInput>("start_case_management", [](Case& c, OnInput in, const Policy& p) { start_case_management(c, in.on, p); }),
        step<Assessment>("add_assessment", [](Case& c, Assessment in, const Policy& p) { add_assessment(c, in, p); }),
        step<Plan>("adopt_plan", [](Case& c, Plan in, const Policy& p) { adopt_plan(c, in, p, &default_catalogue()); }),
        step<JournalEntry>("add_journal_entry", [](Case& c, JournalEntry in, const Policy& p) { add_journal_entry(c, in, p); }),
        step<Referral>("refer", [](Case& c, Referral in, const Policy& p) { refer(c, in, p); }),
        step<GoalReview>("review_goal", [](Case& c, GoalReview in, const Policy& p) { review_goal(c, in, p); }),
        step<SupplyGap>("record_supply_gap", [](Case& c, SupplyGap in, const Policy& p) { record_supply_gap(c, in, p); }),
        step<PhaseInput>("change_phase", [](Case& c, PhaseInput in, const Policy& p) { change_phase(c, in.phase, in.on, p); }),
        step<Closure>("close_case", [](Case& c, Closure in, const Policy& p) { close_case(c, in, p); }),
        step<Evaluation>("record_evaluation", [](Case& c, Evaluation in, const Policy& p) { record_evaluation(c, in, p); }),
        step<OnInput>("reopen_case", [](Case& c, OnInput in, const Policy& p) { reopen_case(c, in.on, p); }),
        step<OnInput>("anonymise", [](Case& c, OnInput in, const Policy&) { anonymise(c, in.on); }),
        step<Substitution>("assign_substitute", [](Case& c, Substitution in, const Policy& p) { assign_substitute(c, in, p); }),
        step<HandOverInput>("hand_over", [](Case& c, HandOverInput in, const Policy& p) { hand_over(c, in.case_worker, in.on, p); }),
    };
    return table;
}

}  // namespace

extern "C" {

const char* jmdcm_version(void) { return JMDCM_VERSION_STRING; }
int jmdcm_abi_version(void) { return JMDCM_ABI_VERSION; }

const char* jmdcm_status_name(jmdcm_status status) {
    switch (static_cast<int>(status)) {
#define JMDCM_ERROR(name, upper, number, message) case number: return #name;
#include "jmdcm/error_codes.def"
#undef JMDCM_ERROR
    }
    return "unknown";
}

const char* jmdcm_last_error(void) { return last_error.c_str(); }

void jmdcm_string_free(char* s) { std::free(s); }

jmdcm_status jmdcm_store_open_memory(jmdcm_store** out, const char* options_json) {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        const OpenOptions o = options_json ? doc<OpenOptions>(options_json, "options") : OpenOptions{};
        *out = registered(std::make_unique<MemoryRepository>(store_options(o)));
    });
}

jmdcm_status jmdcm_store_open_sqlite(jmdcm_store** out, const char* path, const char* options_json) {
    return guard([&] {
        need(out, "out");
        *out = nullptr;
        need(path, "path");
        const OpenOptions o = options_json ? doc<OpenOptions>(options_json, "options") : OpenOptions{};
        SqliteOptions db;
        db.path = path;
        db.read_only = o.read_only;
        db.busy_timeout_ms = o.busy_timeout_ms;
        db.synchronous_full = o.synchronous_full;
        db.check_on_open = o.check_on_open;
        *out = registered(std::make_unique<SqliteRepository>(db, store_options(o)));
    });
}

void jmdcm_store_free(jmdcm_store* store) {
    if (!store) return;
    {
        std::lock_guard lock(registry_mutex);
        if (!registry().erase(store)) return;  // freed twice or foreign: nothing to do
    }
    try {
        delete store;
    } catch (...) {
    }
}

namespace {
/// create and save: the actor first (who asks), then the case, then the store's answer.
jmdcm_status write_case(char** out_case, jmdcm_store* store, const char* actor_json, const char* case_json,
                        void (Repository::*op)(const Actor&, Case&)) {
    return guard([&] {
        need(out_case, "out_case");
        *out_case = nullptr;
        Repository& r = repo_of(store);
        const Actor actor = doc<Actor>(actor_json, "actor");
        Case c = doc<Case>(case_json, "case");
        (r.*op)(actor, c);
        give(out_case, json::to_string(c));
    });
}
}  // namespace

jmdcm_status jmdcm_case_create(char** out_case, jmdcm_store* store, const char* actor_json, const char* case_json) {
    return write_case(out_case, store, actor_json, case_json, &Repository::create);
}

jmdcm_status jmdcm_case_load(char** out_case, jmdcm_store* store, const char* actor_json, const char* case_id) {
    return guard([&] {
        need(out_case, "out_case");
        *out_case = nullptr;
        need(case_id, "case_id");
        give(out_case, json::to_string(repo_of(store).load(doc<Actor>(actor_json, "actor"), case_id)));
    });
}

jmdcm_status jmdcm_case_save(char** out_case, jmdcm_store* store, const char* actor_json, const char* case_json) {
    return write_case(out_case, store, actor_json, case_json, &Repository::save);
}

jmdcm_status jmdcm_case_query(char** out_summaries, jmdcm_store* store, const char* actor_json, const char* query_json) {
    return guard([&] {
        need(out_summaries, "out_summaries");
        *out_summaries = nullptr;
        Repository& r = repo_of(store);
        const Actor actor = doc<Actor>(actor_json, "actor");
        const CaseQuery q = query_json ? doc<CaseQuery>(query_json, "query") : CaseQuery{};
        give(out_summaries, json::to_string(r.query(actor, q)));
    });
}

jmdcm_status jmdcm_store_sweep(char** out_report, jmdcm_store* store, const char* actor_json, const char* date, const char* policy_json) {
    return guard([&] {
        need(out_report, "out_report");
        *out_report = nullptr;
        Repository& r = repo_of(store);
        give(out_report, json::to_string(r.sweep(doc<Actor>(actor_json, "actor"), date_of(date, "date"), policy_of(policy_json))));
    });
}

jmdcm_status jmdcm_case_step(char** out_case, const char* case_json, const char* step_name, const char* input_json, const char* policy_json) {
    return guard([&] {
        need(out_case, "out_case");
        *out_case = nullptr;
        need(step_name, "step");
        const auto it = steps().find(step_name);
        if (it == steps().end()) fail(errc::invalid_argument, "", "step", std::string("unknown step '") + step_name + "'");
        Case c = doc<Case>(case_json, "case");
        it->second(c, input_json, policy_of(policy_json));
        give(out_case, json::to_string(c));
    });
}

jmdcm_status jmdcm_case_steps(char** out_names) {
    return guard([&] {
        need(out_names, "out_names");
        std::vector<std::string> names;
        for (const auto& [name, f] : steps()) names.push_back(name);
        give(out_names, json::to_string(names));
    });
}

jmdcm_status jmdcm_case_requirements(char** out_report, const char* case_json) {
    return guard([&] {
        need(out_report, "out_report");
        *out_report = nullptr;
        give(out_report, json::to_string(minimum_requirements(doc<Case>(case_json, "case"))));
    });
}

jmdcm_status jmdcm_example_samira(char** out_case, jmdcm_store* store, const char* actor_json) {
    return guard([&] {
        need(out_case, "out_case");
        *out_case = nullptr;
        Repository& r = repo_of(store);
        give(out_case, json::to_string(example::run_samira(r, doc<Actor>(actor_json, "actor"), Policy{})));
    });
}

}  // extern "C"
