// R8 the handbook's goal catalogue, and validation of a host's replacement.
#include "jmdcm/catalogue.hpp"

#include <set>

namespace jmdcm {

namespace {
Catalogue make_default() {
    using A = LifeArea;
    Catalogue c;
    c.goals = {
        {"residence.clarify_secure", std::nullopt, "Klärung und ggf. Sicherung des Aufenthalts", "Clarify and, where needed, secure residence status"},
        {"language.build_motivation", A::language, "Motivationsaufbau", "Build motivation"},
        {"language.keep_motivation", A::language, "Motivationserhalt", "Keep motivation"},
        {"language.acquire_german", A::language, "Erwerb der deutschen Sprache", "Acquire German"},
        {"language.improve_german", A::language, "Verbesserung der deutschen Sprachkenntnisse", "Improve German"},
        {"occupation.build_motivation", A::occupation, "Motivationsaufbau", "Build motivation"},
        {"occupation.keep_motivation", A::occupation, "Motivationserhalt", "Keep motivation"},
        {"occupation.better_school_results", A::occupation, "Verbesserung der schulischen Leistungen", "Better school results"},
        {"occupation.return_to_school", A::occupation, "Wiederaufnahme des Schulbesuchs", "Return to school"},
        {"occupation.school_certificate", A::occupation, "Schulabschluss", "School certificate"},
        {"occupation.better_qualification", A::occupation, "Verbesserung der beruflichen Qualifizierung", "Better vocational qualification"},
        {"occupation.prepare_working_life", A::occupation, "Adäquate Vorbereitung auf das Erwerbsleben", "Adequate preparation for working life"},
        {"occupation.enter_working_life", A::occupation, "Eingliederung in das Erwerbsleben", "Entry into working life"},
        {"relationships.better_partnership", A::relationships, "Verbesserung der partnerschaftlichen Beziehung", "Better partnership"},
        {"relationships.better_family", A::relationships, "Verbesserung der familiären Situation", "Better family situation"},
        {"relationships.stable", A::relationships, "Stabile partnerschaftliche Beziehung/familiäre Situation", "Stable partnership or family situation"},
        {"relationships.social_integration", A::relationships, "Soziale „Integration“", "Social integration"},
        {"leisure.better_social_skills", A::leisure, "Verbesserung der sozialen Kompetenzen („Alltagstugenden“)", "Better social skills"},
        {"leisure.social_competence", A::leisure, "Erreichung sozialer Kompetenz", "Social competence reached"},
        {"leisure.knows_offers", A::leisure, "Kenntnis über Freizeit- und Fortbildungsangebote", "Knows leisure and further-training offers"},
        {"everyday.authorities", A::everyday_life, "Kompetenzerwerb/-zuwachs im Umgang mit Behörden und Ämtern", "Competence in dealing with authorities"},
        {"everyday.knows_support", A::everyday_life, "Kenntnis über Unterstützungsmöglichkeiten", "Knows support options"},
        {"everyday.uses_support", A::everyday_life, "Nutzung von Unterstützungsmöglichkeiten", "Uses support options"},
        {"housing.better", A::housing, "Verbesserung der Wohnsituation", "Better housing situation"},
        {"housing.secured", A::housing, "Sicherung der Wohnsituation", "Secured housing"},
        {"social.legal_system", A::social_problems, "Kenntnis über das deutsche Rechtssystem", "Knows the German legal system"},
        {"social.coping", A::social_problems, "Kompetenzerwerb/-erweiterung im Umgang mit belastenden Lebenssituationen", "Copes better with stressful situations"},
        {"finances.better", A::finances, "Verbesserung der finanziellen Situation", "Better financial situation"},
        {"finances.money_handling", A::finances, "Verbesserung/Transparenz im Umgang mit Geld", "Better, transparent money handling"},
        {"finances.secured", A::finances, "Sicherung der finanziellen Situation", "Secured financial situation"},
        {"political.participation", A::political_participation, "Kenntniszuwachs über politische Beteiligungsmöglichkeiten", "Knows ways to participate politically"},
    };
    return c;
}
}  // namespace

const Catalogue& default_catalogue() {
    static const Catalogue c = make_default();
    return c;
}

void validate(const Catalogue& c) {
    if (c.goals.empty()) fail(errc::catalogue_invalid, "R8", "$.goals", "the catalogue has no goals");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < c.goals.size(); ++i) {
        const auto& g = c.goals[i];
        const std::string at = "$.goals[" + std::to_string(i) + "]";
        if (is_blank(g.id)) fail(errc::catalogue_invalid, "R8", at + ".id", "a catalogue goal needs an id");
        if (!ids.insert(g.id).second) fail(errc::catalogue_invalid, "R8", at + ".id", "duplicate goal id '" + g.id + "'");
        if (is_blank(g.label_de) && is_blank(g.label_en))
            fail(errc::catalogue_invalid, "R8", at + ".label_de", "goal '" + g.id + "' has no label");
    }
}

Catalogue load_catalogue(std::string_view json_text, json::ReadOptions opts) {
    Catalogue c = json::from_string<Catalogue>(json_text, opts);
    validate(c);
    return c;
}

}  // namespace jmdcm
