// Store.OpenPostgres against the throwaway cluster of tests/postgres (ctest csharp.postgres
// passes its connection string; without it, as in the plain NUnit run, the test is ignored).
using System;
using System.Diagnostics;
using System.Linq;
using Jmdcm;
using NUnit.Framework;
using NUnit.Framework.Legacy;

[TestFixture]
public class PostgresTests
{
    [Test]
    public void TheWorkedExampleRunsOnTheServerAndErasureIsNotClaimed()
    {
        var conninfo = Environment.GetEnvironmentVariable("JMDCM_TEST_PG");
        if (string.IsNullOrEmpty(conninfo)) Assert.Ignore("JMDCM_TEST_PG is set by ctest (csharp.postgres)");
        var schema = "cs_" + Guid.NewGuid().ToString("N").Substring(0, 12);
        using (var psql = Process.Start(new ProcessStartInfo("psql", "-q -X \"" + conninfo + "\" -c \"CREATE SCHEMA " + schema + "\"") { UseShellExecute = false }))
        {
            psql.WaitForExit();
            ClassicAssert.AreEqual(0, psql.ExitCode);
        }
        using (var store = Store.OpenPostgres(conninfo + " options=-csearch_path=" + schema, new DateTime(2017, 1, 10), poolSize: 2))
        {
            var worker = new Actor("fachkraft-1");
            store.Samira(worker);
            ClassicAssert.AreEqual(9, store.Requirements(new Actor("tl-1", Role.TeamLead), "JMD-FFM-2016-0042").Met);
            Assert.Throws<NotFoundException>(() => store.Load(new Actor("fachkraft-2"), "JMD-FFM-2016-0042"));
            // one store from several threads: the loads spread over its two connections
            var versions = new long[8];
            System.Threading.Tasks.Parallel.For(0, versions.Length, k => versions[k] = store.Load(worker, "JMD-FFM-2016-0042").Version);
            CollectionAssert.AreEqual(Enumerable.Repeat(versions[0], versions.Length).ToArray(), versions);
            // an import: all or none
            var copies = Enumerable.Range(0, 3).Select(k => new Case(store.Load(worker, "JMD-FFM-2016-0042").Json.Replace("JMD-FFM-2016-0042", "IMP-" + k))).ToList();
            Assert.Throws<AlreadyExistsException>(() => store.CreateAll(worker, copies.Concat(new[] { copies[0] })));
            Assert.Throws<NotFoundException>(() => store.Load(worker, "IMP-1"));
            ClassicAssert.AreEqual(3, store.CreateAll(worker, copies));
            ClassicAssert.AreEqual(1, store.Load(worker, "IMP-2").Version);
            var caps = store.Capabilities();
            ClassicAssert.AreEqual("postgresql", caps.Name);
            ClassicAssert.IsFalse(caps.Erases);
        }
        // per-case keys on the server: the key store in a schema of its own
        var kek = Kek.Generate();
        var sealedInfo = conninfo + " options=-csearch_path=" + schema;
        using (var store = Store.OpenPostgres(sealedInfo, new DateTime(2017, 1, 10), kek: Kek.Local("kek-1", kek), keyStore: schema + "_keys"))
        {
            var worker = new Actor("fachkraft-1");
            var c = store.Create(worker, new Case(store.Load(worker, "IMP-0").Json.Replace("IMP-0", "SEALED-1")));
            ClassicAssert.AreEqual(1, c.Version);
            ClassicAssert.IsTrue(store.Load(worker, "SEALED-1").HasPerson);
        }
        using (var store = Store.OpenPostgres(sealedInfo, kek: Kek.Local("kek-1", Kek.Generate()), keyStore: schema + "_keys"))
            Assert.Throws<KeyInvalidException>(() => store.Load(new Actor("fachkraft-1"), "SEALED-1"));
        // KEK rotation on the server: the case opens with the new KEK only
        var next = Kek.Generate();
        ClassicAssert.AreEqual(1, Kek.RotatePostgres(conninfo, Kek.Local("kek-1", kek), Kek.Local("kek-2", next), schema + "_keys"));
        using (var store = Store.OpenPostgres(sealedInfo, kek: Kek.Local("kek-2", next), keyStore: schema + "_keys"))
            ClassicAssert.IsTrue(store.Load(new Actor("fachkraft-1"), "SEALED-1").HasPerson);
        using (var store = Store.OpenPostgres(sealedInfo, kek: Kek.Local("kek-1", kek), keyStore: schema + "_keys"))
            StringAssert.Contains("kek-2", Assert.Throws<KeyInvalidException>(() => store.Load(new Actor("fachkraft-1"), "SEALED-1")).Message);
    }
}
