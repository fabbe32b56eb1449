#!/usr/bin/env bash
# Rewrites the checked-in ABI baseline (libjmdcm.abi) from a build of libjmdcm.
# Run it only for a release that is meant to change the ABI additively, and commit the
# result; the capi.abi test compares every build against it.
# Usage: capi/abi/update-baseline.sh [build-dir]   (default build/ci)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$src/build/ci}" && pwd)"
"$here/abi_dump.sh" "$build/capi/libjmdcm.so" "$src" "$build" > "$here/libjmdcm.abi"
echo "wrote $here/libjmdcm.abi"
