"""One exception class per status code, each raised with the library's message."""
import datetime as dt

import pytest

import jmdcm
from jmdcm import _jmdcm


def _status_table():
    return {code: _jmdcm.status_name(code) for code in range(1000) if _jmdcm.status_name(code) not in ("unknown", "ok")}


def test_every_status_has_its_own_class():
    table = _status_table()
    assert len(table) >= 30
    assert set(jmdcm.errors.error_classes) == set(table)
    for code, name in table.items():
        cls = jmdcm.errors.error_class(code)
        assert cls is jmdcm.errors.error_class(name)
        assert issubclass(cls, jmdcm.JmdcmError) and cls is not jmdcm.JmdcmError
        assert (cls.code, cls.name) == (code, name)
        assert getattr(jmdcm, cls.__name__) is cls
        error = cls("R4: something [field: a.b]", code, "R4", "a.b")
        assert (error.rule, error.field, error.code, str(error)) == ("R4", "a.b", code, "R4: something [field: a.b]")
        assert (cls("R4: something [field: a.b]").rule, cls("x").field) == (None, None)   # never read from the text
    assert len({c.__name__ for c in jmdcm.errors.error_classes.values()}) == len(table)


@pytest.mark.parametrize("call, expected, text", [
    (lambda: jmdcm.rule("policy", policy={"schema": 1, "min_age": 30}), jmdcm.PolicyInvalidError, "min_age"),
    (lambda: jmdcm.rule("no_such_rule"), jmdcm.InvalidArgumentError, "unknown rule"),
    (lambda: jmdcm.rule("summarise", '{"schema":1,'), jmdcm.JsonSyntaxError, "input"),
    (lambda: jmdcm.Case({"schema": 2}).requirements(), jmdcm.JsonSchemaVersionError, "schema"),
    (lambda: jmdcm.rule("check_eligibility", {"person": {}}), jmdcm.JsonMissingFieldError, "input.person.intake_date"),
    (lambda: jmdcm.Store.memory(today="2020-02-30"), jmdcm.JsonBadDateError, "2020-02-30"),
    (lambda: jmdcm.rule("record_eligibility", {"date": dt.date(2020, 1, 1), "result": {"eligible": False, "checks": []}}),
     jmdcm.ReferralRequiredError, "R2"),
])
def test_real_failures_raise_their_class(call, expected, text):
    with pytest.raises(expected) as raised:
        call()
    assert text in str(raised.value)


def test_not_found_and_access_denied_from_a_store(worker):
    with jmdcm.Store.memory() as store:
        with pytest.raises(jmdcm.NotFoundError):
            store.load(worker, "nobody")
        with pytest.raises(jmdcm.AccessDeniedError) as refused:
            store.sweep(worker, dt.date(2020, 1, 1))
        assert refused.value.rule == "R13"


HOST_CATALOGUE = {"schema": 1, "goals": [{"id": "x.ski", "area": jmdcm.LifeArea.leisure, "label_de": "Skifahren",
                                          "label_en": ""}]}


def test_a_hosts_catalogue_travels_in_the_policy_and_is_validated_by_name():
    assert [g["id"] for g in jmdcm.catalogue({"schema": 1, "catalogue": HOST_CATALOGUE})["goals"]] == ["x.ski"]
    assert len(jmdcm.catalogue()["goals"]) == 31   # the handbook's
    twice = {**HOST_CATALOGUE, "goals": HOST_CATALOGUE["goals"] * 2}
    with pytest.raises(jmdcm.CatalogueInvalidError) as bad:
        jmdcm.catalogue({"schema": 1, "catalogue": twice})
    assert (bad.value.rule, bad.value.field) == ("R8", "policy.catalogue.goals[1].id")
    assert str(bad.value).startswith("R8: duplicate goal id 'x.ski'")   # the rule is not doubled
