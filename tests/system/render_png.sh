#!/usr/bin/env bash
# Rendering checked as images (issue 7): `jmdcm demo` writes the worked example's
# documents; librsvg turns the radar chart into a PNG, headless chromium the plan, and
# check_images.py looks at the pixels. The PDF chromium printed is checked too.
# Usage: render_png.sh <jmdcm binary> <checker script>
set -euo pipefail
jmdcm="$1"
checker="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for tool in rsvg-convert chromium; do
  command -v "$tool" >/dev/null || { echo "render_png: $tool is missing (scripts/install-deps.sh installs it)"; exit 1; }
done

"$jmdcm" demo --store "$work/demo.sqlite" --out "$work/docs" >/dev/null
rsvg-convert "$work/docs/assessment-radar.svg" -o "$work/radar.png"
sandbox=()
[ "$(id -u)" -ne 0 ] || sandbox=(--no-sandbox)
chromium --headless "${sandbox[@]}" --disable-gpu --no-first-run --user-data-dir="$work/profile" \
  --window-size=900,1300 --screenshot="$work/plan.png" "file://$work/docs/plan-de.html" >/dev/null 2>&1
test -s "$work/plan.png" || { echo "render_png: chromium wrote no screenshot"; exit 1; }
/usr/bin/python3 "$checker" "$work/radar.png" "$work/plan.png" "$work/docs/plan-de.pdf"
