#!/usr/bin/env bash
# Builds the project twice from clean and compares the sha256 of every jar it packages.
# Prints the hashes and exits non-zero when any jar differs between the two builds.
# Usage (from the repository root): tools/check-reproducible.sh [extra mvn options, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for run in 1 2; do
  mvn -q "$@" clean package -DskipTests
  find . -path '*/target/*.jar' -not -path './.git/*' -print0 | sort -z \
    | xargs -0 sha256sum > "$work/run$run.sha256"
  # the second build starts later, so a timestamp taken from the clock would show up
  sleep 2
done
if diff -u "$work/run1.sha256" "$work/run2.sha256"; then
  echo "reproducible: $(wc -l < "$work/run1.sha256") jars identical in two clean builds"
  cat "$work/run1.sha256"
else
  echo "NOT reproducible: the jars above differ" >&2
  exit 1
fi
