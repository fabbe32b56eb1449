// German, English and plain German wording of the documents. The German terms follow the
// handbook (Integrationsförderplan, Wiedervorlage, Teilziele).
#include "texts.hpp"

namespace jmdcm::render {
namespace {

const Texts german{
    .lang = "de",
    .plan_title = "Integrationsförderplan",
    .plan_subtitle = "zugleich Integrationsvereinbarung",
    .office = "Dienststelle", .date = "Datum", .version = "Fassung", .case_id = "Fall", .young_person = "Junger Mensch",
    .born = "geboren am",
    .goal = "Ziel", .priority = "Priorität", .area = "Lebensbereich", .motto = "Mottoziel", .measures = "Maßnahmen",
    .indicator = "Indikator: Woran erkennen wir, dass das Ziel erreicht ist?", .sub_goals = "Teilziele",
    .tasks = "Aufgaben", .who = "Wer", .what = "Was", .when = "Bis wann",
    .institutions = "Beteiligte Institutionen", .target_date = "Zieldatum", .review_date = "Wiedervorlage",
    .offer = "Passendes Angebot vorhanden?", .offer_yes = "ja", .offer_no = "nein", .missing = "Es fehlt",
    .due_by = "bis", .from = "ab", .ongoing = "laufend", .done = "erledigt",
    .signatures = "Unterschriften", .signature_young_person = "Junger Mensch",
    .signature_case_worker = "Fachkraft des Jugendmigrationsdienstes",
    .agreement_note = "Wir haben diese Ziele gemeinsam vereinbart. Wir überprüfen sie zum Termin der Wiedervorlage.",
    .evaluation_title = "Auswertung der Zusammenarbeit", .closure = "Beendigung", .reason = "Grund",
    .by_consensus = "im Einvernehmen", .goals_reached = "Ziele", .life_situation_improved = "Lebenssituation verbessert",
    .yes = "ja", .no = "nein", .not_said = "keine Angabe", .supply_gaps = "Fehlende Angebote", .ratings = "Bewertung",
    .scale_note = "Skala", .follow_up = "Nachgespräch geplant am",
    .chart_title = "Ressourcenerhebung", .chart_scale = "Skala",
    .areas = {"Sprache", "Beruf, Ausbildung, Arbeit, Schule", "Persönliche und soziale Beziehungen",
              "Freizeit und Tagesstruktur", "Alltagsbewältigung", "Wohnen", "Soziale Probleme", "Finanzielle Situation",
              "Politische Rechte und Teilhabe"},
    .parties = {"Junger Mensch", "JMD", "Andere Institution"},
    .achievements = {"erreicht", "teilweise erreicht", "nicht erreicht", "aufgegeben"},
    .reasons = {"Ziele erreicht", "Beendigung durch den jungen Menschen", "fehlende Mitwirkung", "strukturelle Hindernisse",
                "kein Kontakt seit neun Monaten", "Schließung der Dienststelle"},
    .perspectives = {"Junger Mensch", "Fachkraft", "Dritte"},
    .dimensions = {"Zufriedenheit mit den Maßnahmen", "Zufriedenheit mit der Fachkraft",
                   "Allgemeine Zufriedenheit (Atmosphäre, Erreichbarkeit, Schnelligkeit)", "Verlauf der Beratung",
                   "Ergebnisse", "Erfüllung der Erwartungen", "Erfüllung des Auftrags (Vermittlung)"},
};

const Texts english{
    .lang = "en",
    .plan_title = "Integration support plan",
    .plan_subtitle = "also the integration agreement",
    .office = "Office", .date = "Date", .version = "Version", .case_id = "Case", .young_person = "Young person",
    .born = "born",
    .goal = "Goal", .priority = "Priority", .area = "Life area", .motto = "Motto goal", .measures = "Measures",
    .indicator = "Indicator: how we see that the goal is reached", .sub_goals = "Sub-goals",
    .tasks = "Tasks", .who = "Who", .what = "What", .when = "When",
    .institutions = "Institutions involved", .target_date = "Target date", .review_date = "Review date",
    .offer = "Suitable offer available?", .offer_yes = "yes", .offer_no = "no", .missing = "Missing",
    .due_by = "by", .from = "from", .ongoing = "ongoing", .done = "done",
    .signatures = "Signatures", .signature_young_person = "Young person",
    .signature_case_worker = "Case worker of the youth migration service",
    .agreement_note = "We agreed on these goals together. We will review them on the review date.",
    .evaluation_title = "Evaluation of the case management", .closure = "Closure", .reason = "Reason",
    .by_consensus = "by consensus", .goals_reached = "Goals", .life_situation_improved = "Life situation improved",
    .yes = "yes", .no = "no", .not_said = "not stated", .supply_gaps = "Missing offers", .ratings = "Ratings",
    .scale_note = "Scale", .follow_up = "Follow-up talk planned on",
    .chart_title = "Assessment", .chart_scale = "Scale",
    .areas = {"Language", "Occupation, training, work, school", "Personal and social relationships",
              "Leisure and daily structure", "Coping with everyday life", "Housing", "Social problems",
              "Financial situation", "Political rights and participation"},
    .parties = {"Young person", "JMD", "Other institution"},
    .achievements = {"achieved", "partly achieved", "not achieved", "dropped"},
    .reasons = {"goals reached", "ended by the young person", "lack of cooperation", "structural obstacles",
                "no contact for nine months", "office closed"},
    .perspectives = {"Young person", "Case worker", "Third party"},
    .dimensions = {"Satisfaction with the measures", "Satisfaction with the case worker",
                   "General satisfaction (atmosphere, reachability, speed)", "Course of the counselling", "Results",
                   "Expectations fulfilled", "Mandate fulfilled (brokering)"},
};

// Einfache Sprache: short words, one idea per line, "du" as the young person is addressed.
const Texts plain{
    .lang = "de",
    .plan_title = "Dein Plan",
    .plan_subtitle = "Das wollen wir zusammen schaffen",
    .office = "Beratungsstelle", .date = "Datum", .version = "Fassung", .case_id = "Nummer", .young_person = "Name",
    .born = "Geburtstag",
    .goal = "Ziel", .priority = "Wichtigkeit", .area = "Thema", .motto = "Dein Motto", .measures = "So machen wir das",
    .indicator = "Daran sehen wir: Das Ziel ist geschafft", .sub_goals = "Kleine Schritte",
    .tasks = "Wer macht was?", .who = "Wer", .what = "Was", .when = "Wann",
    .institutions = "Wer hilft noch mit", .target_date = "Geschafft bis", .review_date = "Wir sprechen wieder darüber am",
    .offer = "Gibt es ein passendes Angebot?", .offer_yes = "ja", .offer_no = "nein", .missing = "Das fehlt noch",
    .due_by = "bis", .from = "ab", .ongoing = "immer wieder", .done = "fertig",
    .signatures = "Unterschriften", .signature_young_person = "Du",
    .signature_case_worker = "Deine Beraterin oder dein Berater",
    .agreement_note = "Wir haben diese Ziele zusammen ausgemacht. Am Termin sprechen wir wieder darüber.",
    .evaluation_title = "Wie war die Beratung?", .closure = "Ende der Beratung", .reason = "Warum",
    .by_consensus = "zusammen entschieden", .goals_reached = "Deine Ziele", .life_situation_improved = "Geht es dir jetzt besser?",
    .yes = "ja", .no = "nein", .not_said = "nicht gesagt", .supply_gaps = "Diese Hilfe hat gefehlt", .ratings = "Deine Noten",
    .scale_note = "Von", .follow_up = "Wir treffen uns noch einmal am",
    .chart_title = "Was du schon kannst", .chart_scale = "Von",
    .areas = {"Deutsch", "Schule, Ausbildung, Arbeit", "Familie und Freunde", "Freizeit und Tagesablauf", "Alltag",
              "Wohnen", "Sorgen und Probleme", "Geld", "Mitbestimmen"},
    .parties = {"Du", "Beratungsstelle", "Andere Stelle"},
    .achievements = {"geschafft", "zum Teil geschafft", "nicht geschafft", "aufgehört"},
    .reasons = {"Ziele geschafft", "Du wolltest aufhören", "Du hast nicht mitgemacht", "Es gab keine passende Hilfe",
                "Wir hatten lange keinen Kontakt", "Die Beratungsstelle ist zu"},
    .perspectives = {"Du", "Beratung", "Andere"},
    .dimensions = {"Die Hilfen", "Deine Beraterin oder dein Berater", "Stimmung, Erreichbarkeit, Tempo",
                   "Die Beratung", "Was dabei herauskam", "Was du erwartet hast", "Vermittlung zu anderen Stellen"},
};

}  // namespace

const Texts& texts(Language l) {
    switch (l) {
    case Language::en: return english;
    case Language::plain: return plain;
    case Language::de: break;
    }
    return german;
}

}  // namespace jmdcm::render
