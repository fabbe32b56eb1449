// The synthetic population. Proportions are plausible, not measured: about a tenth end
// after intake, a tenth are counselling cases after screening, the rest go into CM and
// most of those are closed by the generation horizon. What drives the outcomes is the
// invented PopulationStructure (issue 20): obstacles, life areas, residence and the two
// perspectives' ratings, each with a documented default a researcher can change.
#include "jmdcm/synthetic.hpp"

#include "jmdcm/catalogue.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace jmdcm {

namespace {

// splitmix64: tiny, well known, and identical on every platform (std distributions are not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(int percent) { return below(100) < percent; }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& a) { return a[static_cast<std::size_t>(below(static_cast<int>(N)))]; }

private:
    std::uint64_t s_;
};

constexpr std::array<const char*, 16> syllables = {"ka", "lo", "mi", "ra", "te", "su", "na", "vi",
                                                   "do", "re", "sha", "ul", "be", "zor", "ani", "qu"};

std::string invented_name(Rng& r, int parts) {
    std::string s;
    for (int i = 0; i < parts; ++i) s += r.pick(syllables);
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

Date later(Date d, Rng& r, int lo, int hi) { return d + boost::gregorian::days(r.between(lo, hi)); }

JournalEntry talk(Date on, Rng& r) {
    constexpr std::array<ContactKind, 3> kinds = {ContactKind::in_person, ContactKind::phone, ContactKind::email};
    return {on, r.pick(kinds), ContactTopic::counselling, true, "Jugendliche*r", "Beratungsgespräch"};
}

const AreaStructure& area_of(const PopulationStructure& st, std::optional<LifeArea> area) {
    static const AreaStructure neutral;
    if (!area) return neutral;
    for (const auto& a : st.areas)
        if (a.area == *area) return a;
    return neutral;
}

int clamp_percent(int p) { return std::clamp(p, 2, 98); }

}  // namespace

std::vector<AreaStructure> PopulationStructure::default_areas() {
    using L = LifeArea;
    using P = PartnerCategory;
    return {
        {L::language, 5, 25, P::language_course, "Sprachkurs für junge Menschen ohne Anspruch auf einen Integrationskurs"},
        {L::occupation, 25, 15, P::job_centre, "keine passende Ausbildungs- oder Arbeitsstelle in der Region"},
        {L::relationships, 5, 5, P::counselling_service, "Familienberatung mit Wartezeit"},
        {L::leisure, -15, 5, P::volunteer_project, "kein erreichbares Freizeitangebot"},
        {L::everyday_life, 10, 20, P::childcare, "kein Kinderbetreuungsplatz"},
        {L::housing, 25, 20, P::supported_housing, "kein bezahlbarer Wohnraum"},
        {L::social_problems, 15, 10, P::therapy_centre, "Therapieplatz mit langer Wartezeit"},
        {L::finances, 15, 5, P::counselling_service, "Schuldnerberatung ausgelastet"},
        {L::political_participation, 0, 5, P::volunteer_project, "kein Beteiligungsangebot"},
    };
}

void validate(const PopulationStructure& s) {
    const auto percent = [](int v, const std::string& field) {
        if (v < 0 || v > 100) fail(errc::invalid_argument, "", "structure." + field, field + " is a chance in points: 0..100");
    };
    percent(s.achieved_percent, "achieved_percent");
    percent(s.per_obstacle, "per_obstacle");
    percent(s.duldung, "duldung");
    percent(s.dropout_percent, "dropout_percent");
    if (s.first_rating_gap < -4 || s.first_rating_gap > 4)
        fail(errc::invalid_argument, "", "structure.first_rating_gap", "first_rating_gap is a difference on the rating scale: -4..4");
    for (std::size_t i = 0; i < s.areas.size(); ++i) {
        const std::string at = "areas[" + std::to_string(i) + "]";
        percent(s.areas[i].gap_percent, at + ".gap_percent");
        if (s.areas[i].difficulty < -100 || s.areas[i].difficulty > 100)
            fail(errc::invalid_argument, "", "structure." + at + ".difficulty", "difficulty is points of 100: -100..100");
        for (std::size_t j = 0; j < i; ++j)
            if (s.areas[j].area == s.areas[i].area)
                fail(errc::invalid_argument, "", "structure." + at + ".area",
                     "life area '" + reflect::enum_name(s.areas[i].area) + "' is named twice");
    }
}

Case synthetic_case(const SyntheticOptions& o, std::uint64_t index, const Policy& policy) {
    validate(o.structure);   // a host's structure document: refused, naming the member, before any case is made
    Rng r(o.seed * 0x9E3779B97F4A7C15ull ^ (index + 1) * 0xD1B54A32D192ED03ull);
    char id[32], worker[16];
    std::snprintf(id, sizeof id, "SYN-%08llu", static_cast<unsigned long long>(index));
    std::snprintf(worker, sizeof worker, "fk-%02d", 1 + r.below(o.case_workers));
    Date t = o.first_day + boost::gregorian::days(r.below(o.span_days));
    Case c = open_case(id, o.office, worker, t);

    // ---- intake (R2, R3)
    const int age = r.between(policy.min_age, policy.max_age);
    const Date birth = add_months(t, -(age * 12 + r.below(12))) - boost::gregorian::days(r.below(28));
    DataConsent consent;
    consent.given_on = t;
    consent.form_language = r.pick(std::array<const char*, 5>{"de", "ar", "fa", "ti", "uk"});
    consent.form_version = policy.consent_form_version.value_or("2018-01");
    consent.text_sha256 = "7db886f15325eb9bad07defb33177fb41ff86e0d3ebbb8117a222fd02f9a1f15";
    consent.purpose = "Beratung und Case Management";
    consent.consequences_explained = true;
    if (policy.guardian_consent_below_age && age_on(birth, t) < *policy.guardian_consent_below_age) {
        // R3: who consented, by role; drawn from the birth day so the random stream stays as it was
        // (a guardian appointed for an unaccompanied minor, else the parents or the mother)
        const int kind = int(birth.day()) % 4;
        consent.guardians = {{kind == 0 ? GuardianRole::legal_guardian : GuardianRole::mother, t}};
        if (kind == 1) consent.guardians.push_back({GuardianRole::father, t});
        consent.guardian_consent_on = t;
    }
    record_consent(c, consent, birth, policy);

    MasterData p;
    p.given_name = invented_name(r, 2);
    p.family_name = invented_name(r, 3);
    p.birth_date = birth;
    p.gender = r.pick(std::array<Gender, 4>{Gender::female, Gender::male, Gender::diverse, Gender::not_stated});
    p.country_of_origin = r.pick(std::array<const char*, 6>{"Syrien", "Afghanistan", "Eritrea", "Ukraine", "Irak", "Türkei"});
    char postcode[8];
    std::snprintf(postcode, sizeof postcode, "%05d", r.between(1067, 99998));
    p.address = {"Synthetische Straße " + std::to_string(r.between(1, 120)), postcode, "Synthstadt"};
    p.residence.category = r.pick(std::array<ResidenceCategory, 4>{ResidenceCategory::duldung, ResidenceCategory::aufenthaltsgestattung,
                                                                   ResidenceCategory::aufenthaltstitel, ResidenceCategory::aufenthaltstitel});
    set_person(c, p, t, policy);
    record_intake(c, {t, {t}, "Anliegen", "Erwartungen", t}, t, policy);
    // R2: eligible by construction (age in range, any residence, many needs, the office's region is everywhere)
    const EligibilityInput eligibility{t, birth, p.residence, true, std::nullopt, p.address.postcode};
    set_eligibility(c, {t, check_eligibility(eligibility, policy, [](std::string_view) { return true; }), std::nullopt, std::nullopt}, policy);
    add_journal_entry(c, talk(t, r), policy);
    if (r.chance(10)) return c;  // stays at intake

    // ---- screening (R6), cooperation (R5)
    t = later(t, r, 3, 20);
    Screening s;
    s.date = t;
    s.residence = p.residence;
    const int yes = r.between(1, 10);
    for (int k = 0; k < 12; ++k) s.answers.push_back({static_cast<Criterion>(k), k < yes ? Answer::yes : Answer::no, true, {}});
    s.integration_at_risk_without_cm = r.chance(85);
    record_screening(c, s, policy);
    const bool indicated = screening_recommendation(*c.screening, policy).indicated;
    const bool against = r.chance(5);
    decide_screening(c, {t, indicated != against, against ? std::optional<FreeText>("fachliche Einschätzung") : std::nullopt}, policy);
    add_journal_entry(c, talk(t, r), policy);
    if (c.kind == CaseKind::counselling) return c;
    record_cooperation(c, {t, r.chance(92), AgreementForm::oral}, policy);
    if (c.kind == CaseKind::counselling) return c;
    start_case_management(c, t, policy);

    // ---- assessment (R7): the worker's view per area, and the young person's above it by
    // first_rating_gap at first, the gap halving at each re-assessment (issue 20)
    const PopulationStructure& st = o.structure;
    const int obstacles = yes;
    const bool duldung = p.residence.category == ResidenceCategory::duldung;
    std::array<int, 9> worker_view{};
    int round = 0;
    auto assess = [&](Date on, const std::array<int, 9>& lift) {
        Assessment a;
        a.date = on;
        a.reassessment_planned = add_months(on, 4);
        const int gap = st.first_rating_gap / (1 << std::min(round, 8));
        const auto on_scale = [&](int v) { return std::min(policy.scale_max, std::max(policy.scale_min, v)); };
        for (int area = 0; area < 9; ++area) {
            if (round == 0) {
                const bool hard = area_of(st, static_cast<LifeArea>(area)).difficulty >= 20;
                worker_view[area] = r.between(1, 3) - (hard && r.chance(50) ? 1 : 0);
            } else {
                worker_view[area] += lift[area];
            }
            const int noise = r.chance(30) ? (r.chance(50) ? 1 : -1) : 0;
            a.ratings.push_back({static_cast<LifeArea>(area), Perspective::young_person, "", on_scale(worker_view[area] + gap + noise), {}, {}, {}});
            a.ratings.push_back({static_cast<LifeArea>(area), Perspective::case_worker, "", on_scale(worker_view[area]), {}, {}, {}});
        }
        add_assessment(c, a, policy);
        ++round;
    };
    assess(t, {});
    if (r.chance(8)) return c;  // assessed, planning pending

    // ---- plan (R9) and linking (R4, R10); a goal finds no offer as often as its area says (R12)
    change_phase(c, Phase::planning, t, policy);
    const auto& cat = catalogue_of(policy);   // R8: a host's catalogue when its policy has one
    Plan plan;
    plan.date = later(t, r, 1, 14);
    plan.office = o.office;
    const int goals = r.between(1, policy.active_goal_limit);
    for (int g = 0; g < goals; ++g) {
        const CatalogueGoal& cg = cat.goals[static_cast<std::size_t>(r.below(static_cast<int>(cat.goals.size())))];
        Goal goal;
        goal.id = "G" + std::to_string(g + 1);
        goal.catalogue_id = cg.id;
        goal.area = cg.area;
        goal.priority = g + 1;
        goal.text = is_blank(cg.label_de) ? cg.label_en : cg.label_de;   // a host catalogue may label in English only
        goal.measures = "Begleitung und Vermittlung";
        goal.indicator = "vereinbarter Nachweis liegt vor";
        goal.sub_goals = {"erster Schritt"};
        Task task;
        task.description = "Termin wahrnehmen";
        task.party = r.chance(50) ? Party::young_person : Party::jmd;
        task.date = later(plan.date, r, 7, 40);
        goal.tasks = {task};
        goal.review_date = later(plan.date, r, 60, 120);
        const AreaStructure& area = area_of(st, goal.area);
        goal.offer_available = !r.chance(area.gap_percent);
        if (!goal.offer_available) goal.gap = area.gap.empty() ? "kein passendes Angebot in der Region" : area.gap;
        plan.goals.push_back(std::move(goal));
    }
    t = plan.date;
    adopt_plan(c, plan, policy, &cat);
    change_phase(c, Phase::implementation, t, policy);
    for (const auto& goal : c.plans.back().goals) {
        if (goal.offer_available) continue;
        record_supply_gap(c, {t, goal.area, goal.id, goal.gap, PartnerKind::case_specific, area_of(st, goal.area).missing}, policy);
    }
    if (r.chance(60)) {
        Release rel;
        rel.id = "REL-1";
        rel.recipient = r.pick(std::array<const char*, 5>{"Jobcenter", "Ausländerbehörde", "Sprachkursträger", "Schule", "Beratungsstelle"});
        rel.information = "Stammdaten";
        rel.purpose = "Vermittlung";
        rel.written = true;
        rel.granted_on = t;
        if (consent.guardian_consent_on && age_on(birth, t) < policy.guardian_consent_below_age.value_or(0)) rel.guardian_signed_on = t;
        grant_release(c, rel, policy);
        refer(c, {t, rel.recipient, "Angebot", std::string("G1"), {}, {}}, policy);
    }

    // ---- implementation: contacts, reviews, a re-assessment. Obstacles make ending early
    // likelier; a case that ends early has fewer contacts and reaches less (issue 20).
    const bool drops_out = r.chance(clamp_percent(st.dropout_percent + st.per_obstacle * (obstacles - 6)));
    const int contacts = drops_out ? r.between(1, 3) : r.between(3, 12);
    for (int k = 0; k < contacts; ++k) {
        t = later(t, r, 7, 45);
        add_journal_entry(c, talk(t, r), policy);
    }
    std::array<int, 9> lift{};
    int achieved = 0;
    for (const auto& goal : c.plans.back().goals) {
        int chance = st.achieved_percent - area_of(st, goal.area).difficulty - st.per_obstacle * (obstacles - 6) - (duldung ? st.duldung : 0);
        if (drops_out) chance /= 2;
        Achievement outcome = Achievement::achieved;
        if (!r.chance(clamp_percent(chance))) {
            const int roll = r.below(100);
            outcome = roll < 45 ? Achievement::partly : roll < 80 ? Achievement::not_achieved : Achievement::dropped;
        }
        achieved += outcome == Achievement::achieved;
        if (goal.area) {
            int& l = lift[static_cast<std::size_t>(*goal.area)];
            l = std::max(l, outcome == Achievement::achieved ? 2 : outcome == Achievement::partly ? 1 : 0);
        }
        review_goal(c, {t, goal.id, outcome, ReviewConsequence::continue_plan, {}}, policy);
    }
    if (!drops_out && r.chance(60)) {
        for (auto& l : lift) l = l == 0 && r.chance(25) ? 1 : l;   // some movement where no goal was set
        assess(later(t, r, 1, 10), lift);
        t = c.assessments.back().date;
    }
    if (!drops_out && r.chance(30)) return c;  // still running

    // ---- closure (R11) and evaluation
    Closure cl;
    const bool gaps_met = !c.supply_gaps.empty();
    if (drops_out) cl.reason = r.chance(60) ? ClosureReason::ended_by_young_person : ClosureReason::no_contact;
    else if (2 * achieved >= static_cast<int>(c.plans.back().goals.size())) cl.reason = ClosureReason::goals_reached;
    else if ((duldung || gaps_met) && r.chance(60)) cl.reason = ClosureReason::structural_obstacles;
    else cl.reason = r.chance(50) ? ClosureReason::lack_of_cooperation : ClosureReason::ended_by_young_person;
    cl.date = cl.reason == ClosureReason::no_contact ? add_months(t, policy.anonymise_after_months) + boost::gregorian::days(r.below(30))
                                                     : later(t, r, 1, 30);
    cl.by_consensus = cl.reason != ClosureReason::lack_of_cooperation && cl.reason != ClosureReason::no_contact;
    if (cl.reason == ClosureReason::structural_obstacles && c.supply_gaps.empty()) {
        // a Duldung without a recorded gap: the barrier is the status itself
        record_supply_gap(c, {t, LifeArea::occupation, std::nullopt, "kein Zugang zu Ausbildung oder Arbeit mit Duldung",
                              PartnerKind::case_specific, PartnerCategory::foreigners_authority}, policy);
    }
    close_case(c, cl, policy);
    if (!is_anonymised(c)) {
        Evaluation ev;
        ev.date = cl.date;
        for (const auto& goal : c.plans.back().goals) ev.goals.push_back({goal.id, latest_achievement(c, goal.id).value_or(Achievement::partly), {}});
        const int goals_set = static_cast<int>(c.plans.back().goals.size());
        ev.life_situation_improved = r.chance(30 + 60 * achieved / std::max(1, goals_set));   // follows what was reached
        ev.satisfaction_measures = r.between(policy.scale_min + 1, policy.scale_max);
        ev.satisfaction_case_worker = r.between(policy.scale_min + 1, policy.scale_max);
        ev.general_satisfaction = r.between(policy.scale_min, policy.scale_max);
        ev.course = r.between(policy.scale_min, policy.scale_max);
        ev.results = r.between(policy.scale_min, policy.scale_max);
        ev.expectations = r.between(policy.scale_min, policy.scale_max);
        ev.mandate = r.between(policy.scale_min, policy.scale_max);
        record_evaluation(c, ev, policy);
    }
    return c;
}

}  // namespace jmdcm
