#!/usr/bin/env bash
# Builds the `jmdcm` wheel offline from a CMake build: stages the package with the extension and
# libjmdcm.so.0 (debug information stripped, the extension's RUNPATH set to $ORIGIN, so the
# wheel holds no path of this machine), then Debian's python3-build without isolation.
# Usage: build_wheel.sh <python> <package-dir> <libjmdcm.so.0> <version> <source-dir> <out-dir>
set -euo pipefail
python="$1"; package="$2"; lib="$3"; version="$4"; src="$5"; out="$6"
stage="$out/stage"
rm -rf "$stage" "$out/dist"; mkdir -p "$stage" "$out/dist"
cp "$src/pyproject.toml" "$src/setup.py" "$stage/"
cp "$src/README.wheel.md" "$stage/README.md"
printf '%s\n' "$version" > "$stage/VERSION"
cp -r "$package" "$stage/jmdcm"
rm -rf "$stage/jmdcm/__pycache__"
objcopy --strip-debug "$lib" "$stage/jmdcm/libjmdcm.so.0"
for ext in "$stage"/jmdcm/_jmdcm*.so; do
  objcopy --strip-debug "$ext"
  patchelf --set-rpath '$ORIGIN' "$ext"
done
(cd "$stage" && "$python" -m build --no-isolation --wheel --outdir "$out/dist" . >"$out/build.log" 2>&1) \
  || { cat "$out/build.log"; exit 1; }
ls "$out"/dist/jmdcm-"$version"-*.whl
