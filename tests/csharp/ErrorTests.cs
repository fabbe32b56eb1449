// One exception type per status code, each with the library's message, rule and field.
using System;
using System.Linq;
using System.Reflection;
using Jmdcm;
using NUnit.Framework;
using NUnit.Framework.Legacy;

[TestFixture]
public class ErrorTests
{
    [Test]
    public void EveryStatusHasItsOwnExceptionType()
    {
        var types = typeof(JmdcmException).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(JmdcmException))).ToList();
        var statuses = Enum.GetValues(typeof(Status)).Cast<Status>().Where(s => s != Status.Ok).ToList();
        ClassicAssert.AreEqual(statuses.Count, types.Count);
        // The public enum is the library's table, number for number and name for name.
        var table = Library.StatusNames();
        CollectionAssert.AreEquivalent(table.Select(t => t.Code), Enum.GetValues(typeof(Status)).Cast<Status>().Select(s => (int)s));
        var names = table.ToDictionary(t => t.Code, t => t.Name);
        foreach (var type in types)
        {
            var e = (JmdcmException)Activator.CreateInstance(type, "R4: text [field: a.b]", "R4", "a.b");
            ClassicAssert.AreEqual("R4", e.Rule);
            ClassicAssert.AreEqual("a.b", e.Field);
            var bare = (JmdcmException)Activator.CreateInstance(type, "R4: text [field: a.b]", null, null);
            ClassicAssert.IsNull(bare.Rule);   // taken from the library's structure, never parsed from the text
            ClassicAssert.IsNull(bare.Field);
            var name = names[(int)e.Status];
            ClassicAssert.AreEqual(name, e.StatusName);
            ClassicAssert.AreEqual(Pascal(name) + "Exception", type.Name);
            ClassicAssert.AreEqual(Pascal(name), e.Status.ToString());
        }
    }

    static string Pascal(string name) => string.Concat(name.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));

    [Test]
    public void RefusedStepsThrowTheirRulesException()
    {
        var c = Case.Open("CS-2", "JMD Test", "fk-1", new DateTime(2020, 1, 6)).Step("record_consent",
            "{\"consent\":{\"given_on\":\"2020-01-06\",\"form_language\":\"de\",\"form_version\":\"1\"," +
            "\"text_sha256\":\"7db886f15325eb9bad07defb33177fb41ff86e0d3ebbb8117a222fd02f9a1f15\"," +
            "\"purpose\":\"Beratung\",\"consequences_explained\":true},\"birth_date\":\"2000-01-01\"}");
        var e = Assert.Throws<ReleaseRequiredException>(() =>
            c.Step("refer", "{\"date\":\"2020-02-01\",\"recipient\":\"Jobcenter Düsseldorf\",\"offer\":\"x\"}"));
        ClassicAssert.AreEqual("R4", e.Rule);
        StringAssert.Contains("Jobcenter Düsseldorf", e.Message);  // UTF-8 in the message, too
        ClassicAssert.AreEqual(Status.ReleaseRequired, e.Status);
        ClassicAssert.AreEqual(33, (int)e.Status);
    }

    [Test]
    public void BadInputNamesTheArgument()
    {
        StringAssert.Contains("min_age", Assert.Throws<PolicyInvalidException>(() => Library.Rule("policy", null, "{\"schema\":1,\"min_age\":30}")).Message);
        Assert.Throws<JsonSyntaxException>(() => Library.Rule("summarise", "{\"schema\":1,"));
        // R8: a host's catalogue travels in the policy; a bad one is named under policy.catalogue
        const string ski = "{\"id\":\"x.ski\",\"area\":\"leisure\",\"label_de\":\"Skifahren\",\"label_en\":\"\"}";
        StringAssert.Contains("\"x.ski\"", Library.Catalogue("{\"schema\":1,\"catalogue\":{\"schema\":1,\"goals\":[" + ski + "]}}"));
        var twice = Assert.Throws<CatalogueInvalidException>(() =>
            Library.Catalogue("{\"schema\":1,\"catalogue\":{\"schema\":1,\"goals\":[" + ski + "," + ski + "]}}"));
        ClassicAssert.AreEqual("policy.catalogue.goals[1].id", twice.Field);
        ClassicAssert.AreEqual("R8", twice.Rule);
        Assert.Throws<InvalidArgumentException>(() => Library.Rule("no_such_rule"));
        using (var store = Store.OpenMemory())
        {
            Assert.Throws<NotFoundException>(() => store.Load(new Actor("fk"), "nobody"));
            var denied = Assert.Throws<AccessDeniedException>(() => store.Sweep(new Actor("fk"), new DateTime(2020, 1, 1)));
            ClassicAssert.AreEqual("R13", denied.Rule);
        }
    }
}
