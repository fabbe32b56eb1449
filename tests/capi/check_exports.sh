#!/usr/bin/env bash
# ABI guard (first part): libjmdcm exports only jmdcm_ symbols, and every symbol of the
# checked-in baseline is still there (additive evolution: adding is fine, removing is not).
set -euo pipefail
lib="$1"
baseline="$2"
actual=$(nm -D --defined-only "$lib" | awk '{print $3}' | sort)
leaked=$(printf '%s\n' "$actual" | grep -v '^jmdcm_' || true)
if [ -n "$leaked" ]; then
  echo "symbols outside the C ABI are exported:"; printf '  %s\n' $leaked; exit 1
fi
missing=$(comm -23 "$baseline" <(printf '%s\n' "$actual"))
if [ -n "$missing" ]; then
  echo "symbols of the ABI baseline are gone (incompatible change):"; printf '  %s\n' $missing; exit 1
fi
added=$(comm -13 "$baseline" <(printf '%s\n' "$actual"))
[ -z "$added" ] || { echo "new symbols (add them to $baseline):"; printf '  %s\n' $added; }
echo "exports: $(printf '%s\n' "$actual" | wc -l) jmdcm_ symbols, baseline kept"
