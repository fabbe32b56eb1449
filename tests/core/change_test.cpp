// The judge of raw writes (change.hpp): what steps can do passes, what they cannot is refused
// with its rule and field. R1, R3, R4, R11, R13, R15.
#include "fixtures.hpp"

#include "jmdcm/change.hpp"

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

const Date kOn = d(2020, 3, 2);

void expect_refused(const Case& stored, const Case& proposed, errc code, const std::string& rule, const std::string& field,
                    Date on = kOn, const Policy& policy = {}) {
    const error e = error_of([&] { check_change(stored, proposed, on, policy); });
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_EQ(e.rule(), rule) << e.what();
    EXPECT_EQ(e.field(), field) << e.what();
}

}  // namespace

TEST(Change, EveryStageOfTheStepsIsAnAllowedChangeFromThePreviousOne) {
    const Stage stages[] = {Stage::opened, Stage::consented, Stage::screened, Stage::agreed,
                            Stage::assessed, Stage::planned, Stage::implementing};
    for (std::size_t i = 0; i + 1 < std::size(stages); ++i)
        EXPECT_NO_THROW(check_change(case_at(stages[i]), case_at(stages[i + 1]), kOn, {})) << "stage " << i;
}

TEST(Change, TheWorkedExampleIsAcceptedAsAnImport) {
    const Case s = samira();
    EXPECT_NO_THROW(check_new_case(s, d(2017, 4, 1), {}));
}

TEST(Change, R3_MasterDataWithoutConsentIsRefusedOnCreate) {
    Case c = case_at(Stage::opened);
    c.person = person_born(d(2000, 1, 1));
    const error e = error_of([&] { check_new_case(c, kOn, {}); });
    EXPECT_EQ(e.code(), errc::consent_required);
    EXPECT_EQ(e.rule(), "R3");
}

TEST(Change, R3_DataDatedBeforeTheGuardiansConsentIsRefused) {
    Policy policy;
    Case c = open_case("T-15", "JMD Test", "fk-1", d(2020, 1, 6));
    DataConsent consent = consent_on(d(2020, 1, 6));
    consent.guardian_consent_on = d(2020, 2, 3);
    record_consent(c, consent, d(2005, 1, 1), policy);  // 15 on the day of consent
    const Case stored = c;
    Case early = c;
    early.journal.push_back({d(2020, 1, 20), ContactKind::in_person, ContactTopic::counselling, true, "Mutter", "Gespräch"});
    expect_refused(stored, early, errc::consent_required, "R3", "journal[0]");
    Case later = c;
    later.journal.push_back({d(2020, 2, 10), ContactKind::in_person, ContactTopic::counselling, true, "Mutter", "Gespräch"});
    EXPECT_NO_THROW(check_change(stored, later, kOn, policy));
    // and the step refuses it too: consent is in force only from the guardians' consent
    EXPECT_EQ(error_of([&] { add_journal_entry(c, early.journal[0], policy); }).code(), errc::consent_required);
}

TEST(Change, R3_TheMasterDataBirthDateDecidesTheGuardianRule) {
    Policy policy;
    Case c = open_case("T-15", "JMD Test", "fk-1", d(2020, 1, 6));
    record_consent(c, consent_on(d(2020, 1, 6)), d(2000, 1, 1), policy);  // told 20, no guardians
    const Case stored = c;
    Case young = c;
    young.person = person_born(d(2005, 1, 1));  // the master data says 15
    expect_refused(stored, young, errc::consent_invalid, "R3", "consent.guardian_consent_on");
    EXPECT_EQ(error_of([&] { set_person(c, person_born(d(2005, 1, 1)), d(2020, 1, 6), policy); }).code(), errc::consent_invalid);
}

TEST(Change, R4_AnotherResponsibleWorkerNeedsTheHandoverUnderARelease) {
    const Case stored = case_at(Stage::implementing);
    Case raw = stored;
    raw.case_worker = "fk-2";
    expect_refused(stored, raw, errc::release_required, "R4", "case.case_worker");

    Case stepped = stored;
    grant_release(stepped, release_for("RL-fk2", "fk-2", d(2020, 2, 3)), {});
    hand_over(stepped, "fk-2", d(2020, 2, 3), {});
    EXPECT_NO_THROW(check_change(stored, stepped, kOn, {}));
}

TEST(Change, R15_ASubstitutionWrittenStraightIntoTheDocumentIsRefused) {
    const Case stored = case_at(Stage::implementing);
    Case raw = stored;
    raw.substitutions.push_back({"fk-2", d(2020, 2, 3), std::nullopt, d(2020, 2, 1), std::nullopt});
    expect_refused(stored, raw, errc::release_required, "R4", "substitutions[0].release_id");
    raw.substitutions[0].young_person_consented_on.reset();
    expect_refused(stored, raw, errc::substitution_refused, "R15", "substitutions[0].young_person_consented_on");

    Case stepped = stored;
    grant_release(stepped, release_for("RL-fk2", "fk-2", d(2020, 2, 3)), {});
    assign_substitute(stepped, {"fk-2", d(2020, 2, 3), std::nullopt, d(2020, 2, 1), std::nullopt}, {});
    EXPECT_NO_THROW(check_change(stored, stepped, kOn, {}));
}

TEST(Change, R13_ASaveCannotAnonymiseNorChangeAnAnonymisedCase) {
    const Case stored = case_at(Stage::implementing);
    Case marked = stored;
    marked.anonymised_on = kOn;  // the mark without the wipe: the name would stay
    expect_refused(stored, marked, errc::case_anonymised, "R13", "case.anonymised_on");

    Case wiped = stored;
    anonymise(wiped, kOn);
    EXPECT_NO_THROW(check_change(stored, wiped, kOn, {}, ChangeOrigin::step));  // the library's own operation
    Case revived = wiped;
    revived.person = stored.person;  // an older copy brought back
    expect_refused(wiped, revived, errc::case_anonymised, "R13", "case");
    expect_refused(wiped, stored, errc::case_anonymised, "R13", "case");
    EXPECT_NO_THROW(check_change(wiped, wiped, kOn, {}));  // an unchanged copy changes nothing

    Case skeleton = stored;
    skeleton.skeleton = StatisticalSkeleton{};
    expect_refused(stored, skeleton, errc::case_anonymised, "R13", "case.skeleton");
}

TEST(Change, R1_RecordedHistoryCannotBeEditedOnlyAppended) {
    const Case stored = case_at(Stage::implementing);
    Case edited = stored;
    edited.assessments[0].ratings[0].score = 5;
    expect_refused(stored, edited, errc::history_changed, "R7", "assessments[0]");
    Case removed = stored;
    removed.plans.clear();
    expect_refused(stored, removed, errc::history_changed, "R9", "case.plans");
    Case released = stored;
    grant_release(released, release_for("RL-1", "Jobcenter", d(2020, 2, 3)), {});
    Case revoked = released;
    revoke_release(revoked, "RL-1", d(2020, 2, 10));
    EXPECT_NO_THROW(check_change(released, revoked, kOn, {}));  // revocation is the one edit a release takes
    Case renamed = released;
    renamed.releases[0].recipient = "Sozialamt";
    expect_refused(released, renamed, errc::history_changed, "R4", "releases[0]");
    Case unrevoked = revoked;
    unrevoked.releases[0].revoked_on.reset();
    expect_refused(revoked, unrevoked, errc::history_changed, "R4", "releases[0]");
}

TEST(Change, R4_AReferralWithoutAReleaseIsRefused) {
    const Case stored = case_at(Stage::implementing);
    Case raw = stored;
    raw.referrals.push_back({d(2020, 2, 3), "Jobcenter", "Beratung", std::nullopt, std::nullopt, std::nullopt});
    expect_refused(stored, raw, errc::release_required, "R4", "referrals[0].recipient");
}

TEST(Change, R1_APhaseChangeThatSkipsAGateIsRefused) {
    const Case stored = case_at(Stage::agreed);
    Case skipped = stored;
    skipped.kind = CaseKind::cm;
    skipped.phase_history.push_back({kOn, skipped.phase, Phase::implementation});
    skipped.phase = Phase::implementation;
    expect_refused(stored, skipped, errc::phase_gate, "R7", "case.phase");
    Case unrecorded = case_at(Stage::assessed);
    Case moved = unrecorded;
    moved.phase = Phase::planning;
    expect_refused(unrecorded, moved, errc::phase_gate, "R1", "case.phase_history");
}

TEST(Change, R11_ClosedToRunningOnlyByReopening) {
    Case stored = case_at(Stage::implementing);
    Closure cl;
    cl.date = d(2020, 2, 10);
    cl.reason = ClosureReason::goals_reached;
    close_case(stored, cl, {});
    Case cleared = stored;
    cleared.closure.reset();  // phase stays closure: not what reopening does
    expect_refused(stored, cleared, errc::case_closed, "R11", "case.closure");
    Case reopened = stored;
    reopen_case(reopened, kOn, {});
    EXPECT_NO_THROW(check_change(stored, reopened, kOn, {}));
    Case edited = stored;
    edited.closure->reason = ClosureReason::ended_by_young_person;
    expect_refused(stored, edited, errc::closure_invalid, "R11", "case.closure");
    Case added = stored;
    added.journal.push_back({kOn, ContactKind::phone, ContactTopic::counselling, true, {}, {}});
    expect_refused(stored, added, errc::case_closed, "R11", "case.closure");
}

TEST(Change, VersionsMustBeTheStoredOneAndCannotOverflow) {
    Case stored = case_at(Stage::consented);
    Case stale = stored;
    stale.version = stored.version - 1;
    expect_refused(stored, stale, errc::conflict, "", "case.version");
    stored.version = std::numeric_limits<std::int64_t>::max();
    Case top = stored;
    expect_refused(stored, top, errc::json_out_of_range, "", "case.version");
}

TEST(Change, R13_LoadShowsTheSkeletonAndInstitutionsBecomeCategories) {
    Case c = case_at(Stage::implementing);
    grant_release(c, release_for("RL-1", "Jobcenter Frankfurt", d(2020, 2, 3)), {});
    Referral r{d(2020, 2, 3), "Jobcenter Frankfurt", "Beratung", std::nullopt, std::nullopt, std::nullopt};
    refer(c, r, {});
    Partner jc;
    jc.id = "P-JC";
    jc.name = "Jobcenter Frankfurt";
    jc.category = PartnerCategory::job_centre;
    anonymise(c, kOn, {jc});
    EXPECT_EQ(c.releases[0].recipient, "job_centre");
    EXPECT_EQ(c.referrals[0].recipient, "job_centre");
    EXPECT_EQ(c.disclosures[0].recipient, "job_centre");
    EXPECT_TRUE(c.consent->form_language.empty());
    EXPECT_FALSE(holds_personal_data(c));
    Case leaked = c;  // a document anonymised by older software, with the person kept
    leaked.person = person_born(d(2000, 1, 1));
    leaked.releases[0].recipient = "Herr Beispiel";
    strip_to_skeleton(leaked);
    EXPECT_FALSE(leaked.person.has_value());
    EXPECT_EQ(leaked.releases[0].recipient, "institution");
    EXPECT_EQ(leaked.referrals[0].recipient, "job_centre");  // a category stays as it is
}
