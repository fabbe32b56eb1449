// Builders for tests: synthetic people and cases at a given stage. No real person's data.
#pragma once

#include "jmdcm/jmdcm.hpp"
#include "jmdcm/steps.hpp"
#include "jmdcm/worked_example.hpp"

#include <gtest/gtest.h>

namespace jmdcm::test {

inline Date d(int y, int m, int day) { return make_date(y, m, day); }

inline const char* kHash = "7db886f15325eb9bad07defb33177fb41ff86e0d3ebbb8117a222fd02f9a1f15";

inline DataConsent consent_on(Date on) {
    DataConsent c;
    c.given_on = on;
    c.form_language = "de";
    c.form_version = "2016-01";
    c.text_sha256 = kHash;
    c.purpose = "Beratung";
    c.consequences_explained = true;
    return c;
}

inline MasterData person_born(Date birth) {
    MasterData p;
    p.given_name = "Testa";
    p.family_name = "Synthetika";
    p.birth_date = birth;
    p.gender = Gender::female;
    p.country_of_origin = "Syrien";
    p.address = {"Musterweg 7", "60311", "Frankfurt am Main"};
    p.residence = {ResidenceCategory::aufenthaltstitel, {}, std::nullopt};
    return p;
}

inline Release release_for(std::string id, std::string recipient, Date on) {
    Release r;
    r.id = std::move(id);
    r.recipient = std::move(recipient);
    r.information = "Stammdaten";
    r.purpose = "Vermittlung";
    r.written = true;
    r.granted_on = on;
    return r;
}

inline Screening screening_with(int yes_count, Date on, bool at_risk = true) {
    Screening s;
    s.date = on;
    s.residence = {ResidenceCategory::aufenthaltstitel, {}, std::nullopt};
    for (int i = 0; i < 12; ++i)
        s.answers.push_back({static_cast<Criterion>(i), i < yes_count ? Answer::yes : Answer::no, true, {}});
    s.integration_at_risk_without_cm = at_risk;
    return s;
}

inline Assessment assessment_on(Date on, int score = 2) {
    Assessment a;
    a.date = on;
    a.reassessment_planned = add_months(on, 3);
    for (int i = 0; i < 9; ++i) {
        a.ratings.push_back({static_cast<LifeArea>(i), Perspective::young_person, "", score, {}, {}, {}});
        a.ratings.push_back({static_cast<LifeArea>(i), Perspective::case_worker, "", score + 1 > 5 ? 5 : score + 1, {}, {}, {}});
    }
    return a;
}

inline Goal goal(std::string id, int priority) {
    Goal g;
    g.id = std::move(id);
    g.priority = priority;
    g.area = LifeArea::language;
    g.text = "Deutsch auf A2";
    g.measures = "Sprachkurs";
    g.indicator = "Zertifikat A2";
    g.sub_goals = {"Kurs gefunden"};
    Task t;
    t.description = "Anmeldung";
    t.party = Party::young_person;
    t.date = d(2020, 3, 1);
    g.tasks = {t};
    g.review_date = d(2020, 6, 1);
    return g;
}

inline Plan plan_with(std::vector<Goal> goals, Date on) {
    Plan p;
    p.date = on;
    p.office = "JMD Test";
    p.goals = std::move(goals);
    return p;
}

/// The stages a synthetic case can be brought to (each includes the ones before).
/// R2: an eligible young person (a check of every criterion passed).
inline EligibilityRecord eligible_on(Date on) {
    EligibilityResult r;
    r.eligible = true;
    for (auto k : {EligibilityCriterion::age, EligibilityCriterion::residence, EligibilityCriterion::support_need, EligibilityCriterion::region})
        r.checks.push_back({k, true, {}});
    return {on, r, std::nullopt, std::nullopt};
}

enum class Stage { opened, consented, screened, agreed, assessed, planned, implementing };

/// A 20-year-old's case opened on 2020-01-06, brought to `stage` one step per week.
inline Case case_at(Stage stage, const Policy& policy = {}) {
    Case c = open_case("T-1", "JMD Test", "fk-1", d(2020, 1, 6));
    if (stage == Stage::opened) return c;
    record_consent(c, consent_on(d(2020, 1, 6)), d(2000, 1, 1), policy);
    set_person(c, person_born(d(2000, 1, 1)), d(2020, 1, 6), policy);
    if (stage == Stage::consented) return c;
    set_eligibility(c, eligible_on(d(2020, 1, 13)), policy);   // R2: screening needs it
    record_screening(c, screening_with(5, d(2020, 1, 13)), policy);
    decide_screening(c, {d(2020, 1, 13), true, std::nullopt}, policy);
    if (stage == Stage::screened) return c;
    record_cooperation(c, {d(2020, 1, 13), true, AgreementForm::oral}, policy);
    if (stage == Stage::agreed) return c;
    start_case_management(c, d(2020, 1, 13), policy);
    add_assessment(c, assessment_on(d(2020, 1, 20)), policy);
    if (stage == Stage::assessed) return c;
    change_phase(c, Phase::planning, d(2020, 1, 27), policy);
    adopt_plan(c, plan_with({goal("G1", 1), goal("G2", 2)}, d(2020, 1, 27)), policy);
    if (stage == Stage::planned) return c;
    change_phase(c, Phase::implementation, d(2020, 1, 27), policy);
    return c;
}

inline Closure closing(ClosureReason reason, Date on) {
    Closure c;
    c.date = on;
    c.reason = reason;
    return c;
}

inline Case samira(const Policy& policy = {}) {
    MemoryRepository repo;
    return example::run_samira(repo, {"fachkraft-1", Role::case_worker}, policy);
}

/// Runs f and returns the jmdcm::error it throws (fails the test when it throws none).
template <class F>
error error_of(F&& f) {
    try {
        f();
    } catch (const error& e) {
        return e;
    }
    ADD_FAILURE() << "expected a jmdcm::error";
    return error(errc::ok, "", "", "none thrown");
}

/// Runs f and checks the error's code and rule, and that its field ends with `field_end`.
template <class F>
void expect_error(F&& f, errc code, std::string_view rule, std::string_view field_end) {
    const error e = error_of(std::forward<F>(f));
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_EQ(e.rule(), rule) << e.what();
    EXPECT_TRUE(e.field().size() >= field_end.size() && e.field().compare(e.field().size() - field_end.size(), field_end.size(), field_end) == 0)
        << "field '" << e.field() << "', expected it to end with '" << field_end << "': " << e.what();
}

}  // namespace jmdcm::test
