// Disposal and threads: double dispose is safe, use after dispose is refused, several
// threads work on their own stores and on one shared store.
using System;
using System.Linq;
using System.Threading.Tasks;
using Jmdcm;
using NUnit.Framework;
using NUnit.Framework.Legacy;

[TestFixture]
public class HandleTests
{
    static readonly Actor Worker = new Actor("fachkraft-1");

    [Test]
    public void DisposingTwiceIsSafeAndUseAfterDisposeIsRefused()
    {
        var store = Store.OpenMemory();
        store.Dispose();
        store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => store.Query(Worker));
    }

    [Test]
    public void DisposeClosesTheNativeStore()
    {
        // Each store is disposed before the next opens the same file; all writes are there.
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jmdcm-cs-" + Guid.NewGuid() + ".sqlite");
        try
        {
            for (int i = 0; i < 200; ++i)
                using (var store = Store.OpenSqlite(path))
                    store.Create(Worker, Case.Open("CS-" + i, "JMD", Worker.Id, new DateTime(2020, 1, 6)));
            using (var store = Store.OpenSqlite(path))
                ClassicAssert.AreEqual(200, store.Query(Worker).Count);
            // Read-only files cannot record the audit of an access, so they hand out nothing.
            using (var store = Store.OpenSqlite(path, readOnly: true))
                Assert.Throws<StorageReadonlyException>(() => store.Query(Worker));
            // Dispose closes the native handle (the SafeHandle inside is closed).
            var disposed = Store.OpenSqlite(path);
            disposed.Dispose();
            var inner = (System.Runtime.InteropServices.SafeHandle)typeof(Store)
                .GetField("handle", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
                .GetValue(disposed);
            ClassicAssert.IsTrue(inner.IsClosed);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) System.IO.File.Delete(path + suffix);
        }
    }


    [Test]
    public void ThreadsOnTheirOwnStoresAndOnOneSharedStore()
    {
        using (var shared = Store.OpenMemory())
        {
            var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            {
                using (var own = Store.OpenMemory())
                {
                    for (int i = 0; i < 25; ++i)
                    {
                        var id = $"T{t}-{i}";
                        own.Create(Worker, Case.Open(id, "JMD", Worker.Id, new DateTime(2020, 1, 6)));
                        shared.Create(Worker, Case.Open(id, "JMD", Worker.Id, new DateTime(2020, 1, 6)));
                        var e = Assert.Throws<NotFoundException>(() => own.Load(Worker, "missing-" + id));
                        StringAssert.Contains("missing-" + id, e.Message);  // each thread its own message
                    }
                    return own.Query(Worker).Count;
                }
            })).ToArray();
            Task.WaitAll(tasks);
            ClassicAssert.IsTrue(tasks.All(t => t.Result == 25));
            ClassicAssert.AreEqual(200, shared.Query(Worker).Count);
        }
    }
}
