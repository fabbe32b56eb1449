"""A generic FFI client reads jmdcm.h as it is: Debian's python3-cffi, no C preprocessor.

Only what cffi's cdef never takes is dropped: directive lines (#include, #ifdef, #define),
the `extern "C" {` bracket and the export and calling-convention macros. The status enum
is literal (issue 14), so its values come from the header itself and must agree with the
library's own table (jmdcm_status_names); a failed call is then read back through
jmdcm_error_last with its status, rule and field apart.
Usage: cffi_test.py <jmdcm.h> <libjmdcm.so>
"""
import json
import re
import sys

import cffi

header, library = sys.argv[1], sys.argv[2]
lines = []
for line in open(header, encoding="utf-8"):
    stripped = line.strip()
    if stripped.startswith("#") or stripped == 'extern "C" {' or line.rstrip("\n") == "}":
        continue
    lines.append(re.sub(r"\b(JMDCM_API|JMDCM_CALLBACK)\b", "", line))
ffi = cffi.FFI()
ffi.cdef("".join(lines))
lib = ffi.dlopen(library)


def text(call, *args):
    out = ffi.new("char **")
    status = call(out, *args)
    assert status == lib.JMDCM_OK, (status, ffi.string(lib.jmdcm_last_error()).decode())
    value = ffi.string(out[0]).decode("utf-8")
    lib.jmdcm_string_free(out[0])
    return value


# The enum the header spells out is the library's table, code for code.
statuses = json.loads(text(lib.jmdcm_status_names))
assert statuses and statuses[0] == {"code": 0, "name": "ok", "message": "no error"}, statuses[0]
for s in statuses:
    assert getattr(lib, "JMDCM_" + s["name"].upper()) == s["code"], s
    assert ffi.string(lib.jmdcm_status_name(s["code"])).decode() == s["name"], s
assert lib.JMDCM_RELEASE_REQUIRED == 33

# A refused rule: the structure says which rule and which field, no parsing of the message.
out = ffi.new("char **")
status = lib.jmdcm_rule_evaluate(out, b"policy", b"{}", b'{"active_goal_limit": 0}')
assert status == lib.JMDCM_POLICY_INVALID, status
assert out[0] == ffi.NULL
err = lib.jmdcm_error_last()
assert err.status == lib.JMDCM_POLICY_INVALID
message = ffi.string(err.message).decode()
assert message == ffi.string(lib.jmdcm_last_error()).decode()
assert ffi.string(err.rule).decode() == "R9", message
assert ffi.string(err.field).decode() == "policy.active_goal_limit", message
assert ffi.string(err.detail).decode() in message

# An error that is no rule has an empty rule, never NULL; a success clears the structure.
status = lib.jmdcm_rule_evaluate(out, b"no_such_rule", b"{}", ffi.NULL)
assert status == lib.JMDCM_INVALID_ARGUMENT
assert ffi.string(lib.jmdcm_error_last().rule) == b""
assert ffi.string(lib.jmdcm_error_last().field) == b"rule"
assert json.loads(text(lib.jmdcm_rule_names))
err = lib.jmdcm_error_last()
assert err.status == lib.JMDCM_OK and ffi.string(err.message) == b"" and ffi.string(err.field) == b""
print("cffi read jmdcm.h:", len(statuses), "statuses")
