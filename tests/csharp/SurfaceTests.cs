// What a .NET developer sees: strings, typed records and arrays, never the P/Invoke layer's
// byte[] and IntPtr; and typed records that cannot drift from the documents the library writes.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using Jmdcm;
using NUnit.Framework;
using NUnit.Framework.Legacy;

[TestFixture]
public class SurfaceTests
{
    static readonly Actor Worker = new Actor("fachkraft-1");

    [Test]
    public void ThePublicApiShowsNoPointersAndNoRawBytes()
    {
        var assembly = typeof(Store).Assembly;
        CollectionAssert.IsEmpty(assembly.GetExportedTypes().Where(t => t.Namespace != "Jmdcm").Select(t => t.FullName),
                                 "the SWIG layer (Jmdcm.Native) is internal");
        var offending = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type == typeof(Kek) || type.IsSubclassOf(typeof(Kek))) continue;   // key material is bytes
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var m in type.GetMethods(flags).Where(m => !m.IsSpecialName || m.Name.StartsWith("get_")))
                foreach (var t in m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
                    if (Raw(t)) offending.Add(type.Name + "." + m.Name);
            foreach (var f in type.GetFields(flags)) if (Raw(f.FieldType)) offending.Add(type.Name + "." + f.Name);
        }
        CollectionAssert.IsEmpty(offending);
    }

    static bool Raw(Type t)
    {
        if (t.IsByRef) t = t.GetElementType();
        return t == typeof(IntPtr) || t == typeof(UIntPtr) || t == typeof(byte[]) || t.IsPointer;
    }

    [Test]
    public void PersonAndGoalsAreTyped()
    {
        using (var store = Store.OpenMemory(new DateTime(2017, 1, 10)))
        {
            var samira = store.Load(Worker, store.Samira(Worker).Id);
            var person = samira.Person;
            ClassicAssert.IsNotNull(person);
            ClassicAssert.IsFalse(string.IsNullOrEmpty(person.GivenName));
            ClassicAssert.IsFalse(string.IsNullOrEmpty(person.FamilyName));
            using (var doc = JsonDocument.Parse(samira.Json))
            {
                var p = doc.RootElement.GetProperty("person");
                ClassicAssert.AreEqual(p.GetProperty("given_name").GetString(), person.GivenName);
                ClassicAssert.AreEqual(DateTime.Parse(p.GetProperty("birth_date").GetString()), person.BirthDate);
                ClassicAssert.AreEqual(p.GetProperty("residence").GetProperty("category").GetString(), person.Residence.Category);
                var plans = doc.RootElement.GetProperty("plans");
                var goals = plans[plans.GetArrayLength() - 1].GetProperty("goals");
                ClassicAssert.AreEqual(goals.GetArrayLength(), samira.Goals.Count);
                ClassicAssert.Greater(samira.Goals.Count, 0);
                ClassicAssert.AreEqual(goals[0].GetProperty("id").GetString(), samira.Goals[0].Id);
                ClassicAssert.AreEqual(goals[0].GetProperty("catalogue_id").GetString(), samira.Goals[0].CatalogueId);
            }
            // A fresh case holds no person and no plan yet.
            var fresh = Case.Open("CS-9", "JMD Test", "fk-1", new DateTime(2020, 1, 6));
            ClassicAssert.IsNull(fresh.Person);
            ClassicAssert.AreEqual(0, fresh.Goals.Count);
        }
    }

    [Test]
    public void TypedRecordsNameOnlyWhatTheLibraryWrites()
    {
        using (var store = Store.OpenMemory(new DateTime(2017, 1, 10)))
        {
            var samira = store.Load(Worker, store.Samira(Worker).Id);
            using (var doc = JsonDocument.Parse(samira.Json))
            {
                var person = doc.RootElement.GetProperty("person");
                CheckNames(typeof(Person), person);
                CheckNames(typeof(Address), person.GetProperty("address"));
                CheckNames(typeof(Residence), person.GetProperty("residence"));
                var plans = doc.RootElement.GetProperty("plans");
                CheckNames(typeof(Goal), plans[plans.GetArrayLength() - 1].GetProperty("goals")[0]);
            }
            using (var stats = JsonDocument.Parse(store.Statistics(new Actor("tl", Role.TeamLead), new DateTime(2030, 1, 1))))
            {
                CheckNames(typeof(Statistics), stats.RootElement);
                var table = stats.RootElement.GetProperty("tables")[0];
                CheckNames(typeof(StatisticsTable), table);
                CheckNames(typeof(StatisticsCell), table.GetProperty("total"));
            }
        }
    }

    /// <summary>The records against the library's published schemas (jmdcm_schema): each record's
    /// members are properties of the schema's type, and every member the schema requires of the
    /// type is in the record (so a record cannot miss what the library always writes).</summary>
    [TestCase(typeof(Person), "document/case", "MasterData")]
    [TestCase(typeof(Address), "document/case", "Address")]
    [TestCase(typeof(Residence), "document/case", "ResidenceStatus")]
    [TestCase(typeof(Goal), "document/case", "Goal")]
    [TestCase(typeof(CaseSummary), "document/case_summary", "CaseSummary")]
    [TestCase(typeof(AuditRecord), "document/audit_record", "AuditRecord")]
    [TestCase(typeof(Statistics), "rule/statistics/output", "StatisticsReport")]
    [TestCase(typeof(StatisticsTable), "rule/statistics/output", "StatTable")]
    [TestCase(typeof(StatisticsCell), "rule/statistics/output", "StatCell")]
    [TestCase(typeof(AgendaItem), "request/agenda/output", "AgendaItem")]
    public void TypedRecordsFollowTheLibrarysSchemas(Type record, string schema, string definition)
    {
        CollectionAssert.Contains(Library.SchemaNames(), schema);
        using (var doc = JsonDocument.Parse(Library.Schema(schema)))
        {
            var def = doc.RootElement.GetProperty("$defs").GetProperty(definition);
            var properties = def.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
            var names = DataMembers(record);
            CollectionAssert.IsSubsetOf(names, properties, record.Name + " names a member the schema does not have");
            if (def.TryGetProperty("required", out var required))
            {
                var missing = required.EnumerateArray().Select(r => r.GetString()).Where(r => !names.Contains(r)).ToList();
                CollectionAssert.IsEmpty(missing, record.Name + " lacks members the library always writes");
            }
        }
    }

    static List<string> DataMembers(Type record)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        return record.GetFields(all).Cast<MemberInfo>().Concat(record.GetProperties(all))
            .Select(m => m.GetCustomAttribute<DataMemberAttribute>()?.Name).Where(n => n != null).ToList();
    }

    /// <summary>Every DataMember of the record is a member of the library's object.</summary>
    static void CheckNames(Type record, JsonElement element)
    {
        var keys = element.EnumerateObject().Select(p => p.Name).ToHashSet();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        var names = record.GetFields(all).Cast<MemberInfo>().Concat(record.GetProperties(all))
            .Select(m => m.GetCustomAttribute<DataMemberAttribute>()?.Name).Where(n => n != null).ToList();
        ClassicAssert.Greater(names.Count, 0);
        CollectionAssert.IsSubsetOf(names, keys, record.Name + " names a member the library does not write");
    }

    [Test]
    public void StatisticsAreTypedCrossTabs()
    {
        using (var store = Store.OpenMemory())
        {
            store.Samira(Worker);
            var stats = store.StatisticsReport(new Actor("tl", Role.TeamLead), new DateTime(2030, 1, 1));
            ClassicAssert.AreEqual(3, stats.MinCell);
            ClassicAssert.AreEqual(new DateTime(2030, 1, 1), stats.On);
            var closures = stats.Table("cases_by_closure_reason");
            ClassicAssert.AreEqual(closures.Rows.Count, closures.Cells.Count);
            ClassicAssert.AreEqual(closures.Columns.Count, closures.Cells[0].Count);
            // One case alone: every total that would show it is suppressed, with no count.
            ClassicAssert.IsTrue(closures.Total.Suppressed);
            ClassicAssert.IsNull(closures.Total.Count);
            Assert.Throws<KeyNotFoundException>(() => stats.Table("no_such_table"));
        }
    }

    [Test]
    public void ResearchTablesAreColumnsWithTheirCategories()
    {
        var table = ResearchTable.Synthetic("cases", 200, seed: 7);
        ClassicAssert.AreEqual("cases", table.Name);
        ClassicAssert.AreEqual(200, table.Rows);
        foreach (var column in table.Columns) ClassicAssert.AreEqual(200, table.Column(column.Name).Length);
        var category = table.Columns.First(c => c.Type == "category");
        ClassicAssert.Greater(category.Categories.Count, 0);
        var seen = Enumerable.Range(0, table.Rows).Select(r => table.Category(category.Name, r)).Where(v => v != null).ToList();
        ClassicAssert.Greater(seen.Count, 0);
        CollectionAssert.IsSubsetOf(seen.Distinct(), category.Categories);
        var date = table.Columns.First(c => c.Type == "date");
        ClassicAssert.Greater(table.Date(date.Name, 0) ?? new DateTime(1990, 1, 1), new DateTime(2000, 1, 1));
        Assert.Throws<InvalidOperationException>(() => table.Category(date.Name, 0));
        Assert.Throws<KeyNotFoundException>(() => table.Column("no_such_column"));
        // The same seed gives the same table; another table name is refused by the library.
        CollectionAssert.AreEqual(table.Column(category.Name), ResearchTable.Synthetic("cases", 200, seed: 7).Column(category.Name));
        Assert.Throws<InvalidArgumentException>(() => ResearchTable.Synthetic("persons", 10));
    }

    [Test]
    public void ResearchTablesFromAStoreAreAnonymisedCopies()
    {
        using (var store = Store.OpenMemory(new DateTime(2017, 1, 10)))
        {
            store.Samira(Worker);
            var goals = store.ExportTable(new Actor("tl", Role.TeamLead), "goals", new DateTime(2017, 6, 1));
            ClassicAssert.Greater(goals.Rows, 0);
            ClassicAssert.IsFalse(goals.Columns.Any(c => c.Name.Contains("name") || c.Name.Contains("birth")));
            StringAssert.Contains("unknown table 'persons'",
                Assert.Throws<InvalidArgumentException>(() => store.ExportTable(new Actor("tl", Role.TeamLead), "persons", new DateTime(2017, 6, 1))).Message);
            // Another case worker sees no row of a case that is not theirs.
            ClassicAssert.AreEqual(0, store.ExportTable(new Actor("fachkraft-2"), "goals", new DateTime(2017, 6, 1)).Rows);
        }
    }

    [Test]
    public void TheOperationConstantsAreTheLibrarysNames()
    {
        // Issue 14: Steps, Rules and Requests (Operations.g.cs) are generated from the served schemas.
        List<string> Constants(Type t) => t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()).ToList();
        CollectionAssert.AreEquivalent(Library.StoreStepNames(), Constants(typeof(Steps)));
        CollectionAssert.AreEquivalent(Library.RuleNames().Except(Library.DeprecatedRuleNames().Keys), Constants(typeof(Rules)));
        CollectionAssert.AreEquivalent(Library.RequestNames().Except(Library.DeprecatedRequestNames().Keys), Constants(typeof(Requests)));
        foreach (var name in Constants(typeof(Steps))) StringAssert.Contains("\"$id\":\"urn:jmdcm:step/" + name + "/input\"", Library.Schema("step/" + name + "/input"));
        ClassicAssert.AreEqual("close_case", Steps.CloseCase);
    }

    [Test]
    public void TheCaseloadTableTakesThePostsOfAPolicy()
    {
        // Issue 20, R15: running CM cases per worker and month; the worked example on half a post.
        using (var store = Store.OpenMemory(new DateTime(2017, 1, 10)))
        {
            store.Samira(Worker);
            var lead = new Actor("tl", Role.TeamLead);
            var table = store.ExportTable(lead, "caseload", new DateTime(2016, 12, 15),
                                          "{\"posts\":[{\"case_worker\":\"fachkraft-1\",\"share\":0.5}]}");
            ClassicAssert.AreEqual("caseload", table.Name);
            var last = table.Rows - 1;
            ClassicAssert.AreEqual("fachkraft-1", table.Category("case_worker", last));
            ClassicAssert.AreEqual(new DateTime(2016, 12, 1), table.Date("month", last));
            ClassicAssert.AreEqual(1, table.Column("running")[last]);
            ClassicAssert.AreEqual(50, table.Column("share_percent")[last]);
            ClassicAssert.AreEqual(2, table.Column("per_full_time_post")[last]);
            ClassicAssert.AreEqual("far_below_basis", table.Category("level", last));
            var refused = Assert.Throws<PolicyInvalidException>(() => store.ExportTable(lead, "caseload", new DateTime(2016, 12, 15),
                "{\"posts\":[{\"case_worker\":\"fachkraft-1\",\"share\":0}]}"));
            ClassicAssert.AreEqual("options.policy.posts[0].share", refused.Field);
        }
        var synthetic = ResearchTable.Synthetic("caseload", 100, 3, new DateTime(2026, 1, 1), "{\"posts\":[]}");
        ClassicAssert.Greater(synthetic.Rows, 0);
    }
}
