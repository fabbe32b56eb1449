#!/usr/bin/env python3
"""Research export to pandas against json.loads of the same records, in the same run
(issue 5). Targets: at least 10x faster than json.loads, at least 2M rows/s.

The subject is the crossing from the library into pandas: the table's int32 columns
become a DataFrame. The baseline is only json.loads of the same rows as JSON records (no
DataFrame built from them, which would cost it more). Both start from data the library
produced: columns against text. Times are the best of --repeat runs.

    PYTHONPATH=build/default/python /usr/bin/python3 benchmarks/python_export_bench.py
"""
import argparse
import json
import time

import jmdcm


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    # Enough synthetic cases for the rows wanted (assessments in long format).
    sample = jmdcm.synthetic_table("assessments", 1000, frame=False)
    count = max(1, int(args.rows / sample.rows * 1000 * 1.05))
    table = jmdcm.synthetic_table("assessments", count, frame=False)
    frame = table.to_dataframe()
    records = frame.astype({"date": str}).to_json(orient="records")  # the same rows as JSON
    rows = table.rows

    subject = best(table.to_dataframe, args.repeat)
    baseline = best(lambda: json.loads(records), args.repeat)
    print(f"rows: {rows:,} ({count:,} synthetic cases)")
    print(f"  to_dataframe       {subject * 1e3:9.1f} ms   {rows / subject / 1e6:8.2f} M rows/s   (target >= 2)")
    print(f"  json.loads records {baseline * 1e3:9.1f} ms   {rows / baseline / 1e6:8.2f} M rows/s")
    print(f"Ratio (same run): json.loads time / export time = {baseline / subject:.1f}   (target >= 10)")


if __name__ == "__main__":
    main()
