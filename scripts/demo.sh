#!/usr/bin/env bash
# The README's first command: set up, build, and run the demonstration (the handbook's
# worked example through every phase).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target jmdcm_demo
exec build/default/examples/jmdcm_demo build/default/jmdcm-demo.sqlite
