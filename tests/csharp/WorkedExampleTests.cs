// The handbook's worked example end to end through C#.
using System;
using System.IO;
using Jmdcm;
using NUnit.Framework;
using NUnit.Framework.Legacy;

[TestFixture]
public class WorkedExampleTests
{
    static readonly Actor Worker = new Actor("fachkraft-1");

    [Test]
    public void WorkedExampleRunsIntoASqliteFileAndReadsBack()
    {
        var path = Path.Combine(Path.GetTempPath(), "jmdcm-cs-" + Guid.NewGuid() + ".sqlite");
        try
        {
            using (var store = Store.OpenSqlite(path, today: new DateTime(2017, 1, 10)))
            {
                var samira = store.Samira(Worker);
                ClassicAssert.AreEqual("JMD-FFM-2016-0042", samira.Id);
                ClassicAssert.AreEqual(Phase.Closure, samira.Phase);
                ClassicAssert.AreEqual(CaseKind.Cm, samira.Kind);
                ClassicAssert.AreEqual(ClosureReason.EndedByYoungPerson, samira.ClosureReason);
                ClassicAssert.AreEqual(new DateTime(2016, 9, 12), samira.Opened);
                ClassicAssert.IsTrue(samira.HasPerson);
                var loaded = store.Load(Worker, samira.Id);
                ClassicAssert.AreEqual(samira.Json, loaded.Json);
                var report = loaded.Requirements();
                ClassicAssert.AreEqual(9, report.Met);
                ClassicAssert.AreEqual(report.Total, report.Items.Count);
                var summaries = store.Query(Worker);
                ClassicAssert.AreEqual(1, summaries.Count);
                ClassicAssert.AreEqual(Phase.Closure, summaries[0].Phase);
                ClassicAssert.IsFalse(summaries[0].Running);
            }
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    [Test]
    public void StepsReturnNewCasesAndVersionsGuardSaves()
    {
        using (var store = Store.OpenMemory())
        {
            var opened = Case.Open("CS-1", "JMD Test", Worker.Id, new DateTime(2020, 1, 6));
            ClassicAssert.AreEqual(0, opened.Version);
            var created = store.Create(Worker, opened);
            var consented = created.Step("record_consent",
                "{\"consent\":{\"given_on\":\"2020-01-06\",\"form_language\":\"de\",\"form_version\":\"1\"," +
                "\"text_sha256\":\"7db886f15325eb9bad07defb33177fb41ff86e0d3ebbb8117a222fd02f9a1f15\"," +
                "\"purpose\":\"Beratung\",\"consequences_explained\":true},\"birth_date\":\"2000-01-01\"}");
            ClassicAssert.AreEqual(1, created.Version);
            var saved = store.Save(Worker, consented);
            ClassicAssert.AreEqual(2, saved.Version);
            Assert.Throws<ConflictException>(() => store.Save(Worker, consented));
        }
    }

    [Test]
    public void StatisticsHideTheWorkedExampleAlone()
    {
        using (var store = Store.OpenMemory())
        {
            store.Samira(Worker);
            var json = store.Statistics(new Actor("tl", Role.TeamLead), new DateTime(2030, 1, 1));
            StringAssert.Contains("\"suppressed\":true", json);
            StringAssert.DoesNotContain("Beispiel", json);
            Assert.Throws<InvalidArgumentException>(() => store.Statistics(new Actor("tl", Role.TeamLead), new DateTime(2030, 1, 1), 0));
        }
    }

    [Test]
    public void RulesAndNamesComeFromTheLibrary()
    {
        StringAssert.Contains("\"max_age\":27", Library.Rule("policy"));
        CollectionAssert.Contains(Library.StepNames(), "close_case");
        CollectionAssert.Contains(Library.RuleNames(), "check_eligibility");
        // Issue 14, item 5: one name per concept; the old name still answers.
        CollectionAssert.Contains(Library.RuleNames(), "supply_gaps");
        CollectionAssert.DoesNotContain(Library.RuleNames(), "supply_gap_bundles");
        ClassicAssert.AreEqual("supply_gaps", Library.DeprecatedRuleNames()["supply_gap_bundles"]);
        ClassicAssert.AreEqual(0, Library.DeprecatedRequestNames().Count);
        const string gaps = "{\"cases\":[],\"on\":\"2018-01-01\"}";
        ClassicAssert.AreEqual(Library.Rule("supply_gaps", gaps), Library.Rule("supply_gap_bundles", gaps));
        CollectionAssert.IsSupersetOf(Library.RequestNames(), new[] { "statistics", "caseload", "supply_gaps" });
    }
}
