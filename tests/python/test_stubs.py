"""The type stubs (__init__.pyi) declare exactly what the package offers at run time."""
import ast
import pathlib

import jmdcm


def _stub():
    return ast.parse((pathlib.Path(jmdcm.__file__).parent / "__init__.pyi").read_text())


def test_stub_names_match_the_package():
    declared = set()
    for node in _stub().body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            declared.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            declared.add(node.target.id)
    assert declared - {"__version__", "ABI_VERSION", "JmdcmError"} <= set(jmdcm.__all__) | {"__version__"}
    assert set(jmdcm.__all__) <= declared


def test_stub_enums_and_errors_match_the_library():
    classes = {n.name: n for n in _stub().body if isinstance(n, ast.ClassDef)}
    for name in jmdcm.enums.__all__:
        members = {t.targets[0].id: t.value.value for t in classes[name].body if isinstance(t, ast.Assign)}
        assert members == {m.name: m.value for m in getattr(jmdcm, name)}, name
    for cls in jmdcm.errors.error_classes.values():
        assert classes[cls.__name__].bases[0].id == "JmdcmError"


def test_docstrings_are_present():
    for obj in (jmdcm, jmdcm.Store, jmdcm.Store.export, jmdcm.Case.step, jmdcm.synthetic_table, jmdcm.rule,
                jmdcm.ReleaseRequiredError):
        assert obj.__doc__, obj
