#!/usr/bin/env bash
# Installs every Debian package the build, the demonstration and the tests need.
# Idempotent: packages already present are left alone, so a second run is quick.
set -euo pipefail

packages=(
  cmake ninja-build gcc g++ binutils pkg-config   # gcc: the C ABI tests are C; binutils: nm for the export guard
  libboost1.81-dev libboost-json1.81-dev libboost-date-time1.81-dev
  libboost-program-options1.81-dev                # the `jmdcm` command line's options
  libsqlite3-dev
  libpq-dev postgresql-15                         # the PostgreSQL backend (libpq) and the throwaway test cluster
  libsodium-dev                                   # per-case keys: XChaCha20-Poly1305 sealing
  liblz4-dev                                      # per-case keys: documents are compressed before sealing
  libgtest-dev libgmock-dev libbenchmark-dev
  abigail-tools                                   # abidw/abidiff: the C ABI guard
  clang-14 libclang-rt-14-dev                     # libFuzzer over the C ABI's JSON entry points
  # The Python package, for Debian's /usr/bin/python3. python3-munkres in the same call keeps
  # apt from resolving matplotlib through scipy/pythran to libboost-dev 1.74 (a conflict).
  pybind11-dev python3-dev python3-pytest python3-numpy python3-pandas python3-matplotlib
  jupyter-nbconvert python3-ipykernel python3-munkres
  python3-cffi                                    # a generic FFI client reads jmdcm.h as it is (capi.cffi)
  # The wheel, offline: python3 -m build --no-isolation; patchelf sets the extension's RUNPATH
  # to $ORIGIN; python3-venv (ensurepip) for the test that installs it into fresh venvs.
  python3-build python3-setuptools python3-wheel python3-venv patchelf
  # The C# binding: SWIG writes its P/Invoke layer. The .NET SDK that builds, tests and packs it
  # is the machine's own (not in Debian's archive); NUnit and the test SDK come from NuGet.
  swig
  # Documents: chromium prints the plan to PDF and screenshots it headless, librsvg turns the
  # radar chart into PNG, DejaVu gives both the same glyphs, PIL reads the images in the test.
  chromium librsvg2-bin fonts-dejavu-core python3-pil
)

# --list: print the packages, one a line (tests/packaging/check_deps.sh checks that they
# bring everything configure and the tests look for, without recommended packages).
if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  grep -q "install ok installed" <<<"$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" || missing+=("$p")
done

command -v dotnet >/dev/null 2>&1 || echo "install-deps: no .NET SDK (dotnet) on this machine: the C# binding will be skipped" >&2

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
