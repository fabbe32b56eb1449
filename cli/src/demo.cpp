// `jmdcm demo`: the handbook's worked example (Samira) through every phase on the
// embedded SQLite store, printing the plan, the goal reviews, the evaluation and the
// minimum-requirements report (R14); the office's network (R12) and the case worker's
// agenda; the plan, evaluation and radar chart as documents (R9, R11, R7); then the
// administrator's retention sweep (R13). The store file is replaced on each run.
#include "common.hpp"
#include "pdf.hpp"

#include "jmdcm/worked_example.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace jmdcm::cli {
namespace {

template <class E>
std::string name(E e) { return reflect::enum_name(e); }

// R13: the one age the skeleton kept, as the policy chose.
std::string kept_age(const StatisticalSkeleton& s) {
    if (s.birth_year) return "Geburtsjahr " + std::to_string(*s.birth_year);
    if (s.age_at_intake) return "Alter bei Aufnahme " + std::to_string(*s.age_at_intake);
    if (!s.age_band_at_intake) return "kein Alter";
    std::string band = name(*s.age_band_at_intake);   // from_21_to_24 -> 21-24
    if (band.rfind("from_", 0) == 0) band = band.substr(5).replace(band.find("_to_") - 5, 4, "-");
    return "Altersgruppe bei Aufnahme " + band;
}

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

/// R12 and the agenda: the office's partners, Samira's links, what the worker has to do.
void show_network(SqliteRepository& repo, const Actor& worker, const Case& c) {
    const Actor lead{"teamleitung-1", Role::team_lead};
    for (auto p : example::samira_network()) repo.save_partner(lead, p);
    const auto map = repo.network_map(lead, make_date(2017, 1, 10));
    std::cout << "\nNetzwerkkarte (R12) am 2017-01-10: " << map.partners.size() << " Partner\n";
    for (const auto& n : map.partners)
        std::cout << "  [" << name(n.partner.kind) << "] " << n.partner.name << ": " << n.referrals << " Vermittlung(en)"
                  << (n.review_due ? ", Überprüfung fällig" : "") << "\n";
    for (const auto& p : map.personal)
        std::cout << "  [personal] " << name(p.category) << ": in " << p.cases << " Fall/Fällen (ohne Namen)\n";
    std::cout << "  Kooperationen zur Überprüfung 2017:";
    for (const auto& due : cooperations_due(repo.partners(lead), 2017, make_date(2017, 1, 10)))
        std::cout << " " << due.partner_id << " (" << to_iso(due.review_on) << ")";
    std::cout << "\n";
    const auto system = repo.system_requirements_report(lead, make_date(2017, 1, 10));
    std::cout << "Mindeststandards Systemebene (R12): " << system.met << "/" << system.total << " erfüllt\n";
    for (const auto& item : system.items)
        std::cout << "  [" << (item.met ? "x" : " ") << "] " << name(item.requirement) << ": " << item.detail << "\n";
    const Date follow_up = *c.closure->follow_up_on;
    const AgendaQuery week{follow_up - boost::gregorian::days(3), follow_up + boost::gregorian::days(3), 7};
    const auto agenda = repo.agenda(worker, week, Policy{});
    std::cout << "\nAgenda von " << worker.id << " " << to_iso(week.from) << " bis " << to_iso(week.to) << " (+/- "
              << week.tolerance_days << " Tage)\n";
    for (const auto& i : agenda.items)
        std::cout << "  " << to_iso(i.date) << "  " << name(i.kind) << "  " << (i.case_id.empty() ? *i.partner_id : i.case_id)
                  << (i.within_tolerance ? "  (im Toleranzfenster)" : "") << "\n";
}

/// R9, R11, R7: the documents the young person takes home, and the chart.
void write_documents(const Case& c, const std::string& dir) {
    std::filesystem::create_directories(dir);
    std::cout << "\nDokumente in " << dir << "/\n";
    for (const Language l : {Language::de, Language::en, Language::plain}) {
        const std::string file = dir + "/plan-" + name(l) + ".html";
        write_file(file, plan_html(c, {l, std::nullopt}));
        std::cout << "  " << file << "\n";
    }
    write_file(dir + "/evaluation-de.html", evaluation_html(c, {}, Policy{}));
    write_file(dir + "/assessment-radar.svg", radar_svg(c, {}, Policy{}));
    std::cout << "  " << dir << "/evaluation-de.html\n  " << dir << "/assessment-radar.svg\n";
    if (!find_chromium()) {
        std::cout << "  (kein PDF: chromium ist nicht installiert)\n";
        return;
    }
    html_to_pdf(plan_html(c, {}), dir + "/plan-de.pdf");
    std::cout << "  " << dir << "/plan-de.pdf\n";
}

}  // namespace

int demo(const std::vector<std::string>& args) {
    po::options_description o("Demonstration");
    o.add_options()("store", po::value<std::string>()->default_value("jmdcm-demo.sqlite"), "SQLite file (replaced)")
        ("out", po::value<std::string>(), "directory for the documents (default: <store>-documents)");
    po::variables_map vm;
    if (!parse(args, o, vm, "jmdcm demo [--store FILE] [--out DIR]")) return 0;
    {
        const std::string path = vm["store"].as<std::string>();
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

        show_network(repo, worker, c);
        write_documents(c, vm.count("out") ? vm["out"].as<std::string>() : path + "-documents");

        const auto report = minimum_requirements(c);
        std::cout << "\nMindeststandards (R14): " << report.met << "/" << report.total << " erfüllt\n";
        for (const auto& item : report.items)
            std::cout << "  [" << (item.met ? "x" : " ") << "] " << name(item.requirement) << ": " << item.detail << "\n";

        // R11: the follow-up talk about six months after closure. Invented: the handbook's account
        // ends with the closure. Until it is held or declined the file stays personal (R13).
        FollowUpTalk talk{make_date(2017, 9, 18), true, 5, false, {}};
        repo.step(worker, c.id, c.version, "record_follow_up", [&](Case& x) {
            record_follow_up(x, talk, policy);
            return std::vector<Case>{};
        });
        std::cout << "\nNachgespräch (R11) am " << to_iso(talk.date) << ": Ergebnis nachhaltig (" << *talk.sustainability
                  << " von " << policy.scale_max << "), kein erneuter Hilfebedarf\n";

        const Actor admin{"admin-1", Role::administrator};
        const Date sweep_day = make_date(2017, 9, 20);
        const auto swept = repo.sweep(admin, sweep_day, policy);
        std::cout << "\nLöschfristen (R13), Lauf am " << to_iso(sweep_day) << ": " << swept.examined << " geprüft, "
                  << swept.anonymised.size() << " anonymisiert, " << swept.closed_no_contact.size() << " wegen Kontaktabbruch beendet, "
                  << swept.review_due.size() << " zur Wiedervorlage\n";
        const Case left = repo.load({"statistik-1", Role::statistics}, c.id);
        std::cout << "  Was bleibt: " << kept_age(*left.skeleton) << ", Region " << left.skeleton->region << "xx, "
                  << name(*left.skeleton->residence) << ", " << left.plans.back().goals.size() << " Ziele, Beendigung "
                  << name(left.closure->reason) << " im " << to_iso(left.closure->date).substr(0, 7) << "\n";

        std::cout << "\nAudit-Protokoll: " << repo.audit_log(admin).size()
                  << " Einträge (wer, welcher Fall, welche Operation; keine personenbezogenen Werte)\n";
        return 0;
    }
}

}  // namespace jmdcm::cli
