// A thread-safe in-memory repository: the reference implementation of the contract,
// for tests and for hosts that keep nothing on disk.
#pragma once

#include "jmdcm/repository.hpp"

#include <map>
#include <mutex>
#include <shared_mutex>

namespace jmdcm {

/// Collects audit records in memory (thread-safe).
class MemoryAuditSink : public AuditSink {
public:
    void record(const AuditRecord& r) override;
    std::vector<AuditRecord> records() const;

private:
    mutable std::mutex m_;
    std::vector<AuditRecord> records_;
};

class MemoryRepository : public Repository {
public:
    explicit MemoryRepository(StoreOptions options = {});

    void create(const Actor& actor, Case& c) override;
    Case load(const Actor& actor, std::string_view id) override;
    void save(const Actor& actor, Case& c) override;
    std::vector<CaseSummary> query(const Actor& actor, const CaseQuery& q) override;
    void transact(const Actor& actor, const std::function<void(CaseStore&)>& body) override;
    void save_partner(const Actor& actor, Partner& p) override;
    std::vector<Partner> partners(const Actor& actor) override;

protected:
    std::vector<std::string> sweep_candidates(Date today, const Policy& policy) override;
    void update_unchecked(const Actor& actor, const std::vector<std::string>& ids, Operation op,
                          const std::function<bool(Case&)>& f) override;
    Case load_unchecked(std::string_view id) override;
    Case write_unchecked(const std::string& id, const std::function<std::vector<Case>(Case*)>& f) override;
    const Policy& policy() const override;
    std::vector<AuditRecord> audit_records(const AuditQuery& q) override;
    void audit(const Actor& actor, std::string case_id, Operation op, bool allowed, std::string detail) override;
    Date today() const override;

private:
    using Table = std::map<std::string, Case, std::less<>>;
    class Stage;
    std::shared_mutex m_;
    Table cases_;
    std::map<std::string, Partner, std::less<>> partners_;
    StoreOptions options_;
    MemoryAuditSink log_;   // the store's own trail, besides the host's sink
};

}  // namespace jmdcm
