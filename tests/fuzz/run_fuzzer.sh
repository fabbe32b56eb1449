#!/usr/bin/env bash
# Runs the fuzzer for a bounded time on a scratch copy of the seed corpus, with the JSON
# dictionary. A crash, leak or sanitizer report fails the test and leaves the input in
# <work>/ (crash-*, leak-*) to reproduce with: <fuzzer> <work>/crash-...
# Usage: run_fuzzer.sh <fuzzer> <source-dir> <work-dir> <seconds>
set -euo pipefail
fuzzer="$1"; src="$2"; work="$3"; seconds="$4"
rm -rf "$work"
mkdir -p "$work/corpus"
cp "$src"/corpus/* "$work/corpus/"
cd "$work"
"$fuzzer" -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=2048 -timeout=10 \
          -dict="$src/json.dict" -print_final_stats=1 corpus 2>&1 | tail -n 25
