#!/usr/bin/env bash
# The README's first command: set up, build, and run the demonstration through the `jmdcm`
# command line: the handbook's worked example through every phase, the office's network,
# the case worker's agenda, the plan and evaluation as documents (HTML, PDF) and the radar
# chart, then the retention sweep.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset demo >/dev/null      # the core, the SQLite store and the command line: no bindings, no tests
cmake --build --preset demo --target jmdcm_cli
exec build/demo/cli/jmdcm demo --store build/demo/jmdcm-demo.sqlite
