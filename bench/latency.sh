#!/usr/bin/env bash
# Report latency on a replayed stream (issue 19): wall time from a window's firing to its report
# written, as the run's report_latency_* metrics give it (percentiles are bucket upper edges).
#
# Usage: bench/latency.sh [ROWS] [DEVICES] [ROWS_PER_SECOND] [RUNNER]
#   defaults: 1,000,000 rows of 300 devices (5.1 s apart each), replayed at 100,000 rows/s on
#   FlinkRunner [local] with parallelism 2 (BENCH_PARALLELISM), 1-hour windows.
# The replay speed is set so that the stream's event time runs ROWS_PER_SECOND rows a second.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
devices=${2:-300}
rate=${3:-100000}
runner=${4:-FlinkRunner}
# shellcheck source=common.sh
. bench/common.sh
data=$(bench_data "$rows" "$devices")
# event-time rows per second of the generated stream: devices / 5.1 s
speed=$(awk -v r="$rate" -v d="$devices" 'BEGIN {printf "%.1f", r / (d / 5.1)}')
out="$work/out-latency"
rm -rf "$out"
extra=()
[ "$runner" = FlinkRunner ] && extra=("--parallelism=${BENCH_PARALLELISM:-2}")
start=$(date +%s.%N)
# shellcheck disable=SC2086
java $jvm -jar target/stream-profiler.jar --input="$data" --output="$out" --source=replay \
  --replaySpeed="$speed" --runner="$runner" "${extra[@]}" --quiet=true ${BENCH_OPTS:-} \
  > "$work/run-latency.log" 2>&1 || { echo "bench: run failed, see $work/run-latency.log" >&2; exit 1; }
end=$(date +%s.%N)
summary="$out/run-summary.json"
field() { sed -n "s/.*\"$1\" : \([0-9]*\).*/\1/p" "$summary"; }
printf 'rows %s, devices %s, asked %s rows/s (replay speed %sx), %s in %.1f s wall (%.0f rows/s)\n' \
  "$rows" "$devices" "$rate" "$speed" "$runner" "$(echo "$end - $start" | bc)" "$(echo "$rows / ($end - $start)" | bc -l)"
printf 'reports %s: report latency mean %s ms, p50 <= %s ms, p99 <= %s ms, max %s ms\n' \
  "$(field report_latency_reports)" "$(field report_latency_millis_mean)" "$(field report_latency_millis_p50)" \
  "$(field report_latency_millis_p99)" "$(field report_latency_millis_max)"
