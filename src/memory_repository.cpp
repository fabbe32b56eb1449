// In-memory repository. A transaction works on an overlay over the committed table and
// merges it only when the body returns, so a failed body leaves nothing behind.
#include "jmdcm/memory_repository.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace jmdcm {

std::string utc_timestamp() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

bool matches(const CaseQuery& q, const CaseSummary& s) {
    if (q.case_worker && s.case_worker != *q.case_worker) return false;
    if (q.phase && s.phase != *q.phase) return false;
    if (q.kind && s.kind != *q.kind) return false;
    if (q.running && s.running != *q.running) return false;
    if (q.last_contact_before && !(s.last_contact < *q.last_contact_before)) return false;
    if (q.last_activity_before && !(s.last_activity < *q.last_activity_before)) return false;
    return true;
}

void MemoryAuditSink::record(const AuditRecord& r) {
    std::lock_guard lock(m_);
    records_.push_back(r);
}

std::vector<AuditRecord> MemoryAuditSink::records() const {
    std::lock_guard lock(m_);
    return records_;
}

// The committed cases.
class MemoryRepository::Table {
public:
    std::map<std::string, Case, std::less<>> cases;
};

// One view of the cases that writes into an overlay; the repository itself is a Stage
// whose overlay is merged at once.
class MemoryRepository::Stage : public CaseStore {
public:
    Stage(MemoryRepository& repo, Table& base) : repo_(repo), base_(base) {}

    void create(const Actor& actor, Case& c) override {
        audited(actor, c.id, Operation::create, [&] {
            if (is_blank(c.id)) fail(errc::invalid_argument, "", "case.id", "a case needs an id");
            if (find(c.id)) fail(errc::already_exists, "", "case.id", "case '" + c.id + "' exists already");
            Case stored = c;
            stored.version = 1;
            overlay_.insert_or_assign(c.id, std::move(stored));
            c.version = 1;
        });
    }

    Case load(const Actor& actor, std::string_view id) override {
        Case out;
        audited(actor, std::string(id), Operation::load, [&] {
            const Case* c = find(id);
            if (!c) fail(errc::not_found, "", "case.id", "no case '" + std::string(id) + "'");
            out = *c;
        });
        return out;
    }

    void save(const Actor& actor, Case& c) override {
        audited(actor, c.id, Operation::save, [&] {
            const Case* cur = find(c.id);
            if (!cur) fail(errc::not_found, "", "case.id", "no case '" + c.id + "'");
            if (cur->version != c.version)
                fail(errc::conflict, "", "case.version",
                     "case '" + c.id + "' is at version " + std::to_string(cur->version) + ", the save was based on " +
                         std::to_string(c.version));
            Case stored = c;
            stored.version = c.version + 1;
            overlay_.insert_or_assign(c.id, std::move(stored));
            c.version += 1;
        });
    }

    std::vector<CaseSummary> query(const Actor& actor, const CaseQuery& q) override {
        std::vector<CaseSummary> out;
        audited(actor, "", Operation::query, [&] {
            auto visit = [&](const Case& c) {
                if (q.limit && out.size() >= q.limit) return;
                CaseSummary s = summarise(c);
                if (matches(q, s)) out.push_back(std::move(s));
            };
            // merge the two ordered maps so the result stays ordered by id
            auto b = base_.cases.begin();
            auto o = overlay_.begin();
            while (b != base_.cases.end() || o != overlay_.end()) {
                if (o == overlay_.end() || (b != base_.cases.end() && b->first < o->first)) visit((b++)->second);
                else {
                    if (b != base_.cases.end() && b->first == o->first) ++b;
                    visit((o++)->second);
                }
            }
        });
        return out;
    }

    void commit() {
        for (auto& [id, c] : overlay_) base_.cases.insert_or_assign(id, std::move(c));
        overlay_.clear();
    }

private:
    const Case* find(std::string_view id) const {
        if (auto it = overlay_.find(id); it != overlay_.end()) return &it->second;
        if (auto it = base_.cases.find(id); it != base_.cases.end()) return &it->second;
        return nullptr;
    }

    template <class F>
    void audited(const Actor& actor, std::string case_id, Operation op, F&& body) {
        try {
            body();
        } catch (const error& e) {
            repo_.audit(actor, case_id, op, false, std::string(errc_name(e.code())));
            throw;
        }
        repo_.audit(actor, std::move(case_id), op, true, "");
    }

    MemoryRepository& repo_;
    Table& base_;
    std::map<std::string, Case, std::less<>> overlay_;
};

MemoryRepository::MemoryRepository(AuditSink* audit, AuditClock clock)
    : table_(std::make_unique<Table>()), audit_(audit), clock_(std::move(clock)) {}

MemoryRepository::~MemoryRepository() = default;

void MemoryRepository::audit(const Actor& actor, std::string case_id, Operation op, bool allowed, std::string detail) {
    if (audit_) audit_->record({clock_ ? clock_() : std::string(), actor.id, actor.role, std::move(case_id), op, allowed, std::move(detail)});
}

void MemoryRepository::create(const Actor& actor, Case& c) {
    std::unique_lock lock(m_);
    Stage s(*this, *table_);
    s.create(actor, c);
    s.commit();
}

Case MemoryRepository::load(const Actor& actor, std::string_view id) {
    std::shared_lock lock(m_);
    return Stage(*this, *table_).load(actor, id);
}

void MemoryRepository::save(const Actor& actor, Case& c) {
    std::unique_lock lock(m_);
    Stage s(*this, *table_);
    s.save(actor, c);
    s.commit();
}

std::vector<CaseSummary> MemoryRepository::query(const Actor& actor, const CaseQuery& q) {
    std::shared_lock lock(m_);
    return Stage(*this, *table_).query(actor, q);
}

void MemoryRepository::transact(const Actor& /*actor*/, const std::function<void(CaseStore&)>& body) {
    std::unique_lock lock(m_);
    Stage s(*this, *table_);
    body(s);      // an exception leaves the overlay unmerged: nothing lands
    s.commit();
}

}  // namespace jmdcm
