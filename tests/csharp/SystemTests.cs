// The system level through C# (issue 7): documents, agenda, network partners.
using System;
using System.Linq;
using Jmdcm;
using NUnit.Framework;
using NUnit.Framework.Legacy;

[TestFixture]
public class SystemTests
{
    static readonly Actor Worker = new Actor("fachkraft-1");
    static readonly Actor Lead = new Actor("tl-1", Role.TeamLead);
    const string Samira = "JMD-FFM-2016-0042";

    const string Partner = "{\"id\":\"P-1\",\"version\":0,\"office\":\"JMD\",\"name\":\"Jobcenter\",\"kind\":\"case_specific\"," +
        "\"category\":\"job_centre\",\"region\":\"603\",\"areas\":[\"finances\"],\"contact_modes\":[\"phone\"]," +
        "\"formalisation\":\"minutes\",\"since\":\"2016-01-01\",\"until\":null,\"review_on\":\"2016-12-01\",\"last_evaluated\":null}";

    [Test]
    public void ThePlanAndTheChartRenderFromTheStoreAndFromACase()
    {
        using (var store = Store.OpenMemory(new DateTime(2017, 9, 1)))
        {
            var samira = store.Samira(Worker);
            var html = store.RenderPlan(Worker, Samira, Language.En);
            StringAssert.StartsWith("<!DOCTYPE html>", html);
            StringAssert.Contains("Integration support plan", html);
            StringAssert.Contains("Dein Plan", Library.RenderPlan(samira, Language.Plain));
            StringAssert.Contains("Erfüllung des Auftrags", Library.RenderEvaluation(samira));
            var svg = store.RadarChart(Worker, Samira);
            ClassicAssert.AreEqual(4, svg.Split(new[] { "<g class=\"series\"" }, StringSplitOptions.None).Length - 1);
            Assert.Throws<AccessDeniedException>(() => store.RenderPlan(Lead, Samira));
            Assert.Throws<NotFoundException>(() => store.RenderPlan(Worker, "nope"));
        }
    }

    [Test]
    public void TheAgendaHasTheFollowUpTalkAndTheNetworkKeepsPartners()
    {
        using (var store = Store.OpenMemory(new DateTime(2017, 9, 1)))
        {
            store.Samira(Worker);
            var items = store.Agenda(Worker, new DateTime(2017, 9, 1), new DateTime(2017, 9, 30));
            ClassicAssert.AreEqual(1, items.Count);
            ClassicAssert.AreEqual(AgendaKind.FollowUpTalk, items[0].Kind);
            ClassicAssert.AreEqual(Samira, items[0].CaseId);
            var ex = Assert.Throws<InvalidArgumentException>(() => store.Agenda(Worker, new DateTime(2017, 9, 30), new DateTime(2017, 9, 1)));
            ClassicAssert.AreEqual("query.to", ex.Field);
            StringAssert.Contains("\"version\":1", store.SavePartner(Lead, Partner));
            Assert.Throws<ConflictException>(() => store.SavePartner(Lead, Partner));
            var bad = Assert.Throws<InvalidArgumentException>(() => store.SavePartner(Lead, Partner.Replace("[\"phone\"]", "[]").Replace("\"version\":0", "\"version\":1")));
            ClassicAssert.AreEqual("R12", bad.Rule);
            var meeting = Assert.Throws<InvalidArgumentException>(() => store.SavePartner(Lead,
                Partner.Replace("\"P-1\"", "\"P-2\"").Replace("\"last_evaluated\":null", "\"last_evaluated\":null,\"attended\":[\"2016-11-02\"]")));
            ClassicAssert.AreEqual("partner.attended[0]", meeting.Field);   // a field with brackets comes through whole
            StringAssert.Contains("\"referrals\":1", store.NetworkMap(Lead, new DateTime(2016, 12, 10)));
            // R12: the Jobcenter's review of 2016-12-01 is overdue ten days later
            StringAssert.Contains("{\"requirement\":\"cooperation_review\",\"met\":false,\"detail\":\"yearly review overdue: P-1 (due 2016-12-01)\"}",
                                  store.SystemRequirements(Lead, new DateTime(2016, 12, 10)));
            CollectionAssert.IsSubsetOf(new[] { "agenda", "save_partner", "render_plan" }, Library.RequestNames());
        }
    }
}
