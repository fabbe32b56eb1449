// A thread-safe in-memory repository: the reference implementation of the contract,
// for tests and for hosts that keep nothing on disk.
#pragma once

#include "jmdcm/repository.hpp"

#include <map>
#include <memory>
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
    explicit MemoryRepository(AuditSink* audit = nullptr, AuditClock clock = utc_timestamp);
    ~MemoryRepository() override;

    void create(const Actor& actor, Case& c) override;
    Case load(const Actor& actor, std::string_view id) override;
    void save(const Actor& actor, Case& c) override;
    std::vector<CaseSummary> query(const Actor& actor, const CaseQuery& q) override;
    void transact(const Actor& actor, const std::function<void(CaseStore&)>& body) override;

private:
    class Table;
    class Stage;
    void audit(const Actor& actor, std::string case_id, Operation op, bool allowed, std::string detail);
    std::shared_mutex m_;
    std::unique_ptr<Table> table_;
    AuditSink* audit_;
    AuditClock clock_;
};

}  // namespace jmdcm
