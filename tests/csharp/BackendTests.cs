// The store's contract over a backend written in C# (an in-memory one, as a host would start
// with), next to the library's own stores; what such a backend throws or answers wrongly
// comes back as a clear exception, and what it cannot promise is not claimed.
using System;
using System.Collections.Generic;
using System.Linq;
using Jmdcm;
using NUnit.Framework;
using NUnit.Framework.Legacy;

/// <summary>Rows in dictionaries; a transaction is a copy taken at Begin, put back at Rollback.</summary>
public class DictionaryBackend : Backend
{
    SortedDictionary<string, KeyValuePair<long, string>> cases = new SortedDictionary<string, KeyValuePair<long, string>>(StringComparer.Ordinal);
    SortedDictionary<string, KeyValuePair<long, string>> partners = new SortedDictionary<string, KeyValuePair<long, string>>(StringComparer.Ordinal);
    List<string> audit = new List<string>();
    object saved;

    public override string Name => "dictionary";
    public string Fault;   // "throw", "garbage" or null

    public override void Begin(bool write) =>
        saved = Tuple.Create(new SortedDictionary<string, KeyValuePair<long, string>>(cases, StringComparer.Ordinal),
                             new SortedDictionary<string, KeyValuePair<long, string>>(partners, StringComparer.Ordinal), new List<string>(audit));
    public override void Commit() { saved = null; }
    public override void Rollback()
    {
        var s = (Tuple<SortedDictionary<string, KeyValuePair<long, string>>, SortedDictionary<string, KeyValuePair<long, string>>, List<string>>)saved;
        cases = s.Item1;
        partners = s.Item2;
        audit = s.Item3;
    }

    static void Put(SortedDictionary<string, KeyValuePair<long, string>> table, string id, long version, long expected, string text)
    {
        KeyValuePair<long, string> stored;
        bool present = table.TryGetValue(id, out stored);
        if (expected == 0 && present) throw new AlreadyExistsException(id + " exists");
        if (expected != 0 && (!present || stored.Key != expected)) throw new ConflictException(id + " was changed meanwhile");
        table[id] = new KeyValuePair<long, string>(version, text);
    }

    public override string GetCase(string caseId)
    {
        if (Fault == "garbage") return "{not json";
        KeyValuePair<long, string> row;
        return cases.TryGetValue(caseId, out row) ? row.Value : null;
    }

    public override void PutCase(string caseId, long version, long expectedVersion, string row, bool erases)
    {
        if (Fault == "throw") throw new InvalidOperationException("the host's disk is full");
        Put(cases, caseId, version, expectedVersion, row);
    }

    public override IEnumerable<string> FindCases(string queryJson) => cases.Values.Select(v => v.Value).ToList();
    public override IEnumerable<string> ListPartners() => partners.Values.Select(v => v.Value).ToList();
    public override void PutPartner(string partnerId, long version, long expectedVersion, string stored) =>
        Put(partners, partnerId, version, expectedVersion, stored);
    public override void AppendAudit(string record) => audit.Add(record);
    public override IEnumerable<string> AuditRecords(string queryJson) => new List<string>(audit);
}

public class AuditlessBackend : DictionaryBackend
{
    public override bool KeepsAudit => false;
    public override bool Erases => false;
    public override string ErasureGaps => "the agency's SQL Server backups";
}

[TestFixture]
public class BackendTests
{
    static readonly Actor Worker = new Actor("fachkraft-1");
    static readonly Actor Lead = new Actor("tl-1", Role.TeamLead);
    static readonly DateTime Today = new DateTime(2017, 1, 10);
    const string CaseId = "JMD-FFM-2016-0042";

    static Case NewCase(string id, string worker = "fachkraft-1") =>
        new Case("{\"schema\":1,\"id\":\"" + id + "\",\"version\":0,\"office\":\"JMD\",\"case_worker\":\"" + worker +
                 "\",\"kind\":\"cm\",\"phase\":\"intake\",\"opened\":\"2017-01-06\",\"last_activity\":\"2017-01-06\"}");

    static IEnumerable<Func<Store>> Stores()
    {
        yield return () => Store.OpenMemory(Today);
        yield return () => Store.OpenBackend(new DictionaryBackend(), Today);
    }

    [Test]
    public void VersionsConflictsAndVisibilityHoldOnEveryStore()
    {
        foreach (var open in Stores())
            using (var store = open())
            {
                var created = store.Create(Worker, NewCase("C-1"));
                ClassicAssert.AreEqual(1, created.Version);
                ClassicAssert.AreEqual(2, store.Save(Worker, created).Version);
                Assert.Throws<ConflictException>(() => store.Save(Worker, created));
                Assert.Throws<AlreadyExistsException>(() => store.Create(Worker, NewCase("C-1")));
                var colleague = new Actor("fachkraft-2");
                store.Create(colleague, NewCase("C-2", "fachkraft-2"));
                CollectionAssert.AreEqual(new[] { "C-1" }, store.Query(Worker).Select(s => s.Id).ToArray());
                CollectionAssert.AreEqual(new[] { "C-1", "C-2" }, store.Query(Lead).Select(s => s.Id).ToArray());
                Assert.Throws<NotFoundException>(() => store.Load(Worker, "C-2"));  // R4: another's case looks missing
            }
    }

    [Test]
    public void TheWorkedExampleRunsOnAHostBackend()
    {
        using (var store = Store.OpenBackend(new DictionaryBackend(), Today))
        {
            store.Samira(Worker);
            ClassicAssert.AreEqual(9, store.Requirements(Lead, CaseId).Met);
            store.Step(Worker, CaseId, "reopen_case", "{\"on\":\"2017-01-10\"}");
            Assert.Throws<ReleaseRequiredException>(() =>
                store.Step(Worker, CaseId, "refer", "{\"date\":\"2017-01-10\",\"recipient\":\"Nirgendwo\",\"offer\":\"x\"}"));
            var caps = store.Capabilities();
            ClassicAssert.AreEqual("dictionary", caps.Name);
            ClassicAssert.IsTrue(caps.Erases && caps.KeepsAudit);
        }
    }

    [Test]
    public void WhatABackendThrowsOrAnswersWronglyIsAClearException()
    {
        var backend = new DictionaryBackend();
        using (var store = Store.OpenBackend(backend, Today))
        {
            var created = store.Create(Worker, NewCase("C-1"));
            backend.Fault = "throw";
            var e = Assert.Throws<StorageException>(() => store.Save(Worker, created));
            StringAssert.Contains("put_case failed: InvalidOperationException: the host's disk is full", e.Message);
            backend.Fault = "garbage";
            var corrupt = Assert.Throws<StorageCorruptException>(() => store.Load(Worker, "C-1"));
            StringAssert.Contains("backend.get_case", corrupt.Message);
            backend.Fault = null;
            ClassicAssert.AreEqual(1, store.Load(Worker, "C-1").Version);  // nothing stored was lost
        }
    }

    [Test]
    public void ABackendWithoutAuditOrErasureNeedsTheHostsAuditAndSaysSo()
    {
        using (var store = Store.OpenBackend(new AuditlessBackend(), Today))
            Assert.Throws<StorageReadonlyException>(() => store.Create(Worker, NewCase("C-1")));
        var records = new List<string>();
        using (var store = Store.OpenBackend(new AuditlessBackend(), Today, records.Add))
        {
            store.Create(Worker, NewCase("C-1"));
            store.Load(Worker, "C-1");
            var caps = store.Capabilities();
            ClassicAssert.IsFalse(caps.Erases);
            ClassicAssert.AreEqual("the agency's SQL Server backups", caps.ErasureGaps);
        }
        ClassicAssert.AreEqual(2, records.Count);
        StringAssert.Contains("\"operation\":\"load\"", records[1]);
    }
}
