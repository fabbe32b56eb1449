"""The system level from Python (issue 7): network, supply gaps, agenda, documents."""
import datetime as dt

import pytest

import jmdcm

WORKER = jmdcm.Actor("fachkraft-1")
LEAD = jmdcm.Actor("tl-1", jmdcm.Role.team_lead)
STATS = jmdcm.Actor("st-1", jmdcm.Role.statistics)
SAMIRA = "JMD-FFM-2016-0042"


def partner(**changes):
    p = {"id": "P-1", "version": 0, "office": "JMD", "name": "Jobcenter", "kind": jmdcm.PartnerKind.case_specific,
         "category": jmdcm.PartnerCategory.job_centre, "region": "603", "areas": ["finances"],
         "contact_modes": [jmdcm.ContactMode.phone], "formalisation": jmdcm.Formalisation.minutes,
         "since": dt.date(2016, 1, 1), "until": None, "review_on": dt.date(2016, 12, 1), "last_evaluated": None}
    p.update(changes)
    return p


@pytest.fixture
def store():
    with jmdcm.Store.memory(today=dt.date(2017, 9, 1)) as s:
        s.samira(WORKER)
        yield s


def test_requests_are_listed():
    assert {"agenda", "save_partner", "network_map", "render_plan"} <= set(jmdcm.requests())


def test_partners_are_versioned_and_linked_to_the_example(store):
    saved = store.save_partner(LEAD, partner())
    assert saved["version"] == 1
    with pytest.raises(jmdcm.ConflictError):
        store.save_partner(LEAD, partner())
    with pytest.raises(jmdcm.InvalidArgumentError) as bad:
        store.save_partner(LEAD, partner(version=1, review_on=dt.date(2018, 1, 1)))
    assert bad.value.rule == "R12" and bad.value.field == "partner.review_on"
    with pytest.raises(jmdcm.AccessDeniedError):
        store.save_partner(STATS, partner(version=1))
    assert [p["id"] for p in store.partners(STATS)] == ["P-1"]
    node = store.network_map(LEAD, dt.date(2016, 12, 10))["partners"][0]
    assert node["referrals"] == 1 and node["review_due"]
    assert store.cooperations_due(LEAD, 2016, dt.date(2016, 12, 10))[0]["overdue"]


def test_the_system_levels_minimum_requirements(store):
    store.save_partner(LEAD, partner())   # the Jobcenter, its review due on 2016-12-01
    report = store.system_requirements(LEAD, dt.date(2016, 12, 10))
    items = {i["requirement"]: i for i in report["items"]}
    assert report["total"] == 4 and set(items) == set(jmdcm.SystemRequirement)
    assert items[jmdcm.SystemRequirement.cooperation_review] == {
        "requirement": "cooperation_review", "met": False, "detail": "yearly review overdue: P-1 (due 2016-12-01)"}
    assert not items[jmdcm.SystemRequirement.working_groups]["met"]
    store.save_partner(LEAD, partner(id="P-AK", name="Arbeitskreis Migration", kind=jmdcm.PartnerKind.non_case_specific,
                                     category=jmdcm.PartnerCategory.other, contact_modes=[jmdcm.ContactMode.working_group],
                                     review_on=dt.date(2016, 12, 31), attended=[dt.date(2016, 11, 2)]))
    after = store.system_requirements(LEAD, dt.date(2016, 12, 10))
    assert {i["requirement"]: i["met"] for i in after["items"]}[jmdcm.SystemRequirement.working_groups]
    assert after["met"] == report["met"] + 1
    with pytest.raises(jmdcm.InvalidArgumentError) as bad:   # a phone contact has no meetings
        store.save_partner(LEAD, partner(id="P-2", attended=[dt.date(2016, 11, 2)]))
    assert bad.value.field == "partner.attended[0]"


def test_the_agenda_has_the_follow_up_talk_and_refuses_a_backward_range(store):
    items = store.agenda(WORKER, dt.date(2017, 9, 1), dt.date(2017, 9, 30))["items"]
    assert [i["kind"] for i in items] == [jmdcm.AgendaKind.follow_up_talk]
    with pytest.raises(jmdcm.InvalidArgumentError, match="query.to"):
        store.agenda(WORKER, dt.date(2017, 9, 30), dt.date(2017, 9, 1))


def test_documents_from_the_store_and_from_a_case(store):
    html = store.render_plan(WORKER, SAMIRA, language="en")
    assert html.startswith("<!DOCTYPE html>") and "Integration support plan" in html
    with pytest.raises(jmdcm.AccessDeniedError):
        store.render_plan(LEAD, SAMIRA)
    case = store.load(WORKER, SAMIRA)
    assert "Dein Plan" in jmdcm.render_plan(case, "plain")
    assert "Beendigung durch den jungen Menschen" in jmdcm.render_evaluation(case)
    svg = jmdcm.radar_chart(case, perspectives=["young_person"])
    assert svg.count('<g class="series"') == 2
    assert store.radar_chart(WORKER, SAMIRA, size=300).count("<svg") == 1
    with pytest.raises(jmdcm.NotFoundError):
        jmdcm.radar_chart(case, first=dt.date(2000, 1, 1))


def test_supply_gaps_are_bundled_from_anonymised_files(store):
    admin = jmdcm.Actor("ad-1", jmdcm.Role.administrator)
    store.anonymise(admin, SAMIRA, dt.date(2017, 4, 1))
    report = store.supply_gaps(STATS, dt.date(2018, 1, 1), period="quarter", min_cell=1)
    assert report["table"]["name"] == "supply_gap_bundles"
    assert report["table"]["total"]["count"] >= 1
    assert all(k["region"] == "603" for k in report["keys"])


def test_an_old_rule_name_works_and_warns():
    """Issue 14, item 5: supply_gap_bundles became supply_gaps (the request's name); the old
    name answers the same and warns, pointing at the caller's line."""
    assert jmdcm.deprecated_names()["rules"] == {"supply_gap_bundles": "supply_gaps"}
    assert "supply_gaps" in jmdcm.rules() and "supply_gap_bundles" not in jmdcm.rules()
    gaps = {"cases": [], "on": dt.date(2018, 1, 1)}
    with pytest.warns(DeprecationWarning, match="'supply_gap_bundles' is deprecated, use 'supply_gaps'") as seen:
        old = jmdcm.rule("supply_gap_bundles", gaps)
    assert seen[0].filename == __file__
    assert old == jmdcm.rule("supply_gaps", gaps)
    with pytest.raises(jmdcm.InvalidArgumentError, match="unknown rule 'supply_gap'"):
        jmdcm.rule("supply_gap", gaps)


def test_statistics_and_caseload_are_requests_too(store):
    assert {"statistics", "caseload"} <= set(jmdcm.requests())
    assert store.request(LEAD, "statistics", {"on": dt.date(2018, 1, 1)}) == store.statistics(LEAD, dt.date(2018, 1, 1))
    assert store.request(LEAD, "caseload") == store.caseload(LEAD)
    with pytest.raises(jmdcm.JsonUnknownFieldError, match="min_cel"):
        store.request(LEAD, "statistics", {"on": dt.date(2018, 1, 1), "min_cel": 1})
