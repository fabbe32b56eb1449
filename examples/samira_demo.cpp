// Demonstration: the handbook's worked example (Samira) through every phase on the
// embedded SQLite store, printing the plan, the goal reviews, the evaluation and the
// minimum-requirements report (R14); then the administrator's retention sweep (R13).
// Usage: jmdcm_demo [database file]   (default: jmdcm-demo.sqlite, replaced on each run)
#include "jmdcm/jmdcm.hpp"
#include "jmdcm/sqlite/sqlite_repository.hpp"
#include "jmdcm/worked_example.hpp"

#include <cstdio>
#include <iostream>

using namespace jmdcm;

namespace {

template <class E>
const char* name(E e) { return boost::describe::enum_to_string(e, "?"); }

std::string when(const Task& t) {
    switch (t.timing) {
    case Timing::ongoing: return "fortlaufend";
    case Timing::from: return "ab " + to_iso(*t.date);
    case Timing::due_by: return "bis " + to_iso(*t.date);
    }
    return "";
}

void print_plan(const Case& c, const Plan& p) {
    std::cout << "\nIntegrationsförderplan v" << p.version << "  Datum: " << to_iso(p.date) << "  Einrichtung: " << p.office << "\n";
    if (!p.revision_reason.empty()) std::cout << "  Fortschreibung: " << p.revision_reason.text << "\n";
    for (const Goal& g : p.goals) {
        const auto a = latest_achievement(c, g.id);
        std::cout << "  Ziel " << g.id << " (Priorität " << g.priority << "): " << g.text.text
                  << (g.review_date ? "  Wiedervorlage " + to_iso(*g.review_date) : std::string()) << "\n";
        if (a) std::cout << "    Stand: " << name(*a) << "\n";
        for (const auto& s : g.sub_goals) std::cout << "    Teilziel: " << s.text << "\n";
        for (const auto& t : g.tasks)
            std::cout << "    Leistung " << (t.party ? name(*t.party) : "?") << (t.institution.empty() ? "" : " (" + t.institution + ")")
                      << ": " << t.description.text << " " << when(t) << "\n";
        std::cout << "    Indikator: " << g.indicator.text << "\n";
        std::cout << "    Passendes Angebot vorhanden? " << (g.offer_available ? "Ja" : "Nein: " + g.gap.text) << "\n";
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::string path = argc > 1 ? argv[1] : "jmdcm-demo.sqlite";
        for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());  // a fresh file each run
        const Policy policy;  // the handbook's defaults
        SqliteOptions db;
        db.path = path;
        SqliteRepository repo(db);
        const Actor worker{"fachkraft-1", Role::case_worker};

        std::cout << "jmdcm " << JMDCM_VERSION_STRING << ": the handbook's worked example (Samira), stored in " << path << "\n\n";
        Case c = example::run_samira(repo, worker, policy, [](std::string_view title, const Case& now) {
            std::cout << "  [" << name(now.phase) << "] " << title << "\n";
        });

        print_plan(c, c.plans.back());
        std::cout << "  (" << c.plans.size() << " plan versions kept)\n";

        std::cout << "\nZielüberprüfungen (goal reviews)\n";
        for (const auto& r : c.reviews)
            std::cout << "  " << to_iso(r.date) << "  " << r.goal_id << "  " << name(r.achievement) << "  -> " << name(r.consequence)
                      << "  " << r.remark.text << "\n";

        std::cout << "\nRe-Assessment (R7), change per life area, young person's view | case worker's view\n";
        for (const auto& ch : compare_assessments(c.assessments.front(), c.assessments.back()))
            if (ch.perspective == Perspective::young_person)
                std::cout << "  " << name(ch.area) << ": " << ch.before << " -> " << ch.after << "\n";

        std::cout << "\nBeendigung: " << name(c.closure->reason) << " am " << to_iso(c.closure->date)
                  << ", Nachgespräch am " << to_iso(*c.closure->follow_up_on) << "\n";
        const Evaluation& ev = *c.evaluation;
        std::cout << "Evaluation (" << to_iso(ev.date) << "): Lebenssituation verbessert: "
                  << (ev.life_situation_improved.value_or(false) ? "ja" : "nein") << "\n";
        for (const auto& g : ev.goals) std::cout << "  " << g.goal_id << ": " << name(g.achievement) << "\n";
        for (const auto& gap : ev.supply_gaps) std::cout << "  Versorgungslücke: " << gap.text << "\n";
        std::cout << "  Zufriedenheit Maßnahmen " << *ev.satisfaction_measures << ", Case Managerin " << *ev.satisfaction_case_worker
                  << ", Verlauf " << *ev.course << ", Ergebnisse " << *ev.results << ", Erwartungen " << *ev.expectations
                  << ", Auftrag " << *ev.mandate << "\n";

        const auto report = minimum_requirements(c);
        std::cout << "\nMindeststandards (R14): " << report.met << "/" << report.total << " erfüllt\n";
        for (const auto& item : report.items)
            std::cout << "  [" << (item.met ? "x" : " ") << "] " << name(item.requirement) << ": " << item.detail << "\n";

        const Actor admin{"admin-1", Role::administrator};
        const Date sweep_day = make_date(2017, 3, 20);
        const auto swept = repo.sweep(admin, sweep_day, policy);
        std::cout << "\nLöschfristen (R13), Lauf am " << to_iso(sweep_day) << ": " << swept.examined << " geprüft, "
                  << swept.anonymised.size() << " anonymisiert, " << swept.closed_no_contact.size() << " wegen Kontaktabbruch beendet, "
                  << swept.review_due.size() << " zur Wiedervorlage\n";
        const Case left = repo.load({"statistik-1", Role::statistics}, c.id);
        std::cout << "  Was bleibt: Geburtsjahr " << *left.skeleton->birth_year << ", Region " << left.skeleton->region << "xx, "
                  << name(*left.skeleton->residence) << ", " << left.plans.back().goals.size() << " Ziele, Beendigung "
                  << name(left.closure->reason) << " im " << to_iso(left.closure->date).substr(0, 7) << "\n";

        std::cout << "\nAudit-Protokoll: " << repo.audit_log(admin).size()
                  << " Einträge (wer, welcher Fall, welche Operation; keine personenbezogenen Werte)\n";
        return 0;
    } catch (const jmdcm::error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
