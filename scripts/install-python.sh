#!/usr/bin/env bash
# Installs libjmdcm and the Python package `jmdcm` for Debian's /usr/bin/python3, offline
# (everything comes from Debian's archive and this tree). Default prefix /usr/local: the
# package lands in /usr/local/lib/python3.X/dist-packages, which that Python searches.
# Usage: scripts/install-python.sh [prefix]     (root or sudo for system prefixes)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target jmdcm jmdcm_static jmdcm_python
SUDO=""
[ -w "$(dirname "$prefix")" ] || [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO cmake --install build/default --prefix "$prefix"
site="$prefix/lib/python3.$(/usr/bin/python3 -c 'import sys; print(sys.version_info.minor)')/dist-packages"
(cd / && PYTHONPATH="$site${PYTHONPATH:+:$PYTHONPATH}" /usr/bin/python3 -c 'import jmdcm; print("jmdcm", jmdcm.__version__, "from", jmdcm.__file__)')
