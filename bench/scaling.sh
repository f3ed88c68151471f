#!/usr/bin/env bash
# Scaling runs of the real jar: one markdown table row per case, with wall and CPU seconds, rows/s,
# peak RSS, and the largest heap left after a full garbage collection: the live set, what the run
# really held (read from the GC log; "-" when no full collection ran).
#
# Usage: bench/scaling.sh CASE...      each CASE is ROWS:DEVICES:SOURCE:RUNNER[:PARALLELISM]
#   e.g. bench/scaling.sh 405184:3:file:direct 405184:3:file:flink:1 4051840:30:file:flink:2
# JVM options in BENCH_JVM (default: the launchers' flags, runners/jvm.sh), pipeline options in BENCH_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=common.sh
. bench/common.sh
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

echo "| rows | devices | source | runner | reports | wall s | CPU s | rows/s | peak RSS MiB | live heap after full GC, max MiB |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for c in "$@"; do
  IFS=: read -r rows devices source runner parallelism <<<"$c"
  data=$(bench_data "$rows" "$devices")
  out="$work/scale-out"
  rm -rf "$out"
  case $runner in
    direct) opts=(--runner=DirectRunner); label=DirectRunner ;;
    flink) opts=(--runner=FlinkRunner "--parallelism=${parallelism:-2}"); label="Flink [local] p=${parallelism:-2}" ;;
    *) echo "bench: unknown runner $runner" >&2; exit 2 ;;
  esac
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$work/scale-time.txt" java $jvm -Xlog:gc:file="$work/scale-gc.log" -jar target/stream-profiler.jar \
    --input="$data" --output="$out" --source="$source" --quiet=true "${opts[@]}" ${BENCH_OPTS:-} >"$work/scale-run.log" 2>&1 &
  timer=$!
  # A full collection every 5 s (jcmd GC.run), so that the live set is sampled the same way in a
  # short run and a long one, not only when the collector happens to need one.
  sleep 2
  java_pid=$(pgrep -P "$timer" java || true)
  while kill -0 "$timer" 2>/dev/null; do
    sleep 5
    [ -n "$java_pid" ] && jcmd "$java_pid" GC.run >/dev/null 2>&1 || true
  done
  wait "$timer" || { echo "bench: $c failed, see $work/scale-run.log" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/scale-time.txt")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$work/scale-time.txt")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/scale-time.txt")
  # "Pause Full (Ergonomics) 738M->176M(831M)": the heap left after each full collection. (After a
  # young collection the old generation still holds garbage, so that figure grows with run time.)
  live=$({ grep 'Pause Full' "$work/scale-gc.log" || true; } | sed -n 's/.*[0-9]M->\([0-9]*\)M(.*/\1/p' | sort -n | tail -1)
  read_rows=$(sed -n 's/.*"rows_read" : \([0-9]*\).*/\1/p' "$out/run-summary.json")
  reports=$(sed -n 's/.*"reports_written" : \([0-9]*\).*/\1/p' "$out/run-summary.json")
  printf '| %s | %s | %s | %s | %s | %.1f | %.1f | %.0f | %s | %s |\n' "$read_rows" "$devices" "$source" "$label" "$reports" \
    "$wall" "$cpu" "$(awk "BEGIN {print $read_rows / $wall}")" "$rss" "${live:--}"
done
