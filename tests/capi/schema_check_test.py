"""check_schemas.py's comparison fails on what breaks a host and passes additions."""
import importlib.util
import sys

spec = importlib.util.spec_from_file_location("check_schemas", sys.argv[1])
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)

OLD = {"$ref": "#/$defs/In", "$defs": {"In": {"type": "object", "additionalProperties": False, "required": ["on"],
       "properties": {"on": {"type": "string", "format": "date"}, "kind": {"type": "string", "enum": ["a", "b"]},
                      "note": {"anyOf": [{"type": "string"}, {"type": "null"}]}}}}}


def changed(edit):
    import copy
    new = copy.deepcopy(OLD)
    edit(new["$defs"]["In"])
    problems = []
    check.compare(OLD, new, OLD, new, "x", problems)
    return problems


cases = {
    "a member added, optional": (lambda d: d["properties"].update(extra={"type": "integer"}), False),
    "an enum value added": (lambda d: d["properties"]["kind"]["enum"].append("c"), False),
    "a member removed": (lambda d: d["properties"].pop("note"), True),
    "a member newly required": (lambda d: d.update(required=["on", "kind"]), True),
    "a type changed": (lambda d: d["properties"].update(on={"type": "integer"}), True),
    "an enum value removed": (lambda d: d["properties"]["kind"].update(enum=["a"]), True),
    "no longer nullable": (lambda d: d["properties"].update(note={"type": "string"}), True),
}
failed = 0
for what, (edit, breaks) in cases.items():
    problems = changed(edit)
    if bool(problems) != breaks:
        print(f"schema_check: {what}: expected {'a failure' if breaks else 'a pass'}, got {problems}")
        failed = 1

# The bindings' views: a member a host may leave out is NotRequired in Python and marked ? in C#;
# two C++ types of one name get two TypedDicts.
OTHER = {"$ref": "#/$defs/In", "$defs": {"In": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}}}
schemas = {"step/do_it/input": OLD, "rule/other/input": OTHER, "rule/other/output": OLD}
summary = check.summaries(schemas)
namespace = {}
exec(compile(check.operations_py(schemas, summary), "operations.py", "exec"), namespace)
In, other = namespace["STEP_INPUTS"]["do_it"], namespace["RULE_INPUTS"]["other"]
if In.__required_keys__ != {"on"} or In.__optional_keys__ != {"kind", "note"} or other.__required_keys__ != {"n"} or other is In:
    print("schema_check: the TypedDicts do not follow the schemas:", In.__required_keys__, other.__required_keys__)
    failed = 1
cs = check.operations_cs(schemas, summary)
if "public const string DoIt = \"do_it\";" not in cs or "Input: {on, kind?, note?}. Output: the case." not in cs:
    print("schema_check: Operations.g.cs lacks the constant or its doc:\n" + cs)
    failed = 1
print("schema_check:", "ok" if not failed else "FAILED", f"({len(cases)} cases and the bindings' views)")
sys.exit(failed)
