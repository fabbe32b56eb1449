// Per-case keys from C# (issue 19): a local KEK and a KEK subclass of the host's own (a
// keystore or KMS stand-in), the person kept out of the file, clear errors, conversion and rotation.
using System;
using System.IO;
using System.Linq;
using System.Text;
using Jmdcm;
using NUnit.Framework;
using NUnit.Framework.Legacy;

/// <summary>A host's KEK stand-in (not a cipher): XOR with a pad, bound to the case id by a prefix.</summary>
public class XorKek : Kek
{
    readonly byte[] pad;
    readonly string id;
    public int Calls;
    public XorKek(string id, byte[] pad) { this.id = id; this.pad = pad; }
    public override string Id => id;
    public override string Wrap(string caseId, byte[] key)
    {
        System.Threading.Interlocked.Increment(ref Calls);
        return caseId + ":" + Convert.ToBase64String(key.Select((b, i) => (byte)(b ^ pad[i])).ToArray());
    }
    public override byte[] Unwrap(string caseId, string wrapped)
    {
        if (!wrapped.StartsWith(caseId + ":", StringComparison.Ordinal)) throw new KeyInvalidException("wrapped for another case");
        return Convert.FromBase64String(wrapped.Substring(caseId.Length + 1)).Select((b, i) => (byte)(b ^ pad[i])).ToArray();
    }
}

[TestFixture]
public class KeysTests
{
    static readonly Actor Worker = new Actor("fachkraft-1");
    static readonly Actor Admin = new Actor("ad-1", Role.Administrator);
    const string Samira = "JMD-FFM-2016-0042";

    string dir;

    [SetUp]
    public void MakeDirectory()
    {
        dir = Path.Combine(Path.GetTempPath(), "jmdcm-cs-keys-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
    }

    [TearDown]
    public void RemoveDirectory() { Directory.Delete(dir, true); }

    static bool Holds(string path, string text)
    {
        var bytes = File.ReadAllBytes(path);
        if (File.Exists(path + "-wal")) bytes = bytes.Concat(File.ReadAllBytes(path + "-wal")).ToArray();
        return Encoding.UTF8.GetString(bytes.Select(b => b == 0 ? (byte)32 : b).ToArray()).Contains(text);
    }

    [Test]
    public void ASealedStoreKeepsThePersonOutOfTheFile()
    {
        var path = Path.Combine(dir, "office.sqlite");
        var key = Kek.Generate();
        using (var store = Store.OpenSqlite(path, new DateTime(2017, 1, 10), kek: Kek.Local("kek-1", key)))
        {
            store.Samira(Worker);
            ClassicAssert.IsTrue(store.Load(Worker, Samira).HasPerson);
        }
        ClassicAssert.IsFalse(Holds(path, "Samira"));
        ClassicAssert.IsFalse(Holds(path, "1994-05-03"));
        using (var store = Store.OpenSqlite(path, kek: Kek.Local("kek-1", Kek.Generate())))
        {
            ClassicAssert.IsTrue(store.Capabilities().Sealed);
            var e = Assert.Throws<KeyInvalidException>(() => store.Load(Worker, Samira));
            StringAssert.Contains("the key of case 'JMD-FFM-2016-0042'", e.Message);
        }
        var refused = Assert.Throws<StoreSealedException>(() => Store.OpenSqlite(path));   // marked sealed: no writer without the key
        StringAssert.Contains("open it with its key-encryption key", refused.Message);
        Assert.Throws<ArgumentException>(() => Kek.Local("short", new byte[8]));
    }

    [Test]
    public void AHostsKekWrapsAndRotationMovesEveryKey()
    {
        var path = Path.Combine(dir, "host.sqlite");
        var keys = Path.Combine(dir, "host.keys");
        var host = new XorKek("host-kek", Kek.Generate());
        using (var store = Store.OpenSqlite(path, new DateTime(2017, 1, 10), kek: host, keyStore: keys))
        {
            store.Samira(Worker);
            ClassicAssert.AreEqual(1, host.Calls);
        }
        var wrong = new XorKek("host-kek", Kek.Generate());
        using (var store = Store.OpenSqlite(path, kek: wrong, keyStore: keys))
            Assert.Throws<KeyInvalidException>(() => store.Load(Worker, Samira));   // another pad: the key it gives opens nothing

        var next = Kek.Local("kek-2", Kek.Generate());
        var before = File.ReadAllBytes(path);
        ClassicAssert.AreEqual(1, Kek.Rotate(keys, host, next));
        CollectionAssert.AreEqual(before, File.ReadAllBytes(path));   // the cases are not touched
        using (var store = Store.OpenSqlite(path, kek: next, keyStore: keys))
            ClassicAssert.IsTrue(store.Load(Worker, Samira).HasPerson);
        using (var store = Store.OpenSqlite(path, kek: host, keyStore: keys))
            StringAssert.Contains("'kek-2'", Assert.Throws<KeyInvalidException>(() => store.Load(Worker, Samira)).Message);
    }

    [Test]
    public void AClearStoreIsConverted()
    {
        var path = Path.Combine(dir, "clear.sqlite");
        using (var store = Store.OpenSqlite(path, new DateTime(2017, 1, 10)))
            store.Samira(Worker);
        ClassicAssert.IsTrue(Holds(path, "Samira"));
        using (var store = Store.OpenSqlite(path, kek: Kek.Local("kek-1", Kek.Generate())))
        {
            Assert.Throws<AccessDeniedException>(() => store.SealAll(Worker));
            ClassicAssert.AreEqual(1, store.SealAll(Admin));
        }
        ClassicAssert.IsFalse(Holds(path, "Samira"));
        Assert.Throws<InvalidArgumentException>(() => Store.OpenSqlite(path, keyStore: Path.Combine(dir, "x.keys")));
    }
}
