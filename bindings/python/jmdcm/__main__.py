"""python3 -m jmdcm export: a research table as CSV or Stata, for R, Stata or SPSS users
(issue 20). Only research tables, which are anonymised copies (R13), can be written.

  python3 -m jmdcm export --table goals --format stata --out goals.dta --on 2026-01-01 --synthetic 10000 [--seed 1]
  python3 -m jmdcm export --table goals --format csv --out goals.csv --on 2026-01-01 --store cases.sqlite --actor st-1 --role statistics
  python3 -m jmdcm export --table caseload --out caseload.csv --on 2026-01-01 --store cases.sqlite --actor tl --role team_lead --policy policy.json
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys

from . import TABLES, Actor, Role, Store, synthetic_table
from .errors import JmdcmError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m jmdcm", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="a research table as CSV or Stata")
    export.add_argument("--table", required=True, choices=TABLES)
    export.add_argument("--format", default="csv", choices=("csv", "stata"))
    export.add_argument("--out", required=True, help="the file to write")
    export.add_argument("--on", required=True, type=dt.date.fromisoformat, help="the day the copies are anonymised as of")
    source = export.add_mutually_exclusive_group(required=True)
    source.add_argument("--synthetic", type=int, metavar="N", help="N seeded synthetic cases, stored nowhere")
    source.add_argument("--store", help="a SQLite store (read-only)")
    export.add_argument("--seed", type=int, default=1)
    export.add_argument("--actor", help="who exports (audited; with --store)")
    export.add_argument("--role", default="statistics", choices=[r.value for r in Role])
    export.add_argument("--policy", help="a policy file (JSON): the caseload table's posts and levels (R15)")
    args = parser.parse_args(argv)
    try:
        policy = None
        if args.policy:
            with open(args.policy, encoding="utf-8") as f:
                policy = json.load(f)
        if args.synthetic is not None:
            table = synthetic_table(args.table, args.synthetic, seed=args.seed, on=args.on, frame=False, policy=policy)
        else:
            if not args.actor:
                parser.error("--store needs --actor")
            if not os.path.exists(args.store):
                parser.error(f"no store at {args.store}")   # opening would create an empty one
            with Store.sqlite(args.store) as store:
                table = store.export(Actor(args.actor, Role(args.role)), args.table, args.on, frame=False, policy=policy)
        table.write(args.out, args.format)
    except (JmdcmError, ValueError, OSError) as e:
        print(f"jmdcm: {e}", file=sys.stderr)
        return 1
    print(f"{args.out}: {table.rows} rows of {table.name} ({args.format})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
