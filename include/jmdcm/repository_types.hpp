// The values a store takes and answers besides cases: the audit record and its query,
// case queries, the sweep's report and the options a host opens a store with. Shared by
// the repository (repository.hpp) and the storage backends (backend.hpp).
#pragma once

#include "jmdcm/access.hpp"
#include "jmdcm/organisation.hpp"
#include "jmdcm/policy.hpp"
#include "jmdcm/sealer.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace jmdcm {

struct AuditRecord {
    std::string at;             // UTC timestamp of the access (a record, not a rule: wall clock allowed)
    std::string actor;
    Role role = Role::case_worker;
    std::string case_id;        // empty for queries over many cases
    Operation operation = Operation::load;
    bool allowed = true;
    std::string detail;         // error code name or a count; never personal data
};
BOOST_DESCRIBE_STRUCT(AuditRecord, (), (at, actor, role, case_id, operation, allowed, detail))

/// A filter over the audit trail; every member optional. Dates are UTC days, inclusive.
struct AuditQuery {
    using absent_members_keep_default = void;
    std::optional<std::string> case_id;
    std::optional<std::string> actor;
    std::optional<Operation> operation;
    std::optional<Date> from;
    std::optional<Date> to;
    std::size_t limit = 0;   // 0: no limit; the oldest first
};
BOOST_DESCRIBE_STRUCT(AuditQuery, (), (case_id, actor, operation, from, to, limit))

bool matches(const AuditQuery& q, const AuditRecord& r);

class AuditSink {
public:
    virtual ~AuditSink() = default;
    virtual void record(const AuditRecord& r) = 0;
};

std::string utc_timestamp();
Date utc_today();

/// What a store needs from its host besides the data.
struct StoreOptions {
    AuditSink* audit = nullptr;                           // extra sink; SQLite also keeps its own log
    std::function<std::string()> clock = utc_timestamp;   // audit timestamps
    std::function<Date()> today = utc_today;              // the day access rules (R15 substitution) and saves are judged on
    Policy policy;                                        // the rules raw creates and saves are judged under (change.hpp)
    std::shared_ptr<CaseSealer> sealer;                   // encryption at rest with per-case keys (issue 19); none: clear text
    /// The audit records of reads (allowed loads, queries, reports) wait in memory, up to this
    /// many, and are written with the next commit of the store (a write, the read that fills
    /// the batch, an audit query, closing the store) instead of each read committing its own.
    /// What a crash of the process can lose: up to audit_batch - 1 records of allowed reads.
    /// Never a denial (written at once), never a write's record (in its own commit). 1: each
    /// read commits its record, as before; a host's audit sink hears of every read at once.
    std::size_t audit_batch = 32;
};

struct CaseQuery {
    using absent_members_keep_default = void;   // a host names only the filters it uses
    std::optional<std::string> case_worker;
    std::optional<Phase> phase;
    std::optional<CaseKind> kind;
    std::optional<bool> running;
    std::optional<bool> anonymised;
    std::optional<Date> last_contact_before;    // strictly before
    std::optional<Date> last_activity_before;   // strictly before
    std::optional<bool> open_reminders;         // has a reminder not done (R3/R13 paper files of anonymised cases)
    std::size_t limit = 0;                      // 0: no limit
};
BOOST_DESCRIBE_STRUCT(CaseQuery, (),
    (case_worker, phase, kind, running, anonymised, last_contact_before, last_activity_before, open_reminders, limit))

/// Refuses a limit beyond what every store can take (errc::json_out_of_range, query.limit).
void validate(const CaseQuery& q);
bool matches(const CaseQuery& q, const CaseSummary& s);

/// R13: what one sweep did, by case id.
struct SweepReport {
    Date on;
    int examined = 0;
    std::vector<std::string> review_due;
    std::vector<std::string> closed_no_contact;
    std::vector<std::string> anonymised;
    bool erasure_pending = false;   // an old copy may still sit in the store's log (SQLite: the WAL, held by a reader)
    bool erasure_guaranteed = true; // false: the backend cannot erase old bytes (its capabilities say where they stay)
};
BOOST_DESCRIBE_STRUCT(SweepReport, (), (on, examined, review_due, closed_no_contact, anonymised, erasure_pending, erasure_guaranteed))

}  // namespace jmdcm
