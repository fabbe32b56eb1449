// The repository contract: every store passes the same suite (in-memory and SQLite).
#include "storage_fixtures.hpp"

#include <atomic>
#include <thread>

using namespace jmdcm;
using namespace jmdcm::test;

template <class Store>
class Contract : public StoreFixture<Store> {};
TYPED_TEST_SUITE(Contract, Stores, StoreNames);

TYPED_TEST(Contract, CreateLoadSaveKeepVersions) {
    Case c = this->created(Stage::consented);
    EXPECT_EQ(c.version, 1);
    Case loaded = this->store().load(worker, "T-1");
    EXPECT_EQ(json::to_string(loaded), json::to_string(c));
    add_journal_entry(loaded, {d(2020, 2, 1), ContactKind::phone, ContactTopic::counselling, true, {}, "Anruf"}, Policy{});
    this->store().save(worker, loaded);
    EXPECT_EQ(loaded.version, 2);
    EXPECT_EQ(this->store().load(worker, "T-1").journal.size(), 1u);
}

TYPED_TEST(Contract, AStaleSaveIsAConflictAndOverwritesNothing) {
    this->created(Stage::consented);
    Case a = this->store().load(worker, "T-1");
    Case b = this->store().load(worker, "T-1");
    add_journal_entry(a, {d(2020, 2, 1), ContactKind::phone, ContactTopic::counselling, true, {}, "A"}, Policy{});
    this->store().save(worker, a);
    add_journal_entry(b, {d(2020, 2, 1), ContactKind::phone, ContactTopic::counselling, true, {}, "B"}, Policy{});
    EXPECT_EQ(error_of([&] { this->store().save(worker, b); }).code(), errc::conflict);
    EXPECT_EQ(b.version, 1);
    EXPECT_EQ(this->store().load(worker, "T-1").journal.at(0).note.text, "A");
}

TYPED_TEST(Contract, DuplicateCreateAndMissingCasesAreErrors) {
    this->created(Stage::opened);
    Case again = case_at(Stage::opened);
    EXPECT_EQ(error_of([&] { this->store().create(worker, again); }).code(), errc::already_exists);
    EXPECT_EQ(again.version, 0);
    EXPECT_EQ(error_of([&] { this->store().load(worker, "nope"); }).code(), errc::not_found);
    Case ghost = case_at(Stage::opened);
    ghost.id = "ghost";
    EXPECT_EQ(error_of([&] { this->store().save(worker, ghost); }).code(), errc::not_found);
}

TYPED_TEST(Contract, QueriesByCaseWorkerPhaseAndLastContact) {
    for (int i = 0; i < 6; ++i) {
        Case c = case_at(i % 2 ? Stage::implementing : Stage::consented);
        c.id = "C" + std::to_string(i);
        c.case_worker = i < 4 ? "fk-1" : "fk-2";
        if (i == 5) add_journal_entry(c, {d(2020, 5, 1), ContactKind::phone, ContactTopic::counselling, true, {}, {}}, Policy{});
        this->store().create({c.case_worker, Role::case_worker}, c);
    }
    CaseQuery by_worker;
    by_worker.case_worker = "fk-1";
    EXPECT_EQ(this->store().query(lead, by_worker).size(), 4u);
    EXPECT_EQ(this->store().query(worker, {}).size(), 4u);  // a case worker sees only their own cases
    CaseQuery by_phase;
    by_phase.phase = Phase::implementation;
    const auto impl = this->store().query(lead, by_phase);
    ASSERT_EQ(impl.size(), 3u);
    EXPECT_EQ(impl[0].id, "C1");
    EXPECT_EQ(impl[2].last_contact, d(2020, 5, 1));
    CaseQuery silent;
    silent.last_contact_before = d(2020, 3, 1);
    EXPECT_EQ(this->store().query(lead, silent).size(), 5u);
    CaseQuery limited;
    limited.limit = 2;
    EXPECT_EQ(this->store().query(lead, limited).size(), 2u);
}

TYPED_TEST(Contract, AFailedTransactionLeavesNothingBehind) {
    this->created(Stage::opened);
    EXPECT_THROW(this->store().transact(worker, [&](CaseStore& tx) {
        Case c = case_at(Stage::opened);
        c.id = "T-2";
        tx.create(worker, c);
        Case loaded = tx.load(worker, "T-1");
        loaded.office = "changed";
        tx.save(worker, loaded);
        EXPECT_EQ(tx.query(worker, {}).size(), 2u);  // the transaction sees its own writes
        fail(errc::internal, "", "", "boom");
    }), error);
    EXPECT_EQ(this->store().query(worker, {}).size(), 1u);
    EXPECT_EQ(this->store().load(worker, "T-1").office, "JMD Test");
    this->store().transact(worker, [&](CaseStore& tx) {
        Case c = case_at(Stage::opened);
        c.id = "T-2";
        tx.create(worker, c);
    });
    EXPECT_EQ(this->store().query(worker, {}).size(), 2u);
}

TYPED_TEST(Contract, EveryAccessIsAuditedWithoutPersonalValues) {
    example::run_samira(this->store(), {"fachkraft-1", Role::case_worker}, Policy{});
    EXPECT_THROW(this->store().load(lead, "JMD-FFM-2016-0042"), error);
    const auto records = this->audit.records();
    ASSERT_GE(records.size(), 11u);
    EXPECT_EQ(records.front().operation, Operation::create);
    EXPECT_FALSE(records.back().allowed);
    EXPECT_EQ(records.back().detail, "access_denied");
    EXPECT_EQ(records.back().actor, "tl-1");
    EXPECT_EQ(records.back().case_id, "JMD-FFM-2016-0042");
    const std::string all = json::to_string(records);
    for (const char* personal : {"Samira", "Beispiel", "60386", "1994"}) EXPECT_EQ(all.find(personal), std::string::npos) << personal;
}

TYPED_TEST(Contract, ConcurrentWritersNeitherLoseNorCorruptCases) {
    this->created(Stage::consented, "shared");
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                Case c = case_at(Stage::opened);
                c.id = "W" + std::to_string(t) + "-" + std::to_string(i);
                this->store().create(worker, c);
                for (;;) {  // optimistic retry loop on the shared case
                    Case s = this->store().load(worker, "shared");
                    s.journal.push_back({d(2020, 2, 1), ContactKind::phone, ContactTopic::other, false, {}, {}});
                    try {
                        this->store().save(worker, s);
                        break;
                    } catch (const error& e) {
                        ASSERT_EQ(e.code(), errc::conflict);
                    }
                }
            }
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(this->store().query(worker, {}).size(), 81u);
    const Case s = this->store().load(worker, "shared");
    EXPECT_EQ(s.journal.size(), 80u);
    EXPECT_EQ(s.version, 81);
}

TYPED_TEST(Contract, R4_ACaseWorkerCannotReadOrWriteAColleaguesCase) {
    Case c = this->created(Stage::consented);
    // R4: to a case worker, another's case looks exactly like a missing one; the audit keeps the difference
    auto e = error_of([&] { this->store().load(colleague, "T-1"); });
    EXPECT_EQ(e.code(), errc::not_found);
    EXPECT_STREQ(e.what(), "no case 'T-1' [field: case.id]");  // the words of a missing case
    EXPECT_STREQ(error_of([&] { this->store().load(colleague, "T-404"); }).what(), "no case 'T-404' [field: case.id]");
    c.case_worker = "fk-2";  // rewriting the owner in the document does not help
    EXPECT_EQ(error_of([&] { this->store().save(colleague, c); }).code(), errc::not_found);
    EXPECT_EQ(this->store().load(worker, "T-1").case_worker, "fk-1");
    Case theirs = case_at(Stage::opened);
    theirs.id = "T-9";
    EXPECT_EQ(error_of([&] { this->store().create(colleague, theirs); }).code(), errc::access_denied);  // not their case
    const auto records = this->audit.records();
    EXPECT_EQ(std::count_if(records.begin(), records.end(), [](const AuditRecord& r) { return r.detail == "access_denied"; }), 3);
}

TYPED_TEST(Contract, R15_ASubstituteWithConsentMayHandleTheCaseDuringTheSubstitution) {
    Case c = this->created(Stage::implementing);
    grant_release(c, release_for("R-1", "fk-2", d(2020, 5, 20)), Policy{});
    assign_substitute(c, {"fk-2", d(2020, 5, 25), d(2020, 6, 10), d(2020, 5, 20), {}}, Policy{});
    this->store().save(worker, c);
    Case seen = this->store().load(colleague, "T-1");  // today is 2020-06-01
    add_journal_entry(seen, {d(2020, 6, 1), ContactKind::in_person, ContactTopic::counselling, true, {}, "Vertretung"}, Policy{});
    EXPECT_NO_THROW(this->store().save(colleague, seen));
    EXPECT_EQ(this->store().query(colleague, {}).size(), 1u);
}

TYPED_TEST(Contract, R15_ASubstitutionThatEndedGivesNoAccess) {
    Case c = this->created(Stage::implementing);
    grant_release(c, release_for("R-1", "fk-2", d(2020, 5, 1)), Policy{});
    assign_substitute(c, {"fk-2", d(2020, 5, 1), d(2020, 5, 31), d(2020, 5, 1), {}}, Policy{});
    this->store().save(worker, c);
    EXPECT_EQ(error_of([&] { this->store().load(colleague, "T-1"); }).code(), errc::not_found);
    EXPECT_TRUE(this->store().query(colleague, {}).empty());
}

TYPED_TEST(Contract, TeamLeadSeesCaseloadAndReportsButNoPersonalData) {
    this->created(Stage::planned);
    EXPECT_EQ(this->store().query(lead, {}).size(), 1u);
    const auto report = this->store().requirements_report(lead, "T-1");
    EXPECT_EQ(report.case_id, "T-1");
    EXPECT_TRUE(report.items[0].met);
    EXPECT_EQ(error_of([&] { this->store().load(lead, "T-1"); }).code(), errc::access_denied);
    EXPECT_EQ(error_of([&] { this->store().requirements_report(colleague, "T-1"); }).code(), errc::not_found);
}

TYPED_TEST(Contract, R13_StatisticsSeesOnlyAnonymisedCases) {
    this->created(Stage::planned, "A");
    this->created(Stage::planned, "B");
    this->store().anonymise_case(admin, "B", d(2020, 6, 1));
    const auto rows = this->store().query(stats, {});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].id, "B");
    EXPECT_EQ(error_of([&] { this->store().load(stats, "A"); }).code(), errc::access_denied);
    const Case b = this->store().load(stats, "B");
    EXPECT_FALSE(b.person);
    EXPECT_TRUE(b.skeleton);
}

TYPED_TEST(Contract, R13_AdministratorsSweepAndAnonymiseButCannotReadPersonalData) {
    this->created(Stage::planned);
    EXPECT_EQ(error_of([&] { this->store().load(admin, "T-1"); }).code(), errc::access_denied);
    EXPECT_EQ(error_of([&] { this->store().sweep(worker, d(2020, 6, 1), Policy{}); }).code(), errc::access_denied);
    EXPECT_EQ(error_of([&] { this->store().anonymise_case(worker, "T-1", d(2020, 6, 1)); }).code(), errc::access_denied);
    EXPECT_EQ(error_of([&] { this->store().anonymise_case(admin, "nope", d(2020, 6, 1)); }).code(), errc::not_found);
    EXPECT_NO_THROW(this->store().sweep(admin, d(2020, 6, 1), Policy{}));
}

TYPED_TEST(Contract, R13_TheSweepReviewsClosesAndAnonymisesAndIsIdempotent) {
    // A: active (contact 2020-05-01); B: untouched since January (review);
    // C: no contact since 2019 (close + anonymise); D: closed, follow-up talk declined (anonymise);
    // E: closed, its follow-up talk still to come (kept personal, R11/R13).
    Case a = case_at(Stage::implementing);
    a.id = "A";
    add_journal_entry(a, {d(2020, 5, 1), ContactKind::in_person, ContactTopic::counselling, true, {}, {}}, Policy{});
    Case b = case_at(Stage::implementing);
    b.id = "B";
    Case c = open_case("C", "JMD Test", "fk-1", d(2019, 1, 7));
    Case dd = case_at(Stage::implementing);
    dd.id = "D";
    close_case(dd, {d(2020, 3, 1), ClosureReason::goals_reached, true, {}, false, std::nullopt, {}}, Policy{});
    record_follow_up(dd, {d(2020, 7, 15), false, std::nullopt, false, {}}, Policy{});
    Case e = case_at(Stage::implementing);
    e.id = "E";
    add_journal_entry(e, {d(2020, 6, 1), ContactKind::in_person, ContactTopic::counselling, true, {}, {}}, Policy{});
    close_case(e, {d(2020, 6, 1), ClosureReason::goals_reached, true, {}, false, std::nullopt, {}}, Policy{});
    for (Case* x : {&a, &b, &c, &dd, &e}) this->store().create(worker, *x);

    const auto report = this->store().sweep(admin, d(2020, 8, 1), Policy{}, 2);
    EXPECT_EQ(report.review_due, std::vector<std::string>{"B"});
    EXPECT_EQ(report.closed_no_contact, std::vector<std::string>{"C"});
    EXPECT_EQ(report.anonymised, std::vector<std::string>{"D"});
    EXPECT_TRUE(is_anonymised(this->store().load(admin, "C")));
    EXPECT_EQ(this->store().load(admin, "C").closure->reason, ClosureReason::no_contact);
    EXPECT_FALSE(is_anonymised(this->store().load(worker, "E")));
    EXPECT_TRUE(this->store().load(worker, "E").person);
    const Case b_after = this->store().load(worker, "B");
    EXPECT_EQ(b_after.reminders.back().kind, ReminderKind::case_review);

    const auto again = this->store().sweep(admin, d(2020, 8, 1), Policy{}, 2);
    EXPECT_TRUE(again.review_due.empty());
    EXPECT_TRUE(again.closed_no_contact.empty());
    EXPECT_TRUE(again.anonymised.empty());
    EXPECT_EQ(this->store().load(worker, "B").version, b_after.version);
}

TYPED_TEST(Contract, TheWorkedExampleRunsOnTheStore) {
    const Actor fk{"fachkraft-1", Role::case_worker};
    const Case c = example::run_samira(this->store(), fk, Policy{});
    const Case back = this->store().load(fk, c.id);
    EXPECT_EQ(json::to_string(back), json::to_string(c));
    EXPECT_EQ(back.version, 11);
    EXPECT_EQ(minimum_requirements(back).met, 9);
}

TYPED_TEST(Contract, R12_PartnersAreKeptWithVersionsAndBadOnesAreRefused) {
    auto network = example::samira_network();
    Partner p = network[0];
    this->store().save_partner(lead, p);
    EXPECT_EQ(p.version, 1);
    evaluate_cooperation(p, d(2017, 2, 20));
    Partner stale = p;
    this->store().save_partner(worker, p);
    EXPECT_EQ(p.version, 2);
    EXPECT_EQ(error_of([&] { this->store().save_partner(worker, stale); }).code(), errc::conflict);
    Partner fresh = network[1];
    fresh.version = 3;  // claims to be stored already
    EXPECT_EQ(error_of([&] { this->store().save_partner(worker, fresh); }).field(), "partner.version");
    Partner bad = network[2];
    bad.contact_modes.clear();
    EXPECT_EQ(error_of([&] { this->store().save_partner(worker, bad); }).field(), "partner.contact_modes");
    EXPECT_EQ(error_of([&] { this->store().save_partner(stats, network[3]); }).code(), errc::access_denied);
    const auto stored = this->store().partners(stats);  // anyone reads: no personal data
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].version, 2);
    EXPECT_EQ(stored[0].last_evaluated, d(2017, 2, 20));
    const auto records = this->audit.records();
    EXPECT_EQ(std::count_if(records.begin(), records.end(), [](auto& r) { return r.operation == Operation::network; }), 6);
}

TYPED_TEST(Contract, R12_TheNetworkMapCoversWhatTheActorsQueryShows) {
    for (const auto& p : example::samira_network()) {
        Partner copy = p;
        this->store().save_partner(admin, copy);
    }
    for (std::string id : {"A", "B"}) {
        Case c = case_at(Stage::implementing);
        c.id = id;
        c.case_worker = id == "A" ? worker.id : colleague.id;
        grant_release(c, release_for("R-1", "Jobcenter", d(2020, 2, 1)), {});
        refer(c, {d(2020, 2, 3), "Jobcenter", "Beratung", std::nullopt, {}, {}}, {});
        this->store().create(id == "A" ? worker : colleague, c);
    }
    const auto jc = [](const NetworkMap& m) {
        return *std::find_if(m.partners.begin(), m.partners.end(), [](auto& n) { return n.partner.id == "P-JC"; });
    };
    EXPECT_EQ(jc(this->store().network_map(lead, d(2020, 3, 1))).cases, (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(jc(this->store().network_map(worker, d(2020, 3, 1))).cases, std::vector<std::string>{"A"});
    EXPECT_EQ(jc(this->store().network_map(stats, d(2020, 3, 1))).referrals, 0);  // statistics: anonymised files only
}

TYPED_TEST(Contract, AgendaReadsTheWorkersOwnCasesAuditsEachAndCopiesNoTextIntoTheLog) {
    this->created(Stage::implementing, "A");
    Case other = case_at(Stage::implementing);
    other.id = "B";
    other.case_worker = colleague.id;
    this->store().create(colleague, other);
    Partner p = example::samira_network()[0];
    p.review_on = d(2020, 3, 1);
    p.since = d(2019, 6, 1);
    p.last_evaluated.reset();
    this->store().save_partner(lead, p);
    const AgendaQuery march{d(2020, 2, 25), d(2020, 3, 5), 0};
    const auto mine = this->store().agenda(worker, march, {});
    ASSERT_EQ(mine.items.size(), 3u);  // two tasks of case A, the cooperation
    for (const auto& i : mine.items) EXPECT_TRUE(i.case_id == "A" || i.kind == AgendaKind::cooperation_review);
    const auto leads = this->store().agenda(lead, march, {});
    ASSERT_EQ(leads.items.size(), 1u);  // no personal data for team leads: cooperations only
    const auto records = this->audit.records();
    const auto per_case = std::count_if(records.begin(), records.end(), [](auto& r) {
        return r.operation == Operation::agenda && r.case_id == "A";
    });
    EXPECT_EQ(per_case, 1);
    for (const auto& r : records) EXPECT_EQ(r.detail.find("Anmeldung"), std::string::npos);
    EXPECT_EQ(error_of([&] { this->store().agenda(worker, {d(2020, 3, 5), d(2020, 2, 25), 0}, {}); }).field(), "query.to");
}

TYPED_TEST(Contract, R13_AnAnonymisedFilesPaperFileReminderIsOnTheAgendaUntilDone) {
    // Closed, follow-up declined: the sweep anonymises it and leaves the Handakte reminder.
    Case c = case_at(Stage::implementing);
    close_case(c, {d(2020, 3, 1), ClosureReason::goals_reached, true, {}, false, std::nullopt, {}}, Policy{});
    record_follow_up(c, {d(2020, 7, 15), false, std::nullopt, false, {}}, Policy{});
    this->store().create(worker, c);
    this->created(Stage::implementing, "A");   // a running case beside it
    EXPECT_EQ(this->store().sweep(admin, d(2020, 8, 1), Policy{}).anonymised, std::vector<std::string>{"T-1"});
    CaseQuery open;
    open.anonymised = true;
    open.open_reminders = true;
    ASSERT_EQ(this->store().query(worker, open).size(), 1u);
    const AgendaQuery august{d(2020, 8, 1), d(2020, 8, 31), 0};
    auto items = [&] {
        std::vector<AgendaItem> out;
        for (const auto& i : this->store().agenda(worker, august, {}).items)
            if (i.case_id == "T-1") out.push_back(i);
        return out;
    };
    ASSERT_EQ(items().size(), 1u);
    EXPECT_EQ(items()[0].kind, AgendaKind::paper_file_cleanup);
    EXPECT_TRUE(items()[0].what.find("Handakte") != std::string::npos);
    EXPECT_TRUE(this->store().agenda(colleague, august, {}).items.empty());   // not the colleague's file

    Case stored = this->store().load(worker, "T-1");
    std::size_t paper = stored.reminders.size();
    for (std::size_t k = 0; k < stored.reminders.size(); ++k)
        if (stored.reminders[k].kind == ReminderKind::paper_file_cleanup && !stored.reminders[k].done) paper = k;
    ASSERT_LT(paper, stored.reminders.size());
    // another worker may not, and no step but the reminder's goes through on the anonymised file
    EXPECT_EQ(error_of([&] {
                  this->store().step(colleague, "T-1", stored.version, "complete_reminder", [&](Case& x) {
                      complete_reminder(x, paper, ReminderOutcome::destroyed, d(2020, 8, 3), Policy{});
                      return std::vector<Case>{};
                  });
              }).code(),
              errc::not_found);   // another worker's file, as for every other case
    EXPECT_EQ(error_of([&] {
                  this->store().step(worker, "T-1", stored.version, "add_journal_entry", [&](Case& x) {
                      add_journal_entry(x, {d(2020, 8, 3), ContactKind::phone, ContactTopic::counselling, true, {}, {}}, Policy{});
                      return std::vector<Case>{};
                  });
              }).code(),
              errc::case_anonymised);
    const Case done = this->store().step(worker, "T-1", stored.version, "complete_reminder", [&](Case& x) {
        complete_reminder(x, paper, ReminderOutcome::destroyed, d(2020, 8, 3), Policy{});
        return std::vector<Case>{};
    });
    EXPECT_EQ(done.version, stored.version + 1);
    EXPECT_TRUE(items().empty());
    EXPECT_TRUE(this->store().query(worker, open).empty());
    EXPECT_EQ(this->store().load(worker, "T-1").reminders[paper].outcome, ReminderOutcome::destroyed);
    EXPECT_FALSE(this->store().load(worker, "T-1").person);
}

TEST(SweepParity, R13_BothStoresSweepOneGeneratedPopulationAlike) {
    // The same population in both stores, swept on the same days: the reports agree case by case.
    TempDir dir;
    SyntheticOptions population;
    population.case_workers = 1;  // fk-01 creates them all
    auto options = [] {
        StoreOptions o;
        o.today = [] { return d(2022, 6, 1); };
        return o;
    };
    MemoryRepository memory(options());
    SqliteRepository sqlite(sqlite_at(dir.file("parity.sqlite")), options());
    const Actor fk{"fk-01", Role::case_worker};
    for (std::uint64_t i = 0; i < 150; ++i) {
        Case a = synthetic_case(population, i);
        Case b = a;
        memory.create(fk, a);
        sqlite.create(fk, b);
    }
    // and one case busy with institutions but without contact with the young person since January
    Case quiet = case_at(Stage::implementing);
    quiet.id = "QUIET";
    quiet.case_worker = "fk-01";
    for (int m = 2; m <= 10; ++m)
        add_journal_entry(quiet, {d(2020, m, 1), ContactKind::phone, ContactTopic::monitoring, false, {}, {}}, Policy{});
    Case quiet_copy = quiet;
    memory.create(fk, quiet);
    sqlite.create(fk, quiet_copy);
    int acted = 0;
    for (const Date on : {d(2020, 1, 1), d(2020, 11, 1), d(2021, 1, 1), d(2022, 6, 1)}) {
        const auto m = memory.sweep(admin, on, Policy{});
        const auto s = sqlite.sweep(admin, on, Policy{});
        EXPECT_EQ(m.review_due, s.review_due) << to_iso(on);
        EXPECT_EQ(m.closed_no_contact, s.closed_no_contact) << to_iso(on);
        EXPECT_EQ(m.anonymised, s.anonymised) << to_iso(on);
        acted += static_cast<int>(m.review_due.size() + m.closed_no_contact.size() + m.anonymised.size());
    }
    EXPECT_GT(acted, 10);  // the sweeps did something to compare
}

TYPED_TEST(Contract, CreateAllWritesEveryCaseOrNoneEachJudgedAndAudited) {
    this->created(Stage::opened);   // T-1
    auto batch = [](std::initializer_list<const char*> ids) {
        std::vector<Case> out;
        for (const char* id : ids) {
            out.push_back(case_at(Stage::consented));
            out.back().id = id;
        }
        return out;
    };
    const auto stored = [&] { return this->store().query(lead, {}).size(); };
    const auto committed = [&] {   // allowed creates whose transaction committed
        std::size_t n = 0;
        for (const auto& r : this->audit.records())
            n += r.operation == Operation::create && r.allowed && r.detail.find("rolled back") == std::string::npos;
        return n;
    };
    EXPECT_EQ(committed(), 1u);

    auto with_stored = batch({"N-0", "N-1", "T-1"});
    const auto e = error_of([&] { this->store().create_all(worker, with_stored); });
    EXPECT_EQ(e.code(), errc::already_exists);
    EXPECT_NE(std::string(e.what()).find("'T-1'"), std::string::npos) << e.what();
    EXPECT_EQ(with_stored[0].version, 0);   // the caller's copies stay as they were
    ASSERT_FALSE(this->audit.records().empty());
    EXPECT_EQ(this->audit.records().back().case_id, "T-1");
    EXPECT_EQ(this->audit.records().back().detail, "already_exists");
    EXPECT_EQ(stored(), 1u);

    auto twice = batch({"N-0", "N-0"});
    EXPECT_NE(std::string(error_of([&] { this->store().create_all(worker, twice); }).what()).find("comes twice"), std::string::npos);
    auto foreign = batch({"N-0", "N-1"});
    foreign[1].case_worker = "fk-9";   // R4: not the actor's own case
    EXPECT_EQ(error_of([&] { this->store().create_all(worker, foreign); }).code(), errc::access_denied);
    auto unconsented = batch({"N-0"});
    unconsented[0].consent.reset();    // R3: personal data without consent
    EXPECT_EQ(error_of([&] { this->store().create_all(worker, unconsented); }).code(), errc::consent_required);
    EXPECT_EQ(stored(), 1u);
    EXPECT_EQ(committed(), 1u);   // the records of refused batches say "rolled back"

    auto good = batch({"N-0", "N-1", "N-2"});
    this->store().create_all(worker, good);
    for (const auto& c : good) EXPECT_EQ(c.version, 1);
    EXPECT_EQ(stored(), 4u);
    EXPECT_EQ(this->store().load(worker, "N-2").version, 1);
    EXPECT_EQ(committed(), 1u + 3u);   // T-1 and the three, one record each

    auto inside = batch({"M-0", "M-1"});
    EXPECT_THROW(this->store().transact(worker, [&](CaseStore& tx) {
        tx.create_all(worker, inside);
        EXPECT_EQ(tx.query(worker, {}).size(), 6u);
        fail(errc::internal, "", "", "boom");
    }), error);
    EXPECT_EQ(stored(), 4u);
}
