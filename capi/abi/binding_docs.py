"""The bindings' view of the operations, generated from the library's JSON Schemas by
check_schemas.py (issue 14): Python TypedDicts and name Literals (jmdcm/operations.py) and C#
name constants with XML docs (Operations.g.cs). One source: the schemas the library serves."""
import json

FAMILIES = (("step", "Step", "jmdcm_case_step and jmdcm_store_step; every step answers the case"),
            ("rule", "Rule", "jmdcm_rule_evaluate"),
            ("request", "Request", "jmdcm_store_request"))


def camel(name):
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def operations(schemas, family):
    return sorted({n.split("/")[1] for n in schemas if n.startswith(family + "/")})


class PythonTypes:
    """TypedDicts for every described type the operations use, one per distinct shape."""

    def __init__(self):
        self.names = {}       # shape (json) -> name
        self.taken = {}       # name -> shape
        self.lines = []

    def type_of(self, schema, root, context):
        if "$ref" in schema:
            name = schema["$ref"].split("/")[-1]
            return self.typed_dict(name, root["$defs"][name], root, context)
        if "anyOf" in schema:
            parts = [self.type_of(s, root, context) for s in schema["anyOf"] if s.get("type") != "null"]
            return " | ".join(parts) + " | None"
        kind = schema.get("type")
        if "enum" in schema:
            return "Literal[" + ", ".join(json.dumps(v) for v in schema["enum"]) + "]"
        if kind == "string":
            return "Date" if schema.get("format") == "date" else "str"
        if kind == "array":
            return "list[" + self.type_of(schema["items"], root, context) + "]"
        if kind == "object":
            return self.typed_dict(context + "Object", schema, root, context)
        return {"integer": "int", "number": "float", "boolean": "bool"}.get(kind, "Any")

    def typed_dict(self, name, schema, root, context):
        shape = json.dumps(schema, sort_keys=True)
        if shape in self.names:
            return self.names[shape]
        if name in self.taken:   # two C++ types of one name: the operation tells them apart
            name = name + "_" + context
        self.names[shape] = name
        self.taken[name] = shape
        required = set(schema.get("required", []))
        members = []
        for key, sub in schema.get("properties", {}).items():
            t = self.type_of(sub, root, context)
            members.append(f"    {json.dumps(key)}: {t if key in required else 'NotRequired[' + t + ']'},")
        self.lines += [f'{name} = TypedDict("{name}", {{', *members, "})", ""]
        return name


def operations_py(schemas, summary):
    types = PythonTypes()
    tables = []
    literals = []
    for family, title, _ in FAMILIES:
        ops = operations(schemas, family)
        literals.append(f"{title}Name = " + ("Literal[" + ", ".join(json.dumps(o) for o in ops) + "]" if ops else "Never"))
        for part in ("input", "output"):
            rows = []
            for op in ops:
                s = schemas.get(f"{family}/{op}/{part}")
                if s is not None:
                    rows.append(f"    {json.dumps(op)}: {types.type_of(s, s, camel(op))},")
            if rows:
                tables += [f"{family.upper()}_{part.upper()}S: dict[str, Any] = {{", *rows, "}", ""]
    docs = ["SUMMARY: dict[str, str] = {"]
    for name, text in sorted(summary.items()):
        docs.append(f"    {json.dumps(name)}: {json.dumps(text, ensure_ascii=False)},")
    docs.append("}")
    head = ['"""The operations\' names and documents as Python types, generated from the library\'s JSON',
            "Schemas (jmdcm.schema) by capi/abi/check_schemas.py --update: do not edit.",
            "",
            "StepName, RuleName and RequestName are the names Case.step, Store.step, rule and",
            "Store.request take; <FAMILY>_INPUTS and <FAMILY>_OUTPUTS map each name to the TypedDict of",
            "its document, NotRequired marking a member a host may leave out; SUMMARY gives each",
            "operation's members in one line. Dates are 'YYYY-MM-DD' or datetime.date.\"\"\"",
            "from __future__ import annotations",
            "",
            "import datetime as _dt",
            "from typing import Any, Literal, Never, NotRequired, TypedDict, Union",
            "",
            "Date = Union[str, _dt.date]",
            ""]
    return "\n".join(head + literals + [""] + types.lines + tables + docs) + "\n"


def xml(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def operations_cs(schemas, summary):
    out = ["// The operations' names with their documents, generated from the library's JSON Schemas",
           "// (Library.Schema) by capi/abi/check_schemas.py --update: do not edit.",
           "namespace Jmdcm",
           "{"]
    for family, title, calls in FAMILIES:
        out += [f"    /// <summary>The names of the {family}s ({xml(calls)}), each with its input and output;",
                "    /// <c>?</c> marks a member a host may leave out. Library.Schema gives the whole schema.</summary>",
                f"    public static class {title}s",
                "    {"]
        for op in operations(schemas, family):
            out += [f"        /// <summary>{xml(summary[f'{family}/{op}'])}</summary>",
                    f"        public const string {camel(op)} = \"{op}\";"]
        out += ["    }", ""]
    out[-1] = "}"
    return "\n".join(out) + "\n"
