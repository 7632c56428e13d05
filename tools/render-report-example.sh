#!/usr/bin/env bash
# Renders the example fleet report in a real browser and saves docs/report-example.png.
# Needs Debian's chromium (apt-get install -y chromium) and a built ancm-diagnose.jar
# (mvn -q -DskipTests package). Usage, from the repository root: tools/render-report-example.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
java -jar ancm-samples/target/ancm-diagnose.jar scan --html "$out/report.html" \
  ancm-samples/fleet-example > /dev/null
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size=1280,1200 --screenshot="$PWD/docs/report-example.png" "file://$out/report.html"
echo "wrote docs/report-example.png from $out/report.html"
