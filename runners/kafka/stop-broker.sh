#!/usr/bin/env bash
# Stops the broker started by start-broker.sh (by its pid only): SIGTERM, then SIGKILL after 30 s.
#   KAFKA_BROKER_DIR (runners/kafka/broker)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${KAFKA_BROKER_DIR:-$here/broker}"
pidfile="$dir/kafka.pid"
if [ ! -f "$pidfile" ]; then
  echo "kafka: not running (no $pidfile)" >&2
  exit 0
fi
pid="$(cat "$pidfile")"
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "kafka: pid $pid ignored SIGTERM for 30 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$pidfile"
echo "kafka: stopped (pid $pid)" >&2
