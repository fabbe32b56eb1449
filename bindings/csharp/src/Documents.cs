// Typed views of the library's JSON documents: the head of a case, summaries, reports.
// Only what hosts read most is typed; the whole document stays available as JSON.
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Jmdcm
{
    [DataContract]
    internal sealed class CaseHead
    {
        [DataMember(Name = "id")] public string Id;
        [DataMember(Name = "version")] public long Version;
        [DataMember(Name = "office")] public string Office;
        [DataMember(Name = "case_worker")] public string CaseWorker;
        [DataMember(Name = "kind")] public string Kind;
        [DataMember(Name = "phase")] public string Phase;
        [DataMember(Name = "opened")] public string Opened;
        [DataMember(Name = "last_activity")] public string LastActivity;
        [DataMember(Name = "closure")] public ClosureHead Closure;
        [DataMember(Name = "person")] public Person Person;
        [DataMember(Name = "plans")] public List<PlanHead> Plans;
        [DataMember(Name = "anonymised_on")] public string AnonymisedOn;
    }

    [DataContract]
    internal sealed class ClosureHead
    {
        [DataMember(Name = "date")] public string Date;
        [DataMember(Name = "reason")] public string Reason;
    }

    [DataContract]
    internal sealed class OpenInput
    {
        [DataMember(Name = "id")] public string Id;
        [DataMember(Name = "office")] public string Office;
        [DataMember(Name = "case_worker")] public string CaseWorker;
        [DataMember(Name = "opened")] public string Opened;
        [DataMember(Name = "kind")] public string Kind;
    }

    [DataContract]
    internal sealed class ActorDocument
    {
        [DataMember(Name = "id")] public string Id;
        [DataMember(Name = "role")] public string Role;
    }

    [DataContract]
    internal sealed class Vocabulary
    {
        [DataMember(Name = "name")] public string Name;
        [DataMember(Name = "values")] public List<string> Values;
    }

    /// <summary>One status code of the library's table.</summary>
    [DataContract]
    public sealed class StatusInfo
    {
        [DataMember(Name = "code")] public int Code { get; private set; }
        [DataMember(Name = "name")] public string Name { get; private set; }
        [DataMember(Name = "message")] public string Message { get; private set; }
    }

    [DataContract]
    internal sealed class DeprecatedNames
    {
        [DataMember(Name = "rules")] public List<NameAlias> Rules;
        [DataMember(Name = "requests")] public List<NameAlias> Requests;
    }

    [DataContract]
    internal sealed class NameAlias
    {
        [DataMember(Name = "name")] public string Name;
        [DataMember(Name = "current")] public string Current;
    }

    /// <summary>One row of a store query: no personal data.</summary>
    [DataContract]
    public sealed class CaseSummary
    {
        [DataMember(Name = "id")] public string Id { get; private set; }
        [DataMember(Name = "version")] public long Version { get; private set; }
        [DataMember(Name = "office")] public string Office { get; private set; }
        [DataMember(Name = "case_worker")] public string CaseWorker { get; private set; }
        [DataMember(Name = "kind")] string kind;
        [DataMember(Name = "phase")] string phase;
        [DataMember(Name = "running")] public bool Running { get; private set; }
        [DataMember(Name = "anonymised")] public bool Anonymised { get; private set; }
        [DataMember(Name = "opened")] string opened;
        [DataMember(Name = "last_activity")] string lastActivity;
        [DataMember(Name = "last_contact")] string lastContact;
        /// <summary>A reminder not done yet (an anonymised case: its paper file, R3/R13).</summary>
        [DataMember(Name = "open_reminders")] public bool OpenReminders { get; private set; }
        public CaseKind Kind => Names.Parse<CaseKind>(kind);
        public Phase Phase => Names.Parse<Phase>(phase);
        public System.DateTime Opened => Json.Date(opened);
        public System.DateTime LastActivity => Json.Date(lastActivity);
        public System.DateTime LastContact => Json.Date(lastContact);
    }

    /// <summary>What a store's storage can promise: whether an erasing write leaves no copy,
    /// what keeps old bytes otherwise, and whether it keeps the audit log.</summary>
    [DataContract]
    public sealed class StoreCapabilities
    {
        [DataMember(Name = "name")] public string Name { get; private set; }
        [DataMember(Name = "erases")] public bool Erases { get; private set; }
        [DataMember(Name = "erasure_gaps")] public string ErasureGaps { get; private set; }
        [DataMember(Name = "keeps_audit")] public bool KeepsAudit { get; private set; }
        /// <summary>False when the store was opened read-only.</summary>
        [DataMember(Name = "writable")] public bool Writable { get; private set; }
        /// <summary>The cases are sealed under per-case keys: the store opens writable only with its key-encryption key.</summary>
        [DataMember(Name = "sealed")] public bool Sealed { get; private set; }
    }

    [DataContract]
    internal sealed class CreateAllReport
    {
        [DataMember(Name = "created")] public int Created { get; private set; }
    }

    [DataContract]
    internal sealed class SealReport
    {
        [DataMember(Name = "sealed")] public int Sealed { get; private set; }
    }

    [DataContract]
    internal sealed class RotateReport
    {
        [DataMember(Name = "rewrapped")] public int Rewrapped { get; private set; }
    }

    /// <summary>One record of the audit trail: who did what to which case, allowed or not; never values.</summary>
    [DataContract]
    public sealed class AuditRecord
    {
        [DataMember(Name = "at")] public string At { get; private set; }
        [DataMember(Name = "actor")] public string Actor { get; private set; }
        [DataMember(Name = "role")] public string Role { get; private set; }
        [DataMember(Name = "case_id")] public string CaseId { get; private set; }
        [DataMember(Name = "operation")] public string Operation { get; private set; }
        [DataMember(Name = "allowed")] public bool Allowed { get; private set; }
        [DataMember(Name = "detail")] public string Detail { get; private set; }
    }

    /// <summary>R14: which minimum requirements a case meets.</summary>
    [DataContract]
    public sealed class RequirementsReport
    {
        [DataMember(Name = "case_id")] public string CaseId { get; private set; }
        [DataMember(Name = "items")] public List<RequirementItem> Items { get; private set; }
        [DataMember(Name = "met")] public int Met { get; private set; }
        [DataMember(Name = "total")] public int Total { get; private set; }
    }

    [DataContract]
    public sealed class RequirementItem
    {
        [DataMember(Name = "requirement")] public string Requirement { get; private set; }
        [DataMember(Name = "met")] public bool Met { get; private set; }
        [DataMember(Name = "detail")] public string Detail { get; private set; }
    }

    /// <summary>One entry of a case worker's agenda (see Store.Agenda).</summary>
    [DataContract]
    public sealed class AgendaItem
    {
        [DataMember(Name = "date")] internal string date;
        [DataMember(Name = "kind")] internal string kind;
        [DataMember(Name = "case_id")] public string CaseId { get; internal set; }
        [DataMember(Name = "goal_id")] public string GoalId { get; internal set; }
        [DataMember(Name = "partner_id")] public string PartnerId { get; internal set; }
        [DataMember(Name = "what")] public string What { get; internal set; }
        [DataMember(Name = "within_tolerance")] public bool WithinTolerance { get; internal set; }
        public DateTime Date => Json.Date(date);
        public AgendaKind Kind => Names.Parse<AgendaKind>(kind);
    }

    [DataContract]
    internal sealed class AgendaDocument
    {
        [DataMember(Name = "items")] public List<AgendaItem> Items;
    }
}
