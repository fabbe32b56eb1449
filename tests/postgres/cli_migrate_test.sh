#!/usr/bin/env bash
# Moving an office from its SQLite file to the server with the command line: all or nothing,
# audited, and the store then answers as it did.
# Usage: cli_migrate_test.sh <jmdcm binary> <socket dir of the test cluster>
set -euo pipefail
jmdcm="$1"; socket="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "cli_migrate_test: $*"; exit 1; }
schema="cli_$$"
psql -q -X "host=$socket user=postgres dbname=postgres" -c "CREATE SCHEMA $schema" || fail "cannot create the schema"
uri="postgresql://postgres@/postgres?host=$socket&options=-csearch_path%3D$schema"

"$jmdcm" demo --store office.sqlite --out docs > /dev/null
before="$("$jmdcm" export --store office.sqlite --actor fachkraft-1)"
out="$("$jmdcm" migrate --from office.sqlite --to "$uri" --actor admin-1 2>&1)" || fail "migrate failed: $out"
grep -q "moved 1 case(s)" <<<"$out" || fail "migrate said: $out"
after="$("$jmdcm" export --store "$uri" --actor fachkraft-1)"
[ "$before" = "$after" ] || fail "the moved store answers differently"
grep -q '"detail":"from sqlite: 1 cases"' <<<"$("$jmdcm" audit --store "$uri" --actor admin-1 --operation migrate)" ||
  fail "the move is not in the server's audit trail"
grep -q '"detail":"to postgresql: 1 cases"' <<<"$("$jmdcm" audit --store office.sqlite --actor admin-1 --operation migrate)" ||
  fail "the move is not in the file's audit trail"
# the trail came along: the demo's accesses are there too
[ "$("$jmdcm" audit --store "$uri" --actor admin-1 --case JMD-FFM-2016-0042 | grep -o '"operation"' | wc -l)" -gt 5 ] ||
  fail "the audit trail did not move"
if out="$("$jmdcm" migrate --from office.sqlite --to "$uri" --actor admin-1 2>&1)"; then fail "a second move should fail"; fi
grep -q "holds cases already" <<<"$out" || fail "a second move failed without saying why: $out"
if out="$("$jmdcm" migrate --from missing.sqlite --to "$uri" --actor admin-1 2>&1)"; then fail "a missing file should fail"; fi
grep -q "no store file" <<<"$out" || fail "a missing file failed without saying why: $out"
[ ! -e missing.sqlite ] || fail "a missing source file was created"
echo "cli_migrate_test: ok"
