#!/usr/bin/env bash
# The `jmdcm` command line end to end: demo, generate, import and export, partners,
# network, agenda, statistics, gaps, render, sweep; and that mistakes are named.
# Usage: cli_test.sh <jmdcm binary>
set -euo pipefail
jmdcm="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "cli_test: $*"; exit 1; }
expect() {  # expect <text> <command...>: the command succeeds and prints the text
  local want="$1"; shift
  local out
  out="$("$@" 2>&1)" || fail "'$*' failed: $out"
  grep -qF -- "$want" <<<"$out" || fail "'$*' did not print '$want': $out"
}
refuses() {  # refuses <text> <command...>: the command fails and its message names the text
  local want="$1"; shift
  local out
  if out="$("$@" 2>&1)"; then fail "'$*' should have failed: $out"; fi
  grep -qF -- "$want" <<<"$out" || fail "'$*' failed without naming '$want': $out"
}

out="$("$jmdcm" demo --store demo.sqlite --out docs 2>&1)" || fail "demo failed: $out"
for want in "Mindeststandards (R14): 9/9" "Mindeststandards Systemebene (R12): 4/4"; do
  grep -qF -- "$want" <<<"$out" || fail "demo did not print '$want': $out"
done
test -s docs/plan-en.html && test -s docs/assessment-radar.svg || fail "demo wrote no documents"
# After the demo's sweep Samira's file is anonymised: it exports without her name.
"$jmdcm" export --store demo.sqlite --actor fachkraft-1 --case JMD-FFM-2016-0042 > samira.json
grep -q '"anonymised_on":"2017-09' samira.json || fail "the export is not the anonymised file"
! grep -q "Samira" samira.json || fail "the anonymised export holds the name"

# Issue 20: the population's invented structure from a file, strictly read and checked.
echo '{"achieved_percent": 40, "areas": [{"area": "housing", "difficulty": 30, "gap_percent": 50, "missing": "supported_housing", "gap": "kein Wohnraum"}]}' > structure.json
"$jmdcm" generate --count 3 --seed 7 --structure structure.json > structured.json
/usr/bin/python3 -c 'import json, sys; assert len(json.load(open(sys.argv[1]))) == 3' structured.json || fail "generate --structure"
echo '{"achieved_procent": 40}' > typo.json
refuses "achieved_procent" "$jmdcm" generate --count 1 --structure typo.json
echo '{"dropout_percent": 101}' > range.json
refuses "structure.dropout_percent" "$jmdcm" generate --count 1 --structure range.json

# Synthetic cases into a store: all or nothing, then export, render, agenda.
"$jmdcm" generate --count 12 --seed 7 --case-workers 1 > cases.json
s=(--store cases.sqlite)
refuses "R15" "$jmdcm" import "${s[@]}" --actor fk-02 cases.json       # not their cases: nothing lands
expect "[]" "$jmdcm" export "${s[@]}" --actor fk-01
expect "imported 12 case(s)" "$jmdcm" import "${s[@]}" --actor fk-01 cases.json
refuses "exists already" "$jmdcm" import "${s[@]}" --actor fk-01 cases.json
"$jmdcm" export "${s[@]}" --actor fk-01 > back.json
/usr/bin/python3 - cases.json back.json <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert [c["id"] for c in a] == sorted(c["id"] for c in b), "export differs from import"
PY
planned="$(/usr/bin/python3 -c 'import json; print(next(c["id"] for c in json.load(open("back.json")) if c["plans"] and not c["anonymised_on"]))')"
expect "<html lang=\"en\">" "$jmdcm" render plan "${s[@]}" --actor fk-01 --case "$planned" --lang en
expect "<svg" "$jmdcm" render chart "${s[@]}" --actor fk-01 --case "$planned"
# R4: another worker's case answers like a missing one (ids cannot be probed)
refuses "no case" "$jmdcm" render plan "${s[@]}" --actor fk-02 --case "$planned"
refuses "--lang" "$jmdcm" render plan "${s[@]}" --actor fk-01 --case "$planned" --lang fr
refuses "options.plan_version" "$jmdcm" render plan "${s[@]}" --actor fk-01 --case "$planned" --version 99
expect '"items":[' "$jmdcm" agenda "${s[@]}" --actor fk-01 --from 2018-01-01 --to 2022-12-31 --tolerance 7
refuses "--from" "$jmdcm" agenda "${s[@]}" --actor fk-01 --from 2018-13-01 --to 2022-12-31
refuses "query.to" "$jmdcm" agenda "${s[@]}" --actor fk-01 --from 2020-01-01 --to 2019-12-31
echo '{"active_goal_limt":4}' > typo-policy.json   # issue 14: a misspelt key is named, not ignored
refuses "active_goal_limt" "$jmdcm" agenda "${s[@]}" --actor fk-01 --from 2020-01-01 --to 2020-02-01 --policy typo-policy.json

# A step on a stored case, under its rule, and the audit trail that names it without values.
running="$(/usr/bin/python3 -c 'import json; print(next(c["id"] for c in json.load(open("back.json")) if c["plans"] and not c["anonymised_on"] and not c["closure"]))')"
echo '{"date":"2026-01-05","kind":"phone","topic":"counselling","with_young_person":true,"with_whom":"","note":"Rueckruf"}' > entry.json
expect '"note":"Rueckruf"' "$jmdcm" step "${s[@]}" --actor fk-01 --case "$running" --step add_journal_entry --input entry.json
echo '{"date":"2026-01-05","recipient":"Nirgendwo","offer":"x"}' | refuses "R4" "$jmdcm" step "${s[@]}" --actor fk-01 --case "$running" --step refer --input -
refuses "unknown step" "$jmdcm" step "${s[@]}" --actor fk-01 --case "$running" --step frobnicate --input entry.json
expect '"detail":"step add_journal_entry"' "$jmdcm" audit "${s[@]}" --actor ad-1 --case "$running" --operation save
grep -q Rueckruf <<<"$("$jmdcm" audit "${s[@]}" --actor ad-1)" && { echo "cli_test: the audit trail copied a value"; exit 1; }
refuses "R4" "$jmdcm" audit "${s[@]}" --actor fk-01 --role case_worker
refuses "R13" "$jmdcm" audit "${s[@]}" --actor st-1 --role statistics

# The network: partners from JSON, the map, the year's review list.
cat > partners.json <<'JSON'
[{"id":"P-1","version":0,"office":"JMD Synthetik","name":"Sprachkurs Nord","kind":"case_specific","category":"language_course",
  "region":"603","areas":["language"],"contact_modes":["phone"],"formalisation":"oral","since":"2020-01-01","until":null,
  "review_on":"2020-12-01","last_evaluated":null}]
JSON
expect '"id":"P-1","version":1' "$jmdcm" partners "${s[@]}" --actor tl-1 --import partners.json
expect '"version":2' "$jmdcm" partners "${s[@]}" --actor tl-1 --import partners.json   # an update
refuses "R12" "$jmdcm" partners "${s[@]}" --actor st-1 --role statistics --import partners.json
expect '"partner_id":"P-1"' "$jmdcm" network "${s[@]}" --actor tl-1 --on 2020-06-01 --due
expect '"partners":[' "$jmdcm" network "${s[@]}" --actor tl-1 --on 2020-06-01

# Administration: sweep, then statistics and gaps over what it anonymised.
expect '"examined":' "$jmdcm" sweep "${s[@]}" --actor ad-1 --on 2026-01-01
refuses "R13" "$jmdcm" sweep "${s[@]}" --actor fk-01 --role case_worker --on 2026-01-01
expect '"time_per_phase"' "$jmdcm" statistics "${s[@]}" --actor st-1 --on 2026-01-01
expect '"supply_gap_bundles"' "$jmdcm" gaps "${s[@]}" --actor st-1 --on 2026-01-01 --period quarter
refuses "--period" "$jmdcm" gaps "${s[@]}" --actor st-1 --on 2026-01-01 --period week
refuses "min_cell" "$jmdcm" statistics "${s[@]}" --actor st-1 --on 2026-01-01 --min-cell 0
# Reports as tables (issue 13): CSV for a spreadsheet, aligned text for a person, JSON by
# default when the output is not a terminal (as here).
csv="$("$jmdcm" statistics "${s[@]}" --actor st-1 --on 2026-01-01 --format csv)" || fail "statistics --format csv failed"
[[ "$(head -n1 <<<"$csv")" == ,*,total$'\r' ]] || fail "statistics CSV has no cross-tab header: $csv"
[[ "$(tail -n1 <<<"$csv")" == total,* ]] || fail "statistics CSV has no total row: $csv"
expect 'cases_by_closure_reason' "$jmdcm" statistics "${s[@]}" --actor st-1 --on 2026-01-01 --format table
expect '"tables":[' "$jmdcm" statistics "${s[@]}" --actor st-1 --on 2026-01-01
refuses "one of: table, csv, json" "$jmdcm" statistics "${s[@]}" --actor st-1 --on 2026-01-01 --format xml
refuses "no table 'nope' (one of: statistics, " "$jmdcm" statistics "${s[@]}" --actor st-1 --on 2026-01-01 --format csv --table nope
expect 'date,kind,case_id' "$jmdcm" agenda "${s[@]}" --actor fk-01 --from 2018-01-01 --to 2022-12-31 --format csv
expect 'query.tolerance_days' "$jmdcm" agenda "${s[@]}" --actor fk-01 --from 2018-01-01 --to 2022-12-31 --format table
expect 'at,actor,role,case_id,operation,allowed,detail' "$jmdcm" audit "${s[@]}" --actor ad-1 --limit 3 --format csv
expect 'partner.id' "$jmdcm" network "${s[@]}" --actor tl-1 --on 2020-06-01 --format csv
expect 'partner_id,name,kind,review_on' "$jmdcm" network "${s[@]}" --actor tl-1 --on 2020-06-01 --due --format csv
# a name a spreadsheet would run as a formula, with a comma and quotes: quoted, and prefixed
sed -e 's/"P-1"/"P-2"/' -e 's/"Sprachkurs Nord"/"=HYPERLINK(\\"x\\"),Nord"/' partners.json > formula.json
expect '"id":"P-2"' "$jmdcm" partners "${s[@]}" --actor tl-1 --import formula.json
expect '"'"'"'=HYPERLINK(""x""),Nord"' "$jmdcm" network "${s[@]}" --actor tl-1 --on 2020-06-01 --due --format csv
expect 'supply_gap_bundles' "$jmdcm" gaps "${s[@]}" --actor st-1 --on 2026-01-01 --format table
# Per-case keys (issue 19): a key file, a store converted by `seal`, a rotation.
expect "wrote a new key file" "$jmdcm" keygen --out office.kek
refuses "never overwritten" "$jmdcm" keygen --out office.kek
k=(--store keys.sqlite --kek-file office.kek)
expect "imported 12 case(s)" "$jmdcm" import --store keys.sqlite --actor fk-01 cases.json   # in clear first
running=$(/usr/bin/python3 -c 'import json,sys; print(sum(1 for c in json.load(open(sys.argv[1])) if not c.get("anonymised_on")))' cases.json)
expect "sealed $running case(s)" "$jmdcm" seal "${k[@]}" --actor ad-1   # the anonymised ones stay in clear
refuses "R13" "$jmdcm" seal "${k[@]}" --actor fk-01 --role case_worker
/usr/bin/python3 - cases.json keys.sqlite <<'PY'
import json, sys
names = [c["person"]["family_name"] for c in json.load(open(sys.argv[1])) if c.get("person") and c["person"]["family_name"]]
data = open(sys.argv[2], "rb").read()
assert names, "the synthetic cases have names to look for"
clear = [n for n in names if n.encode() in data]
assert not clear, f"names in clear in the sealed file: {clear}"
PY
expect '"family_name"' "$jmdcm" export "${k[@]}" --actor fk-01
refuses "key-encryption key" "$jmdcm" export --store keys.sqlite --actor fk-01
chmod 644 office.kek
refuses "chmod 600" "$jmdcm" export "${k[@]}" --actor fk-01
chmod 600 office.kek
expect "wrote a new key file" "$jmdcm" keygen --out next.kek
expect "re-wrapped $running case key(s)" "$jmdcm" rotate --store keys.sqlite --from-kek office.kek --to-kek next.kek --to-id kek-2
expect '"family_name"' "$jmdcm" export --store keys.sqlite --kek-file next.kek --kek-id kek-2 --actor fk-01
refuses "'kek-2'" "$jmdcm" export "${k[@]}" --actor fk-01
refuses "--key-store" "$jmdcm" export --store keys.sqlite --key-store other.keys --actor fk-01

# Mistakes that used to pass silently (issue 13): a mistyped store, output that cannot be written.
for c in "export --actor fk-01" "statistics --actor st-1 --role statistics --on 2026-01-01" "sweep --actor ad-1 --on 2026-01-01" \
         "audit --actor ad-1 --role administrator" "agenda --actor fk-01 --from 2026-01-01 --to 2026-02-01"; do
  refuses "no store file 'cases.sqlit'" "$jmdcm" $c --store cases.sqlit
done
test ! -e cases.sqlit || fail "a reading command created the mistyped store file"
expect "creating the store file 'fresh.sqlite'" "$jmdcm" import --store fresh.sqlite --actor fk-01 cases.json
if [ -w /dev/full ]; then
  if out="$("$jmdcm" export "${s[@]}" --actor fk-01 2>&1 >/dev/full)"; then fail "export to a full device succeeded"; fi
  grep -qF "writing the output failed" <<<"$out" || fail "export to a full device failed without saying why: $out"
  "$jmdcm" export "${s[@]}" --actor fk-01 >/dev/null || fail "export to /dev/null failed"
fi

# Documents hold personal data (issue 13): files only their owner reads; the PDF's HTML copy
# never outlives the command, however it ends; a '#' in TMPDIR stays part of the file URL.
# A stand-in for chromium records the URL it was given, checks the page is there, and prints.
cat > fake-chromium <<'SH'
#!/bin/sh
for a; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) url="$a";; esac; done
echo "$url" > "$FAKE_LOG"
page=$(/usr/bin/python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(sys.argv[1][len("file://"):]))' "$url")
test -f "$page" || exit 3
if [ -n "${FAKE_SLEEP:-}" ]; then sleep "$FAKE_SLEEP"; fi
printf '%%PDF-1.4 stand-in' > "$out"
SH
chmod +x fake-chromium
mkdir -p "tmp#dir"
pdf_env=(env TMPDIR="$PWD/tmp#dir" JMDCM_CHROMIUM="$PWD/fake-chromium" FAKE_LOG="$PWD/url.txt")
umask 022
"${pdf_env[@]}" "$jmdcm" render plan "${s[@]}" --actor fk-01 --case "$planned" --out plan.html --pdf plan.pdf >/dev/null \
  || fail "render --pdf with a '#' in TMPDIR failed"
grep -qF "tmp%23dir" url.txt || fail "the file URL is not percent-encoded: $(cat url.txt)"
[ "$(stat -c %a plan.pdf)" = 600 ] && [ "$(stat -c %a plan.html)" = 600 ] || fail "documents readable by others: $(stat -c '%n %a' plan.*)"
[ -z "$(ls -A "tmp#dir")" ] || fail "render left $(ls -A "tmp#dir") behind"
for sig in TERM KILL; do
  FAKE_SLEEP=30 "${pdf_env[@]}" "$jmdcm" render plan "${s[@]}" --actor fk-01 --case "$planned" --pdf slow.pdf >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 100); do ls "tmp#dir"/jmdcm-pdf-*/document.html >/dev/null 2>&1 && break; sleep 0.1; done
  ls "tmp#dir"/jmdcm-pdf-*/document.html >/dev/null 2>&1 || fail "the PDF's HTML copy never appeared"
  kill -$sig "$pid"; wait "$pid" 2>/dev/null || true
  for _ in $(seq 50); do [ -z "$(ls -A "tmp#dir")" ] && break; sleep 0.1; done
  [ -z "$(ls -A "tmp#dir")" ] || fail "SIG$sig left $(ls -A "tmp#dir") with the HTML copy behind"
done

refuses "unknown command" "$jmdcm" frobnicate
expect "usage: jmdcm render" "$jmdcm" render --help
echo "cli_test: all commands behave"
