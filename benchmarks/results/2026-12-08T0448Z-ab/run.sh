#!/bin/bash
cd /tmp/jmh
for round in 1 2; do
 for v in before after; do
  java -jar $v.jar ClassifyBenchmark -p lines=20000 -p engine=ANCM_DIAG,ANCM_DIAG_BULK -f 1 -wi 5 -i 10 -w 1s -r 1s -rf json -rff $v-$round.json > $v-$round.log 2>&1
 done
done
echo done > finished
