#!/usr/bin/env bash
# End-to-end benchmark: the real jar on generated telemetry, on DirectRunner and FlinkRunner [local].
# Prints rows/s, reports/s, wall and CPU seconds and peak RSS (from /usr/bin/time -v) per run.
#
# Usage: bench/run.sh [ROWS] [DEVICES] [SOURCE] [RUNNERS]
#   ROWS     rows to generate (default 405184: 3 devices, 5.1 s apart, 8 days = 576 device-hours)
#   DEVICES  devices reporting in turn (default 3)
#   SOURCE   file (bounded batch read, default) or replay (the stream)
#   RUNNERS  comma-separated: direct,flink (default both)
# Flink runs with parallelism 2 unless BENCH_PARALLELISM says otherwise. Extra pipeline options can
# be passed in BENCH_OPTS, JVM options in BENCH_JVM (default: the flags the launchers ship with,
# runners/jvm.sh: -Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=1 and the class-data archive,
# built by one training run before the first measured one).
# Each run starts after `sync`; as root, BENCH_DROP_CACHES=1 also drops the page cache first (the
# previous run's 160 MB of output otherwise slows the next by up to 1 s on the project VM).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-405184}
devices=${2:-3}
source=${3:-file}
runners=${4:-direct,flink}
# shellcheck source=common.sh
. bench/common.sh
data=$(bench_data "$rows" "$devices")
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

printf '%-8s %-7s %10s %8s %9s %9s %9s %8s %9s\n' runner source rows wall_s cpu_s rows_per_s reports reports/s peak_MiB
for runner in ${runners//,/ }; do
  out="$work/out-$runner-$source"
  rm -rf "$out"
  sync
  if [ "${BENCH_DROP_CACHES:-0}" = 1 ]; then echo 3 > /proc/sys/vm/drop_caches; sleep 3; fi
  case $runner in
    direct) opts=(--runner=DirectRunner) ;;
    flink) opts=(--runner=FlinkRunner "--parallelism=${BENCH_PARALLELISM:-2}") ;;
    *) echo "bench: unknown runner $runner" >&2; exit 2 ;;
  esac
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$work/time-$runner.txt" java $jvm -jar target/stream-profiler.jar --input="$data" --output="$out" \
    --source="$source" --quiet=true "${opts[@]}" ${BENCH_OPTS:-} > "$work/run-$runner.log" 2>&1 \
    || { echo "bench: $runner failed, see $work/run-$runner.log" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/time-$runner.txt")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$work/time-$runner.txt")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/time-$runner.txt")
  read_rows=$(sed -n 's/.*"rows_read" : \([0-9]*\).*/\1/p' "$out/run-summary.json")
  reports=$(sed -n 's/.*"reports_written" : \([0-9]*\).*/\1/p' "$out/run-summary.json")
  printf '%-8s %-7s %10s %8.1f %9.1f %9.0f %9s %8.1f %9s\n' "$runner" "$source" "$read_rows" "$wall" "$cpu" \
    "$(awk "BEGIN {print $read_rows / $wall}")" "$reports" "$(awk "BEGIN {print $reports / $wall}")" "$rss"
done
