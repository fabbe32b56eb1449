#!/usr/bin/env bash
# ABI guard (second part): libabigail's abidiff compares this build of libjmdcm with the
# checked-in baseline. Added functions and enumerators are compatible; removed or
# changed functions, and removed or renumbered status codes, fail the test.
# Usage: check_abi.sh <libjmdcm.so> <source-dir> <build-dir>
set -euo pipefail
lib="$1"; src="$2"; build="$3"
current="$(mktemp)"; trap 'rm -f "$current"' EXIT
"$src/capi/abi/abi_dump.sh" "$lib" "$src" "$build" > "$current"
set +e
report=$(abidiff --suppressions "$src/capi/abi/jmdcm.suppr" "$src/capi/abi/libjmdcm.abi" "$current")
status=$?
set -e
echo "$report"
# abidiff's exit status is a bit set: 1 error, 2 usage error, 4 ABI change, 8 incompatible change.
if (( status & 3 )); then echo "abidiff could not compare (status $status)"; exit 1; fi
if (( status & 8 )); then echo "incompatible ABI change against capi/abi/libjmdcm.abi"; exit 1; fi
# New status codes show up as a change of every function returning jmdcm_status; any
# other change of an existing function, or a removed or renumbered code, is not additive.
other_changes=$(grep -E 'changed|change:|deletion' <<<"$report" \
  | grep -Ev "Functions changes summary|Variables changes summary|jmdcm_status|return type changed:|type size hasn't changed" || true)
if grep -Eq 'enumerator (deletion|change)' <<<"$report" || [ -n "$other_changes" ]; then
  echo "an existing function or status code changed: not an additive change"; printf '%s\n' "$other_changes"; exit 1
fi
if (( status & 4 )); then echo "additive ABI change: run capi/abi/update-baseline.sh and commit the baseline"; fi
echo "ABI compatible with the baseline"
