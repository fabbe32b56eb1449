// In-memory repository. A transaction works on an overlay over the committed table and
// merges it only when the body returns, so a failed body leaves nothing behind.
#include "jmdcm/memory_repository.hpp"

#include <limits>

namespace jmdcm {

void MemoryAuditSink::record(const AuditRecord& r) {
    std::lock_guard lock(m_);
    records_.push_back(r);
}

std::vector<AuditRecord> MemoryAuditSink::records() const {
    std::lock_guard lock(m_);
    return records_;
}

// One view of the cases that writes into an overlay. Every public operation of the
// repository is a Stage whose overlay is merged at once.
class MemoryRepository::Stage : public CaseStore {
public:
    Stage(MemoryRepository& repo, Table& base) : repo_(repo), base_(base) {}

    void create(const Actor& actor, Case& c) override {
        repo_.audited(actor, c.id, Operation::create, [&] {
            if (is_blank(c.id)) fail(errc::invalid_argument, "", "case.id", "a case needs an id");
            require_access(actor, c, Operation::create, repo_.today());
            check_new_case(c, repo_.today(), repo_.policy());
            if (contains(c.id)) fail(errc::already_exists, "", "case.id", "case '" + c.id + "' exists already");
            Case stored = c;
            stored.version = 1;
            overlay_.insert_or_assign(c.id, std::move(stored));
            c.version = 1;
        });
    }

    Case load(const Actor& actor, std::string_view id) override {
        Case out;
        repo_.audited(actor, std::string(id), Operation::load, [&] {
            const Case& c = existing(id);
            require_access(actor, c, Operation::load, repo_.today());
            out = c;
            if (is_anonymised(out)) strip_to_skeleton(out);  // R13: every role sees the skeleton only
        });
        return out;
    }

    void save(const Actor& actor, Case& c) override {
        repo_.audited(actor, c.id, Operation::save, [&] {
            const Case& cur = existing(c.id);
            require_access(actor, cur, Operation::save, repo_.today());  // the stored case decides, not the incoming one
            check_change(cur, c, repo_.today(), repo_.policy());
            put(cur, c);
        });
    }

    std::vector<CaseSummary> query(const Actor& actor, const CaseQuery& q) override {
        std::vector<CaseSummary> out;
        repo_.audited(actor, "", Operation::query, [&] {
            validate(q);
            each([&](const Case& c) {
                if (q.limit && out.size() >= q.limit) return;
                if (!visible_in_query(actor, c, repo_.today())) return;
                CaseSummary s = summarise(c);
                if (matches(q, s)) out.push_back(std::move(s));
            });
        });
        return out;
    }

    /// Visits the merged view in id order.
    template <class F>
    void each(F&& f) const {
        auto b = base_.begin();
        auto o = overlay_.begin();
        while (b != base_.end() || o != overlay_.end()) {
            if (o == overlay_.end() || (b != base_.end() && b->first < o->first)) {
                f((b++)->second);
            } else {
                if (b != base_.end() && b->first == o->first) ++b;
                f((o++)->second);
            }
        }
    }

    const Case& existing(std::string_view id) const {
        if (auto it = overlay_.find(id); it != overlay_.end()) return it->second;
        if (auto it = base_.find(id); it != base_.end()) return it->second;
        fail(errc::not_found, "", "case.id", "no case '" + std::string(id) + "'");
    }

    bool contains(std::string_view id) const { return overlay_.count(id) || base_.count(id); }

    /// Optimistic write of `c` over `cur`.
    void put(const Case& cur, Case& c) {
        require_next_version(cur);
        if (cur.version != c.version)
            fail(errc::conflict, "", "case.version",
                 "case '" + c.id + "' is at version " + std::to_string(cur.version) + ", the save was based on " + std::to_string(c.version));
        Case stored = c;
        stored.version = c.version + 1;
        overlay_.insert_or_assign(c.id, std::move(stored));
        c.version += 1;
    }

    void stage_new(Case c) {
        const std::string id = c.id;
        overlay_.insert_or_assign(id, std::move(c));
    }

    void commit() {
        for (auto& [id, c] : overlay_) base_.insert_or_assign(id, std::move(c));
        overlay_.clear();
    }

private:
    MemoryRepository& repo_;
    Table& base_;
    Table overlay_;
};

MemoryRepository::MemoryRepository(StoreOptions options) : options_(std::move(options)) {}

void MemoryRepository::audit(const Actor& actor, std::string case_id, Operation op, bool allowed, std::string detail) {
    const AuditRecord r{options_.clock ? options_.clock() : utc_timestamp(), actor.id, actor.role, std::move(case_id), op, allowed,
                        std::move(detail)};
    log_.record(r);
    if (options_.audit) options_.audit->record(r);
}

std::vector<AuditRecord> MemoryRepository::audit_records(const AuditQuery& q) {
    std::vector<AuditRecord> out;
    for (auto& r : log_.records())
        if (matches(q, r) && (!q.limit || out.size() < q.limit)) out.push_back(std::move(r));
    return out;
}

Date MemoryRepository::today() const { return options_.today ? options_.today() : utc_today(); }

void MemoryRepository::create(const Actor& actor, Case& c) {
    std::unique_lock lock(m_);
    Stage s(*this, cases_);
    s.create(actor, c);
    s.commit();
}

Case MemoryRepository::load(const Actor& actor, std::string_view id) {
    std::shared_lock lock(m_);
    return Stage(*this, cases_).load(actor, id);
}

void MemoryRepository::save(const Actor& actor, Case& c) {
    std::unique_lock lock(m_);
    Stage s(*this, cases_);
    s.save(actor, c);
    s.commit();
}

std::vector<CaseSummary> MemoryRepository::query(const Actor& actor, const CaseQuery& q) {
    std::shared_lock lock(m_);
    return Stage(*this, cases_).query(actor, q);
}

void MemoryRepository::transact(const Actor& /*actor*/, const std::function<void(CaseStore&)>& body) {
    std::unique_lock lock(m_);
    Stage s(*this, cases_);
    body(s);  // an exception leaves the overlay unmerged: nothing lands
    s.commit();
}

std::vector<std::string> MemoryRepository::sweep_candidates(Date, const Policy&) {
    std::shared_lock lock(m_);
    std::vector<std::string> ids;
    for (const auto& [id, c] : cases_)
        if (!is_anonymised(c)) ids.push_back(id);  // small by nature: the exact decision follows
    return ids;
}

void MemoryRepository::update_unchecked(const Actor& actor, const std::vector<std::string>& ids, Operation op,
                                        const std::function<bool(Case&)>& f) {
    std::vector<std::string> changed;
    {
        std::unique_lock lock(m_);
        Stage s(*this, cases_);
        for (const auto& id : ids) {
            if (!s.contains(id)) continue;
            const Case& cur = s.existing(id);
            Case c = cur;
            if (!f(c)) continue;
            s.put(cur, c);
            changed.push_back(id);
        }
        s.commit();
    }
    for (auto& id : changed) audit(actor, std::move(id), op, true, "");
}

Case MemoryRepository::write_unchecked(const std::string& id, const std::function<std::vector<Case>(Case*)>& f) {
    std::unique_lock lock(m_);
    Stage s(*this, cases_);
    const Case* cur = s.contains(id) ? &s.existing(id) : nullptr;
    std::optional<Case> c;
    if (cur) c = *cur;
    auto created = f(c ? &*c : nullptr);
    if (c && !(*c == *cur)) s.put(*cur, *c);
    for (auto& n : created) {
        if (s.contains(n.id)) fail(errc::already_exists, "", "case.id", "case '" + n.id + "' exists already");
        n.version = 1;
        s.stage_new(std::move(n));
    }
    s.commit();
    return c ? *c : Case{};
}

const Policy& MemoryRepository::policy() const { return options_.policy; }

Case MemoryRepository::load_unchecked(std::string_view id) {
    std::shared_lock lock(m_);
    return Stage(*this, cases_).existing(id);
}

void MemoryRepository::save_partner(const Actor& actor, Partner& p) {
    audited(actor, "", Operation::network, [&] {
        std::unique_lock lock(m_);
        const auto it = partners_.find(p.id);
        check_partner_save(actor, p, it == partners_.end() ? std::nullopt : std::optional(it->second.version));
        Partner stored = p;
        stored.version = p.version + 1;
        partners_.insert_or_assign(p.id, std::move(stored));
        p.version += 1;
        return "partner " + p.id;
    });
}

std::vector<Partner> MemoryRepository::partners(const Actor& /*actor: no personal data*/) {
    std::shared_lock lock(m_);
    std::vector<Partner> out;
    for (const auto& [id, p] : partners_) out.push_back(p);
    return out;
}

}  // namespace jmdcm
