#!/usr/bin/env bash
# Bulk work through the command line (issue 13): N synthetic cases (default 200,000, about
# 1 GB of JSON) as JSON Lines through generate, import (all or nothing, one transaction) and
# export, each streamed with bounded memory. Prints every command's peak RSS and fails when
# one passes the bound: reading the file whole, or holding every case, would.
# Usage: bulk_test.sh <jmdcm binary> [N] [bound MiB]
set -euo pipefail
jmdcm="$1"; n="${2:-200000}"; bound="${3:-256}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
/usr/bin/python3 - "$jmdcm" "$n" "$bound" <<'PY'
import os, subprocess, sys
jmdcm, n, bound = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def run(name, args, stdout):
    """Runs one command; answers its own peak RSS in MiB (wait4 gives the child's rusage)."""
    with open(stdout, "wb") if stdout else open(os.devnull, "wb") as out:
        p = subprocess.Popen([jmdcm] + args, stdout=out, stderr=subprocess.PIPE)
        err = p.stderr.read().decode()
        _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"bulk_test: {name} failed ({p.returncode}): {err}")
    peak = usage.ru_maxrss / 1024
    print(f"bulk_test: {name:<9} peak RSS {peak:7.1f} MiB")
    if peak > bound:
        sys.exit(f"bulk_test: {name} took {peak:.0f} MiB, over the bound of {bound} MiB")
    return peak

run("generate", ["generate", "--count", str(n), "--case-workers", "1", "--format", "jsonl"], "cases.jsonl")
size = os.path.getsize("cases.jsonl")
print(f"bulk_test: {n} cases, {size / 2**20:.0f} MiB of JSON Lines")
if n >= 100000 and size < bound * 2**20:
    sys.exit("bulk_test: the file is smaller than the bound, so the bound proves nothing")
run("import", ["import", "--store", "bulk.sqlite", "--actor", "fk-01", "cases.jsonl"], None)
run("export", ["export", "--store", "bulk.sqlite", "--actor", "fk-01", "--format", "jsonl"], "back.jsonl")
with open("cases.jsonl") as a, open("back.jsonl") as b:
    ids_in = sorted(line[line.index('"id":"') + 6:].split('"', 1)[0] for line in a)
    ids_out = [line[line.index('"id":"') + 6:].split('"', 1)[0] for line in b]
if ids_out != ids_in:
    sys.exit(f"bulk_test: export gave {len(ids_out)} cases, not the {len(ids_in)} imported, in id order")
print(f"bulk_test: {n} cases imported and exported again")
PY
