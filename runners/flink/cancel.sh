#!/usr/bin/env bash
# Cancels a job through the REST API and waits until the cluster reports it CANCELED.
# Usage: runners/flink/cancel.sh JOB_ID
# Exit status 0 when cancelled, 1 when the job is unknown or did not stop in time
# (FLINK_CANCEL_TIMEOUT seconds, default 60), 3 when it had already ended in another state.
set -euo pipefail
. "$(dirname "$0")/env.sh"

jid="${1:-}"
if ! [[ "$jid" =~ ^[0-9a-f]{32}$ ]]; then
  echo "usage: $0 JOB_ID   (32 hex digits, as submit.sh prints)" >&2
  exit 2
fi
state() { flink_rest GET "/jobs/$jid" 2>/dev/null | json_field state; }
before="$(state || true)"
case "$before" in
  "") echo "error: $FLINK_REST_URL does not know job $jid" >&2; exit 1 ;;
  CANCELED) echo "CANCELED (already)"; exit 0 ;;
  FINISHED|FAILED) echo "$before: the job had already ended; nothing to cancel" >&2; exit 3 ;;
esac
flink_rest PATCH "/jobs/$jid?mode=cancel" >/dev/null
deadline=$(($(date +%s) + ${FLINK_CANCEL_TIMEOUT:-60}))
while :; do
  now="$(state || true)"
  case "$now" in
    CANCELED) echo "CANCELED"; exit 0 ;;
    FINISHED|FAILED) echo "$now: the job ended before the cancellation took effect" >&2; exit 3 ;;
  esac
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "error: job $jid is still $now after ${FLINK_CANCEL_TIMEOUT:-60}s" >&2
    exit 1
  fi
  sleep 0.3
done
