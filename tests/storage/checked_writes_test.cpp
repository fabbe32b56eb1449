// The rules hold at the store, on every store: raw creates and saves are judged against
// the stored case, steps run in the store in one transaction, access follows consent and
// release on the store's day, and the audit trail answers "who looked at my file?".
#include "storage_fixtures.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

template <class Store>
class CheckedWrites : public StoreFixture<Store> {
protected:
    /// A step run by the store, as jmdcm_store_step does.
    template <class F>
    Case step(const Actor& actor, const char* name, F&& f, std::int64_t expected = 0, const std::string& id = "T-1") {
        return this->store().step(actor, id, expected, name, [&](Case& c) {
            f(c);
            return std::vector<Case>{};
        });
    }
    void substitute_for_june() {  // fk-2 stands in with consent and release, from the steps
        this->created(Stage::implementing);
        step(worker, "grant_release", [](Case& c) { grant_release(c, release_for("R-fk2", "fk-2", d(2020, 5, 20)), Policy{}); });
        step(worker, "assign_substitute",
             [](Case& c) { assign_substitute(c, {"fk-2", d(2020, 5, 25), d(2020, 6, 30), d(2020, 5, 20), {}}, Policy{}); });
    }
};
TYPED_TEST_SUITE(CheckedWrites, Stores, StoreNames);

TYPED_TEST(CheckedWrites, R4_ARawOwnerChangeIsRefusedAndTheColleagueStillSeesNothing) {
    Case c = this->created(Stage::implementing);
    c.case_worker = "fk-2";
    const error e = error_of([&] { this->store().save(worker, c); });
    EXPECT_EQ(e.code(), errc::release_required);
    EXPECT_EQ(e.field(), "case.case_worker");
    EXPECT_EQ(error_of([&] { this->store().load(colleague, "T-1"); }).code(), errc::not_found);
    EXPECT_EQ(this->store().load(worker, "T-1").version, 1);  // nothing written
}

TYPED_TEST(CheckedWrites, R4_TheHandOverStepWithItsReleaseMovesTheCase) {
    this->created(Stage::implementing);
    this->step(worker, "grant_release", [](Case& c) { grant_release(c, release_for("R-fk2", "fk-2", d(2020, 5, 20)), Policy{}); });
    this->step(worker, "hand_over", [](Case& c) { hand_over(c, "fk-2", d(2020, 5, 25), Policy{}); });
    EXPECT_EQ(this->store().load(colleague, "T-1").case_worker, "fk-2");
    EXPECT_EQ(error_of([&] { this->store().load(worker, "T-1"); }).code(), errc::not_found);
}

TYPED_TEST(CheckedWrites, R15_ASubstitutionWrittenIntoTheDocumentGivesNoAccess) {
    Case c = this->created(Stage::implementing);
    c.substitutions.push_back({"fk-2", d(2020, 5, 1), std::nullopt, d(2020, 5, 1), std::string("R-none")});
    EXPECT_EQ(error_of([&] { this->store().save(worker, c); }).code(), errc::release_required);
    EXPECT_EQ(error_of([&] { this->store().load(colleague, "T-1"); }).code(), errc::not_found);
    EXPECT_TRUE(this->store().query(colleague, {}).empty());
}

TYPED_TEST(CheckedWrites, R15_ARevokedReleaseEndsTheSubstitutionThatDay) {
    this->substitute_for_june();
    EXPECT_EQ(this->store().load(colleague, "T-1").id, "T-1");  // today is 2020-06-01
    EXPECT_EQ(this->store().query(colleague, {}).size(), 1u);
    this->step(worker, "revoke_release", [](Case& c) { revoke_release(c, "R-fk2", d(2020, 6, 1)); });
    EXPECT_EQ(error_of([&] { this->store().load(colleague, "T-1"); }).code(), errc::not_found);
    EXPECT_TRUE(this->store().query(colleague, {}).empty());
    EXPECT_EQ(this->store().query(worker, {}).size(), 1u);
}

TYPED_TEST(CheckedWrites, R13_AnOlderCopySavedAfterAnonymisationIsRefused) {
    Case old = this->created(Stage::implementing);
    this->store().anonymise_case(admin, "T-1", d(2020, 6, 1));
    old.version = this->store().load(admin, "T-1").version;  // the current version number, the old content
    EXPECT_EQ(error_of([&] { this->store().save(worker, old); }).code(), errc::case_anonymised);
    EXPECT_FALSE(this->store().load(admin, "T-1").person.has_value());
}

TYPED_TEST(CheckedWrites, R13_ASaveThatOnlyMarksTheCaseAnonymisedIsRefused) {
    Case c = this->created(Stage::implementing);
    c.anonymised_on = d(2020, 6, 1);
    const error e = error_of([&] { this->store().save(worker, c); });
    EXPECT_EQ(e.code(), errc::case_anonymised);
    EXPECT_EQ(e.field(), "case.anonymised_on");
    EXPECT_EQ(error_of([&] { this->store().load(stats, "T-1"); }).code(), errc::access_denied);
}

TYPED_TEST(CheckedWrites, R3_CreateWithMasterDataAndNoConsentIsRefused) {
    Case c = case_at(Stage::opened);
    c.person = person_born(d(2000, 1, 1));
    EXPECT_EQ(error_of([&] { this->store().create(worker, c); }).code(), errc::consent_required);
    EXPECT_TRUE(this->store().query(worker, {}).empty());
}

TYPED_TEST(CheckedWrites, StepsRunInTheStoreUnderTheirRulesAndAreAuditedByName) {
    this->created(Stage::implementing);
    const error refused = error_of([&] {
        this->step(worker, "refer", [](Case& c) { refer(c, {d(2020, 5, 4), "Jobcenter", "Beratung", {}, {}, {}}, Policy{}); });
    });
    EXPECT_EQ(refused.code(), errc::release_required);
    EXPECT_EQ(this->store().load(worker, "T-1").version, 1);
    const Case after = this->step(worker, "add_journal_entry", [](Case& c) {
        add_journal_entry(c, {d(2020, 5, 4), ContactKind::phone, ContactTopic::counselling, true, {}, "Rückruf"}, Policy{});
    });
    EXPECT_EQ(after.version, 2);
    EXPECT_EQ(this->store().load(worker, "T-1").journal.size(), 1u);
    const auto records = this->audit.records();
    EXPECT_TRUE(std::any_of(records.begin(), records.end(), [](const AuditRecord& r) { return r.detail == "step add_journal_entry"; }));
    for (const auto& r : records) EXPECT_EQ(r.detail.find("Rückruf"), std::string::npos);
    // an optimistic check against another version, and a step by someone else
    EXPECT_EQ(error_of([&] { this->step(worker, "add_journal_entry", [](Case&) {}, 1); }).code(), errc::conflict);
    EXPECT_EQ(error_of([&] { this->step(colleague, "add_journal_entry", [](Case&) {}); }).code(), errc::not_found);
}

TYPED_TEST(CheckedWrites, R11_ReopeningAsANewCaseWritesBothOrNeither) {
    this->created(Stage::implementing);
    this->step(worker, "close_case", [](Case& c) {
        close_case(c, {d(2020, 5, 4), ClosureReason::goals_reached, true, {}, false, std::nullopt, {}}, Policy{});
    });
    auto reopen = [&](const std::string& new_id) {
        return this->store().step(worker, "T-1", 0, "reopen_as_new_case",
                                  [&](Case& c) { return std::vector<Case>{reopen_as_new_case(c, new_id, d(2020, 6, 1), Policy{})}; });
    };
    this->created(Stage::opened, "T-taken");
    EXPECT_EQ(error_of([&] { reopen("T-taken"); }).code(), errc::already_exists);
    EXPECT_FALSE(is_anonymised(this->store().load(worker, "T-1")));  // the old file was not touched
    reopen("T-2");
    EXPECT_TRUE(is_anonymised(this->store().load(admin, "T-1")));
    EXPECT_EQ(this->store().load(worker, "T-2").kind, CaseKind::counselling);
}

TYPED_TEST(CheckedWrites, TheAuditTrailAnswersWhoLookedAtAFileWithoutValues) {
    this->substitute_for_june();
    this->store().load(colleague, "T-1");
    AuditQuery q;
    q.case_id = "T-1";
    q.operation = Operation::load;
    const auto loads = this->store().audit_trail(admin, q);
    ASSERT_EQ(loads.size(), 1u);
    EXPECT_EQ(loads[0].actor, "fk-2");
    EXPECT_EQ(this->store().audit_trail(lead, q).size(), 1u);
    EXPECT_EQ(this->store().audit_trail(worker, q).size(), 1u);  // their own case
    EXPECT_EQ(error_of([&] { this->store().audit_trail(worker, AuditQuery{}); }).code(), errc::access_denied);
    EXPECT_EQ(error_of([&] { this->store().audit_trail(stats, q); }).code(), errc::access_denied);
    q.from = d(2020, 6, 2);
    EXPECT_TRUE(this->store().audit_trail(admin, q).empty());  // the records are of 2020-06-01
    AuditQuery reads;
    reads.operation = Operation::audit;
    EXPECT_GE(this->store().audit_trail(admin, reads).size(), 5u);  // reading the trail is audited too
}

TYPED_TEST(CheckedWrites, IdsWithControlCharactersAndLimitsBeyondInt64AreRefused) {
    Case c = case_at(Stage::opened);
    c.id = std::string("T-\0-1", 5);  // a NUL would make the case unreachable through the C ABI
    EXPECT_EQ(error_of([&] { this->store().create(worker, c); }).field(), "case.id");
    CaseQuery q;
    q.limit = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max()) + 1;
    const error e = error_of([&] { this->store().query(worker, q); });
    EXPECT_EQ(e.code(), errc::json_out_of_range);
    EXPECT_EQ(e.field(), "query.limit");
    q.limit = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
    EXPECT_TRUE(this->store().query(worker, q).empty());
}
