// UTF-8 both ways: umlauts, Arabic and Dari script survive the store and the library,
// marshalled by hand so it also holds where the ANSI code page is not UTF-8 (Windows).
using System;
using System.Collections.Generic;
using System.Linq;
using Jmdcm;
using NUnit.Framework;
using NUnit.Framework.Legacy;

[TestFixture]
public class TextTests
{
    [TestCase("Jugendmigrationsdienst Köln – Übergänge für Jüngere")]
    [TestCase("مركز خدمة الشباب المهاجرين")]               // Arabic
    [TestCase("خدمات مهاجرت جوانان، دفتر کابل‌نشینان")]    // Dari, with a zero-width non-joiner
    [TestCase("emoji 🌍 and a NUL-free mix: ß, é, ğ")]
    public void NonAsciiTextRoundTripsThroughAStore(string office)
    {
        var worker = new Actor("fachkraft-ü");
        using (var store = Store.OpenMemory())
        {
            var created = store.Create(worker, Case.Open("CS-UTF8", office, worker.Id, new DateTime(2020, 1, 6)));
            ClassicAssert.AreEqual(office, created.Office);
            var loaded = store.Load(worker, "CS-UTF8");
            ClassicAssert.AreEqual(office, loaded.Office);
            ClassicAssert.AreEqual("fachkraft-ü", loaded.CaseWorker);
        }
    }

    [Test]
    public void EnumsMatchTheLibrarysVocabulary()
    {
        var vocabulary = Library.Vocabulary();
        foreach (var type in new[] { typeof(Role), typeof(CaseKind), typeof(Phase), typeof(ClosureReason), typeof(LifeArea),
                                     typeof(Perspective), typeof(Achievement), typeof(Gender), typeof(CaseloadLevel), typeof(PartnerKind),
                                     typeof(AgendaKind), typeof(Language) })
        {
            var names = Enum.GetValues(type).Cast<object>().Select(v => Snake(v.ToString())).ToList();
            CollectionAssert.AreEqual(vocabulary[type.Name], names, type.Name);
        }
    }

    static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
