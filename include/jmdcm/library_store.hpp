// The library's store: everything with meaning, once, over any Backend (backend.hpp).
// Access checks, the audit (timestamps from one clock), the judge of every create and
// save (change.hpp), optimistic versions, store-side steps, the sweep, reports and the
// agenda live here; the backend only keeps documents. Calls on one store are serialised;
// a call made while the same thread runs a transaction (transact) joins it.
#pragma once

#include "jmdcm/backend.hpp"
#include "jmdcm/repository.hpp"

#include <memory>
#include <mutex>

namespace jmdcm {

class LibraryStore : public Repository {
public:
    LibraryStore(std::unique_ptr<Backend> backend, StoreOptions options);
    ~LibraryStore() override;
    LibraryStore(const LibraryStore&) = delete;
    LibraryStore& operator=(const LibraryStore&) = delete;

    void create(const Actor& actor, Case& c) override;
    Case load(const Actor& actor, std::string_view id) override;
    void save(const Actor& actor, Case& c) override;
    std::vector<CaseSummary> query(const Actor& actor, const CaseQuery& q) override;
    void transact(const Actor& actor, const std::function<void(CaseStore&)>& body) override;
    void save_partner(const Actor& actor, Partner& p) override;
    std::vector<Partner> partners(const Actor& actor) override;
    BackendCapabilities capabilities() const override;
    bool erasure_pending() override;

    /// Moves an office (administrators only): copies every case (with its version), partner
    /// and audit record into `to`, which must hold no case, in one transaction of `to`: all
    /// or nothing. Each stored case document is read back first, so a damaged one stops the
    /// move. Audited in both stores with the number of cases, never values. Returns it.
    std::size_t migrate_to(const Actor& actor, LibraryStore& to);

protected:
    /// For a store's extras over its own backend (SqliteRepository): the backend under the
    /// store's lock, outside any transaction of the library's.
    template <class F>
    auto with_backend(F&& f) {
        std::lock_guard lock(m_);
        return f(*backend_);
    }

    std::vector<std::string> sweep_candidates(Date today, const Policy& policy) override;
    void update_unchecked(const Actor& actor, const std::vector<std::string>& ids, Operation op,
                          const std::function<bool(Case&)>& f) override;
    Case load_unchecked(std::string_view id) override;
    Case write_unchecked(const std::string& id, const std::function<std::vector<Case>(Case*)>& f) override;
    const Policy& policy() const override;
    std::vector<AuditRecord> audit_records(const AuditQuery& q) override;
    std::vector<Case> cases_of_worker(const std::string& actor_id) override;
    void audit(const Actor& actor, std::string case_id, Operation op, bool allowed, std::string detail) override;
    Date today() const override;

private:
    class Stage;

    /// Runs `f` in a backend transaction, or inside the one this thread has open. Audit
    /// records collected meanwhile are appended in the same transaction and handed to the
    /// host's sink after the commit; after a rollback they are written on their own, so
    /// denials stay recorded.
    template <class F>
    void in_tx(TxKind kind, F&& f);
    void write_pending();
    void record_after_rollback() noexcept;

    std::optional<Case> read(std::string_view id);
    Case existing(std::string_view id);
    CaseRow row_of(const Case& c) const;
    void insert(Case& c);
    void update(const Case& cur, Case& c);
    std::vector<CaseRow> rows(const BackendQuery& q);
    std::vector<CaseSummary> visible(const Actor& actor, const CaseQuery& q);

    std::unique_ptr<Backend> backend_;
    StoreOptions options_;
    BackendCapabilities caps_;
    std::recursive_mutex m_;
    int depth_ = 0;                        // transaction nesting: only the outermost is real
    std::vector<AuditRecord> pending_;     // audit records of the open transaction
};

}  // namespace jmdcm
