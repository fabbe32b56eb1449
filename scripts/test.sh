#!/usr/bin/env bash
# The README's second command: set up, build with warnings as errors, run every test;
# then rebuild the core tests under AddressSanitizer + UndefinedBehaviorSanitizer and run them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

echo "== build and test (warnings are errors)"
cmake --workflow --preset ci

echo "== core tests under ASan + UBSan"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cmake --workflow --preset asan
