#!/usr/bin/env bash
# Installs every Debian package the build, the demonstration and the tests need.
# Idempotent: packages already present are left alone, so a second run is quick.
set -euo pipefail

packages=(
  cmake ninja-build gcc g++ binutils pkg-config   # gcc: the C ABI tests are C; binutils: nm for the export guard
  libboost1.81-dev libboost-json1.81-dev libboost-date-time1.81-dev
  libsqlite3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  abigail-tools                                   # abidw/abidiff: the C ABI guard
  clang-14 libclang-rt-14-dev                     # libFuzzer over the C ABI's JSON entry points
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
