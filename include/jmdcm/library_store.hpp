// The library's store: everything with meaning, once, over any Backend (backend.hpp).
// Access checks, the audit (timestamps from one clock), the judge of every create and
// save (change.hpp), optimistic versions, store-side steps, the sweep, reports and the
// agenda live here; the backend only keeps documents. A store has a pool of backends (one
// connection each; one unless a server backend asks for more): each call takes one for its
// transaction, so calls on one store run side by side up to the pool's size and wait
// beyond it. A call made while the same thread runs a transaction (transact) joins it.
#pragma once

#include "jmdcm/backend.hpp"
#include "jmdcm/repository.hpp"

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>

namespace jmdcm {

class LibraryStore : public Repository {
public:
    /// Opens more backends of the same storage (another connection to the same server).
    using BackendFactory = std::function<std::unique_ptr<Backend>()>;

    /// A store over `backend`; with `more`, up to `pool_size` backends in all, opened when
    /// calls from several threads need them.
    LibraryStore(std::unique_ptr<Backend> backend, StoreOptions options, BackendFactory more = {}, std::size_t pool_size = 1);
    /// Writes the reads' audit records still waiting (StoreOptions::audit_batch).
    ~LibraryStore() override;
    LibraryStore(const LibraryStore&) = delete;
    LibraryStore& operator=(const LibraryStore&) = delete;

    void create(const Actor& actor, Case& c) override;
    void create_all(const Actor& actor, std::vector<Case>& cases) override;
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

    /// Per-case keys (issue 19): stores the anonymisation of every case whose key was destroyed
    /// without it (a crash between the two; the case reads as its skeleton meanwhile), audited
    /// as the library's own. `all`: checks every destroyed key, not only the marked ones (after
    /// restoring a backup of the data). Called when a store opens and before each sweep.
    /// Returns how many cases it anonymised.
    std::size_t finish_anonymisations(bool all = false);

    /// Converts a store to per-case keys (administrators only; the store must have a sealer):
    /// first finish_anonymisations(true); then every stored case that is neither sealed nor
    /// anonymised is sealed under a new key of its own, `batch` cases per transaction, each at
    /// its next version, and its clear document is erased like an anonymised one's. Audited
    /// with the count. Returns it.
    std::size_t seal_all(const Actor& actor, std::size_t batch = 500);

protected:
    /// For a store's extras over its own backend (SqliteRepository): a backend of the pool,
    /// held by this thread, outside any transaction of the library's.
    template <class F>
    auto with_backend(F&& f) {
        Lease lease(*this);
        return f(lease.backend());
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
    /// Outside the thread's transactions only; transact finishes after its commit.
    void finish_erasures() noexcept override;

private:
    class Stage;
    struct Held;

    /// This thread's hold on a backend of the pool for the length of a call: taken from the
    /// pool (waiting while all are busy), or the one this thread holds already (a call
    /// inside transact), so that nested calls share one transaction.
    class Lease {
    public:
        explicit Lease(LibraryStore& store);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Backend& backend();
        Held& held() { return *held_; }

    private:
        LibraryStore& store_;
        Held* held_;
    };

    /// Runs `f` in a backend transaction, or inside the one this thread has open. Audit
    /// records collected meanwhile are appended in the same transaction and handed to the
    /// host's sink after the commit; after a rollback they are written on their own, so
    /// denials stay recorded.
    /// A read (`may_wait`) whose audit records can wait runs as a snapshot and leaves them
    /// waiting (StoreOptions::audit_batch); every other transaction writes those waiting first.
    template <class F>
    void in_tx(TxKind kind, F&& f, bool may_wait = true);
    void write_pending();
    void flush_audit();
    /// `carried`: the reads' waiting records a rolled-back write had taken along; written
    /// with the rolled-back transaction's records (before them), else they wait again.
    void record_after_rollback(std::vector<AuditRecord> carried = {}) noexcept;

    std::optional<Case> read(std::string_view id);
    Case case_of(CaseRow row, std::string_view id);   // a stored row's case, checked
    Case existing(std::string_view id);
    CaseRow row_of(const Case& c);          // sealed when the store has a sealer
    std::string document_of(const Case& c);
    Case unseal(const CaseRow& row, std::string_view id);
    void settle_sealing();
    void keys_before_commit();
    void keys_after_commit() noexcept;
    void insert(Case& c);
    void insert_all(const Actor& actor, std::vector<Case>& cases);
    void update(const Case& cur, Case& c);
    std::vector<CaseRow> rows(const BackendQuery& q);
    std::vector<CaseSummary> visible(const Actor& actor, const CaseQuery& q);

    static std::vector<Held*>& holds();    // this thread's holds, on any store
    Held& held();                          // this thread's hold on this store (a Lease is alive)
    Backend& backend();
    Backend* acquire();
    void release(Backend* b) noexcept;
    void hand_to_sink(const std::vector<AuditRecord>& records);

    StoreOptions options_;
    BackendCapabilities caps_;
    BackendFactory more_;
    std::size_t pool_size_;
    std::mutex pool_m_;
    std::condition_variable pool_cv_;
    std::vector<std::unique_ptr<Backend>> pool_;   // every backend opened (never shrinks)
    std::vector<Backend*> idle_;
    std::size_t opening_ = 0;                      // backends being opened outside the lock
    std::mutex sink_m_;                            // the host's audit sink is called by one thread at a time
    std::mutex waiting_m_;
    std::vector<AuditRecord> waiting_;             // reads' audit records not yet written (StoreOptions::audit_batch)

    bool batches_reads() const { return options_.audit_batch > 1 && caps_.keeps_audit && caps_.writable; }
    std::vector<AuditRecord> take_waiting();
    /// Records to wait: a read's after those waiting; `older` (a rolled-back write's carried
    /// ones) before them.
    void wait_records(std::vector<AuditRecord> records, bool older);
    /// Writes the reads' waiting records in a transaction of their own (outside any other).
    void write_waiting();
};

}  // namespace jmdcm
