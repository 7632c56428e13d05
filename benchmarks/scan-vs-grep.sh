#!/usr/bin/env bash
# Times `ancm-diagnose scan` end to end beside `grep -c -F -i` on the same generated files, in one
# run, so that their ratio means something on a shared machine: wall seconds and CPU seconds (user +
# sys, which a busy machine inflates less than wall time). Files are generated under a
# temporary folder (ScanFiles, deterministic) and deleted at the end; nothing is committed.
#
#   ./benchmarks/scan-vs-grep.sh [JAR...]     (default: ancm-samples/target/ancm-diagnose.jar)
#
# Several jars (for example a copy of the jar before a change and the one after) are timed in
# turn on each file. Environment: MB (size of each file, default 500), RUNS (default 3), JAVA_OPTS
# (default -Xmx256m), KEEP=1 keeps the files. Needs the benchmarks jar for the generator:
# mvn -q -o package -DskipTests first.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${MB:-500}
RUNS=${RUNS:-3}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
JARS=("$@")
[[ ${#JARS[@]} -gt 0 ]] || JARS=(ancm-samples/target/ancm-diagnose.jar)
DIR=$(mktemp -d /tmp/scan-vs-grep.XXXXXX)
[[ "${KEEP:-0}" == 1 ]] || trap 'rm -rf "$DIR"' EXIT

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)"
lscpu | grep -E '^(Model name|CPU\(s\))' || true
echo "nproc: $(nproc)"; uptime
java -version 2>&1 | head -2
df -h "$DIR" | tail -1

for kind in unrelated mixed; do
  java -cp benchmarks/target/benchmarks.jar io.github.ancmdiag.benchmarks.ScanFiles "$kind" \
    "$DIR/$kind.log" "$MB"
done

# wall and CPU (user + sys) seconds of a command, its stdout to $DIR/out
timed() { /usr/bin/time -f "%e %U %S" -o "$DIR/time" "$@" > "$DIR/out"; read -r WALL USR SYS < "$DIR/time"; CPU=$(echo "$USR + $SYS" | bc); }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.0f", b / 1e6 / (s > 0 ? s : 0.01) }'; }

for kind in unrelated mixed; do
  f=$DIR/$kind.log
  bytes=$(stat -c %s "$f")
  cat "$f" > /dev/null # in the page cache for everyone
  for run in $(seq "$RUNS"); do
    timed grep -c -F -i 'application' "$f" || true
    echo "$kind run $run: grep -c -F -i: $(mbps "$bytes" "$WALL") MB/s wall, $(mbps "$bytes" "$CPU") MB/s CPU ($(cat "$DIR/out") lines)"
    for jar in "${JARS[@]}"; do
      timed java $JAVA_OPTS -jar "$jar" scan "$f"
      echo "$kind run $run: scan $jar: $(mbps "$bytes" "$WALL") MB/s wall, $(mbps "$bytes" "$CPU") MB/s CPU (JVM start, JIT and GC threads included); $(grep -E '^Read ' "$DIR/out")"
    done
  done
done
uptime
