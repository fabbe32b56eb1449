// A host's backend is the host's code: whatever it answers (garbage, a wrong case, a wrong
// version, NULL, a status outside the table, a failure mid-write), the store raises an error
// naming the callback and keeps what is stored intact. And what it cannot promise (erasure,
// an audit log) the store does not claim.
#include "../storage/storage_fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

/// A store over the C dict backend, with the dict kept for switching faults on.
struct HostBackend {
    explicit HostBackend(unsigned flags = JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT, AuditSink* sink = nullptr) {
        jmdcm_backend b;
        jmdcm_backend_init(&b, JMDCM_BACKEND_VERSION);
        dict = dict_new();
        dict_fill(&b, dict, flags);
        store = std::make_unique<LibraryStore>(std::make_unique<capi::CallbackBackend>(b), options_with(sink));
    }
    Case stored(std::string id = "T-1") {
        Case c = case_at(Stage::implementing);
        c.id = std::move(id);
        store->create(worker, c);
        return c;
    }
    dict_backend* dict = nullptr;   // freed by the store (the backend's destroy)
    std::unique_ptr<LibraryStore> store;
};

std::string what(const error& e) { return e.what(); }

}  // namespace

TEST(MisbehavingBackend, GarbageFromGetCaseIsStorageCorruptNamingTheCallback) {
    HostBackend h;
    const Case c = h.stored();
    dict_set_fault(h.dict, DICT_GARBAGE);
    const auto e = error_of([&] { h.store->load(worker, "T-1"); });
    EXPECT_EQ(e.code(), errc::storage_corrupt);
    EXPECT_NE(what(e).find("get_case"), std::string::npos) << what(e);
    dict_set_fault(h.dict, DICT_NO_FAULT);
    EXPECT_EQ(json::to_string(h.store->load(worker, "T-1")), json::to_string(c));  // nothing was lost
}

TEST(MisbehavingBackend, AnotherCaseOrAWrongVersionIsRefused) {
    HostBackend h;
    h.stored("A");
    h.stored("B");
    dict_set_fault(h.dict, DICT_OTHER_ID);
    auto e = error_of([&] { h.store->load(worker, "B"); });
    EXPECT_EQ(e.code(), errc::storage_corrupt);
    EXPECT_NE(what(e).find("answered case 'A' for case 'B'"), std::string::npos) << what(e);
    dict_set_fault(h.dict, DICT_ZERO_VERSION);
    e = error_of([&] { h.store->load(worker, "B"); });
    EXPECT_EQ(e.code(), errc::storage_corrupt);
    EXPECT_NE(what(e).find("version 0"), std::string::npos) << what(e);
    dict_set_fault(h.dict, DICT_NO_FAULT);
    EXPECT_EQ(h.store->load(worker, "B").version, 1);
}

TEST(MisbehavingBackend, ANullAnswerOrARowTwiceIsRefused) {
    HostBackend h;
    h.stored();
    dict_set_fault(h.dict, DICT_NULL_ANSWER);
    auto e = error_of([&] { h.store->query(lead, {}); });
    EXPECT_EQ(e.code(), errc::storage_corrupt);
    EXPECT_NE(what(e).find("find_cases answered NULL"), std::string::npos) << what(e);
    dict_set_fault(h.dict, DICT_TWICE);
    e = error_of([&] { h.store->query(lead, {}); });
    EXPECT_EQ(e.code(), errc::storage_corrupt);
    EXPECT_NE(what(e).find("twice"), std::string::npos) << what(e);
    dict_set_fault(h.dict, DICT_NO_FAULT);
    EXPECT_EQ(h.store->query(lead, {}).size(), 1u);
}

TEST(MisbehavingBackend, AFailingWriteRollsBackKeepsTheStoredCaseAndIsAudited) {
    HostBackend h;
    Case c = h.stored();
    add_journal_entry(c, {d(2020, 5, 2), ContactKind::phone, ContactTopic::counselling, true, {}, "Anruf"}, Policy{});
    dict_set_fault(h.dict, DICT_FAILING_PUT);
    const int rollbacks = dict_rollbacks(h.dict);
    const auto e = error_of([&] { h.store->save(worker, c); });
    EXPECT_EQ(e.code(), errc::storage_full);
    EXPECT_NE(what(e).find("put_case failed: the host's disk is full"), std::string::npos) << what(e);
    EXPECT_EQ(c.version, 1);                      // the caller's copy is unchanged
    EXPECT_EQ(dict_rollbacks(h.dict), rollbacks + 1);
    EXPECT_FALSE(dict_open(h.dict));
    dict_set_fault(h.dict, DICT_STRANGE_STATUS);
    const auto strange = error_of([&] { h.store->save(worker, c); });
    EXPECT_EQ(strange.code(), errc::storage);
    EXPECT_NE(what(strange).find("returned 12345, not a jmdcm status"), std::string::npos) << what(strange);
    dict_set_fault(h.dict, DICT_NO_FAULT);
    EXPECT_TRUE(h.store->load(worker, "T-1").journal.empty());
    AuditQuery saves;
    saves.operation = Operation::save;
    const auto trail = h.store->audit_trail(admin, saves);
    ASSERT_EQ(trail.size(), 2u);                  // both refusals stayed recorded
    EXPECT_FALSE(trail[0].allowed);
    EXPECT_EQ(trail[0].detail, "storage_full");
    h.store->save(worker, c);                     // and the store still works
    EXPECT_EQ(h.store->load(worker, "T-1").journal.size(), 1u);
}

TEST(MisbehavingBackend, ABackendThatCannotEraseIsReportedAsSuch) {
    HostBackend h(JMDCM_BACKEND_KEEPS_AUDIT);
    const auto caps = h.store->capabilities();
    EXPECT_FALSE(caps.erases);
    EXPECT_EQ(caps.erasure_gaps, "the host's nightly backups");
    Case closed = case_at(Stage::implementing);
    closed.id = "D";
    close_case(closed, {d(2020, 3, 1), ClosureReason::goals_reached, true, {}, false, std::nullopt, {}}, Policy{});
    record_follow_up(closed, {d(2020, 7, 15), false, std::nullopt, false, {}}, Policy{});   // declined: due for anonymisation (R13)
    h.store->create(worker, closed);
    const auto report = h.store->sweep(admin, d(2020, 8, 1), Policy{});
    EXPECT_EQ(report.anonymised, std::vector<std::string>{"D"});
    EXPECT_FALSE(report.erasure_guaranteed);   // R13: anonymised in the store, not promised in the host's backups
    HostBackend erasing;
    EXPECT_TRUE(erasing.store->capabilities().erases);
    EXPECT_TRUE(erasing.store->sweep(admin, d(2020, 8, 1), Policy{}).erasure_guaranteed);
}

TEST(MisbehavingBackend, WithoutAnAuditLogTheHostsSinkMustTakeTheRecords) {
    HostBackend bare(JMDCM_BACKEND_ERASES);
    EXPECT_FALSE(bare.store->capabilities().keeps_audit);
    const auto e = error_of([&] { bare.stored(); });
    EXPECT_EQ(e.code(), errc::storage_readonly);   // nothing is written or handed out unaudited
    EXPECT_EQ(error_of([&] { bare.store->query(lead, CaseQuery{}); }).code(), errc::storage_readonly);
    MemoryAuditSink sink;
    HostBackend sunk(JMDCM_BACKEND_ERASES, &sink);
    sunk.stored();
    (void)sunk.store->load(worker, "T-1");
    const auto records = sink.records();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[1].operation, Operation::load);
    EXPECT_EQ(records[1].case_id, "T-1");
}

TEST(MisbehavingBackend, AnIncompleteOrUnknownStructIsRefusedAtOpen) {
    jmdcm_backend b;
    ASSERT_EQ(jmdcm_backend_init(&b, JMDCM_BACKEND_VERSION), JMDCM_OK);
    dict_backend* d = dict_new();
    dict_fill(&b, d, JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT);
    b.get_case = nullptr;
    auto e = error_of([&] { capi::CallbackBackend adapter(b); });
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_EQ(e.field(), "backend.get_case");
    dict_fill(&b, d, JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT);
    b.version = JMDCM_BACKEND_VERSION + 1;
    e = error_of([&] { capi::CallbackBackend adapter(b); });
    EXPECT_EQ(e.field(), "backend.version");
    dict_fill(&b, d, JMDCM_BACKEND_ERASES | JMDCM_BACKEND_KEEPS_AUDIT);
    b.version = JMDCM_BACKEND_VERSION;
    b.append_audit = nullptr;  // claims to keep the audit without a way to
    e = error_of([&] { capi::CallbackBackend adapter(b); });
    EXPECT_EQ(e.field(), "backend.append_audit");
    EXPECT_EQ(jmdcm_backend_init(&b, JMDCM_BACKEND_VERSION + 1), JMDCM_INVALID_ARGUMENT);
    b.destroy(d);
}
