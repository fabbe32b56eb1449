// The store-independent parts of the repository: reports, the R13 sweep, anonymisation.
#include "jmdcm/repository.hpp"

#include "jmdcm/requirements.hpp"

#include <chrono>
#include <random>
#include <thread>
#include <limits>
#include <ctime>

namespace jmdcm {

std::string utc_timestamp() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

Date utc_today() { return boost::gregorian::day_clock::universal_day(); }

namespace {

/// Every store takes a limit up to INT64_MAX (SQLite's LIMIT is a signed 64-bit integer).
void check_limit(std::size_t limit) {
    constexpr auto most = std::numeric_limits<std::int64_t>::max();
    if (limit > static_cast<std::size_t>(most)) fail(errc::json_out_of_range, "", "query.limit", "a limit is at most " + std::to_string(most));
}

}  // namespace

void validate(const CaseQuery& q) { check_limit(q.limit); }

bool matches(const CaseQuery& q, const CaseSummary& s) {
    if (q.case_worker && s.case_worker != *q.case_worker) return false;
    if (q.phase && s.phase != *q.phase) return false;
    if (q.kind && s.kind != *q.kind) return false;
    if (q.running && s.running != *q.running) return false;
    if (q.anonymised && s.anonymised != *q.anonymised) return false;
    if (q.last_contact_before && !(s.last_contact < *q.last_contact_before)) return false;
    if (q.last_activity_before && !(s.last_activity < *q.last_activity_before)) return false;
    if (q.open_reminders && s.open_reminders != *q.open_reminders) return false;
    return true;
}

void CaseStore::create_all(const Actor& actor, std::vector<Case>& cases) {
    for (auto& c : cases) create(actor, c);   // all or none only inside a transaction, as every CaseStore a store hands out
}

void Repository::conceal(const Actor& actor, const std::string& case_id, Operation op, const error& e) {
    const bool one_case = op == Operation::load || op == Operation::save || op == Operation::report || op == Operation::agenda ||
                          op == Operation::audit;
    if (e.code() == errc::access_denied && actor.role == Role::case_worker && one_case && !case_id.empty())
        fail(errc::not_found, "", "case.id", "no case '" + case_id + "'");
}

Case Repository::step(const Actor& actor, std::string_view id, std::int64_t expected_version, std::string_view name,
                      const StepFunction& apply) {
    // Applied to "the stored one" (expected_version 0), a step that lost a race to another
    // writer (a conflict at the write, as a server in REPEATABLE READ reports it) is run again
    // on the case as it is now; with an expected version the caller decides.
    constexpr int attempts = 64;
    std::minstd_rand jitter(static_cast<std::uint32_t>(std::hash<std::string_view>{}(id)) ^ static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(this)));
    for (int attempt = 1;; ++attempt) {
        try {
            Case stepped = step_once(actor, id, expected_version, name, apply);
            finish_erasures();
            return stepped;
        } catch (const error& e) {
            if (e.code() != errc::conflict || expected_version != 0 || attempt == attempts) throw;
        }
        // a random pause, growing with the attempts, so that the writers who collided spread out
        const int most = 1 << std::min(attempt, 5);
        std::this_thread::sleep_for(std::chrono::microseconds(250 * static_cast<int>(jitter() % static_cast<unsigned>(most))));
    }
}

Case Repository::step_once(const Actor& actor, std::string_view id, std::int64_t expected_version, std::string_view name,
                           const StepFunction& apply) {
    const std::string case_id(id);
    return write_unchecked(case_id, [&](Case* c) {
        std::vector<Case> created;
        audited(actor, case_id, Operation::save, [&] {
            if (!c) fail(errc::not_found, "", "case.id", "no case '" + case_id + "'");
            const Date on = today();
            require_access(actor, *c, Operation::save, on);
            if (expected_version && c->version != expected_version)
                fail(errc::conflict, "", "expected_version",
                     "case '" + case_id + "' is at version " + std::to_string(c->version) + ", the step was based on " +
                         std::to_string(expected_version));
            const Case before = *c;
            created = apply(*c);
            // one judge: the store's policy, as for raw saves, whatever policy the step ran under
            check_change(before, *c, on, this->policy(), ChangeOrigin::step);
            for (const auto& n : created) {
                require_access(actor, n, Operation::create, on);
                check_new_case(n, on, this->policy(), ChangeOrigin::step);
            }
            return "step " + std::string(name);
        });
        return created;
    });
}

bool matches(const AuditQuery& q, const AuditRecord& r) {
    if (q.case_id && r.case_id != *q.case_id) return false;
    if (q.actor && r.actor != *q.actor) return false;
    if (q.operation && r.operation != *q.operation) return false;
    const std::string day = r.at.substr(0, 10);  // "YYYY-MM-DD" of the UTC timestamp
    if (q.from && day < to_iso(*q.from)) return false;
    if (q.to && day > to_iso(*q.to)) return false;
    return true;
}

std::vector<AuditRecord> Repository::audit_trail(const Actor& actor, const AuditQuery& q) {
    std::vector<AuditRecord> out;
    const std::string case_id = q.case_id.value_or("");
    audited(actor, case_id, Operation::audit, [&] {
        if (actor.role == Role::case_worker) {
            if (!q.case_id) fail(errc::access_denied, "R4", "query.case_id", "a case worker reads the audit trail of one of their cases");
            require_access(actor, load_unchecked(*q.case_id), Operation::audit, today());
        } else {
            require_access(actor, Case{}, Operation::audit, today());
        }
        if (q.from && q.to && *q.to < *q.from) fail(errc::invalid_argument, "", "query.to", "the range ends before it starts");
        check_limit(q.limit);
        out = audit_records(q);
        return std::to_string(out.size()) + " records";
    });
    return out;
}

RequirementsReport Repository::requirements_report(const Actor& actor, std::string_view id) {
    RequirementsReport report;
    audited(actor, std::string(id), Operation::report, [&] {
        const Case c = load_unchecked(id);
        require_access(actor, c, Operation::report, today());
        report = minimum_requirements(c);
    });
    return report;
}

Table Repository::research_export(const Actor& actor, ResearchTable which, const CaseQuery& q, Date on,
                                  const std::optional<Policy>& staffing) {
    Table table;
    with_visible_cases(actor, q, on, [&](const std::vector<Case>& cases) {
        table = research_table(which, cases, on, policy().skeleton_age, staffing.value_or(policy()));
    });
    return table;
}

StatisticsReport Repository::statistics_report(const Actor& actor, const CaseQuery& q, Date on, int min_cell) {
    StatisticsReport report;
    with_visible_cases(actor, q, on, [&](const std::vector<Case>& cases) { report = statistics(cases, on, min_cell); });
    return report;
}

SupplyGapReport Repository::supply_gap_report(const Actor& actor, const CaseQuery& q, Date on, const GapQuery& gaps) {
    SupplyGapReport report;
    with_visible_cases(actor, q, on, [&](const std::vector<Case>& cases) { report = supply_gap_bundles(cases, on, gaps); });
    return report;
}

NetworkMap Repository::network_map(const Actor& actor, Date on) {
    NetworkMap map;
    const auto registry = partners(actor);
    with_visible_cases(
        actor, CaseQuery{}, on, [&](const std::vector<Case>& cases) { map = jmdcm::network_map(registry, cases, on); },
        Operation::network);
    return map;
}

SystemRequirementsReport Repository::system_requirements_report(const Actor& actor, Date on) {
    SystemRequirementsReport report;
    const auto registry = partners(actor);
    with_visible_cases(
        actor, CaseQuery{}, on, [&](const std::vector<Case>& cases) { report = system_requirements(registry, cases, on); },
        Operation::network);
    return report;
}

void Repository::check_partner_save(const Actor& actor, const Partner& p, std::optional<std::int64_t> stored_version) {
    require_access(actor, Case{}, Operation::network, Date());
    validate_partner(p);
    const std::int64_t have = stored_version.value_or(0);
    if (p.version != have)
        fail(errc::conflict, "", "partner.version",
             stored_version ? "partner '" + p.id + "' is at version " + std::to_string(have) + ", the save was based on " +
                                  std::to_string(p.version)
                            : "partner '" + p.id + "' is not stored yet: a new partner has version 0");
}

std::vector<Case> Repository::cases_of_worker(const std::string& actor_id) {
    std::vector<Case> cases;
    for (const auto& s : query(Actor{actor_id, Role::case_worker}, CaseQuery{}))
        if (!s.anonymised || s.open_reminders) cases.push_back(load_unchecked(s.id));   // R3/R13: paper files of anonymised ones
    return cases;
}

Agenda Repository::agenda(const Actor& actor, const AgendaQuery& q, const Policy& policy) {
    validate(q);
    std::vector<Case> mine;
    if (actor.role == Role::case_worker) {
        const Date on = today();
        for (auto& c : cases_of_worker(actor.id))
            if (may_handle_personal_data(actor, c, on)) mine.push_back(std::move(c));  // substitutions in force only
    }
    Agenda result;
    audited(actor, "", Operation::agenda, [&] {
        result = jmdcm::agenda(mine, partners(actor), q, policy);
        return std::to_string(mine.size()) + " cases";
    });
    for (const auto& c : mine) audit(actor, c.id, Operation::agenda, true, "agenda");  // every case read leaves a record
    return result;
}

SweepReport Repository::sweep(const Actor& actor, Date on, const Policy& policy, std::size_t batch,
                              const SweepProgress& progress) {
    SweepReport report;
    report.on = on;
    audited(actor, "", Operation::sweep, [&] {
        require_access(actor, Case{}, Operation::sweep, on);
        const auto ids = sweep_candidates(on, policy);
        const auto registry = partners(actor);  // institutions become their category in the skeleton
        const std::size_t step = batch ? batch : 1;
        struct Finish {   // the batches that committed are cleaned up also when a later one fails
            Repository& r;
            ~Finish() { r.finish_erasures(); }
        };
        std::optional<Finish> finish(Finish{*this});
        for (std::size_t start = 0; start < ids.size(); start += step) {
            const std::vector<std::string> chunk(ids.begin() + static_cast<std::ptrdiff_t>(start),
                                                 ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + step)));
            SweepReport part;
            update_unchecked(actor, chunk, Operation::sweep, [&](Case& c) {
                ++part.examined;
                const auto d = retention_decision(c, on, policy);
                if (!apply_retention(c, d, on, policy, registry)) return false;
                if (d.action == RetentionAction::review_due) part.review_due.push_back(c.id);
                if (d.action == RetentionAction::close_and_anonymise) part.closed_no_contact.push_back(c.id);
                if (d.action == RetentionAction::anonymise) part.anonymised.push_back(c.id);
                return true;
            });
            // the batch has committed: only now does it count
            report.examined += part.examined;
            using List = std::vector<std::string> SweepReport::*;
            for (List list : {&SweepReport::review_due, &SweepReport::closed_no_contact, &SweepReport::anonymised})
                for (auto& id : part.*list) (report.*list).push_back(std::move(id));
            if (progress) progress(std::min(ids.size(), start + step), ids.size());
        }
        finish.reset();
        report.erasure_pending = erasure_pending();
        report.erasure_guaranteed = capabilities().erases;
        return "examined " + std::to_string(report.examined) + ", review " + std::to_string(report.review_due.size()) +
               ", closed " + std::to_string(report.closed_no_contact.size()) + ", anonymised " + std::to_string(report.anonymised.size());
    });
    return report;
}

void Repository::anonymise_case(const Actor& actor, std::string_view id, Date on) {
    audited(actor, std::string(id), Operation::anonymise, [&] {
        require_access(actor, Case{}, Operation::anonymise, on);
        (void)load_unchecked(id);  // not_found is an error here, unlike in a sweep
    });
    const auto registry = partners(actor);
    update_unchecked(actor, {std::string(id)}, Operation::anonymise, [&](Case& c) {
        if (is_anonymised(c)) return false;
        anonymise(c, on, registry, policy().skeleton_age);
        return true;
    });
    finish_erasures();
}

}  // namespace jmdcm
