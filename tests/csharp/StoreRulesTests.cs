// The rules hold at the store through C#: steps on stored cases, checked saves, the audit
// trail, and several threads on one store handle within a time limit.
using System;
using System.IO;
using System.Threading;
using Jmdcm;
using NUnit.Framework;
using NUnit.Framework.Legacy;

[TestFixture]
public class StoreRulesTests
{
    static readonly Actor Worker = new Actor("fachkraft-1");
    const string CaseId = "JMD-FFM-2016-0042";

    static string TempFile() => Path.Combine(Path.GetTempPath(), "jmdcm-cs-" + Guid.NewGuid() + ".sqlite");

    static void Remove(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
    }

    [Test]
    public void AStepOnAStoredCaseRunsUnderItsRule()
    {
        using (var store = Store.OpenMemory(new DateTime(2017, 1, 10)))
        {
            var samira = store.Samira(Worker);
            var reopened = store.Step(Worker, CaseId, "reopen_case", "{\"on\":\"2017-04-03\"}");
            ClassicAssert.AreEqual(samira.Version + 1, reopened.Version);
            ClassicAssert.AreEqual(Phase.Implementation, reopened.Phase);
            var refused = Assert.Throws<ReleaseRequiredException>(() =>
                store.Step(Worker, CaseId, "refer", "{\"date\":\"2017-04-04\",\"recipient\":\"Nirgendwo\",\"offer\":\"x\"}"));
            ClassicAssert.AreEqual("R4", refused.Rule);
            Assert.Throws<ConflictException>(() => store.Step(Worker, CaseId, "reopen_case", "{\"on\":\"2017-04-03\"}", samira.Version));
            CollectionAssert.Contains(Library.StoreStepNames(), "reopen_as_new_case");
        }
    }

    [Test]
    public void ARawSaveThatMarksTheCaseAnonymisedIsRefused()
    {
        using (var store = Store.OpenMemory(new DateTime(2017, 1, 10)))
        {
            var samira = store.Samira(Worker);
            var marked = new Case(samira.Json.Replace("\"anonymised_on\":null", "\"anonymised_on\":\"2017-04-01\""));
            var refused = Assert.Throws<CaseAnonymisedException>(() => store.Save(Worker, marked));
            ClassicAssert.AreEqual("R13", refused.Rule);
        }
    }

    [Test]
    public void TheAuditTrailNamesWhoLookedWithoutValues()
    {
        using (var store = Store.OpenMemory(new DateTime(2017, 1, 10)))
        {
            store.Samira(Worker);
            store.Load(Worker, CaseId);
            var lead = new Actor("teamleitung", Role.TeamLead);
            var trail = store.Audit(lead, caseId: CaseId);
            ClassicAssert.IsTrue(trail.Exists(r => r.Operation == "load" && r.Actor == Worker.Id && r.Allowed));
            ClassicAssert.IsFalse(trail.Exists(r => r.Detail.Contains("Samira")));
            Assert.Throws<AccessDeniedException>(() => store.Audit(new Actor("st", Role.Statistics)));
        }
    }

    [Test]   // a hang fails the Join below
    public void ThreadsShareOneStoreHandle()
    {
        var path = TempFile();
        try
        {
            using (var store = Store.OpenSqlite(path, today: new DateTime(2017, 1, 10)))
            {
                store.Samira(Worker);
                Exception failure = null;
                var threads = new Thread[4];
                for (int i = 0; i < threads.Length; ++i)
                {
                    threads[i] = new Thread(() =>
                    {
                        try
                        {
                            for (int k = 0; k < 50; ++k)
                            {
                                store.Load(Worker, CaseId);
                                store.Query(Worker);
                            }
                        }
                        catch (Exception e) { failure = e; }
                    });
                    threads[i].Start();
                }
                foreach (var t in threads) ClassicAssert.IsTrue(t.Join(TimeSpan.FromSeconds(50)), "a thread hung on the store handle");
                ClassicAssert.IsNull(failure, failure?.ToString());
            }
        }
        finally { Remove(path); }
    }
}
