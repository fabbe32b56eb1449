// What a storage backend does: keep documents and answer queries, nothing with meaning.
// The library's store (store.hpp) does everything else (access, audit, the rules on every
// write, versions, the sweep, reports) once, over any backend: the in-memory and SQLite
// ones, PostgreSQL's, a host's through the C ABI (jmdcm/backend.h).
// In the style of libgit2's odb backends: the policy stays in the library.
#pragma once

#include "jmdcm/organisation.hpp"
#include "jmdcm/repository_types.hpp"
#include "jmdcm/sealer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jmdcm {

/// One stored case: the summary the library computed (the columns queries filter on, the
/// substitutes among them) and the case as an opaque JSON document.
struct CaseRow {
    CaseSummary summary;
    std::vector<std::string> substitutes;   // colleagues named as substitutes (R15)
    std::string document;                   // empty when a query did not ask for documents
    std::optional<KnownKey> key;            // a sealed case's key, when the backend reads it with the case (not described: never crosses to a host)
};
BOOST_DESCRIBE_STRUCT(CaseRow, (), (summary, substitutes, document))

/// A stored document with its version (partners; a case without its summary).
struct StoredDocument {
    std::string id;
    std::int64_t version = 0;
    std::string document;
};
BOOST_DESCRIBE_STRUCT(StoredDocument, (), (id, version, document))

/// Sweep candidates (R13): not anonymised and (closed, or last activity before
/// `activity_before`, or last contact before `contact_before`).
struct DueFilter {
    Date activity_before;
    Date contact_before;
};
BOOST_DESCRIBE_STRUCT(DueFilter, (), (activity_before, contact_before))

/// What the library asks of a backend's case table. A backend answers the rows that match,
/// ordered by id, applying `filter.limit`; it may instead answer a superset (say, every
/// row) without applying the limit: the library filters every row again and limits.
struct BackendQuery {
    CaseQuery filter;
    std::optional<std::string> visible_to;      // case_worker == id, or id among the substitutes
    std::optional<DueFilter> due;
    bool documents = false;                     // rows carry their documents
};
BOOST_DESCRIBE_STRUCT(BackendQuery, (), (filter, visible_to, due, documents))

bool matches(const BackendQuery& q, const CaseRow& row);

/// What a backend can promise; the store reports it (capabilities) and never claims more.
struct BackendCapabilities {
    std::string name;                     // "memory", "sqlite", a host's name
    bool erases = true;                   // an erasing put leaves no recoverable copy of the old bytes
    std::string erasure_gaps;             // what keeps old bytes when erases is false (backups, WAL archives)
    bool keeps_audit = true;              // append_audit works; else the host's audit sink must take the records
    bool writable = true;                 // false: opened read-only
    bool sealed = false;                  // the cases are sealed under per-case keys (issue 19; set by the store)
};
BOOST_DESCRIBE_STRUCT(BackendCapabilities, (), (name, erases, erasure_gaps, keeps_audit, writable, sealed))

/// read: writes audit records only; write: anything; snapshot: writes nothing (a read whose
/// audit records wait for a later commit, StoreOptions::audit_batch). A backend that makes
/// no difference may treat snapshot as read.
enum class TxKind { read, write, snapshot };

/// Errors a backend raises are jmdcm::error: errc::conflict (a stale expected version),
/// errc::already_exists (an insert over a stored id), storage_* for the medium. The store
/// serialises the calls on one backend object (a pool's backends are called side by side,
/// each by one thread at a time); begin/commit/rollback bracket every call that reads or
/// writes, and audit records are appended inside the same transaction.
class Backend {
public:
    virtual ~Backend() = default;
    virtual BackendCapabilities capabilities() const = 0;

    virtual void begin(TxKind kind) = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;

    /// The stored case: its document and summary.version at least.
    virtual std::optional<CaseRow> get_case(std::string_view id) = 0;
    /// The stored ones among `ids` (any order; missing ids are left out). The default asks
    /// get_case for each; a server backend reads them in one query.
    virtual std::vector<CaseRow> get_cases(const std::vector<std::string>& ids);
    /// Stores `row` (its summary.version is the new version) if the stored version is
    /// `expected_version`; 0: the id must not be stored yet. `erases`: the old document
    /// holds personal data that must leave no recoverable copy (R3, R13).
    virtual void put_case(const CaseRow& row, std::int64_t expected_version, bool erases) = 0;
    /// Stores new rows (an import): none of their ids may be stored yet (already_exists,
    /// naming the first that is). The default puts them one by one; a server backend sends
    /// them in batches.
    virtual void put_cases(const std::vector<CaseRow>& rows);
    virtual std::vector<CaseRow> find_cases(const BackendQuery& q) = 0;

    virtual std::vector<StoredDocument> partners() = 0;
    /// As put_case, for a partner of the office (no personal data).
    virtual void put_partner(const StoredDocument& p, std::int64_t expected_version) = 0;

    virtual void append_audit(const AuditRecord& r) = 0;
    /// The audit records of one transaction, in order; the default appends them one by one.
    virtual void append_audits(const std::vector<AuditRecord>& records);
    /// The stored audit records the query selects, oldest first (limit applied).
    virtual std::vector<AuditRecord> audit_records(const AuditQuery& q) = 0;

    /// Called after an operation whose transactions may have erased (a sweep, an
    /// anonymisation, a step), outside any transaction: a backend that removes old bytes
    /// outside transactions does it here, once for the operation.
    virtual void finish_erasures() {}
    /// While on, a commit that erased leaves the removal of the old bytes owed (recorded, so
    /// a crash or a reopen still finishes it) for finish_erasures, instead of doing it at
    /// once. The store turns it on for the batches of one operation (the sweep), so that the
    /// old bytes go once at its end, not after every batch.
    virtual void defer_erasures(bool) {}
    /// An erasing put committed whose old bytes the backend could not remove yet. The
    /// backends of one store's pool (LibraryStore) share the answer: any of them is asked.
    virtual bool erasure_pending() { return false; }

    /// Per-case keys (issue 19): whether the medium is marked as holding sealed cases. The
    /// store sets the mark (mark_sealed, in a write transaction) when it opens writable with
    /// a sealer; it is never cleared. A marked medium refuses, whoever writes, a case
    /// document that is neither sealed nor anonymised (store_sealed), so no writer without
    /// the key-encryption key, opened before the mark or by an older library, puts personal
    /// data there in clear. A backend that cannot keep a mark (a host's) answers false.
    virtual bool sealed() { return false; }
    virtual void mark_sealed() {}
};

}  // namespace jmdcm
