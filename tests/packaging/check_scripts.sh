#!/usr/bin/env bash
# The project's shell scripts run under `set -o pipefail`. There, `producer | grep -q` and
# `producer | head` fail at random: the reader stops early, the producer dies of SIGPIPE
# and the pipeline's status is 141 although the line was found (packaging.install failed
# so in CI). Match on captured output instead: grep -q pattern <<<"$(producer)".
# Usage: check_scripts.sh <source-dir>
set -euo pipefail
src="$1"
mapfile -t scripts < <(cd "$src" && git ls-files '*.sh' '.ci/run' 2>/dev/null || find . -name '*.sh' -not -path './build*')
[ "${#scripts[@]}" -gt 5 ] || { echo "check_scripts: found only ${#scripts[@]} scripts under $src"; exit 1; }
bad=0
for s in "${scripts[@]}"; do
  [ "$(basename "$s")" = check_scripts.sh ] && continue   # its own pattern would match
  grep -q 'pipefail' "$src/$s" || continue
  # comment lines may name the pattern
  if hits=$(grep -nE '\|[[:space:]]*(grep[[:space:]]+(-[a-zA-Z]*q|--quiet|-m)|head\b)' "$src/$s" | grep -vE '^[0-9]+:[[:space:]]*#'); then
    echo "$s: a pipeline whose reader stops early, under pipefail:"; echo "$hits"; bad=1
  fi
done
[ "$bad" = 0 ] && echo "check_scripts: ${#scripts[@]} scripts, no early-stopping pipeline"
exit "$bad"
