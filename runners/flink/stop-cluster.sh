#!/usr/bin/env bash
# Stops the cluster that start-cluster.sh started, by the PIDs it recorded: TaskManagers first, then
# the JobManager; SIGTERM, then SIGKILL after a grace period. Safe to run twice, or with nothing running.
#
# Usage: runners/flink/stop-cluster.sh     (FLINK_CLUSTER_DIR selects the cluster; FLINK_STOP_GRACE seconds, default 15)
set -uo pipefail
. "$(dirname "$0")/env.sh"

dir="$FLINK_CLUSTER_DIR"
grace="${FLINK_STOP_GRACE:-15}"
[ -d "$dir/pids" ] || { echo "no cluster in $dir"; exit 0; }

stop_pid() {
  local name="$1" pid="$2"
  if ! pid_alive "$pid"; then
    return 0
  fi
  # Only stop our own Flink JVM: a recycled PID may belong to something else by now.
  if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -e "--configDir $dir/conf"; then
    echo "$name: pid $pid is no longer this cluster's JVM; not touching it"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || return 0
  local waited=0
  while pid_alive "$pid" && [ "$waited" -lt $((grace * 10)) ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if pid_alive "$pid"; then
    echo "$name: still running after ${grace}s, killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  echo "stopped $name (pid $pid)"
}

stopped=0
for pidfile in "$dir"/pids/taskmanager-*.pid "$dir"/pids/jobmanager.pid "$dir"/pids/client-*.pid; do
  [ -f "$pidfile" ] || continue
  name="$(basename "$pidfile" .pid)"
  pid="$(cat "$pidfile")"
  if [[ "$name" == client-* ]]; then
    # A submit.sh client still waiting for its job: the job is gone with the cluster.
    if pid_alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q io.streamprofiler.cli.Main; then
      kill -TERM "$pid" 2>/dev/null && echo "stopped $name (pid $pid)"
    fi
  else
    stop_pid "$name" "$pid"
  fi
  rm -f "$pidfile"
  [[ "$name" == client-* ]] || stopped=$((stopped + 1))
done
rm -f "$dir/rest-url"
[ "$stopped" -gt 0 ] || echo "no cluster running in $dir"
exit 0
