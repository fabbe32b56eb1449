#!/usr/bin/env bash
# The wheel as a researcher uses it, away from the build tree (no PYTHONPATH, another folder):
# 1. Debian's python3 -m venv --system-site-packages (numpy, pandas, matplotlib from Debian),
#    pip install of the wheel from a local file only; a smoke test and the research notebook,
#    on a kernel of that venv.
# 2. The python3 first on PATH (another build of CPython 3.11, as pyenv's), in a venv of its
#    own without numpy: the store works, a research table says what is missing.
# Usage: wheel_test.sh <dist-dir> <notebook> <work-dir>
set -euo pipefail
dist="$1"; notebook="$2"; work="$3"
wheel="$(ls "$dist"/jmdcm-*.whl)"
rm -rf "$work"; mkdir -p "$work"; cd "$work"
unset PYTHONPATH
export PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1

smoke='
import datetime as dt, os, sys, jmdcm
assert os.path.realpath(jmdcm.__file__).startswith(os.path.realpath(sys.prefix)), jmdcm.__file__
with jmdcm.Store.memory(today=dt.date(2017, 1, 10)) as store:
    case = store.samira(jmdcm.Actor("fachkraft-1"))
    assert case.closure_reason == jmdcm.ClosureReason.ended_by_young_person, case.closure_reason
try:
    frame = jmdcm.synthetic_table("goals", 50, seed=3)
    print("research:", len(frame), "goals")
except ImportError as e:
    assert "numpy" in str(e) and "pip install numpy" in str(e), e
    print("research: refused clearly:", e)
print("wheel ok:", jmdcm.__version__, "from", jmdcm.__file__, "on", sys.executable)
'

# 1. Debian's Python, system site packages for numpy and pandas.
/usr/bin/python3 -m venv --system-site-packages venv
venv/bin/python -m pip install -q "$wheel"
venv/bin/python -c "$smoke" | tee smoke.log
grep -Eq "^research: [1-9][0-9]* goals" smoke.log   # numpy and pandas from Debian, through the venv
venv/bin/python -m ipykernel install --prefix "$work/venv" --name jmdcm-wheel >/dev/null
MPLBACKEND=Agg PYDEVD_DISABLE_FILE_VALIDATION=1 venv/bin/python -m nbconvert --to notebook --execute \
  --ExecutePreprocessor.kernel_name=jmdcm-wheel --ExecutePreprocessor.timeout=600 \
  --output-dir "$work/notebook" "$notebook"
echo "notebook ok (kernel jmdcm-wheel of the venv)"

# 2. The Python on PATH, when it is another CPython 3.11 (the wheel's tag).
other="$(command -v python3 || true)"
if [ -n "$other" ] && [ "$(realpath "$other")" != "$(realpath /usr/bin/python3)" ] \
   && "$other" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  "$other" -m venv plain
  plain/bin/python -m pip install -q "$wheel"
  plain/bin/python -c "$smoke"
else
  echo "no other CPython 3.11 on PATH: step 2 skipped"
fi
