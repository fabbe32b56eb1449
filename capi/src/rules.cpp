// jmdcm_rule_evaluate: the pure rule functions of the core, by name. Nothing is stored
// and no case is changed (reopen_as_new_case returns both documents for the host to save).
#include "dispatch.hpp"

#include "jmdcm/json_schema.hpp"

#include <functional>

namespace jmdcm::capi {
namespace {

struct NoInput {};  // rules that read only the policy
BOOST_DESCRIBE_STRUCT(NoInput, (), ())

struct OpenInput {
    std::string id;
    std::string office;
    std::string case_worker;
    Date opened;
    std::optional<CaseKind> kind;   // CM unless said otherwise
};
BOOST_DESCRIBE_STRUCT(OpenInput, (), (id, office, case_worker, opened, kind))
struct EligibilityQuestion {
    EligibilityInput person;
    std::vector<std::string> region;   // the office's postcodes or prefixes ("603*")
};
BOOST_DESCRIBE_STRUCT(EligibilityQuestion, (), (person, region))
struct AssessmentPair { Assessment before; Assessment after; };
BOOST_DESCRIBE_STRUCT(AssessmentPair, (), (before, after))
struct PlanQuestion { Plan plan; std::vector<std::string> concluded; };
BOOST_DESCRIBE_STRUCT(PlanQuestion, (), (plan, concluded))
struct GateQuestion { Case case_; Phase to = Phase::intake; Date on; };
BOOST_DESCRIBE_STRUCT(GateQuestion, (), (case_, to, on))
struct CaseOn { Case case_; Date on; };
BOOST_DESCRIBE_STRUCT(CaseOn, (), (case_, on))
struct ReopenInput { Case case_; std::string new_id; Date on; };
BOOST_DESCRIBE_STRUCT(ReopenInput, (), (case_, new_id, on))
struct Reopened { Case previous; Case reopened; };
BOOST_DESCRIBE_STRUCT(Reopened, (), (previous, reopened))

struct StatisticsInput { std::vector<Case> cases; Date on; std::optional<int> min_cell; };
BOOST_DESCRIBE_STRUCT(StatisticsInput, (), (cases, on, min_cell))

struct GasInput { std::vector<GasScore> scores; std::optional<double> rho; };
BOOST_DESCRIBE_STRUCT(GasInput, (), (scores, rho))
struct GasResult { double t_score = 50; std::vector<GasScore> scores; };
BOOST_DESCRIBE_STRUCT(GasResult, (), (t_score, scores))

struct NetworkInput { std::vector<Partner> partners; std::vector<Case> cases; Date on; };
BOOST_DESCRIBE_STRUCT(NetworkInput, (), (partners, cases, on))
struct DueInput { std::vector<Partner> partners; int year = 0; Date on; };
BOOST_DESCRIBE_STRUCT(DueInput, (), (partners, year, on))
struct EvaluateInput { Partner partner; Date on; std::optional<Date> next; };
BOOST_DESCRIBE_STRUCT(EvaluateInput, (), (partner, on, next))
struct GapInput { std::vector<Case> cases; Date on; std::optional<GapQuery> query; };
BOOST_DESCRIBE_STRUCT(GapInput, (), (cases, on, query))
struct AgendaInput { std::vector<Case> cases; std::vector<Partner> partners; AgendaQuery query; };
BOOST_DESCRIBE_STRUCT(AgendaInput, (), (cases, partners, query))
struct RenderInput { Case case_; std::optional<RenderOptions> options; };
BOOST_DESCRIBE_STRUCT(RenderInput, (), (case_, options))
struct RadarInput { Case case_; std::optional<RadarOptions> options; };
BOOST_DESCRIBE_STRUCT(RadarInput, (), (case_, options))

struct SyntheticInput { SyntheticOptions options; std::int64_t index = 0; };
BOOST_DESCRIBE_STRUCT(SyntheticInput, (), (options, index))

/// The names of an enumeration, for hosts that mirror it (Python enums, C# enums).
struct Vocabulary { std::string name; std::vector<std::string> values; };
BOOST_DESCRIBE_STRUCT(Vocabulary, (), (name, values))

template <class E>
Vocabulary vocabulary(const char* name) { return {name, reflect::enum_names<E>()}; }

/// The enumerations that appear in documents and research tables.
std::vector<Vocabulary> vocabularies() {
    return {vocabulary<Role>("Role"), vocabulary<CaseKind>("CaseKind"), vocabulary<Phase>("Phase"),
            vocabulary<ClosureReason>("ClosureReason"), vocabulary<LifeArea>("LifeArea"),
            vocabulary<Perspective>("Perspective"), vocabulary<Achievement>("Achievement"),
            vocabulary<ReviewConsequence>("ReviewConsequence"), vocabulary<Gender>("Gender"),
            vocabulary<ResidenceCategory>("ResidenceCategory"), vocabulary<Criterion>("Criterion"),
            vocabulary<Answer>("Answer"), vocabulary<ContactKind>("ContactKind"), vocabulary<ContactTopic>("ContactTopic"),
            vocabulary<DisclosureKind>("DisclosureKind"), vocabulary<AgreementForm>("AgreementForm"),
            vocabulary<Party>("Party"), vocabulary<Timing>("Timing"), vocabulary<CaseloadLevel>("CaseloadLevel"),
            vocabulary<RetentionAction>("RetentionAction"), vocabulary<ResearchTable>("ResearchTable"),
            vocabulary<ColumnType>("ColumnType"), vocabulary<PartnerKind>("PartnerKind"),
            vocabulary<PartnerCategory>("PartnerCategory"), vocabulary<ContactMode>("ContactMode"),
            vocabulary<Formalisation>("Formalisation"), vocabulary<Period>("Period"), vocabulary<AgendaKind>("AgendaKind"),
            vocabulary<Language>("Language"), vocabulary<AgeBand>("AgeBand"), vocabulary<SkeletonAge>("SkeletonAge"),
            vocabulary<GuardianRole>("GuardianRole"), vocabulary<Requirement>("Requirement"),
            vocabulary<SystemRequirement>("SystemRequirement")};
}

/// A rule: its body over JSON text, and the schemas of what it reads and answers (issue 14).
struct Rule {
    std::function<std::string(const char* input, const Policy&)> apply;
    SchemaFn input_schema = nullptr;   // none: the rule reads only the policy
    SchemaFn output_schema = nullptr;
    std::string operator()(const char* input, const Policy& p) const { return apply(input, p); }
};

template <class In, class F>
std::pair<const std::string, Rule> rule(const char* name, F f) {
    if constexpr (std::is_same_v<In, NoInput>) {
        using Out = std::remove_cvref_t<decltype(f(std::declval<const Policy&>()))>;
        return {name, Rule{[f](const char*, const Policy& p) { return json::to_string(f(p)); }, nullptr, &json::schema_of<Out>}};
    } else {
        using Out = std::remove_cvref_t<decltype(f(std::declval<In>(), std::declval<const Policy&>()))>;
        return {name, Rule{[f](const char* input, const Policy& p) { return json::to_string(f(doc<In>(input, "input", strict), p)); },
                           &json::schema_of<In>, &json::schema_of<Out>}};
    }
}

const Table<Rule>& rules() {
    static const Table<Rule> table = {
        rule<OpenInput>("open_case", [](OpenInput in, const Policy&) {
            return open_case(in.id, in.office, in.case_worker, in.opened, in.kind.value_or(CaseKind::cm));
        }),
        rule<EligibilityQuestion>("check_eligibility", [](EligibilityQuestion in, const Policy& p) {  // R2
            return check_eligibility(in.person, p, postcode_region(in.region));
        }),
        rule<EligibilityRecord>("record_eligibility", [](EligibilityRecord in, const Policy&) {  // R2: referral when not eligible
            return record_eligibility(in.date, in.result, in.referral, in.cm_justification);
        }),
        rule<Screening>("screening_recommendation", [](Screening in, const Policy& p) {  // R6
            validate_screening(in);
            return screening_recommendation(in, p);
        }),
        rule<Assessment>("validate_assessment", [](Assessment in, const Policy& p) { return validate_assessment(in, p); }),  // R7
        rule<AssessmentPair>("compare_assessments", [](AssessmentPair in, const Policy&) { return compare_assessments(in.before, in.after); }),
        rule<PlanQuestion>("check_plan", [](PlanQuestion in, const Policy& p) {  // R8, R9
            return check_plan(in.plan, p, {in.concluded.begin(), in.concluded.end()}, &catalogue_of(p));
        }),
        rule<GateQuestion>("phase_gate", [](GateQuestion in, const Policy& p) { return phase_gate(in.case_, in.to, in.on, p); }),  // R1, R14
        rule<CaseOn>("retention_decision", [](CaseOn in, const Policy& p) { return retention_decision(in.case_, in.on, p); }),  // R13
        rule<Case>("summarise", [](Case in, const Policy&) { return summarise(in); }),
        rule<std::vector<CaseSummary>>("caseload", [](std::vector<CaseSummary> in, const Policy& p) { return caseload(in, p); }),  // R15
        rule<ReopenInput>("reopen_as_new_case", [](ReopenInput in, const Policy& p) {  // R11
            Case reopened = reopen_as_new_case(in.case_, in.new_id, in.on, p);
            return Reopened{std::move(in.case_), std::move(reopened)};
        }),
        rule<SyntheticInput>("synthetic_case", [](SyntheticInput in, const Policy& p) {
            if (in.index < 0) fail(errc::invalid_argument, "", "input.index", "index must not be negative");
            return synthetic_case(in.options, static_cast<std::uint64_t>(in.index), p);
        }),
        rule<StatisticsInput>("statistics", [](StatisticsInput in, const Policy&) {  // R12, R15
            return statistics(in.cases, in.on, in.min_cell.value_or(3));
        }),
        rule<GasInput>("gas_t_score", [](GasInput in, const Policy&) {  // R11
            return GasResult{gas_t_score(in.scores, in.rho.value_or(0.3)), in.scores};
        }),
        rule<Case>("gas_scores", [](Case in, const Policy&) { return gas_scores(in); }),  // R11
        rule<Partner>("validate_partner", [](Partner in, const Policy&) {  // R12
            validate_partner(in);
            return in;
        }),
        rule<EvaluateInput>("evaluate_cooperation", [](EvaluateInput in, const Policy&) {  // R12
            evaluate_cooperation(in.partner, in.on, in.next);
            return in.partner;
        }),
        rule<DueInput>("cooperations_due", [](DueInput in, const Policy&) { return cooperations_due(in.partners, in.year, in.on); }),
        rule<NetworkInput>("network_map", [](NetworkInput in, const Policy&) { return network_map(in.partners, in.cases, in.on); }),
        rule<NetworkInput>("system_requirements", [](NetworkInput in, const Policy&) {  // R12
            return system_requirements(in.partners, in.cases, in.on);
        }),
        rule<GapInput>("supply_gaps", [](GapInput in, const Policy&) {  // R12: one name with the request (was supply_gap_bundles)
            return supply_gap_bundles(in.cases, in.on, in.query.value_or(GapQuery{}));
        }),
        rule<AgendaInput>("agenda", [](AgendaInput in, const Policy& p) { return agenda(in.cases, in.partners, in.query, p); }),
        rule<RenderInput>("render_plan", [](RenderInput in, const Policy&) {  // R9: an HTML document (a JSON string)
            return plan_html(in.case_, in.options.value_or(RenderOptions{}));
        }),
        rule<RenderInput>("render_evaluation", [](RenderInput in, const Policy& p) {  // R11
            return evaluation_html(in.case_, in.options.value_or(RenderOptions{}), p);
        }),
        rule<RadarInput>("radar_chart", [](RadarInput in, const Policy& p) {  // R7: an SVG document (a JSON string)
            return radar_svg(in.case_, in.options.value_or(RadarOptions{}), p);
        }),
        rule<NoInput>("vocabulary", [](const Policy&) { return vocabularies(); }),
        rule<NoInput>("policy", [](const Policy& p) { return p; }),
        rule<NoInput>("catalogue", [](const Policy& p) { return catalogue_of(p); }),  // R8: the policy's, else the handbook's
        rule<Catalogue>("validate_catalogue", [](Catalogue in, const Policy&) {
            try {
                validate(in);
            } catch (const error& e) {
                rethrow_for(e, "input");   // named as every other input error: input.goals[4].id
            }
            return in;
        }),
    };
    return table;
}

}  // namespace

void add_rule_schemas(SchemaTable& out) {
    for (const auto& [name, r] : rules()) {
        if (r.input_schema) out.emplace("rule/" + name + "/input", r.input_schema);
        out.emplace("rule/" + name + "/output", r.output_schema);
    }
}

const Aliases& rule_aliases() {
    static const Aliases aliases = {{"supply_gap_bundles", "supply_gaps"}};   // before ABI 10
    return aliases;
}

}  // namespace jmdcm::capi

using namespace jmdcm;
using namespace jmdcm::capi;

extern "C" {

jmdcm_status jmdcm_rule_evaluate(char** out_result, const char* rule_name, const char* input_json, const char* policy_json) {
    return guard([&] {
        reset(out_result, "out_result");
        const Rule& evaluate = lookup(rules(), rule_name, "rule", &rule_aliases());
        give(out_result, evaluate(input_json, policy_of(policy_json)));
    });
}

jmdcm_status jmdcm_rule_names(char** out_names) { return answer_names(out_names, rules()); }

}  // extern "C"
