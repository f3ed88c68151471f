# Shared settings of the Flink cluster scripts; sourced, not run.
# Every value can be set in the environment before calling a script.

FLINK_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(cd "$FLINK_SCRIPTS_DIR/../.." && pwd)"

# The cluster's runtime folder: generated conf, logs, pids, checkpoints, client logs (git-ignored).
FLINK_CLUSTER_DIR="${FLINK_CLUSTER_DIR:-$FLINK_SCRIPTS_DIR/cluster}"
# Everything listens on the loopback interface only.
FLINK_HOST="${FLINK_HOST:-localhost}"
FLINK_REST_PORT_GIVEN="${FLINK_REST_PORT:-}"
FLINK_REST_PORT="${FLINK_REST_PORT:-8081}"
FLINK_RPC_PORT="${FLINK_RPC_PORT:-6123}"
FLINK_BLOB_PORT="${FLINK_BLOB_PORT:-6124}"
FLINK_SLOTS_PER_TM="${FLINK_SLOTS_PER_TM:-2}"
FLINK_JM_MEMORY="${FLINK_JM_MEMORY:-1024m}"
FLINK_TM_MEMORY="${FLINK_TM_MEMORY:-1536m}"
FLINK_RESTART_ATTEMPTS="${FLINK_RESTART_ATTEMPTS:-3}"
FLINK_RESTART_DELAY="${FLINK_RESTART_DELAY:-5 s}"
# Seconds start-cluster.sh waits for all slots.
FLINK_START_TIMEOUT="${FLINK_START_TIMEOUT:-90}"

FLINK_JAR="${FLINK_JAR:-$PROJECT_DIR/target/stream-profiler.jar}"

# The REST address: FLINK_REST_URL if set, else FLINK_REST_PORT if set, else the address the
# running cluster of FLINK_CLUSTER_DIR was started with, else localhost:8081.
if [ -z "${FLINK_REST_URL:-}" ]; then
  if [ -z "$FLINK_REST_PORT_GIVEN" ] && [ -z "${START_CLUSTER:-}" ] && [ -f "$FLINK_CLUSTER_DIR/rest-url" ]; then
    FLINK_REST_URL="$(cat "$FLINK_CLUSTER_DIR/rest-url")"
  else
    FLINK_REST_URL="http://$FLINK_HOST:$FLINK_REST_PORT"
  fi
fi

# GET/PATCH on the REST API; prints the body, fails on HTTP errors.
flink_rest() {
  local method="$1" path="$2"
  curl -sS --fail --max-time 10 -X "$method" "$FLINK_REST_URL$path"
}

# Prints the first value of a JSON field (strings unquoted): enough for Flink's flat REST answers,
# without requiring jq or python on the host.
json_field() {
  local field="$1"
  { grep -o "\"$field\":[^,}]*" || true; } | head -1 | sed -e "s/^\"$field\"://" -e 's/^"//' -e 's/"$//'
}

pid_alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null
}
