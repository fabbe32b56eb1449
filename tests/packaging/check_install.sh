#!/usr/bin/env bash
# Installs the build tree into a scratch prefix and builds the plain C host
# (examples/c_host) against it three ways: find_package with the shared library,
# find_package with the static archive, and pkg-config. Each host runs the worked example.
# Usage: check_install.sh <build-dir> <source-dir> <scratch-dir> <c-compiler>
set -euo pipefail
build="$1"; src="$2"; work="$3"; cc="$4"
rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null

run() {  # run <host> <name>: the worked example must go through, on a fresh SQLite file
  local out
  out=$("$1" "$work/$2.sqlite")
  grep -q '"met":9,"total":9' <<<"$out" || { echo "$1 did not run the worked example:"; echo "$out"; exit 1; }
}
# Never pipe into grep -q under pipefail: grep stops at the first match, the producer gets
# SIGPIPE and the pipeline fails although the line was there. Match on captured output.
needs_libjmdcm() { grep -q 'NEEDED.*libjmdcm\.so\.0' <<<"$(readelf -d "$1")"; }

for variant in shared static; do
  static=OFF; [ "$variant" = static ] && static=ON
  cmake -S "$src/examples/c_host" -B "$work/$variant" -G Ninja -DCMAKE_C_COMPILER="$cc" \
        -DCMAKE_PREFIX_PATH="$prefix" -DJMDCM_HOST_STATIC=$static >/dev/null
  cmake --build "$work/$variant" >/dev/null
  host="$work/$variant/jmdcm_c_host"
  if [ "$variant" = shared ]; then
    needs_libjmdcm "$host" || { echo "shared host does not link libjmdcm.so.0"; exit 1; }
    grep -q "$prefix/lib.*libjmdcm.so.0" <<<"$(ldd "$host")" || { echo "shared host does not load the installed library"; ldd "$host"; exit 1; }
  else
    ! needs_libjmdcm "$host" || { echo "static host still needs libjmdcm.so"; exit 1; }
  fi
  run "$host" "$variant"
  echo "find_package ($variant): ok"
done

pc=$(find "$prefix" -name jmdcm.pc)
export PKG_CONFIG_PATH="$(dirname "$pc")"
[ "$(pkg-config --modversion jmdcm)" = "$(sed -n 's/^Version: //p' "$pc")" ]
"$cc" -std=c99 -Wall -Wextra -Werror "$src/examples/c_host/host.c" $(pkg-config --cflags --libs jmdcm) \
      -Wl,-rpath,"$(pkg-config --variable=libdir jmdcm)" -o "$work/pkgconfig_host"
needs_libjmdcm "$work/pkgconfig_host"
run "$work/pkgconfig_host" pkgconfig
echo "pkg-config: ok"

# The Python package, when the build has it: importable from the prefix's dist-packages by
# Debian's python3, loading the installed libjmdcm through its RPATH.
package=$(find "$prefix" -path '*dist-packages/jmdcm/__init__.py' -print -quit)
if [ -n "$package" ]; then
  (cd "$work" && PYTHONPATH="$(dirname "$(dirname "$package")")" /usr/bin/python3 -c '
import jmdcm, sys
me = jmdcm.Actor("fachkraft-1")
with jmdcm.Store.memory() as store:
    assert store.samira(me).requirements()["met"] == 9
assert jmdcm.__file__.startswith(sys.argv[1]), jmdcm.__file__
' "$prefix")
  echo "python package: ok"
fi
