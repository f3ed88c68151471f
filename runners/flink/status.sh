#!/usr/bin/env bash
# Prints a job's state (first line: CREATED, RUNNING, FINISHED, FAILED, CANCELED, ...), then its name,
# duration and the state of each of its tasks, from the REST API.
# Usage: runners/flink/status.sh JOB_ID     (--json prints the REST answer as it is)
# Exit status 0 when the cluster knows the job, 1 when it does not, 2 on a usage error.
set -euo pipefail
. "$(dirname "$0")/env.sh"

json=0
[ "${1:-}" = --json ] && { json=1; shift; }
jid="${1:-}"
if ! [[ "$jid" =~ ^[0-9a-f]{32}$ ]]; then
  echo "usage: $0 [--json] JOB_ID   (32 hex digits, as submit.sh prints)" >&2
  exit 2
fi
if ! body="$(flink_rest GET "/jobs/$jid" 2>&1)"; then
  echo "error: $FLINK_REST_URL does not know job $jid ($body)" >&2
  exit 1
fi
if [ "$json" = 1 ]; then
  echo "$body"
  exit 0
fi
echo "$body" | json_field state
echo "name: $(echo "$body" | json_field name)"
echo "duration: $(echo "$body" | json_field duration) ms"
# a job still INITIALIZING has no tasks yet: no match is not an error
{ echo "$body" | tr '{' '\n' | grep '"status":' || true; } | while read -r vertex; do
  echo "  task $(echo "$vertex" | json_field status): $(echo "$vertex" | json_field name | cut -c1-100)"
done
echo "web UI: $FLINK_REST_URL/#/job/running/$jid/overview"
