#!/usr/bin/env python3
"""The published JSON Schemas (jmdcm_schema) against their baseline, capi/abi/schemas.json,
the way the ABI guard treats symbols: additions pass; a schema that goes (removed or renamed),
a member that goes, a member that becomes required, a type that changes, or an enum value
that goes fail. Also writes, from the same schemas, capi/OPERATIONS.md (the table of every
operation's input and output), the Python binding's operations.py (TypedDicts and name
Literals) and the C# binding's Operations.g.cs (name constants with XML docs), and fails when a
checked-in copy differs (binding_docs.py).

Usage: check_schemas.py <libjmdcm.so> <baseline.json> <OPERATIONS.md> [--update]"""
import ctypes
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))   # binding_docs beside it, however this is loaded
from binding_docs import operations_cs, operations_py  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
GENERATED = (("python", ROOT / "bindings/python/jmdcm/operations.py", operations_py),
             ("csharp", ROOT / "bindings/csharp/src/Operations.g.cs", operations_cs))


def load(lib_path):
    lib = ctypes.CDLL(lib_path)
    lib.jmdcm_string_free.argtypes = [ctypes.c_void_p]

    def text(fn, *args):
        out = ctypes.c_void_p()
        status = fn(ctypes.byref(out), *args)
        if status != 0:
            raise SystemExit(f"check_schemas: status {status} from {fn.__name__}")
        try:
            return ctypes.string_at(out).decode()
        finally:
            lib.jmdcm_string_free(out)

    names = json.loads(text(lib.jmdcm_schema_names))
    return {n: json.loads(text(lib.jmdcm_schema, n.encode())) for n in names}


def resolve(schema, root):
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].split("/")[-1]]
    return schema


def compare(old, new, old_root, new_root, where, problems):
    old, new = resolve(old, old_root), resolve(new, new_root)
    if "anyOf" in old:
        if "anyOf" not in new or len(new["anyOf"]) != len(old["anyOf"]):
            problems.append(f"{where}: was nullable ({old['anyOf']}), now {new}")
            return
        for i, (o, n) in enumerate(zip(old["anyOf"], new["anyOf"])):
            compare(o, n, old_root, new_root, where, problems)
        return
    if old.get("type") != new.get("type"):
        problems.append(f"{where}: type {old.get('type')} became {new.get('type')}")
        return
    gone = set(old.get("enum", [])) - set(new.get("enum", old.get("enum", [])))
    if gone:
        problems.append(f"{where}: values {sorted(gone)} are gone")
    if old.get("type") == "array":
        compare(old["items"], new["items"], old_root, new_root, where + "[]", problems)
    if old.get("type") == "object":
        for key, sub in old.get("properties", {}).items():
            if key not in new.get("properties", {}):
                problems.append(f"{where}.{key}: removed")
            else:
                compare(sub, new["properties"][key], old_root, new_root, f"{where}.{key}", problems)
        newly = set(new.get("required", [])) - set(old.get("required", []))
        if newly:
            problems.append(f"{where}: {sorted(newly)} became required")


def members(schema, root, output=False, depth=0):
    """'{a, b?}' for an object's members (? = a host may leave it out; outputs write every
    member), the type's name for a nested or large object (its document schema tells more)."""
    name = schema["$ref"].split("/")[-1] if "$ref" in schema else None
    s = resolve(schema, root)
    if "anyOf" in s:
        return members(s["anyOf"][0], root, output, depth) + " or null"
    if s.get("type") == "object":
        if name and (depth > 0 or len(s.get("properties", {})) > 12):
            return name
        required = set(s.get("required", []))
        return "{" + ", ".join(k if output or k in required else k + "?" for k in s.get("properties", {})) + "}"
    if s.get("type") == "array":
        return "[" + members(s["items"], root, output, depth) + "]"
    if "enum" in s:
        return " | ".join(s["enum"])
    return s.get("format", s.get("type", "?"))


def summaries(schemas):
    """'family/op' -> the operation's input and output in one line."""
    out = {}
    for name in schemas:
        family, op = name.split("/")[:2]
        if family == "document":
            continue
        cell = []
        for part in ("input", "output"):
            s = schemas.get(f"{family}/{op}/{part}")
            cell.append("(none)" if s is None and part == "input" else "the case" if s is None else
                        members(s, s, output=part == "output"))
        out[f"{family}/{op}"] = f"Input: {cell[0]}. Output: {cell[1]}."
    return out


def operations_md(schemas):
    lines = ["# Operations of the C ABI",
             "",
             "Generated from the library's own JSON Schemas (`jmdcm_schema`) by",
             "`capi/abi/check_schemas.py --update`: do not edit. `?` marks a member a host may leave out.",
             "Every step answers the case (`document/case`).", ""]
    for family, title in (("step", "Steps (jmdcm_case_step, jmdcm_store_step)"), ("rule", "Rules (jmdcm_rule_evaluate)"),
                          ("request", "Store requests (jmdcm_store_request)")):
        lines += [f"## {title}", "", "| name | input | output |", "|---|---|---|"]
        ops = sorted({n.split("/")[1] for n in schemas if n.startswith(family + "/")})
        for op in ops:
            cell = []
            for part in ("input", "output"):
                s = schemas.get(f"{family}/{op}/{part}")
                cell.append("(none)" if s is None and part == "input" else "the case" if s is None else
                            "`" + members(s, s, output=part == "output").replace("|", "\\|") + "`")
            lines.append(f"| `{op}` | {cell[0]} | {cell[1]} |")
        lines.append("")
    return "\n".join(lines)


def main():
    lib, baseline_path, md_path = sys.argv[1:4]
    update = "--update" in sys.argv[4:]
    current = load(lib)
    md = operations_md(current)
    generated = [(path, make(current, summaries(current))) for _, path, make in GENERATED]
    if update:
        for path, text in generated:
            path.write_text(text)
        with open(baseline_path, "w") as f:   # one schema a line: a change shows as that line
            f.write("{\n" + ",\n".join(json.dumps(n) + ": " + json.dumps(current[n], sort_keys=True, separators=(",", ":"))
                                       for n in sorted(current)) + "\n}\n")
        with open(md_path, "w") as f:
            f.write(md)
        print(f"check_schemas: wrote {len(current)} schemas, {md_path} and {', '.join(str(p) for p, _ in generated)}")
        return 0
    with open(baseline_path) as f:
        baseline = json.load(f)
    problems = []
    for name, old in baseline.items():
        if name not in current:
            problems.append(f"{name}: removed or renamed")
            continue
        compare(old, current[name], old, current[name], name, problems)
    with open(md_path) as f:
        if f.read() != md:
            problems.append(f"{md_path} differs from the schemas: run check_schemas.py --update")
    for path, text in generated:
        if not path.exists() or path.read_text() != text:
            problems.append(f"{path} differs from the schemas: run check_schemas.py --update")
    for p in problems:
        print("check_schemas:", p)
    added = sorted(set(current) - set(baseline))
    print(f"check_schemas: {len(baseline)} schemas held to the baseline, {len(added)} added{': ' + ', '.join(added) if added else ''}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
