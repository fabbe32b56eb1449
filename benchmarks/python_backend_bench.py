#!/usr/bin/env python3
"""A backend written in Python (issue 17): per-call cost of a case load and a store-side step
through the library over a dict backend (tests/python/host_backends.py), against the same
calls over the library's own memory store and against the host reading its own row
directly (no access check, no audit, no parsing). Ratios of the best of --repeat runs.

    PYTHONPATH=build/default/python /usr/bin/python3 benchmarks/python_backend_bench.py
"""
import argparse
import datetime as dt
import pathlib
import sys
import time

import jmdcm

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests" / "python"))
from host_backends import DictBackend  # noqa: E402

CASE_ID = "JMD-FFM-2016-0042"
WORKER = jmdcm.Actor("fachkraft-1")
TODAY = dt.date(2017, 4, 1)
ENTRY = {"date": TODAY, "kind": "phone", "topic": "counselling", "with_young_person": True, "with_whom": "", "note": "Anruf"}


def per_call(fn, calls, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    backend = DictBackend()
    host = jmdcm.Store.backend(backend, today=TODAY)
    ours = jmdcm.Store.memory(today=TODAY)
    for store in (host, ours):
        store.samira(WORKER)
        store.step(WORKER, CASE_ID, "reopen_case", {"on": TODAY})

    t = {
        "direct": per_call(lambda: backend.get_case(CASE_ID), args.calls, args.repeat),
        "memory_load": per_call(lambda: ours.load(WORKER, CASE_ID), args.calls, args.repeat),
        "python_load": per_call(lambda: host.load(WORKER, CASE_ID), args.calls, args.repeat),
        # steps grow the case: few calls, the same number on both sides
        "memory_step": per_call(lambda: ours.step(WORKER, CASE_ID, "add_journal_entry", ENTRY), 50, 1),
        "python_step": per_call(lambda: host.step(WORKER, CASE_ID, "add_journal_entry", ENTRY), 50, 1),
    }
    for name, seconds in t.items():
        print(f"{name:12s} {seconds * 1e6:10.1f} us/call")
    print("\nRatios (same run):")
    print(f"  python backend / library memory store, load  {t['python_load'] / t['memory_load']:8.3f}")
    print(f"  python backend / library memory store, step  {t['python_step'] / t['memory_step']:8.3f}")
    print(f"  load through the library / the host's own read  {t['python_load'] / t['direct']:8.1f}")
    host.close()
    ours.close()


if __name__ == "__main__":
    main()
