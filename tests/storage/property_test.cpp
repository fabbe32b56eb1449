// A seeded property test on a SQLite file: random sequences of create, raw save (of
// mutated documents), steps, anonymisation and sweeps by random actors. After every
// sequence: no load handed personal data to someone who may not see it (R4, R15); no
// anonymised person's name is left in the database or its WAL (R13); no case changed its
// responsible worker without a handover under a release (R4).
#include "storage_fixtures.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>

using namespace jmdcm;
using namespace jmdcm::test;

namespace {

const Actor actors[] = {{"fk-1", Role::case_worker}, {"fk-2", Role::case_worker}, {"fk-3", Role::case_worker},
                        {"tl-1", Role::team_lead},   {"st-1", Role::statistics},  {"ad-1", Role::administrator}};
const char* workers[] = {"fk-1", "fk-2", "fk-3"};

/// Every stored case document, read past the library (what a thief of the file would see).
std::vector<Case> raw_cases(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT doc FROM cases", -1, &st, nullptr);
    std::vector<Case> out;
    while (sqlite3_step(st) == SQLITE_ROW)
        out.push_back(json::from_string<Case>(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

/// How many operations of each kind got through, over all sequences: the test is only worth
/// something when creates, loads, steps (handovers included) and anonymisations succeed.
std::map<std::string, int> done;

class Sequence {
public:
    Sequence(unsigned seed, const TempDir& dir)
        : rng_(seed), path_(dir.file("prop-" + std::to_string(seed) + ".sqlite")),
          repo_(sqlite_at(path_), options_with(nullptr)) {}

    void run(int operations) {
        for (int i = 0; i < operations; ++i) {
            const auto op = std::min<std::size_t>(pick(8), 5);  // steps and sweeps more often
            try {
                if (op == 0) create();
                else if (op == 1) load();
                else if (op == 2) raw_save();
                else if (op == 3 || op == 5) step();
                else if (op == 4 && pick(3) == 0) repo_.anonymise_case(any_actor(), any_id(), storage_today());
                if (op == 5 && pick(8) == 0) repo_.sweep(any_actor(), storage_today(), Policy{});
                ++done[std::to_string(op)];
            } catch (const error& e) {
                if (std::getenv("JMDCM_PROPERTY_DEBUG")) std::fprintf(stderr, "%zu: %s\n", op, e.what());  // why things were refused
                // refusals are expected; what matters is what got through
            }
        }
        check_files();
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
    const Actor& any_actor() { return actors[pick(std::size(actors))]; }
    std::string any_worker() { return workers[pick(std::size(workers))]; }
    std::string any_id() { return ids_.empty() ? "none" : ids_[pick(ids_.size())]; }
    /// Mostly the case's responsible worker (so that steps get through), sometimes anyone.
    Actor likely_actor(const std::string& id) {
        if (pick(4) == 0) return any_actor();
        for (const auto& c : raw_cases(path_))
            if (c.id == id) return {c.case_worker, Role::case_worker};
        return any_actor();
    }

    void create() {
        Case c = case_at(pick(2) ? Stage::implementing : Stage::consented);
        c.id = "P-" + std::to_string(ids_.size());
        c.case_worker = any_worker();
        // a name unique to this case, so that the file can be searched for it
        c.person->family_name = "Qzname" + std::to_string(ids_.size()) + "x";
        repo_.create(pick(4) ? Actor{c.case_worker, Role::case_worker} : any_actor(), c);
        ids_.push_back(c.id);
        names_[c.id] = c.person->family_name.text;
        owners_[c.id] = c.case_worker;
        copies_[c.id].push_back(c);
    }

    void load() {
        const std::string id = any_id();
        const Actor a = likely_actor(id);
        const Case c = repo_.load(a, id);
        // R4, R15: personal data only for the responsible worker or a substitute in force today
        if (holds_personal_data(c)) {
            ++done["personal load"];
            EXPECT_TRUE(may_handle_personal_data(a, c, storage_today())) << a.id << " read " << id;
        }
        if (is_anonymised(c)) {
            EXPECT_FALSE(holds_personal_data(c)) << "anonymised " << id << " loaded with personal data";
        }
        copies_[id].push_back(c);
    }

    /// A document some actor saved earlier, changed in one of the ways a host could try.
    void raw_save() {
        const std::string id = any_id();
        auto& copies = copies_[id];
        if (copies.empty()) return;
        Case c = copies[pick(copies.size())];
        c.version = raw_version(id);
        switch (pick(7)) {
        case 0: c.case_worker = any_worker(); break;
        case 1: c.substitutions.push_back({any_worker(), d(2020, 5, 1), std::nullopt, d(2020, 5, 1), std::string("R-x")}); break;
        case 2: c.anonymised_on = d(2020, 5, 1); break;
        case 3: c.consent.reset(); break;
        case 4: if (!c.journal.empty()) c.journal[0].note = "geändert"; break;
        case 5: c.person = person_born(d(2001, 1, 1)); break;
        default: add_journal_entry(c, {d(2020, 5, 2), ContactKind::phone, ContactTopic::counselling, true, {}, "Anruf"}, Policy{});
        }
        repo_.save(likely_actor(id), c);
    }

    void step() {
        const std::string colleague = any_worker();
        const std::string release = "R-" + colleague;
        const std::map<std::string, std::function<void(Case&)>> steps = {
            {"grant_release", [&](Case& c) { grant_release(c, release_for(release, colleague, d(2020, 5, 1)), Policy{}); }},
            {"revoke_release", [&](Case& c) { revoke_release(c, release, d(2020, 5, 20)); }},
            {"hand_over", [&](Case& c) { hand_over(c, colleague, d(2020, 5, 10), Policy{}); }},
            {"assign_substitute", [&](Case& c) { assign_substitute(c, {colleague, d(2020, 5, 10), std::nullopt, d(2020, 5, 5), {}}, Policy{}); }},
            {"withdraw_consent", [&](Case& c) { withdraw_consent(c, d(2020, 5, 30)); }},
            {"add_journal_entry", [&](Case& c) {
                 add_journal_entry(c, {d(2020, 5, 3), ContactKind::in_person, ContactTopic::counselling, true, {}, "Gespräch"}, Policy{});
             }},
        };
        auto it = steps.begin();
        std::advance(it, static_cast<std::ptrdiff_t>(pick(steps.size())));
        const std::string id = any_id();
        repo_.step(likely_actor(id), id, 0, it->first, [&](Case& c) {
            it->second(c);
            return std::vector<Case>{};
        });
        ++done[it->first];
    }

    std::int64_t raw_version(const std::string& id) {
        for (const auto& c : raw_cases(path_))
            if (c.id == id) return c.version;
        return 0;
    }

    void check_files() {
        ASSERT_TRUE(repo_.checkpoint());
        std::string bytes = read_bytes(path_) + read_bytes(path_ + "-wal");
        for (const auto& c : raw_cases(path_)) {
            if (is_anonymised(c)) {  // R13: the person is gone from every byte of the file
                EXPECT_EQ(bytes.find(names_[c.id]), std::string::npos) << names_[c.id] << " of anonymised " << c.id;
            }
            if (c.case_worker != owners_[c.id]) {  // R4: a new owner only through a handover under a release
                const bool handed = std::any_of(c.disclosures.begin(), c.disclosures.end(), [&](const Disclosure& x) {
                    return x.kind == DisclosureKind::handover && x.recipient == c.case_worker;
                });
                EXPECT_TRUE(handed || is_anonymised(c)) << c.id << " moved to " << c.case_worker << " without a handover";
            }
        }
    }

    std::mt19937 rng_;
    std::string path_;
    SqliteRepository repo_;
    std::vector<std::string> ids_;
    std::map<std::string, std::string> names_, owners_;
    std::map<std::string, std::vector<Case>> copies_;   // what actors got hold of, for raw saves
};

}  // namespace

TEST(Property, NoRawWriteOrActorGetsAroundTheRulesOnSqlite) {
    TempDir dir;
    for (unsigned seed = 1; seed <= 12; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        Sequence(seed, dir).run(120);
    }
    for (const char* kind : {"0", "personal load", "2", "4", "hand_over", "assign_substitute", "withdraw_consent"})
        EXPECT_GE(done[kind], 3) << done[kind] << " too few successful '" << kind << "' operations for the test to mean anything";
}
