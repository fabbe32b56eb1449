using System;
using System.Collections.Generic;
using Jmdcm.Native;

namespace Jmdcm
{
    /// <summary>Library-wide calls: versions, the pure rule functions, names.</summary>
    public static class Library
    {
        /// <summary>The native library's version, e.g. "0.1.0".</summary>
        public static string Version => Utf8.Decode(JmdcmNative.jmdcm_version());
        /// <summary>The ABI version of the loaded native library.</summary>
        public static int AbiVersion => JmdcmNative.jmdcm_abi_version();

        /// <summary>Evaluates a pure rule (check_eligibility, phase_gate, retention_decision,
        /// caseload, policy, catalogue, ...); returns its JSON answer.</summary>
        public static string Rule(string rule, string inputJson = null, string policyJson = null)
        {
            return Call.Text((out IntPtr o) => JmdcmNative.jmdcm_rule_evaluate(
                out o, Utf8.Encode(rule), Utf8.Encode(inputJson), Utf8.Encode(policyJson)));
        }

        public static List<string> RuleNames() => Jmdcm.Json.Read<List<string>>(Call.Text(JmdcmNative.jmdcm_rule_names));
        public static List<string> StepNames() => Jmdcm.Json.Read<List<string>>(Call.Text(JmdcmNative.jmdcm_case_steps));

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
        internal byte[] Document => Utf8.Encode(Jmdcm.Json.Write(new ActorDocument { Id = Id, Role = Names.Of(Role) }));
    }
}
