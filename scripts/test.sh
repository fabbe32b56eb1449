#!/usr/bin/env bash
# The README's second command: set up, build with warnings as errors, run every test;
# then rebuild under AddressSanitizer + UndefinedBehaviorSanitizer and run the core and storage tests again.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

echo "== build and test (warnings are errors)"
cmake --workflow --preset ci

echo "== core and storage tests under ASan + UBSan"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cmake --workflow --preset asan
