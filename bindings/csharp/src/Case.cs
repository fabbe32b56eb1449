using System;
using System.Collections.Generic;
using Jmdcm.Native;

namespace Jmdcm
{
    /// <summary>
    /// One case as the library's JSON document, with typed access to its head. Steps of the
    /// method return a new Case; a refused step throws its rule's exception, e.g.
    /// <see cref="ReleaseRequiredException"/> (R4).
    /// </summary>
    public sealed class Case
    {
        readonly Lazy<CaseHead> lazyHead;
        CaseHead head => lazyHead.Value;   // parsed on first use: a host that only passes the document on pays nothing

        /// <summary>Wraps a case document (as the library writes it); its head is read at once, so
        /// a document that is no case fails here.</summary>
        public Case(string json) : this(json, lazy: false) { }

        /// <summary>A document the library just wrote: its head is read when first asked for.</summary>
        internal static Case FromLibrary(string json) => new Case(json, lazy: true);

        Case(string json, bool lazy)
        {
            Json = json ?? throw new ArgumentNullException(nameof(json));
            lazyHead = new Lazy<CaseHead>(() => Jmdcm.Json.Read<CaseHead>(json));
            if (!lazy) _ = lazyHead.Value;
        }

        /// <summary>R1: a new case in the intake phase.</summary>
        public static Case Open(string id, string office, string caseWorker, DateTime opened, CaseKind kind = CaseKind.Cm)
        {
            var input = Jmdcm.Json.Write(new OpenInput
            {
                Id = id, Office = office, CaseWorker = caseWorker, Opened = Jmdcm.Json.Iso(opened), Kind = Names.Of(kind),
            });
            return Case.FromLibrary(Library.Rule("open_case", input));
        }

        /// <summary>The whole document (UTF-8 JSON as text).</summary>
        public string Json { get; }
        public string Id => head.Id;
        public long Version => head.Version;
        public string Office => head.Office;
        public string CaseWorker => head.CaseWorker;
        public CaseKind Kind => Names.Parse<CaseKind>(head.Kind);
        public Phase Phase => Names.Parse<Phase>(head.Phase);
        public DateTime Opened => Jmdcm.Json.Date(head.Opened);
        public DateTime LastActivity => Jmdcm.Json.Date(head.LastActivity);
        public DateTime? Closed => head.Closure == null ? (DateTime?)null : Jmdcm.Json.Date(head.Closure.Date);
        public ClosureReason? ClosureReason =>
            head.Closure == null ? (ClosureReason?)null : Names.Parse<ClosureReason>(head.Closure.Reason);
        public DateTime? AnonymisedOn => Jmdcm.Json.OptionalDate(head.AnonymisedOn);
        /// <summary>Whether personal master data is held (not before consent, not after withdrawal).</summary>
        public bool HasPerson => head.Person != null;
        /// <summary>The master data (personal), or null when none is held.</summary>
        public Person Person => head.Person;
        /// <summary>R8: the goals of the current plan (empty before the first plan).</summary>
        public IReadOnlyList<Goal> Goals =>
            (head.Plans == null || head.Plans.Count == 0 ? new List<Goal>() : head.Plans[head.Plans.Count - 1].Goals).AsReadOnly();

        /// <summary>Applies one step of the method: a name of <see cref="Steps"/>, whose XML docs give each input.</summary>
        public Case Step(string step, string inputJson, string policyJson = null)
        {
            return Case.FromLibrary(Call.Text((out IntPtr o) => JmdcmNative.jmdcm_case_step(
                out o, Json, step, inputJson, policyJson)));
        }

        /// <summary>R14: which minimum requirements the case meets.</summary>
        public RequirementsReport Requirements()
        {
            return Jmdcm.Json.Read<RequirementsReport>(
                Call.Text((out IntPtr o) => JmdcmNative.jmdcm_case_requirements(out o, Json)));
        }

        public override string ToString() => $"Case {Id} ({head.Phase}, version {Version})";
    }
}
