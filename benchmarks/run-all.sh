#!/usr/bin/env bash
# Runs every benchmark scenario of benchmarks/RESULTS.md and prints everything it needs: machine,
# JVM, commit, corpus, the JMH output of each scenario and the tables (benchmarks Report).
# Run from anywhere, on a quiet machine (nothing else running): ./benchmarks/run-all.sh
# Expected wall time on the 2-core reference VM, quiet: about 25 minutes (build 1, corpus 1,
# throughput on the 20,000-record corpus 4, on the 1,000,000-record corpus 6, 10x catalog 3,
# latency 2, compile 2, 1 MB lines 3, retained size 2, report 1). This is an estimate scaled from
# a QUICK run on a busy machine; the script prints the elapsed seconds at each section. Raw JMH JSON and logs go to
# benchmarks/results/<UTC timestamp>/.
#
# QUICK=1 shrinks every scenario (smaller corpora, 1-2 iterations) for a preliminary run on a
# busy machine; its figures are not for publishing.
set -euo pipefail
cd "$(dirname "$0")/.."

STAMP=$(date -u +%Y-%m-%dT%H%MZ)
OUT=benchmarks/results/$STAMP
mkdir -p "$OUT"
JAR=benchmarks/target/benchmarks.jar
START=$(date +%s)

if [[ "${QUICK:-0}" == 1 ]]; then
  SMALL=5000; BIG=100000; CHARS=200000
  SHORT=(-f 1 -wi 1 -i 2 -w 1s -r 1s)
  STEADY=(-f 1 -wi 1 -i 3 -w 1s -r 1s)
  BIG_STEADY=(-f 1 -wi 1 -i 3 -w 1s -r 1s)
  ONE=(-f 1 -wi 0 -i 1 -r 1s)
  COMPILE=(-f 1 -wi 2 -i 5)
else
  SMALL=20000; BIG=1000000; CHARS=1000000
  SHORT=(-f 1 -wi 1 -i 3 -w 2s -r 2s)
  # Milliseconds an operation: enough iterations for a confidence interval that means something
  # (with three, the 99.9% interval is 31 standard errors wide).
  STEADY=(-f 1 -wi 3 -i 8 -w 2s -r 2s)
  # The whole corpus: at 0.7 s a pass, 20 s of warm-up reach the steady state that 6 s did not.
  BIG_STEADY=(-f 1 -wi 4 -i 5 -w 5s -r 3s)
  ONE=(-f 1 -wi 0 -i 1 -r 1s)
  COMPILE=(-f 2 -wi 5 -i 20)
fi

section() { echo; echo "=== $* [$(( $(date +%s) - START )) s]"; }

section "machine"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "commit: $(git rev-parse --short HEAD) ($(git status --porcelain | wc -l) files changed since)"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread\(s\) per core|Core\(s\) per socket|Socket\(s\))' || true
free -g | head -2
uptime
java -version 2>&1
echo "JMH: $(grep -o '<jmh.version>[^<]*' benchmarks/pom.xml | cut -d'>' -f2)"

section "build"
mvn -q -o -pl benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true

jmh() { # name, then JMH arguments
  local name=$1; shift
  section "$name: java -jar $JAR $*"
  java -jar "$JAR" "$@" -rf json -rff "$OUT/$name.json" | tee "$OUT/$name.log"
}

section "corpus"
java -cp "$JAR" io.github.ancmdiag.benchmarks.Corpus "$BIG"

# 1. Throughput and allocation, every engine, on the first $SMALL records of the corpus (the
#    corpus is generated sequentially from one seed, so a smaller one is a prefix of the larger).
#    Ours and the floor get the steady setting: the JIT compiles ours' rarer paths (the full
#    match of the few ANCM lines) late on 2 cores, and until then passes swing by half.
jmh throughput-small ClassifyBenchmark -p lines="$SMALL" \
  -p engine=ANCM_DIAG,ANCM_DIAG_BULK,RAW_FLOOR "${STEADY[@]}" -prof gc
jmh throughput-small-regex ClassifyBenchmark -p lines="$SMALL" \
  -p engine=JDK_REGEX_EACH,JDK_REGEX_ALTERNATION,RE2J,AHO_CORASICK_REGEX "${SHORT[@]}" -prof gc
# 2. The same on the whole corpus, for ours, the floor and (fewer passes) the fastest baseline;
#    the others would take minutes per pass.
jmh throughput-big ClassifyBenchmark -p lines="$BIG" \
  -p engine=ANCM_DIAG,ANCM_DIAG_BULK,RAW_FLOOR "${BIG_STEADY[@]}" -prof gc
jmh throughput-big-ac ClassifyBenchmark -p lines="$BIG" \
  -p engine=AHO_CORASICK_REGEX -f 1 -wi 1 -i 2 -w 1s -r 1s -prof gc
# 3. Throughput with a catalog ten times larger, same small corpus (compare with 1.).
jmh throughput-10x ClassifyBenchmark -p lines="$SMALL" -p catalog=SYNTHETIC_10X \
  -p engine=ANCM_DIAG,RAW_FLOOR "${STEADY[@]}"
jmh throughput-10x-regex ClassifyBenchmark -p lines="$SMALL" -p catalog=SYNTHETIC_10X \
  -p engine=AHO_CORASICK_REGEX,JDK_REGEX_EACH "${SHORT[@]}"
# 4. p99 latency of one classify.
jmh latency LatencyBenchmark -f 1 -wi 2 -i 3 -w 1s -r 2s
# 5. Compile time (one build per sample). RE2/J takes about 1 s (bundled) and 30 s (10x) per
#    build, so it gets three.
jmh compile CompileBenchmark \
  -p engine=ANCM_DIAG,JDK_REGEX_EACH,JDK_REGEX_ALTERNATION,AHO_CORASICK_REGEX "${COMPILE[@]}"
jmh compile-re2j CompileBenchmark -p engine=RE2J -f 1 -wi 0 -i 3
# 6. One 1 MB line, adversarial vs ordinary: every engine; the two slowest get one timed call.
jmh adversarial AdversarialBenchmark -p chars="$CHARS" \
  -p engine=ANCM_DIAG,RAW_FLOOR "${STEADY[@]}"
jmh adversarial-regex AdversarialBenchmark -p chars="$CHARS" \
  -p engine=AHO_CORASICK_REGEX,JDK_REGEX_EACH "${SHORT[@]}"
jmh adversarial-slow AdversarialBenchmark -p chars="$CHARS" \
  -p engine=RE2J,JDK_REGEX_ALTERNATION "${ONE[@]}"

section "retained size"
java -Xms4g -Xmx4g -XX:+UseSerialGC -cp "$JAR" io.github.ancmdiag.benchmarks.RetainedSize BUNDLED
java -Xms4g -Xmx4g -XX:+UseSerialGC -cp "$JAR" io.github.ancmdiag.benchmarks.RetainedSize \
  SYNTHETIC_10X

section "tables"
java -cp "$JAR" io.github.ancmdiag.benchmarks.Report "$OUT"/*.json | tee "$OUT/tables.md"

section "done; results in $OUT"
