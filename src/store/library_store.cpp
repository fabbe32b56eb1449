// The library's store over a Backend: the access checks, the audit and the judge of every
// write, written once for every backend.
#include "jmdcm/library_store.hpp"

#include "jmdcm/json.hpp"
#include "sealed_document.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace jmdcm {

namespace {

/// A stored document, read tolerantly (newer documents may carry more); storage_corrupt,
/// naming what and which, when it does not read.
template <class T>
T stored_document(const std::string& text, const char* what, std::string_view id) {
    try {
        return json::from_string<T>(text);
    } catch (const error& e) {
        // a document of a newer schema is not damaged: this library is too old (issue 14)
        if (e.code() == errc::json_schema_version)
            fail(errc::json_schema_version, e.rule(), e.field(), std::string("stored document of ") + what + " '" + std::string(id) + "': " + e.detail());
        fail(errc::storage_corrupt, "", "", std::string("stored document of ") + what + " '" + std::string(id) + "' is unreadable: " + e.what());
    }
}

bool listed(const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

}  // namespace

void Backend::put_cases(const std::vector<CaseRow>& rows) {
    for (const auto& r : rows) try {
            put_case(r, 0, false);
        } catch (const error& e) {
            if (e.code() == errc::already_exists) fail(errc::already_exists, "", "case.id", "case '" + r.summary.id + "' exists already");
            throw;
        }
}

std::vector<CaseRow> Backend::get_cases(const std::vector<std::string>& ids) {
    std::vector<CaseRow> out;
    for (const auto& id : ids)
        if (auto r = get_case(id)) {
            r->summary.id = id;   // get_case need not fill the summary; its document is checked against the id
            out.push_back(std::move(*r));
        }
    return out;
}

void Backend::append_audits(const std::vector<AuditRecord>& records) {
    for (const auto& r : records) append_audit(r);
}

bool matches(const BackendQuery& q, const CaseRow& row) {
    const CaseSummary& s = row.summary;
    if (!matches(q.filter, s)) return false;
    if (q.visible_to && s.case_worker != *q.visible_to && !listed(row.substitutes, *q.visible_to)) return false;
    if (q.due && (s.anonymised || (s.running && !(s.last_activity < q.due->activity_before) && !(s.last_contact < q.due->contact_before))))
        return false;
    return true;
}

// The operations with access checks and audit, inside the store's transaction.
class LibraryStore::Stage : public CaseStore {
public:
    explicit Stage(LibraryStore& store) : s_(store) {}

    void create(const Actor& actor, Case& c) override {
        s_.audited(actor, c.id, Operation::create, [&] {
            if (is_blank(c.id)) fail(errc::invalid_argument, "", "case.id", "a case needs an id");
            const Date on = s_.today();
            require_access(actor, c, Operation::create, on);
            check_new_case(c, on, s_.options_.policy);
            s_.insert(c);
        });
    }

    void create_all(const Actor& actor, std::vector<Case>& cases) override {
        const Date on = s_.today();
        std::unordered_set<std::string_view> ids;
        for (auto& c : cases)
            s_.audited(actor, c.id, Operation::create, [&] {   // each judged and audited as create() does
                if (is_blank(c.id)) fail(errc::invalid_argument, "", "case.id", "a case needs an id");
                if (!ids.insert(c.id).second) fail(errc::already_exists, "", "case.id", "case '" + c.id + "' comes twice among the new cases");
                require_access(actor, c, Operation::create, on);
                check_new_case(c, on, s_.options_.policy);
            });
        s_.insert_all(actor, cases);
        s_.flush_audit();   // an import calls this per batch inside one transaction
    }

    Case load(const Actor& actor, std::string_view id) override {
        Case out;
        s_.audited(actor, std::string(id), Operation::load, [&] {
            out = s_.existing(id);
            require_access(actor, out, Operation::load, s_.today());
            if (is_anonymised(out)) strip_to_skeleton(out);  // R13: every role sees the skeleton only
        });
        return out;
    }

    void save(const Actor& actor, Case& c) override {
        s_.audited(actor, c.id, Operation::save, [&] {
            const Case cur = s_.existing(c.id);
            const Date on = s_.today();
            require_access(actor, cur, Operation::save, on);  // the stored case decides, not the incoming one
            check_change(cur, c, on, s_.options_.policy);
            s_.update(cur, c);
        });
    }

    std::vector<CaseSummary> query(const Actor& actor, const CaseQuery& q) override {
        std::vector<CaseSummary> out;
        s_.audited(actor, "", Operation::query, [&] {
            validate(q);
            out = s_.visible(actor, q);
        });
        return out;
    }

private:
    LibraryStore& s_;
};

/// A thread's hold on one backend of a store: the transaction it runs there.
struct LibraryStore::Held {
    LibraryStore* store;
    Backend* backend;
    int leases = 1;                        // calls of this thread on the store, nested
    int depth = 0;                         // transaction nesting: only the outermost is real
    TxKind kind = TxKind::read;            // of the outermost
    std::vector<AuditRecord> pending;      // audit records of the open transaction
    std::unique_ptr<CaseSealer::NewKeys> fresh;   // keys made for new cases, stored before the commit
    std::vector<std::pair<std::string, std::string>> doomed;   // cases anonymised, with their new documents: their keys go just before the commit
};

LibraryStore::LibraryStore(std::unique_ptr<Backend> backend, StoreOptions options, BackendFactory more, std::size_t pool_size)
    : options_(std::move(options)), more_(std::move(more)), pool_size_(more_ ? pool_size : 1) {
    if (!backend) fail(errc::invalid_argument, "", "backend", "a store needs a backend");
    if (pool_size_ < 1) fail(errc::invalid_argument, "", "pool_size", "a store needs at least one backend in its pool");
    caps_ = backend->capabilities();
    idle_.push_back(backend.get());
    pool_.push_back(std::move(backend));
    settle_sealing();
    if (options_.sealer) try {
            (void)finish_anonymisations(false);
        } catch (...) {
            // a read-only file cannot store them now: the cases read as their skeletons, and
            // the next sweep tries again
        }
}
LibraryStore::~LibraryStore() {
    try {
        write_waiting();
    } catch (...) {
        // a store that cannot write now loses them, as a crash would (StoreOptions::audit_batch)
    }
}

// Issue 19: a store with a sealer marks its medium as sealed, and the medium then refuses
// clear cases whoever writes (Backend::mark_sealed). Without a sealer a marked medium opens
// read-only only, so a front end that lacks the key-encryption key fails here rather than at
// its first save; read-only it answers queries and statistics (the skeleton is in clear),
// and a case's load says key_missing.
void LibraryStore::settle_sealing() {
    bool marked = false;
    in_tx(TxKind::read, [&] { marked = backend().sealed(); });
    if (!marked && options_.sealer && caps_.writable) {
        in_tx(TxKind::write, [&] { backend().mark_sealed(); });
        marked = true;
    }
    if (marked && !options_.sealer && caps_.writable)
        fail(errc::store_sealed, "R13", "store",
             "the store (" + caps_.name + ") is sealed under per-case keys: open it with its key-encryption key, or read-only for "
             "queries and statistics");
    caps_.sealed = marked || options_.sealer;
}

// ---------------------------------------------------------------- the pool

std::vector<LibraryStore::Held*>& LibraryStore::holds() {
    thread_local std::vector<Held*> h;
    return h;
}

LibraryStore::Held& LibraryStore::held() {
    for (Held* h : holds())
        if (h->store == this) return *h;
    fail(errc::internal, "", "", "a store call without its backend");  // a Lease is alive in every caller
}

Backend& LibraryStore::backend() { return *held().backend; }

Backend* LibraryStore::acquire() {
    std::unique_lock lock(pool_m_);
    for (;;) {
        if (!idle_.empty()) {
            Backend* b = idle_.back();
            idle_.pop_back();
            return b;
        }
        if (pool_.size() + opening_ < pool_size_) break;
        pool_cv_.wait(lock);
    }
    ++opening_;   // connecting takes a round trip: other threads go on meanwhile
    lock.unlock();
    std::unique_ptr<Backend> b;
    try {
        b = more_();
        if (!b) fail(errc::internal, "", "backend", "the store's backend factory answered none");
    } catch (...) {
        lock.lock();
        --opening_;
        pool_cv_.notify_one();
        throw;
    }
    lock.lock();
    --opening_;
    pool_.push_back(std::move(b));
    return pool_.back().get();
}

void LibraryStore::release(Backend* b) noexcept {
    {
        std::lock_guard lock(pool_m_);
        idle_.push_back(b);
    }
    pool_cv_.notify_one();
}

LibraryStore::Lease::Lease(LibraryStore& store) : store_(store), held_(nullptr) {
    for (Held* h : holds())
        if (h->store == &store) {
            held_ = h;
            ++h->leases;
            return;
        }
    Backend* b = store.acquire();
    try {
        held_ = new Held{&store, b, 1, 0, TxKind::read, {}, {}, {}};
        holds().push_back(held_);
    } catch (...) {
        delete held_;
        store.release(b);
        throw;
    }
}

LibraryStore::Lease::~Lease() {
    if (--held_->leases > 0) return;
    auto& h = holds();
    std::erase(h, held_);
    Backend* b = held_->backend;
    delete held_;
    store_.release(b);
}

Backend& LibraryStore::Lease::backend() { return *held_->backend; }

BackendCapabilities LibraryStore::capabilities() const { return caps_; }

Date LibraryStore::today() const { return options_.today ? options_.today() : utc_today(); }

const Policy& LibraryStore::policy() const { return options_.policy; }

// ---------------------------------------------------------------- transactions and audit

template <class F>
void LibraryStore::in_tx(TxKind kind, F&& f, bool may_wait) {
    Lease lease(*this);
    Held& h = lease.held();
    if (h.depth > 0) {
        if (kind == TxKind::write && h.kind == TxKind::snapshot)
            fail(errc::internal, "", "", "a write inside a transaction opened to read only");
        f();
        return;
    }
    // A read whose records can wait writes nothing; a write takes the reads' waiting records
    // along, written before its own, so the log keeps their order.
    const TxKind begin = kind == TxKind::read && may_wait && batches_reads() ? TxKind::snapshot : kind;
    std::vector<AuditRecord> carried;
    if (begin != TxKind::snapshot && batches_reads()) carried = take_waiting();
    try {
        h.backend->begin(begin);
    } catch (...) {
        wait_records(std::move(carried), true);
        throw;
    }
    h.kind = begin;
    ++h.depth;
    try {
        f();
        if (begin != TxKind::snapshot) {
            if (!carried.empty()) h.backend->append_audits(carried);
            write_pending();
        }
        keys_before_commit();
        h.backend->commit();
        --h.depth;
    } catch (...) {
        --h.depth;
        h.backend->rollback();
        h.fresh.reset();
        h.doomed.clear();   // a destroyed key stays destroyed: finish_anonymisations completes the case
        if (begin == TxKind::snapshot) carried = take_waiting();   // a denial never waits, nor do the reads before it
        record_after_rollback(std::move(carried));
        throw;
    }
    keys_after_commit();
    auto records = std::move(h.pending);
    h.pending.clear();
    hand_to_sink(records);
    if (begin != TxKind::snapshot || records.empty()) return;
    const bool denial = std::any_of(records.begin(), records.end(), [](const AuditRecord& r) { return !r.allowed; });
    wait_records(std::move(records), false);
    bool full = false;
    {
        std::lock_guard lock(waiting_m_);
        full = waiting_.size() >= options_.audit_batch;
    }
    if (denial || full) write_waiting();   // a denial is never left waiting
}

std::vector<AuditRecord> LibraryStore::take_waiting() {
    std::lock_guard lock(waiting_m_);
    return std::exchange(waiting_, {});
}

void LibraryStore::wait_records(std::vector<AuditRecord> records, bool older) {
    if (records.empty()) return;
    std::lock_guard lock(waiting_m_);
    waiting_.insert(older ? waiting_.begin() : waiting_.end(), std::make_move_iterator(records.begin()),
                    std::make_move_iterator(records.end()));
}

void LibraryStore::write_waiting() {
    {
        std::lock_guard lock(waiting_m_);
        if (waiting_.empty()) return;
    }
    // audit records only: committed at the relaxed sync level of an audited read, as each
    // read's own record was before they waited (SqliteBackend::begin)
    in_tx(TxKind::read, [] {}, false);
}

// Issue 19: a new case's key is durable before its sealed document commits (a crash between
// leaves an unused key, never a document without one). An anonymised case's key is destroyed
// before the wipe commits (the key store's destruction is the point of no return), recorded
// with the anonymised document; a crash between leaves the record unsettled, and
// finish_anonymisations stores the document from it.
void LibraryStore::keys_before_commit() {
    Held& h = held();
    if (!options_.sealer) return;
    if (h.fresh) options_.sealer->store_keys(*h.fresh);
    const Date on = today();
    for (const auto& [id, anonymised] : h.doomed) options_.sealer->destroy(id, on, anonymised);
}

void LibraryStore::keys_after_commit() noexcept {
    Held& h = held();
    h.fresh.reset();
    for (const auto& [id, anonymised] : h.doomed) try {
            options_.sealer->settle(id);
        } catch (...) {
            // the mark stays; finish_anonymisations finds the case anonymised and clears it
        }
    h.doomed.clear();
}

void LibraryStore::hand_to_sink(const std::vector<AuditRecord>& records) {
    if (!options_.audit || records.empty()) return;
    std::lock_guard lock(sink_m_);
    for (const auto& r : records) options_.audit->record(r);
}

void LibraryStore::write_pending() {
    Held& h = held();
    if (h.pending.empty()) return;
    if (!caps_.keeps_audit) {
        // every access to personal data is audited: without a place for the record, nothing is handed out
        if (!options_.audit)
            fail(errc::storage_readonly, "", "store",
                 "the " + caps_.name + " backend keeps no audit records (a read-only file, or a host's backend without them) and "
                 "cannot record the audit of this access; "
                 "give the store an audit sink or open it writable");
        return;
    }
    h.backend->append_audits(h.pending);
}

// A long transaction (an import of many batches) hands its audit records to the backend as
// it goes, so that memory stays bounded; kept only when the host's sink takes them after the
// commit. Those of a transaction that rolls back go with it, as its writes do.
void LibraryStore::flush_audit() {
    Held& h = held();
    if (!caps_.keeps_audit || options_.audit || h.depth == 0) return;
    write_pending();
    h.pending.clear();
}

void LibraryStore::record_after_rollback(std::vector<AuditRecord> carried) noexcept {
    Held& h = held();
    auto records = std::move(h.pending);
    h.pending.clear();
    if (records.empty()) {
        try {
            wait_records(std::move(carried), true);   // reads' records the write took along: they wait again
        } catch (...) {
        }
        return;
    }
    for (auto& r : records) r.detail += r.allowed ? " (rolled back)" : "";
    if (caps_.keeps_audit) {
        try {  // denials must stay recorded even though the transaction is gone; the reads' before them
            h.backend->begin(TxKind::write);
            try {
                if (!carried.empty()) h.backend->append_audits(carried);
                for (const auto& r : records) h.backend->append_audit(r);
                h.backend->commit();
            } catch (...) {
                h.backend->rollback();
                throw;
            }
        } catch (...) {
            try {
                wait_records(std::move(carried), true);
            } catch (...) {
            }
        }
    }
    try {
        hand_to_sink(records);
    } catch (...) {
    }
}

void LibraryStore::audit(const Actor& actor, std::string case_id, Operation op, bool allowed, std::string detail) {
    AuditRecord r{options_.clock ? options_.clock() : utc_timestamp(), actor.id, actor.role, std::move(case_id), op, allowed,
                  std::move(detail)};
    in_tx(TxKind::read, [&] { held().pending.push_back(std::move(r)); });
}

std::vector<AuditRecord> LibraryStore::audit_records(const AuditQuery& q) {
    Lease lease(*this);
    if (held().depth == 0) write_waiting();   // the log a reader asks for holds every read so far
    std::vector<AuditRecord> out;
    in_tx(TxKind::read, [&] { out = backend().audit_records(q); });
    std::erase_if(out, [&](const AuditRecord& r) { return !matches(q, r); });  // a backend may answer all of them
    if (q.limit && out.size() > q.limit) out.resize(q.limit);
    return out;
}

bool LibraryStore::erasure_pending() {
    Lease lease(*this);   // the backends of one pool answer alike (Backend::erasure_pending)
    return lease.backend().erasure_pending();
}

// ---------------------------------------------------------------- cases

std::optional<Case> LibraryStore::read(std::string_view id) {
    auto row = backend().get_case(id);
    if (!row) return std::nullopt;
    return case_of(std::move(*row), id);
}

Case LibraryStore::case_of(CaseRow row, std::string_view id) {
    if (row.summary.version < 1)
        fail(errc::storage_corrupt, "", "", "the backend's get_case answered case '" + std::string(id) + "' at version " +
                                                std::to_string(row.summary.version) + "; stored versions start at 1");
    Case c = sealed::is_sealed(row.document) ? unseal(row, id) : stored_document<Case>(row.document, "case", id);
    if (c.id != id)
        fail(errc::storage_corrupt, "", "", "the backend's get_case answered for case '" + std::string(id) + "' the document of case '" + c.id + "'");
    c.version = row.summary.version;  // the backend's version decides: older documents may lack theirs
    return c;
}

Case LibraryStore::existing(std::string_view id) {
    auto c = read(id);
    if (!c) fail(errc::not_found, "", "case.id", "no case '" + std::string(id) + "'");
    return std::move(*c);
}

Case LibraryStore::unseal(const CaseRow& row, std::string_view id) {
    if (!options_.sealer)
        fail(errc::key_missing, "", "store", "case '" + std::string(id) + "' is sealed with its own key: open the store with its key-encryption key");
    try {
        return stored_document<Case>(options_.sealer->open(id, row.summary.version, sealed::sealed_data(row.document, id), row.key ? &*row.key : nullptr), "case", id);
    } catch (const error& e) {
        if (e.code() != errc::key_missing) throw;
        const auto destroyed = options_.sealer->destroyed(id);
        if (!destroyed) throw;
        // R13: the key went with an anonymisation whose write did not follow (a crash, or a
        // restored backup of the data). The case is its anonymised form: the one recorded
        // with the key's destruction until that is settled, else what the clear summary holds
        if (!destroyed->anonymised.empty()) return stored_document<Case>(destroyed->anonymised, "anonymised case", id);
        Case c;
        c.id = row.summary.id.empty() ? std::string(id) : row.summary.id;
        c.office = row.summary.office;
        c.case_worker = row.summary.case_worker;
        c.kind = row.summary.kind;
        c.phase = row.summary.phase;
        // a host's backend may answer only the version: the key's day stands in for the dates
        c.opened = row.summary.opened.is_special() ? destroyed->on : row.summary.opened;
        c.last_activity = row.summary.last_activity.is_special() ? c.opened : row.summary.last_activity;
        anonymise(c, destroyed->on);
        return c;
    }
}

std::string LibraryStore::document_of(const Case& c) {
    std::string whole = json::to_string(c);
    // an anonymised case holds no personal data (R13): it stays in clear, and its key is gone
    if (!options_.sealer || is_anonymised(c)) return whole;
    Held& h = held();
    if (!h.fresh) h.fresh = options_.sealer->new_keys();
    return sealed::envelope(options_.sealer->seal(c.id, c.version, whole, *h.fresh));
}

CaseRow LibraryStore::row_of(const Case& c) {
    CaseRow row;
    row.summary = summarise(c);
    for (const auto& sub : c.substitutions)
        if (!listed(row.substitutes, sub.colleague)) row.substitutes.push_back(sub.colleague);
    row.document = document_of(c);
    return row;
}

void LibraryStore::insert(Case& c) {
    const auto before = c.version;
    c.version = 1;
    try {
        backend().put_case(row_of(c), 0, false);
    } catch (const error& e) {
        c.version = before;
        if (e.code() == errc::already_exists) fail(errc::already_exists, "", "case.id", "case '" + c.id + "' exists already");
        throw;
    } catch (...) {
        c.version = before;
        throw;
    }
}

void LibraryStore::update(const Case& cur, Case& c) {
    require_next_version(cur);
    if (cur.version != c.version)
        fail(errc::conflict, "", "case.version",
             "case '" + c.id + "' is at version " + std::to_string(cur.version) + ", the save was based on " + std::to_string(c.version));
    const auto based_on = c.version;
    c.version = based_on + 1;
    try {
        // R3, R13: the anonymising write must leave no recoverable copy of the old document,
        // and with per-case keys the key goes too, so no older copy opens either (issue 19)
        const bool erases = !is_anonymised(cur) && is_anonymised(c);
        CaseRow row = row_of(c);
        backend().put_case(row, based_on, erases);
        if (erases && options_.sealer) held().doomed.emplace_back(c.id, std::move(row.document));
    } catch (...) {
        c.version = based_on;
        throw;
    }
}

void LibraryStore::insert_all(const Actor& actor, std::vector<Case>& cases) {
    std::vector<CaseRow> rows;
    rows.reserve(cases.size());
    for (auto& c : cases) {
        Case stored = c;
        stored.version = 1;
        rows.push_back(row_of(stored));
    }
    try {
        backend().put_cases(rows);
    } catch (const error& e) {
        if (e.code() != errc::already_exists) throw;
        // the backend names the id: that create is refused (audited), and with it the whole batch
        std::string id;
        for (const auto& r : rows)
            if (std::string(e.what()).find("'" + r.summary.id + "'") != std::string::npos) id = r.summary.id;
        audit(actor, id, Operation::create, false, "already_exists");
        if (id.empty()) throw;
        fail(errc::already_exists, "", "case.id", "case '" + id + "' exists already");
    }
    for (auto& c : cases) c.version = 1;
}

std::vector<CaseRow> LibraryStore::rows(const BackendQuery& q) {
    auto found = backend().find_cases(q);
    // a backend may answer a superset: every row is judged here again, in id order
    std::erase_if(found, [&](const CaseRow& r) { return !matches(q, r); });
    std::sort(found.begin(), found.end(), [](const CaseRow& a, const CaseRow& b) { return a.summary.id < b.summary.id; });
    for (std::size_t i = 1; i < found.size(); ++i)
        if (found[i].summary.id == found[i - 1].summary.id)
            fail(errc::storage_corrupt, "", "", "the backend's find_cases answered case '" + found[i].summary.id + "' twice");
    if (q.documents)
        for (const auto& r : found)
            if (r.document.empty()) fail(errc::storage_corrupt, "", "", "the backend's find_cases answered case '" + r.summary.id + "' without its document");
    if (q.filter.limit && found.size() > q.filter.limit) found.resize(q.filter.limit);
    return found;
}

std::vector<CaseSummary> LibraryStore::visible(const Actor& actor, const CaseQuery& q) {
    BackendQuery bq;
    bq.filter = q;
    const bool worker = actor.role == Role::case_worker;
    if (worker) {
        bq.visible_to = actor.id;
        bq.filter.limit = 0;  // limited after the substitution check below
    }
    if (actor.role == Role::statistics) {  // R13, R15: the skeletons only
        if (q.anonymised == false) return {};
        bq.filter.anonymised = true;
    }
    std::vector<CaseSummary> out;
    const Date on = today();
    for (auto& r : rows(bq)) {
        if (q.limit && out.size() >= q.limit) break;
        // a substitute sees the row only while the substitution, consent and release hold today (R4, R15)
        if (worker && r.summary.case_worker != actor.id && !may_handle_personal_data(actor, existing(r.summary.id), on)) continue;
        out.push_back(std::move(r.summary));
    }
    return out;
}

void LibraryStore::create(const Actor& actor, Case& c) {
    Lease lease(*this);
    Case work = c;  // the caller's copy changes only once the commit has succeeded
    in_tx(TxKind::write, [&] { Stage(*this).create(actor, work); });
    c.version = work.version;
}

void LibraryStore::create_all(const Actor& actor, std::vector<Case>& cases) {
    Lease lease(*this);
    std::vector<Case> work = cases;  // the caller's copies change only once the commit has succeeded
    in_tx(TxKind::write, [&] { Stage(*this).create_all(actor, work); });
    for (std::size_t k = 0; k < cases.size(); ++k) cases[k].version = work[k].version;
}

Case LibraryStore::load(const Actor& actor, std::string_view id) {
    Lease lease(*this);
    Case out;
    in_tx(TxKind::read, [&] { out = Stage(*this).load(actor, id); });
    return out;
}

void LibraryStore::save(const Actor& actor, Case& c) {
    Lease lease(*this);
    Case work = c;
    in_tx(TxKind::write, [&] { Stage(*this).save(actor, work); });
    c.version = work.version;
}

std::vector<CaseSummary> LibraryStore::query(const Actor& actor, const CaseQuery& q) {
    Lease lease(*this);
    std::vector<CaseSummary> out;
    in_tx(TxKind::read, [&] { out = Stage(*this).query(actor, q); });
    return out;
}

void LibraryStore::transact(const Actor& /*actor: each call in the body names its own*/, const std::function<void(CaseStore&)>& body) {
    {
        Lease lease(*this);
        in_tx(TxKind::write, [&] {
            Stage s(*this);
            body(s);
        });
    }
    finish_erasures();   // a step in the body may have anonymised
}

void LibraryStore::finish_erasures() noexcept {
    for (Held* h : holds())
        if (h->store == this && h->depth > 0) return;   // VACUUM cannot run inside a transaction: the outermost call finishes
    try {
        Lease lease(*this);
        lease.backend().finish_erasures();
    } catch (...) {
        // what is left stays pending (erasure_pending), for the host's schedule
    }
}

std::size_t LibraryStore::finish_anonymisations(bool all) {
    if (!options_.sealer) return 0;
    const Actor self{"jmdcm", Role::administrator};   // the library itself, finishing what a crash cut short
    std::size_t finished = 0;
    for (const auto& destroyed : options_.sealer->unsettled(all)) {
        const std::string& id = destroyed.case_id;
        {
            Lease lease(*this);
            in_tx(TxKind::write, [&] {
                auto row = backend().get_case(id);
                if (!row) return;
                const bool was_sealed = sealed::is_sealed(row->document);
                const auto based_on = row->summary.version;
                Case c = case_of(std::move(*row), id);   // a sealed one: its anonymised form (unseal)
                if (!was_sealed && is_anonymised(c)) return;   // the anonymisation is stored
                if (!is_anonymised(c)) anonymise(c, destroyed.on, {}, options_.policy.skeleton_age);   // a clear one from before the keys
                require_next_version(c);
                c.version = based_on + 1;
                backend().put_case(row_of(c), based_on, true);
                audit(self, id, Operation::anonymise, true, "finished: the case's key was destroyed");
                ++finished;
            });
        }
        options_.sealer->settle(id);
    }
    finish_erasures();
    return finished;
}

std::vector<std::string> LibraryStore::sweep_candidates(Date on, const Policy& policy) {
    finish_anonymisations(false);   // R13: what a crash cut short is finished before the sweep looks
    Lease lease(*this);
    // The same criteria as retention_decision (R13), as a superset (four days of slack for
    // months of different length); the decision itself is exact.
    BackendQuery q;
    q.filter.anonymised = false;
    q.due = DueFilter{add_months(on, -policy.review_after_months) + boost::gregorian::days(4),
                      add_months(on, -policy.anonymise_after_months) + boost::gregorian::days(4)};
    std::vector<std::string> ids;
    in_tx(TxKind::read, [&] {
        for (auto& r : rows(q)) ids.push_back(std::move(r.summary.id));
    });
    return ids;
}

void LibraryStore::update_unchecked(const Actor& actor, const std::vector<std::string>& ids, Operation op,
                                    const std::function<bool(Case&)>& f) {
    Lease lease(*this);
    // the callers (the sweep's batches, anonymise_case) finish the erasure once, at their end
    struct Defer {
        Backend& b;
        explicit Defer(Backend& backend) : b(backend) { b.defer_erasures(true); }
        ~Defer() { b.defer_erasures(false); }
    } defer(lease.backend());
    in_tx(TxKind::write, [&] {
        std::map<std::string, CaseRow, std::less<>> stored;   // the batch read at once
        for (auto& r : backend().get_cases(ids)) stored.emplace(r.summary.id, std::move(r));
        for (const auto& id : ids) {
            auto found = stored.find(id);
            if (found == stored.end()) continue;
            const Case cur = case_of(std::move(found->second), id);
            stored.erase(found);
            Case c = cur;
            if (!f(c)) continue;
            update(cur, c);
            audit(actor, id, op, true, "");
        }
    });
}

Case LibraryStore::write_unchecked(const std::string& id, const std::function<std::vector<Case>(Case*)>& f) {
    Lease lease(*this);
    std::optional<Case> result;
    in_tx(TxKind::write, [&] {
        const auto cur = read(id);
        std::optional<Case> c = cur;
        auto created = f(c ? &*c : nullptr);
        if (c && !(*c == *cur)) update(*cur, *c);
        for (auto& n : created) insert(n);
        result = std::move(c);
    });
    return result ? std::move(*result) : Case{};
}

Case LibraryStore::load_unchecked(std::string_view id) {
    Lease lease(*this);
    Case out;
    in_tx(TxKind::read, [&] { out = existing(id); });
    return out;
}

std::vector<Case> LibraryStore::cases_of_worker(const std::string& actor_id) {
    Lease lease(*this);
    // Two backend queries for the whole agenda: the worker's own and substituted cases, and the
    // anonymised ones whose paper file (Handakte) still waits to be dealt with (R3, R13).
    BackendQuery q;
    q.filter.anonymised = false;
    q.visible_to = actor_id;
    q.documents = true;
    BackendQuery paper_files = q;
    paper_files.filter.anonymised = true;
    paper_files.filter.open_reminders = true;
    std::vector<Case> out;
    in_tx(TxKind::read, [&] {
        for (const BackendQuery* each : {&q, &paper_files})
            for (auto& r : rows(*each)) {
                const std::string id = r.summary.id;
                out.push_back(case_of(std::move(r), id));
            }
    });
    return out;
}

// ---------------------------------------------------------------- moving an office

std::size_t LibraryStore::migrate_to(const Actor& actor, LibraryStore& to) {
    if (&to == this) fail(errc::invalid_argument, "", "to", "a store cannot be moved into itself");
    std::size_t moved = 0;
    audited(actor, "", Operation::migrate, [&] {
        require_access(actor, Case{}, Operation::migrate, today());
        write_waiting();   // the log moves whole
        in_tx(TxKind::read, [&] {
            BackendQuery all;
            all.documents = true;
            // every case read (and opened, when sealed) before anything is written; the
            // destination stores it in its own form, sealed under its own keys or in clear
            std::vector<Case> cases;
            for (auto& r : rows(all)) {
                const std::string id = r.summary.id;
                cases.push_back(case_of(std::move(r), id));
            }
            const auto partners = backend().partners();
            const auto audit = backend().audit_records(AuditQuery{});
            to.in_tx(TxKind::write, [&] {
                BackendQuery any;
                any.filter.limit = 1;
                if (!to.rows(any).empty()) fail(errc::already_exists, "", "to", "the destination store holds cases already");
                for (const auto& c : cases) to.backend().put_case(to.row_of(c), 0, false);
                for (const auto& p : partners) to.backend().put_partner(p, 0);
                for (const auto& a : audit) to.backend().append_audit(a);
                moved = cases.size();
                to.audit(actor, "", Operation::migrate, true, "from " + caps_.name + ": " + std::to_string(moved) + " cases");
            });
        });
        return "to " + to.caps_.name + ": " + std::to_string(moved) + " cases";
    });
    return moved;
}

std::size_t LibraryStore::seal_all(const Actor& actor, std::size_t batch) {
    if (!options_.sealer) fail(errc::invalid_argument, "", "store", "sealing the stored cases needs a store opened with its key-encryption key");
    std::size_t sealed_now = 0;
    audited(actor, "", Operation::migrate, [&] {
        require_access(actor, Case{}, Operation::migrate, today());
        // a case whose key was destroyed (data restored from before its anonymisation) gets
        // no new key: it is anonymised first
        (void)finish_anonymisations(true);
        std::vector<std::string> ids;
        in_tx(TxKind::read, [&] {
            BackendQuery q;
            q.filter.anonymised = false;
            q.documents = true;
            for (auto& r : rows(q))
                if (!sealed::is_sealed(r.document)) ids.push_back(std::move(r.summary.id));
        });
        const std::size_t step = batch ? batch : 1;
        for (std::size_t start = 0; start < ids.size(); start += step) {
            Lease lease(*this);
            in_tx(TxKind::write, [&] {
                const std::vector<std::string> chunk(ids.begin() + static_cast<std::ptrdiff_t>(start),
                                                     ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + step)));
                for (auto& r : backend().get_cases(chunk)) {
                    if (sealed::is_sealed(r.document)) continue;   // sealed meanwhile by a save
                    const std::string id = r.summary.id;
                    Case c = case_of(std::move(r), id);
                    if (is_anonymised(c)) continue;
                    const auto based_on = c.version;
                    require_next_version(c);
                    c.version = based_on + 1;
                    // the clear document must leave no recoverable copy, like an anonymised one's
                    backend().put_case(row_of(c), based_on, true);
                    ++sealed_now;
                }
            });
        }
        finish_erasures();
        return "sealed " + std::to_string(sealed_now) + " cases";
    });
    return sealed_now;
}

// ---------------------------------------------------------------- network (R12)

void LibraryStore::save_partner(const Actor& actor, Partner& p) {
    Lease lease(*this);
    Partner work = p;
    in_tx(TxKind::write, [&] {
        audited(actor, "", Operation::network, [&] {
            std::optional<std::int64_t> stored;
            for (const auto& d : backend().partners())
                if (d.id == work.id) stored = d.version;
            check_partner_save(actor, work, stored);
            work.version += 1;
            backend().put_partner({work.id, work.version, json::to_string(work)}, stored.value_or(0));
            return "partner " + work.id;
        });
    });
    p.version = work.version;  // only once the commit has succeeded
}

std::vector<Partner> LibraryStore::partners(const Actor& /*actor: no personal data*/) {
    Lease lease(*this);
    std::vector<Partner> out;
    in_tx(TxKind::read, [&] {
        for (const auto& d : backend().partners()) {
            Partner p = stored_document<Partner>(d.document, "partner", d.id);
            p.version = d.version;
            out.push_back(std::move(p));
        }
    });
    std::sort(out.begin(), out.end(), [](const Partner& a, const Partner& b) { return a.id < b.id; });
    return out;
}

}  // namespace jmdcm
