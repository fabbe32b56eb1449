// The worked example, step by step, through the public operations only.
#include "jmdcm/worked_example.hpp"

#include "jmdcm/retention.hpp"

namespace jmdcm::example {

namespace {

Date d(int y, int m, int day) { return make_date(y, m, day); }

Task task(Party who, FreeText what, Timing timing, std::optional<Date> when, std::string institution = {}) {
    Task t;
    t.party = who;
    t.description = std::move(what);
    t.timing = timing;
    t.date = when;
    t.institution = std::move(institution);
    return t;
}

Goal goal_residence() {
    Goal g;
    g.id = "G1";
    g.catalogue_id = "residence.clarify_secure";
    g.priority = 1;
    g.text = "Sicherung des Aufenthalts";
    g.measures = "Antrag auf Aufenthaltserlaubnis mit Unterstützung stellen";
    g.indicator = "Bescheid über den Aufenthalt liegt vor";
    g.sub_goals = {"Die zur Erlangung des Aufenthaltstitels notwendigen Unterlagen besorgen, ausfüllen und bei der Ausländerbehörde einreichen",
                   "Aufenthalt ist geklärt"};
    g.tasks = {
        task(Party::young_person, "Ausfüllen des Antrags für die Aufenthaltserlaubnis", Timing::due_by, d(2016, 10, 12)),
        task(Party::young_person, "Abgabe bei der Ausländerbehörde", Timing::due_by, d(2016, 10, 14)),
        task(Party::jmd, "Bereitstellung u. Hilfestellung beim Ausfüllen des Antrags", Timing::due_by, d(2016, 10, 12)),
        task(Party::jmd, "Aufzeigen der Möglichkeiten, die notwendigen Unterstützungen zu erhalten, inkl. der notwendigen Adressen",
             Timing::due_by, d(2016, 10, 12)),
        task(Party::jmd, "Tel. Abstimmung mit Flüchtlingssozialberatung in der Unterkunft", Timing::due_by, d(2016, 10, 12)),
    };
    g.institutions = {"Ausländerbehörde", "Flüchtlingssozialberatung in der Unterkunft"};
    g.review_date = d(2017, 1, 12);
    return g;
}

Goal goal_stability() {
    Goal g;
    g.id = "G2";
    g.catalogue_id = "social.coping";
    g.area = LifeArea::social_problems;
    g.priority = 2;
    g.text = "Notwendige psychische Stabilität für die weitere Lebensplanung ist hergestellt";
    g.measures = "Stabilisierungsgespräche, Gruppenangebot des JMD, Vermittlung in Therapie";
    g.indicator = "Therapie hat begonnen; Samira fühlt sich entlastet";
    g.sub_goals = {"Stabilisierung durch Gespräche und Gruppenarbeit bis zum Beginn einer Therapie (ab sofort)",
                   "Therapie beginnen (bis 02.12.2016)"};
    g.tasks = {
        task(Party::young_person, "Teilnahme an überbrückenden Stabilisierungsgesprächen und Gruppenangeboten des JMD", Timing::from, d(2016, 10, 12)),
        task(Party::young_person, "Überlegung, welcher Verwandte oder Bekannte sie zusätzlich unterstützen kann", Timing::due_by, d(2016, 10, 12)),
        task(Party::jmd, "Kontaktaufnahme mit dem Evang. Zentrum für Beratung und Therapie", Timing::due_by, d(2016, 10, 5)),
        task(Party::jmd, "Regelmäßige Stabilisierungsgespräche nach Bedarf bis zum Therapiebeginn", Timing::ongoing, std::nullopt),
        task(Party::jmd, "Aufnahme in die niedrigschwellige Kursreihe „Frauenfrühstück“ des JMD", Timing::from, d(2016, 10, 10)),
    };
    g.institutions = {"Evang. Zentrum für Beratung und Therapie am Weißen Stein"};
    g.target_date = d(2016, 12, 2);
    g.review_date = d(2016, 12, 2);
    return g;
}

Goal goal_livelihood() {
    Goal g;
    g.id = "G3";
    g.catalogue_id = "finances.secured";
    g.area = LifeArea::finances;
    g.priority = 3;
    g.text = "Sicherung des Lebensunterhalts";
    g.measures = "Antrag auf Leistungen nach dem SGB II beim Jobcenter";
    g.indicator = "Leistungsbescheid liegt vor";
    g.sub_goals = {"Antrag vollständig beim Jobcenter eingereicht"};
    g.tasks = {
        task(Party::young_person, "Antrag auf ALG II ausfüllen und abgeben", Timing::due_by, d(2016, 10, 21)),
        task(Party::jmd, "Hilfestellung beim Antrag", Timing::due_by, d(2016, 10, 21)),
        task(Party::other_institution, "Bearbeitung des Antrags", Timing::ongoing, std::nullopt, "Jobcenter"),
    };
    g.institutions = {"Jobcenter"};
    g.review_date = d(2016, 10, 28);
    return g;
}

Goal goal_housing() {
    Goal g;
    g.id = "G4";
    g.catalogue_id = "housing.secured";
    g.area = LifeArea::housing;
    g.priority = 3;
    g.text = "Selbstständige Lebensführung im Bereich Wohnen";
    g.measures = "Vermittlung in eine betreute Wohnform für Mütter und Kinder";
    g.indicator = "Samira lebt mit ihrem Sohn in eigener Wohnform";
    g.sub_goals = {"Platz in der Gemeinsamen Wohnform für Mütter und Kinder", "Umzug"};
    g.tasks = {
        task(Party::jmd, "Kontaktaufnahme mit der Gemeinsamen Wohnform für Mütter und Kinder", Timing::due_by, d(2016, 10, 31)),
        task(Party::young_person, "Besichtigung und Aufnahmegespräch", Timing::due_by, d(2016, 11, 2)),
    };
    g.institutions = {"Gemeinsame Wohnform für Mütter und Kinder", "Sozialamt"};
    g.review_date = d(2016, 11, 30);
    return g;
}

Goal goal_language_training() {
    Goal g;
    g.id = "G5";
    g.catalogue_id = "occupation.prepare_working_life";
    g.area = LifeArea::occupation;
    g.priority = 2;
    g.text = "Zugang zu Sprache und Ausbildung";
    g.measures = "Ehrenamtlicher Deutschunterricht, berufsorientierte und sprachfördernde Maßnahme, Kinderbetreuung";
    g.indicator = "Samira besucht regelmäßig eine Maßnahme mit Deutschförderung";
    g.sub_goals = {"Regelmäßiger Deutschunterricht", "Krippenplatz für den Sohn", "Aufnahme in die berufsvorbereitende Maßnahme"};
    g.tasks = {
        task(Party::young_person, "Besuch des Angebots „Teachers on the Road“", Timing::from, d(2016, 12, 5)),
        task(Party::jmd, "Kontakt zum Verein zur beruflichen Förderung von Frauen e.V.", Timing::due_by, d(2016, 12, 16)),
        task(Party::other_institution, "Krippenplatz bereitstellen", Timing::ongoing, std::nullopt, "Kinderkrippe"),
    };
    g.institutions = {"Teachers on the Road", "Verein zur beruflichen Förderung von Frauen e.V.", "Kinderkrippe"};
    g.review_date = d(2017, 3, 6);
    g.offer_available = false;
    g.gap = "Kein freier Krippenplatz; zu wenig Sprachförderung ohne Anspruch auf Integrationskurs";
    return g;
}

Release release(std::string id, std::string recipient, FreeText info, FreeText purpose, Date on) {
    Release r;
    r.id = std::move(id);
    r.recipient = std::move(recipient);
    r.information = std::move(info);
    r.purpose = std::move(purpose);
    r.written = true;
    r.mutual = true;
    r.granted_on = on;
    return r;
}

AreaRating rate(LifeArea a, Perspective p, int score, FreeText remark = {}, std::string rater = {}) {
    AreaRating r;
    r.area = a;
    r.perspective = p;
    r.score = score;
    r.remarks = std::move(remark);
    r.rater = std::move(rater);
    return r;
}

Assessment assessment(Date on, const int (&young)[9], const int (&worker)[9], std::optional<Date> next) {
    Assessment a;
    a.date = on;
    a.competence_procedure = true;
    a.reassessment_planned = next;
    for (int i = 0; i < 9; ++i) {
        a.ratings.push_back(rate(static_cast<LifeArea>(i), Perspective::young_person, young[i]));
        a.ratings.push_back(rate(static_cast<LifeArea>(i), Perspective::case_worker, worker[i]));
    }
    return a;
}

JournalEntry contact(Date on, ContactKind kind, ContactTopic topic, bool young_person, FreeText with, FreeText note) {
    return {on, kind, topic, young_person, std::move(with), std::move(note)};
}

GoalReview review(Date on, std::string goal, Achievement a, ReviewConsequence next, FreeText remark) {
    return {on, std::move(goal), a, next, std::move(remark)};
}

}  // namespace

Case run_samira(Repository& repo, const Actor& worker, const Policy& policy, const StepObserver& on_step) {
    Case c = open_case(std::string(samira_case_id), std::string(samira_office), worker.id, d(2016, 9, 12));
    repo.create(worker, c);
    auto step = [&](std::string_view title) {
        repo.save(worker, c);
        if (on_step) on_step(title, c);
    };

    // ---- Intake (R2, R3): September 2016, she comes with her sister-in-law.
    const Date birth = d(1994, 5, 3);  // synthetic: 22 years old in September 2016
    DataConsent consent;
    consent.given_on = d(2016, 9, 12);
    consent.form_language = "fa";
    consent.form_version = "2016-01";
    consent.text_sha256 = "7db886f15325eb9bad07defb33177fb41ff86e0d3ebbb8117a222fd02f9a1f15";
    consent.purpose = "Beratung und Case Management im JMD; Dokumentation in der Fallakte";
    consent.consequences_explained = true;
    record_consent(c, consent, birth, policy);

    MasterData p;
    p.given_name = "Samira";
    p.family_name = "Beispiel";
    p.birth_date = birth;
    p.gender = Gender::female;
    p.country_of_origin = "Afghanistan";
    p.arrival_date = d(2015, 10, 15);
    p.address = {"Sammelunterkunft (fiktiv)", "60386", "Frankfurt am Main"};
    p.residence = {ResidenceCategory::aufenthaltsgestattung, {}, true};
    p.languages = {"Dari", "Farsi"};
    set_person(c, p, d(2016, 9, 12), policy);

    Intake in;
    in.first_contact = d(2016, 9, 12);
    in.conversations = {d(2016, 9, 12), d(2016, 9, 19)};
    in.concern = "Psychisch sehr belastet; Konflikte mit der Familie in der Sammelunterkunft";
    in.expectations = "Psychologische Unterstützung; Lösung der sehr belastenden Wohnsituation";
    in.working_alliance_on = d(2016, 9, 19);
    record_intake(c, in, d(2016, 9, 19), policy);

    EligibilityInput ei;
    ei.intake_date = d(2016, 9, 12);
    ei.birth_date = birth;
    ei.residence = p.residence;
    ei.many_needs_many_actors = true;
    ei.postcode = p.address.postcode;
    set_eligibility(c, {d(2016, 9, 12), check_eligibility(ei, policy, postcode_region({"60*", "65929"})), std::nullopt, std::nullopt}, policy);
    add_journal_entry(c, contact(d(2016, 9, 12), ContactKind::in_person, ContactTopic::counselling, true, "Samira, Schwägerin",
                                 "Erstgespräch; Einwilligung erklärt und unterschrieben"), policy);
    step("Intake: consent, master data, eligibility (R2, R3)");

    // ---- Screening (R6) and cooperation agreement (R5).
    Screening s;
    s.date = d(2016, 9, 19);
    s.residence = p.residence;
    using C = Criterion;
    for (C k : {C::newly_arrived, C::little_german, C::no_knowledge_of_support, C::no_school_certificate,
                C::no_vocational_orientation, C::no_vocational_qualification, C::stressful_housing, C::psychological_strain})
        s.answers.push_back({k, Answer::yes, true, {}});
    s.answers.push_back({C::problems_with_authorities, Answer::yes, true, "Antrag auf Aufenthaltserlaubnis steht an"});
    for (C k : {C::delinquency, C::debts}) s.answers.push_back({k, Answer::no, true, {}});
    s.answers.push_back({C::isolation, Answer::no, true, "Kontakt zur Schwägerin"});
    s.integration_at_risk_without_cm = true;
    record_screening(c, s, policy);
    decide_screening(c, {d(2016, 9, 19), true, std::nullopt}, policy);
    record_cooperation(c, {d(2016, 9, 19), true, AgreementForm::oral}, policy);
    add_journal_entry(c, contact(d(2016, 9, 19), ContactKind::in_person, ContactTopic::counselling, true, "Samira",
                                 "Screening; Information über die Zusammenarbeit, mündlich vereinbart"), policy);
    step("Screening: CM indicated and agreed (R5, R6)");

    start_case_management(c, d(2016, 9, 19), policy);
    const int young1[9] = {1, 2, 2, 2, 2, 1, 1, 1, 1};
    const int worker1[9] = {1, 1, 2, 3, 2, 1, 2, 1, 1};
    add_assessment(c, assessment(d(2016, 9, 26), young1, worker1, d(2017, 1, 12)), policy);
    add_journal_entry(c, contact(d(2016, 9, 26), ContactKind::in_person, ContactTopic::counselling, true, "Samira",
                                 "Ressourcenerhebung in neun Lebensbereichen"), policy);
    record_personal_tie(c, {PartnerCategory::family, "Sohn", {ContactMode::in_person}, std::nullopt}, d(2016, 9, 26), policy);  // R12
    step("Assessment: nine life areas, two perspectives (R7)");

    // ---- Planning (R9): 05.10.2016, JMD Frankfurt am Main.
    change_phase(c, Phase::planning, d(2016, 10, 5), policy);
    grant_release(c, release("REL-1", "Evang. Zentrum für Beratung und Therapie am Weißen Stein", "Anliegen und psychische Belastung",
                             "Vermittlung in Therapie", d(2016, 10, 5)), policy);
    grant_release(c, release("REL-2", "Flüchtlingssozialberatung in der Unterkunft", "Stand des Aufenthaltsverfahrens",
                             "Abstimmung zur Antragstellung", d(2016, 10, 5)), policy);
    grant_release(c, release("REL-3", "Jobcenter", "Stammdaten und Aufenthaltsstatus", "Antrag auf ALG II", d(2016, 10, 5)), policy);
    Plan v1;
    v1.date = d(2016, 10, 5);
    v1.office = std::string(samira_office);
    v1.goals = {goal_residence(), goal_stability(), goal_livelihood()};
    adopt_plan(c, v1, policy, &default_catalogue());
    add_journal_entry(c, contact(d(2016, 10, 5), ContactKind::in_person, ContactTopic::counselling, true, "Samira",
                                 "Integrationsförderplan vereinbart und ausgehändigt"), policy);
    step("Planning: integration support plan v1 with three goals (R9)");

    // ---- Implementation (R10): linking and monitoring.
    change_phase(c, Phase::implementation, d(2016, 10, 5), policy);
    refer(c, {d(2016, 10, 5), "Evang. Zentrum für Beratung und Therapie am Weißen Stein", "Therapieplatz", std::string("G2"), {}, {}}, policy);
    refer(c, {d(2016, 10, 12), "Flüchtlingssozialberatung in der Unterkunft", "Unterstützung beim Antrag", std::string("G1"), {}, {}}, policy);
    refer(c, {d(2016, 10, 14), "Jobcenter", "Leistungen nach dem SGB II", std::string("G3"), {}, {}}, policy);
    add_journal_entry(c, contact(d(2016, 10, 12), ContactKind::phone, ContactTopic::monitoring, false, "Flüchtlingssozialberatung",
                                 "Abstimmung Antrag Aufenthaltserlaubnis"), policy);
    add_journal_entry(c, contact(d(2016, 10, 12), ContactKind::in_person, ContactTopic::counselling, true, "Samira",
                                 "Antrag gemeinsam ausgefüllt; Frauenfrühstück begonnen"), policy);
    step("Implementation: linking under releases (R4, R10)");

    review_goal(c, review(d(2016, 10, 28), "G3", Achievement::achieved, ReviewConsequence::revise_plan, "Bezieht seit Ende Oktober ALG II"), policy);
    grant_release(c, release("REL-4", "Gemeinsame Wohnform für Mütter und Kinder", "Wohnsituation und Familienkonflikt",
                             "Aufnahme in die Wohnform", d(2016, 10, 28)), policy);
    Plan v2 = c.plans.back();
    v2.date = d(2016, 10, 28);
    v2.revision_reason = "Ziel 3 erreicht; Wohnen als neues Ziel";
    v2.goals.push_back(goal_housing());
    adopt_plan(c, v2, policy, &default_catalogue());
    change_phase(c, Phase::implementation, d(2016, 10, 28), policy);
    refer(c, {d(2016, 10, 28), "Gemeinsame Wohnform für Mütter und Kinder", "Platz in der Wohnform", std::string("G4"), {}, {}}, policy);
    add_journal_entry(c, contact(d(2016, 10, 28), ContactKind::in_person, ContactTopic::counselling, true, "Samira",
                                 "Zielüberprüfung; Wohnen als neues Ziel"), policy);
    step("Goal review and plan v2: livelihood secured, housing added (R1 loop, R9, R10)");

    review_goal(c, review(d(2016, 11, 7), "G4", Achievement::achieved, ReviewConsequence::continue_plan,
                          "Lebt seit Anfang November mit ihrem Sohn in der Gemeinsamen Wohnform"), policy);
    add_journal_entry(c, contact(d(2016, 11, 7), ContactKind::phone, ContactTopic::monitoring, true, "Samira", "Umzug erfolgt"), policy);
    review_goal(c, review(d(2016, 12, 2), "G2", Achievement::achieved, ReviewConsequence::revise_plan,
                          "Nutzt seit Anfang November therapeutische Gespräche"), policy);
    grant_release(c, release("REL-5", "Verein zur beruflichen Förderung von Frauen e.V.", "Sprachstand und Schulbildung",
                             "Aufnahme in die berufsorientierte Maßnahme", d(2016, 12, 2)), policy);
    Plan v3 = c.plans.back();
    v3.date = d(2016, 12, 2);
    v3.revision_reason = "Ziele 2 und 4 erreicht; Sprache und Ausbildung als neues Ziel";
    v3.goals.push_back(goal_language_training());
    adopt_plan(c, v3, policy, &default_catalogue());
    change_phase(c, Phase::implementation, d(2016, 12, 2), policy);
    refer(c, {d(2016, 12, 5), "Verein zur beruflichen Förderung von Frauen e.V.", "Berufsorientierte und sprachfördernde Maßnahme",
              std::string("G5"), {}, {}}, policy);
    add_journal_entry(c, contact(d(2016, 12, 2), ContactKind::in_person, ContactTopic::counselling, true, "Samira",
                                 "Stabilisierung erreicht; Sprache und Ausbildung geplant"), policy);
    step("Goal review and plan v3: stability reached, language and training added; supply gap (R9, R12)");

    review_goal(c, review(d(2016, 12, 20), "G1", Achievement::achieved, ReviewConsequence::continue_plan,
                          "Subsidiärer Schutz im Dezember 2016 zuerkannt"), policy);
    // December 2016: subsidiary protection granted (handbook), hence a residence permit
    // (§ 25 Abs. 2 AufenthG); the day is the review's, invented.
    MasterData protected_ = *c.person;
    protected_.residence = {ResidenceCategory::aufenthaltstitel, {}, true};
    set_person(c, protected_, d(2016, 12, 20), policy);
    const int young2[9] = {2, 2, 3, 3, 3, 4, 3, 3, 1};
    const int worker2[9] = {2, 2, 3, 3, 3, 4, 3, 3, 2};
    add_assessment(c, assessment(d(2017, 1, 12), young2, worker2, std::nullopt), policy);
    add_journal_entry(c, contact(d(2017, 1, 12), ContactKind::in_person, ContactTopic::counselling, true, "Samira",
                                 "Re-Assessment"), policy);
    step("Residence secured; planned re-assessment (R7, R10)");

    review_goal(c, review(d(2017, 3, 6), "G5", Achievement::achieved, ReviewConsequence::continue_plan,
                          "Besucht seit Anfang März die Maßnahme; Krippenplatz für den Sohn"), policy);
    add_journal_entry(c, contact(d(2017, 3, 6), ContactKind::phone, ContactTopic::monitoring, false, "Verein zur beruflichen Förderung",
                                 "Teilnahme bestätigt"), policy);
    add_journal_entry(c, contact(d(2017, 3, 15), ContactKind::in_person, ContactTopic::counselling, true, "Samira",
                                 "Abschlussgespräch: möchte es vorerst alleine versuchen"), policy);
    step("All goals reached");

    // ---- Closure phase, March 2017 (R11): the evaluation first, then the decision to end at
    // her own wish (the handbook's order).
    change_phase(c, Phase::closure, d(2017, 3, 15), policy);
    Evaluation ev;
    ev.date = d(2017, 3, 15);
    for (const char* g : {"G1", "G2", "G3", "G4", "G5"}) ev.goals.push_back({g, Achievement::achieved, {}});
    ev.life_situation_improved = true;
    ev.supply_gaps = {"Freier Krippenplatz", "Therapieplätze und Sprachförderung für Geflüchtete ohne Integrationskurs"};
    // R12: the two the case had not recorded yet (the nursery place was, with plan v3); the
    // areas and categories are read from the handbook's words, not stated by it.
    ev.gaps = {SupplyGap{d(2017, 3, 15), LifeArea::social_problems, std::nullopt, "Therapieplätze für Geflüchtete",
                         PartnerKind::case_specific, PartnerCategory::therapy_centre},
               SupplyGap{d(2017, 3, 15), LifeArea::language, std::nullopt, "Sprachförderung ohne Anspruch auf Integrationskurs",
                         PartnerKind::case_specific, PartnerCategory::language_course}};
    ev.satisfaction_measures = 5;
    ev.satisfaction_case_worker = 5;
    ev.general_satisfaction = 5;
    ev.course = 5;
    ev.results = 5;
    ev.expectations = 4;
    ev.mandate = 5;
    ev.remarks = "Sehr zufrieden mit allen Maßnahmen und mit der Case Managerin";
    record_evaluation(c, ev, policy);
    Closure cl;
    cl.date = d(2017, 3, 15);
    cl.reason = ClosureReason::ended_by_young_person;
    cl.remark = "Kann bei Bedarf das CM erneut aufnehmen; Kontakte aus der Frauengruppe weiter nutzen";
    close_case(c, cl, policy);
    step("Closure at her own wish and evaluation (R11)");
    return c;
}

std::vector<Partner> samira_network() {
    using K = PartnerKind;
    using C = PartnerCategory;
    using M = ContactMode;
    auto partner = [](std::string id, std::string name, K kind, C category, std::vector<LifeArea> areas,
                      std::vector<ContactMode> modes, Formalisation form, Date since, Date review) {
        Partner p;
        p.id = std::move(id);
        p.office = std::string(samira_office);
        p.name = std::move(name);
        p.kind = kind;
        p.category = category;
        p.region = "603";
        p.areas = std::move(areas);
        p.contact_modes = std::move(modes);
        p.formalisation = form;
        p.since = since;
        p.review_on = review;
        if (since < add_months(review, -12)) p.last_evaluated = add_months(review, -12);  // evaluated yearly since
        return p;
    };
    // The handbook's list of who was involved ("Fallbeispiel Samira ... auf der Systemebene"),
    // with its contact modes and, where it names one, its formalisation (the cooperation
    // agreement of the Jobcenter). Invented because the handbook is silent: the ids, the
    // dates since and of review, the region, the formalisation of the others (oral where it
    // names only phone or personal contact, minutes for meetings and working groups), and
    // the Arbeitskreis Migration (the handbook's "Arbeitskreis JMD" stands behind it).
    // Samira's sister-in-law is personal network and stays in the case, not in the registry.
    // Also invented: the days the office attended the Arbeitskreis and the BAMF's network
    // meetings in 2016, and the hand-over of 2016's bundled supply gaps to the BAMF's regional
    // coordination (the handbook asks for both on the system level, without dates).
    std::vector<Partner> network = {
        partner("P-THERAPY", "Evang. Zentrum für Beratung und Therapie am Weißen Stein", K::case_specific, C::therapy_centre,
                {LifeArea::social_problems}, {M::network_meeting, M::working_group, M::phone}, Formalisation::minutes,
                d(2015, 3, 1), d(2017, 3, 1)),
        partner("P-FSB", "Flüchtlingssozialberatung in der Unterkunft", K::case_specific, C::counselling_service,
                {LifeArea::everyday_life}, {M::phone}, Formalisation::oral, d(2016, 1, 15), d(2017, 1, 15)),
        partner("P-JC", "Jobcenter", K::case_specific, C::job_centre, {LifeArea::finances, LifeArea::occupation},
                {M::round_table, M::phone, M::in_person}, Formalisation::written_agreement, d(2014, 6, 1), d(2017, 6, 1)),
        partner("P-SOZ", "Sozialamt", K::case_specific, C::social_welfare_office, {LifeArea::finances, LifeArea::housing},
                {M::phone, M::in_person}, Formalisation::oral, d(2014, 6, 1), d(2017, 6, 1)),
        partner("P-ABH", "Ausländerbehörde", K::case_specific, C::foreigners_authority, {LifeArea::everyday_life},
                {M::phone, M::in_person}, Formalisation::oral, d(2014, 6, 1), d(2017, 6, 1)),
        partner("P-FAMG", "Familiengericht", K::case_specific, C::family_court, {LifeArea::relationships},
                {M::written}, Formalisation::oral, d(2016, 10, 1), d(2017, 10, 1)),
        partner("P-WOHN", "Gemeinsame Wohnform für Mütter und Kinder", K::case_specific, C::supported_housing,
                {LifeArea::housing}, {M::working_group, M::phone, M::in_person, M::network_meeting}, Formalisation::minutes,
                d(2016, 10, 28), d(2017, 10, 28)),
        partner("P-TOTR", "Teachers on the Road", K::case_specific, C::volunteer_project, {LifeArea::language},
                {M::working_group, M::in_person, M::network_meeting}, Formalisation::minutes, d(2016, 12, 5), d(2017, 12, 5)),
        partner("P-VBFF", "Verein zur beruflichen Förderung von Frauen e.V.", K::case_specific, C::language_course,
                {LifeArea::language, LifeArea::occupation}, {M::network_meeting, M::phone, M::in_person}, Formalisation::minutes,
                d(2016, 12, 5), d(2017, 12, 5)),
        partner("P-KRIPPE", "Kinderkrippen (diverse)", K::case_specific, C::childcare, {LifeArea::everyday_life},
                {M::phone}, Formalisation::oral, d(2016, 12, 5), d(2017, 12, 5)),
        partner("P-BAMF", "Bundesamt für Migration und Flüchtlinge, Regionalkoordination", K::non_case_specific, C::bamf, {},
                {M::network_meeting}, Formalisation::minutes, d(2012, 1, 1), d(2017, 2, 1)),
        partner("P-AK-MIG", "Arbeitskreis Migration Frankfurt", K::non_case_specific, C::other, {},
                {M::working_group, M::round_table}, Formalisation::minutes, d(2012, 1, 1), d(2017, 2, 1)),
    };
    for (auto& p : network) {
        if (p.id == "P-AK-MIG") p.attended = {d(2016, 3, 9), d(2016, 9, 14)};
        if (p.id == "P-BAMF") {
            p.attended = {d(2016, 6, 22)};
            p.gaps_passed_on = {{d(2017, 1, 9), d(2016, 1, 1), d(2016, 12, 31)}};
        }
    }
    return network;
}

}  // namespace jmdcm::example
