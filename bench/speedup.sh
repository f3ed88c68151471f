#!/usr/bin/env bash
# The Flink speed-up curve of issue 10: the same file on FlinkRunner [local] at each parallelism,
# wall seconds and the speed-up over parallelism 1, one markdown row each. For a machine with many
# cores: the defaults (10 M rows over 1,000 devices, parallelism 1 to 16) are the issue's run.
#
# Usage: bench/speedup.sh [ROWS] [DEVICES] [PARALLELISMS]
#   e.g. bench/speedup.sh 10000000 1000 "1 2 4 8 16"     (the defaults)
#        bench/speedup.sh 405184 30 "1 2"                (a quick check on a small machine)
# Each run is bench/run.sh's (same JVM flags, BENCH_JVM and BENCH_OPTS honoured, page cache dropped
# first when BENCH_DROP_CACHES=1).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000000}
devices=${2:-1000}
parallelisms=${3:-1 2 4 8 16}
echo "| parallelism | wall s | CPU s | rows/s | speed-up over p=1 |"
echo "|---|---|---|---|---|"
base=""
for p in $parallelisms; do
  line=$(BENCH_PARALLELISM=$p bench/run.sh "$rows" "$devices" file flink | tail -1)
  read -r _ _ _ wall cpu rate _ <<<"$line"
  [ -n "$base" ] || base=$wall
  printf '| %s | %s | %s | %s | %.2f |\n' "$p" "$wall" "$cpu" "$rate" "$(awk "BEGIN {print $base / $wall}")"
done
