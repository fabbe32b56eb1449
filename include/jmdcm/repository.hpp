// The storage-agnostic repository: what every store (in-memory, SQLite, later
// PostgreSQL) offers. Every call names its actor, is checked against access.hpp, and
// leaves an audit record that says who did what to which case, never the personal
// values themselves. The retention sweep (R13) is written once here, on primitives each
// store supplies.
#pragma once

#include "jmdcm/access.hpp"
#include "jmdcm/agenda.hpp"
#include "jmdcm/backend.hpp"
#include "jmdcm/change.hpp"
#include "jmdcm/repository_types.hpp"
#include "jmdcm/network.hpp"
#include "jmdcm/organisation.hpp"
#include "jmdcm/requirements.hpp"
#include "jmdcm/research.hpp"
#include "jmdcm/statistics.hpp"
#include "jmdcm/retention.hpp"
#include "jmdcm/system_requirements.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace jmdcm {

/// The operations on cases. Versions are optimistic: `create` stores version 1, `save`
/// succeeds only when the case carries the stored version (else errc::conflict and
/// nothing is written) and then increments it in the caller's copy too. Every create and
/// save is judged by check_new_case / check_change (change.hpp) on the store's date, so a
/// document can only be what the steps could have made. To a case worker, another
/// worker's case and a missing one look the same (not_found); the audit keeps the difference.
class CaseStore {
public:
    virtual ~CaseStore() = default;
    virtual void create(const Actor& actor, Case& c) = 0;
    /// Creates every case or none (an import): each judged and audited as create() does it.
    /// A server store writes them in batches; the default creates them one by one.
    virtual void create_all(const Actor& actor, std::vector<Case>& cases);
    virtual Case load(const Actor& actor, std::string_view id) = 0;
    virtual void save(const Actor& actor, Case& c) = 0;
    /// Summaries visible to the actor, ordered by case id.
    virtual std::vector<CaseSummary> query(const Actor& actor, const CaseQuery& q) = 0;
};

class Repository : public CaseStore {
public:
    /// Runs `body` atomically: every write it makes lands, or none does (an exception
    /// from `body` rolls back and propagates).
    virtual void transact(const Actor& actor, const std::function<void(CaseStore&)>& body) = 0;

    /// A step of the method on a stored case: loads it, checks access, runs `apply` (which
    /// applies the step's rule and may return further new cases, as reopen_as_new_case
    /// does), judges the result as a step's change under the store's policy (as raw saves
    /// are) and saves it, all in one transaction.
    /// Audited as a save with the step's name, never with values. `expected_version` 0
    /// means the stored one (a step that lost a race to another writer is run again on the
    /// case as it is then); any other value is an optimistic check (errc::conflict).
    using StepFunction = std::function<std::vector<Case>(Case&)>;
    Case step(const Actor& actor, std::string_view id, std::int64_t expected_version, std::string_view name,
              const StepFunction& apply);

    /// The audit trail (GDPR Art. 15: "who looked at my file?"), oldest first, with no
    /// values. Administrators and team leads see every record; a case worker only the
    /// records of one case they may handle now (the query must name it); statistics none.
    /// The reading itself is audited.
    std::vector<AuditRecord> audit_trail(const Actor& actor, const AuditQuery& q);

    /// What the store's backend can promise: erasure above all (R3, R13).
    virtual BackendCapabilities capabilities() const = 0;
    /// An anonymisation committed whose old bytes the backend could not remove yet.
    virtual bool erasure_pending() = 0;

    /// R14 report for a team lead or the case's worker; carries no personal data.
    RequirementsReport requirements_report(const Actor& actor, std::string_view id);

    /// R13 retention sweep for `today` (administrators only): review reminders, closure
    /// for no contact, anonymisation of closed cases; in batches of `batch` cases per
    /// transaction; running it twice changes nothing the second time. `progress`, when
    /// given, hears after each committed batch how many candidates are done of how many.
    using SweepProgress = std::function<void(std::size_t done, std::size_t candidates)>;
    SweepReport sweep(const Actor& actor, Date today, const Policy& policy, std::size_t batch = 500,
                      const SweepProgress& progress = {});

    /// R11/R13: anonymise one case at once (administrators only).
    void anonymise_case(const Actor& actor, std::string_view id, Date today);

    /// Research export (R13): a table over the anonymised copies (as on `on`) of the cases
    /// the actor's query shows. Audited once, with the number of cases. The caseload table
    /// takes its posts and levels from `staffing`, else from the store's policy (R15).
    Table research_export(const Actor& actor, ResearchTable which, const CaseQuery& q, Date on,
                          const std::optional<Policy>& staffing = std::nullopt);

    /// R12/R15 statistics with cell suppression over the same anonymised copies.
    StatisticsReport statistics_report(const Actor& actor, const CaseQuery& q, Date on, int min_cell);

    /// R12 supply gaps bundled by life area, partner kind, region and period, over the same
    /// anonymised copies.
    SupplyGapReport supply_gap_report(const Actor& actor, const CaseQuery& q, Date on, const GapQuery& gaps);

    // ---------------------------------------------------------------- network (R12)
    /// Creates (version 0) or updates (the stored version) a partner of the office, after
    /// validate_partner; errc::conflict on a stale version. Everyone but the statistics role
    /// keeps the network; it holds no personal data. Audited as Operation::network.
    virtual void save_partner(const Actor& actor, Partner& p) = 0;
    /// The office's partners, by id (any role: no personal data).
    virtual std::vector<Partner> partners(const Actor& actor) = 0;
    /// The network map over the partners and the cases the actor's query shows; audited once.
    NetworkMap network_map(const Actor& actor, Date on);
    /// R12 minimum requirements on the system level on `on`, over the partners and the same
    /// cases; carries counts and partner ids only. Audited once, as the network map is.
    SystemRequirementsReport system_requirements_report(const Actor& actor, Date on);

    /// The actor's agenda (see agenda.hpp): the cases they may handle (own and active
    /// substitutions) read in one query, each audited as Operation::agenda, plus the
    /// cooperations due. Other roles get the cooperations only.
    Agenda agenda(const Actor& actor, const AgendaQuery& q, const Policy& policy);

protected:
    /// After an operation whose transactions may have erased (a sweep, an anonymisation, a
    /// step): a backend that removes old bytes outside transactions (PostgreSQL's VACUUM)
    /// does it now, once for the whole operation rather than after each transaction.
    virtual void finish_erasures() noexcept {}

    Case step_once(const Actor& actor, std::string_view id, std::int64_t expected_version, std::string_view name,
                   const StepFunction& apply);

    /// The one check before a partner is written: access, validate_partner, and the
    /// optimistic version against the stored one (nullopt: none stored). Audited by the caller.
    static void check_partner_save(const Actor& actor, const Partner& p, std::optional<std::int64_t> stored_version);

    /// The not anonymised cases a case worker is responsible for or named substitute in,
    /// by id, for the agenda. No access check or audit of its own. The default loads the
    /// query's rows one by one; stores override it with a single query.
    virtual std::vector<Case> cases_of_worker(const std::string& actor_id);

    /// The cases the actor's query shows, loaded for a use that lets no personal data out
    /// (research, statistics: anonymised copies; network: ids and counts); audited once
    /// with their number.
    template <class F>
    void with_visible_cases(const Actor& actor, const CaseQuery& q, Date on, F&& use, Operation op = Operation::research) {
        const auto visible = query(actor, q);
        audited(actor, "", op, [&] {
            require_access(actor, Case{}, Operation::research, on);
            std::vector<Case> cases;
            cases.reserve(visible.size());
            for (const auto& s : visible) cases.push_back(load_unchecked(s.id));
            use(cases);
            return std::to_string(cases.size()) + " cases";
        });
    }

    /// Runs `body` and audits its outcome: allowed (with the detail `body` returns, if it
    /// returns a string) or refused with the error code's name; errors propagate. The one
    /// place where stores turn an access into an audit record.
    template <class F>
    void audited(const Actor& actor, const std::string& case_id, Operation op, F&& body) {
        std::string detail;
        try {
            if constexpr (std::is_same_v<std::invoke_result_t<F>, std::string>) detail = body();
            else body();
        } catch (const error& e) {
            audit(actor, case_id, op, false, std::string(errc_name(e.code())));
            conceal(actor, case_id, op, e);
            throw;
        }
        audit(actor, case_id, op, true, std::move(detail));
    }

    /// R4: probing ids must not tell a case worker "exists" from "not yours": a refused
    /// access to one case is reported to them exactly as a missing case is.
    static void conceal(const Actor& actor, const std::string& case_id, Operation op, const error& e);

    /// In one transaction: reads case `id` (nullptr when missing), runs `f`, which may
    /// change it and returns new cases; writes the case when it changed (optimistic,
    /// version + 1) and inserts the new ones (version 1); nothing when `f` throws. No
    /// access check or audit of its own. Returns the case as stored.
    virtual Case write_unchecked(const std::string& id, const std::function<std::vector<Case>(Case*)>& f) = 0;
    /// The stored audit records the query selects, oldest first.
    virtual std::vector<AuditRecord> audit_records(const AuditQuery& q) = 0;
    /// The rules raw creates and saves are judged under.
    virtual const Policy& policy() const = 0;

    /// Ids, ordered, of cases that may be due on `today`: a superset of what the sweep
    /// acts on. No access check: the sweep's own check comes first.
    virtual std::vector<std::string> sweep_candidates(Date today, const Policy& policy) = 0;
    /// Loads each case in one transaction, runs `f`, saves the ones `f` changed. Audits
    /// each changed case with `op`. Cases missing by then are skipped.
    virtual void update_unchecked(const Actor& actor, const std::vector<std::string>& ids, Operation op,
                                  const std::function<bool(Case&)>& f) = 0;
    /// Loads one case for an access-checked internal use; no audit of its own.
    virtual Case load_unchecked(std::string_view id) = 0;
    virtual void audit(const Actor& actor, std::string case_id, Operation op, bool allowed, std::string detail) = 0;
    virtual Date today() const = 0;
};

}  // namespace jmdcm
