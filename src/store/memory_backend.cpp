// The in-memory backend: maps and an overlay per transaction.
#include "jmdcm/memory_repository.hpp"

#include "sealed_document.hpp"

namespace jmdcm {

void MemoryAuditSink::record(const AuditRecord& r) {
    std::lock_guard lock(m_);
    records_.push_back(r);
}

std::vector<AuditRecord> MemoryAuditSink::records() const {
    std::lock_guard lock(m_);
    return records_;
}

namespace {

/// The stored version of `id` in the merged view; 0 when none.
template <class T, class Version>
std::int64_t stored_version(const T& base, const T& overlay, const std::string& id, Version version) {
    if (auto it = overlay.find(id); it != overlay.end()) return version(it->second);
    if (auto it = base.find(id); it != base.end()) return version(it->second);
    return 0;
}

void check_version(std::int64_t have, std::int64_t expected, const std::string& what, const std::string& id) {
    if (have == expected) return;
    if (expected == 0) fail(errc::already_exists, "", what + ".id", what + " '" + id + "' exists already");
    fail(errc::conflict, "", what + ".version", what + " '" + id + "' was changed meanwhile");
}

}  // namespace

BackendCapabilities MemoryBackend::capabilities() const { return {"memory", true, "", true, true, false}; }

bool MemoryBackend::sealed() { return sealed_; }
void MemoryBackend::mark_sealed() { sealed_ = true; }

void MemoryBackend::begin(TxKind) {}  // the overlay is empty between transactions

void MemoryBackend::commit() {
    for (auto& [id, row] : case_overlay_) cases_.insert_or_assign(id, std::move(row));
    for (auto& [id, p] : partner_overlay_) partners_.insert_or_assign(id, std::move(p));
    for (auto& r : audit_overlay_) audit_.push_back(std::move(r));
    rollback();
}

void MemoryBackend::rollback() noexcept {
    case_overlay_.clear();
    partner_overlay_.clear();
    audit_overlay_.clear();
}

std::optional<CaseRow> MemoryBackend::get_case(std::string_view id) {
    if (auto it = case_overlay_.find(id); it != case_overlay_.end()) return it->second;
    if (auto it = cases_.find(id); it != cases_.end()) return it->second;
    return std::nullopt;
}

void MemoryBackend::put_case(const CaseRow& row, std::int64_t expected_version, bool /*erases: nothing outlives the map entry*/) {
    const auto& id = row.summary.id;
    check_version(stored_version(cases_, case_overlay_, id, [](const CaseRow& r) { return r.summary.version; }), expected_version, "case", id);
    if (sealed_ && !row.summary.anonymised && !sealed::is_sealed(row.document)) sealed::refuse_clear(id);
    case_overlay_.insert_or_assign(id, row);
}

std::vector<CaseRow> MemoryBackend::find_cases(const BackendQuery& q) {
    std::vector<CaseRow> out;
    auto take = [&](const CaseRow& r) {
        if (!matches(q, r)) return;
        CaseRow copy{r.summary, r.substitutes, q.documents ? r.document : std::string(), std::nullopt};
        out.push_back(std::move(copy));
    };
    // the merged view in id order
    auto b = cases_.begin();
    auto o = case_overlay_.begin();
    while (b != cases_.end() || o != case_overlay_.end()) {
        if (q.filter.limit && out.size() >= q.filter.limit) break;
        if (o == case_overlay_.end() || (b != cases_.end() && b->first < o->first)) {
            take((b++)->second);
        } else {
            if (b != cases_.end() && b->first == o->first) ++b;
            take((o++)->second);
        }
    }
    return out;
}

std::vector<StoredDocument> MemoryBackend::partners() {
    Table<StoredDocument> merged = partners_;
    for (const auto& [id, p] : partner_overlay_) merged.insert_or_assign(id, p);
    std::vector<StoredDocument> out;
    for (auto& [id, p] : merged) out.push_back(std::move(p));
    return out;
}

void MemoryBackend::put_partner(const StoredDocument& p, std::int64_t expected_version) {
    check_version(stored_version(partners_, partner_overlay_, p.id, [](const StoredDocument& d) { return d.version; }), expected_version,
                  "partner", p.id);
    partner_overlay_.insert_or_assign(p.id, p);
}

void MemoryBackend::append_audit(const AuditRecord& r) { audit_overlay_.push_back(r); }

std::vector<AuditRecord> MemoryBackend::audit_records(const AuditQuery& q) {
    std::vector<AuditRecord> out;
    for (const auto* list : {&audit_, &audit_overlay_})
        for (const auto& r : *list)
            if (matches(q, r) && (!q.limit || out.size() < q.limit)) out.push_back(r);
    return out;
}

MemoryRepository::MemoryRepository(StoreOptions options) : LibraryStore(std::make_unique<MemoryBackend>(), std::move(options)) {}

}  // namespace jmdcm
