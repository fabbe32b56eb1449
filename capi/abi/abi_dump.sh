#!/usr/bin/env bash
# Prints the ABI of libjmdcm as libabigail XML: only the jmdcm_ functions and the types
# the public headers declare, without absolute paths (so clones anywhere compare equal).
# Usage: abi_dump.sh <libjmdcm.so> <source-dir> <build-dir>
set -euo pipefail
lib="$1"; src="$2"; build="$3"
abidw --exported-interfaces-only --drop-private-types --no-corpus-path --no-comp-dir-path --no-show-locs \
      --type-id-style hash --suppressions "$src/capi/abi/jmdcm.suppr" \
      --headers-dir "$src/capi/include/jmdcm" --headers-dir "$build/capi/include/jmdcm" \
      "$(readlink -f "$lib")" | sed -e "s#$src/##g" -e "s#$build/#build/#g"
