"""Issue 14, item 2: the published schemas say what the library really reads. For every step's
and every rule's input: a document made from the schema alone has no missing or unknown member;
without any one `required` member it is refused naming that member; with an extra member it is
refused naming that; and a member the schema does not require may be left out."""
import datetime as dt

import pytest

import jmdcm


def resolve(s, root):
    while "$ref" in s:
        s = root["$defs"][s["$ref"].split("/")[-1]]
    return s


def example(s, root, depth=0):
    """The smallest document the schema describes: required members only, lists empty."""
    s = resolve(s, root)
    if "anyOf" in s:
        return None
    kind = s.get("type")
    if kind == "object":
        return {k: example(s["properties"][k], root, depth + 1) for k in s.get("required", [])}
    if kind == "array":
        return []
    if "enum" in s:
        return s["enum"][0]
    return {"string": "2020-01-06" if s.get("format") == "date" else "x", "integer": 1, "number": 1,
            "boolean": True}[kind]


def json_errors():
    return (jmdcm.JsonMissingFieldError, jmdcm.JsonUnknownFieldError, jmdcm.JsonSchemaVersionError)


def attempt(call, document):
    try:
        call(document)
    except json_errors() as e:
        return e
    except jmdcm.JmdcmError:
        return None   # refused by a rule or a value: the shape was read
    return None


def case_call(step):
    case = jmdcm.Case.open("SCHEMA-1", "JMD Test", "fk-1", dt.date(2020, 1, 6))
    return lambda document: case.step(step, document)


def rule_call(rule):
    return lambda document: jmdcm.rule(rule, document)


def inputs():
    for name in jmdcm.schema_names():
        family, op, part = (name.split("/") + [""])[:3]
        if part != "input":
            continue
        if family == "step" and op in jmdcm.steps():
            yield name, case_call(op)
        elif family == "rule":
            yield name, rule_call(op)


@pytest.mark.parametrize("name,call", list(inputs()), ids=lambda v: v if isinstance(v, str) else "")
def test_schema_matches_what_the_library_reads(name, call):
    root = jmdcm.schema(name)
    assert root["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    top = resolve(root, root)
    document = example(root, root)
    assert attempt(call, document) is None, f"{name}: the schema's own minimal document was refused"
    if top.get("type") != "object":
        return
    for key in top.get("required", []):
        e = attempt(call, {k: v for k, v in document.items() if k != key})
        # a versioned document without its version says so as json_schema_version
        expected = jmdcm.JsonSchemaVersionError if key == "schema" else jmdcm.JsonMissingFieldError
        assert isinstance(e, expected), f"{name}: leaving out required '{key}' was not refused"
        assert e.field is not None and e.field.endswith(key), (name, key, e.field)
    e = attempt(call, {**document, "no_such_member": 1})
    assert isinstance(e, jmdcm.JsonUnknownFieldError), f"{name}: an unknown member was accepted"
    assert top["additionalProperties"] is False


def test_every_operation_has_its_schemas():
    names = set(jmdcm.schema_names())
    for step in jmdcm.steps():
        assert f"step/{step}/input" in names
    for rule in jmdcm.rules():
        assert f"rule/{rule}/output" in names
    for request in jmdcm.requests():
        assert f"request/{request}/output" in names
    assert {"document/case", "document/policy", "document/partner", "document/actor"} <= names
    with pytest.raises(jmdcm.InvalidArgumentError, match="unknown schema 'rule/no_such'"):
        jmdcm.schema("rule/no_such")
