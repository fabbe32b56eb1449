// The storage-agnostic repository: what every store (in-memory here, SQLite and
// PostgreSQL later) offers. Every call names its actor and leaves an audit record that
// says who did what to which case, never the personal values themselves.
#pragma once

#include "jmdcm/organisation.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(Role, case_worker, team_lead, statistics, administrator)

struct Actor {
    std::string id;
    Role role = Role::case_worker;
};
BOOST_DESCRIBE_STRUCT(Actor, (), (id, role))

BOOST_DEFINE_ENUM_CLASS(Operation, create, load, save, query, sweep, anonymise)

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

class AuditSink {
public:
    virtual ~AuditSink() = default;
    virtual void record(const AuditRecord& r) = 0;
};

/// Where audit timestamps come from; replaceable so tests can pin it.
using AuditClock = std::function<std::string()>;
std::string utc_timestamp();

struct CaseQuery {
    std::optional<std::string> case_worker;
    std::optional<Phase> phase;
    std::optional<CaseKind> kind;
    std::optional<bool> running;
    std::optional<Date> last_contact_before;    // strictly before
    std::optional<Date> last_activity_before;   // strictly before
    std::size_t limit = 0;                      // 0: no limit
};
BOOST_DESCRIBE_STRUCT(CaseQuery, (), (case_worker, phase, kind, running, last_contact_before, last_activity_before, limit))

bool matches(const CaseQuery& q, const CaseSummary& s);

/// The operations on cases. Versions are optimistic: `create` stores version 1, `save`
/// succeeds only when the case carries the stored version (else errc::conflict and
/// nothing is written) and then increments it in the caller's copy too.
class CaseStore {
public:
    virtual ~CaseStore() = default;
    virtual void create(const Actor& actor, Case& c) = 0;
    virtual Case load(const Actor& actor, std::string_view id) = 0;
    virtual void save(const Actor& actor, Case& c) = 0;
    /// Summaries, ordered by case id.
    virtual std::vector<CaseSummary> query(const Actor& actor, const CaseQuery& q) = 0;
};

class Repository : public CaseStore {
public:
    /// Runs `body` atomically: every write it makes lands, or none does (an exception
    /// from `body` rolls back and propagates).
    virtual void transact(const Actor& actor, const std::function<void(CaseStore&)>& body) = 0;
};

}  // namespace jmdcm
