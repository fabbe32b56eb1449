#!/usr/bin/env bash
# The README's second command: set up, build with warnings as errors, run every test;
# then rebuild under AddressSanitizer + UndefinedBehaviorSanitizer and run the core, storage,
# backend, system, PostgreSQL, key and C ABI tests again; then fuzz the C ABI's JSON entry points with libFuzzer (clang 14)
# for a bounded time (JMDCM_FUZZ_SECONDS, default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

echo "== build and test (warnings are errors)"
cmake --workflow --preset ci

echo "== core, storage, backend, system, postgres, keys and C ABI tests under ASan + UBSan"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cmake --workflow --preset asan

echo "== libFuzzer over the C ABI's JSON entry points"
cmake --preset fuzz -DJMDCM_FUZZ_SECONDS="${JMDCM_FUZZ_SECONDS:-60}" >/dev/null
cmake --build --preset fuzz
ctest --preset fuzz
