using System;
using System.Collections.Generic;
using System.Linq;
using Jmdcm.Native;

namespace Jmdcm
{
    /// <summary>Library-wide calls: versions, the pure rule functions, names.</summary>
    public static class Library
    {
        /// <summary>The native library's version, e.g. "0.1.0".</summary>
        public static string Version => JmdcmNative.jmdcm_version();
        /// <summary>The ABI version of the loaded native library.</summary>
        public static int AbiVersion => JmdcmNative.jmdcm_abi_version();

        /// <summary>Evaluates a pure rule (a name of <see cref="Rules"/>: check_eligibility, phase_gate,
        /// retention_decision, caseload, policy, catalogue, ...); returns its JSON answer.</summary>
        public static string Rule(string rule, string inputJson = null, string policyJson = null)
        {
            return Call.Text((out IntPtr o) => JmdcmNative.jmdcm_rule_evaluate(
                out o, rule, inputJson, policyJson));
        }

        /// <summary>R8: the goal catalogue plans are checked against, as JSON: the policy's own (its
        /// "catalogue" member, validated), else the handbook's.</summary>
        public static string Catalogue(string policyJson = null) => Rule("catalogue", null, policyJson);

        /// <summary>The library's table of status codes (jmdcm_status_names): code, stable name, text.</summary>
        public static List<StatusInfo> StatusNames() => Jmdcm.Json.Read<List<StatusInfo>>(Call.Text(JmdcmNative.jmdcm_status_names));

        /// <summary>Old rule names that still work, deprecated: old name to current name.</summary>
        public static Dictionary<string, string> DeprecatedRuleNames() => Deprecated().Rules.ToDictionary(a => a.Name, a => a.Current);
        /// <summary>Old request names that still work, deprecated: old name to current name.</summary>
        public static Dictionary<string, string> DeprecatedRequestNames() => Deprecated().Requests.ToDictionary(a => a.Name, a => a.Current);
        static DeprecatedNames Deprecated() => Jmdcm.Json.Read<DeprecatedNames>(Call.Text(JmdcmNative.jmdcm_deprecated_names));

        /// <summary>The names of the published JSON Schemas (document/..., step/NAME/input, rule/NAME/input|output, request/...).</summary>
        public static List<string> SchemaNames() => Jmdcm.Json.Read<List<string>>(Call.Text(JmdcmNative.jmdcm_schema_names));
        /// <summary>One published JSON Schema (draft 2020-12) as JSON text.</summary>
        public static string Schema(string name) => Call.Text((out IntPtr o) => JmdcmNative.jmdcm_schema(out o, name));

        public static List<string> RuleNames() => Jmdcm.Json.Read<List<string>>(Call.Text(JmdcmNative.jmdcm_rule_names));
        public static List<string> StepNames() => Jmdcm.Json.Read<List<string>>(Call.Text(JmdcmNative.jmdcm_case_steps));
        public static List<string> StoreStepNames() => Jmdcm.Json.Read<List<string>>(Call.Text(JmdcmNative.jmdcm_store_steps));
        public static List<string> RequestNames() => Jmdcm.Json.Read<List<string>>(Call.Text(JmdcmNative.jmdcm_store_requests));

        /// <summary>R9: a case's plan as a print-friendly HTML document.</summary>
        public static string RenderPlan(Case c, Language language = Language.De) =>
            Jmdcm.Json.Read<string>(Rule("render_plan", DocumentInput("case", c.Json, language)));

        /// <summary>R11: a case's evaluation as an HTML document.</summary>
        public static string RenderEvaluation(Case c, Language language = Language.De) =>
            Jmdcm.Json.Read<string>(Rule("render_evaluation", DocumentInput("case", c.Json, language)));

        /// <summary>R7: a case's assessment as an SVG radar chart, perspectives overlaid, first and latest date.</summary>
        public static string RadarChart(Case c, Language language = Language.De) =>
            Jmdcm.Json.Read<string>(Rule("radar_chart", DocumentInput("case", c.Json, language)));

        /// <summary>{"key": value, "options": {"language": ...}}, value being JSON already.</summary>
        internal static string DocumentInput(string key, string valueJson, Language language) =>
            "{\"" + key + "\":" + valueJson + ",\"options\":{\"language\":\"" + Names.Of(language) + "\"}}";

        /// <summary>The library's enumerations: name to values (snake_case).</summary>
        public static Dictionary<string, List<string>> Vocabulary()
        {
            var result = new Dictionary<string, List<string>>();
            foreach (var v in Jmdcm.Json.Read<List<Vocabulary>>(Rule("vocabulary"))) result[v.Name] = v.Values;
            return result;
        }
    }

    /// <summary>Who asks: every store call is checked against the actor's role and audited.</summary>
    public sealed class Actor
    {
        public Actor(string id, Role role = Role.CaseWorker) { Id = id; Role = role; }
        public string Id { get; }
        public Role Role { get; }
        internal string Document => Jmdcm.Json.Write(new ActorDocument { Id = Id, Role = Names.Of(Role) });
    }
}
