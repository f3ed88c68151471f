#!/usr/bin/env bash
# Submits the profiler's fat jar to the Flink session cluster and prints the job id and its web UI page.
#
# Usage: runners/flink/submit.sh [--detached] [--option=value ...]
#   Any pipeline option of the profiler or of Beam's FlinkRunner may follow. Unless given, these are added:
#     --runner=FlinkRunner --flinkMaster=<rest host:port> --filesToStage=<the fat jar>
#     --parallelism=$FLINK_PARALLELISM (2) --jobName=stream-profiler-<time>-<random>
#   and, for --streaming=true jobs:
#     --checkpointingInterval=$FLINK_CHECKPOINTING_INTERVAL (10000 ms)
#     --stateBackend=filesystem --stateBackendStoragePath=file://<cluster folder>/checkpoints/state
#     --shutdownSourcesAfterIdleMs=$FLINK_SHUTDOWN_SOURCES_AFTER_IDLE_MS (1000), so a job whose input ends finishes
#   Relative --input/--output paths are made absolute: the TaskManagers read and write them.
#   Attached (default): waits for the job to end, prints the client's summary, exits with its status
#   (0 finished, 1 failed or cancelled, 2 wrong option).
#   --detached: returns as soon as the cluster lists the job; the client keeps running in the
#   background (log in <cluster folder>/log/client-<jobName>.log) and writes run-summary.json at the
#   end. Follow with status.sh JOB_ID, stop with cancel.sh JOB_ID.
set -euo pipefail
. "$(dirname "$0")/env.sh"

detached=0
args=()
for a in "$@"; do
  case "$a" in
    --detached) detached=1 ;;
    *) args+=("$a") ;;
  esac
done

has_option() { # has_option NAME: was --NAME=... given?
  local a
  for a in "${args[@]+"${args[@]}"}"; do
    [[ "$a" == "--$1="* || "$a" == "--$1" ]] && return 0
  done
  return 1
}
option_value() {
  local a
  for a in "${args[@]+"${args[@]}"}"; do
    [[ "$a" == "--$1="* ]] && { echo "${a#--$1=}"; return 0; }
  done
  return 1
}

if [ ! -f "$FLINK_JAR" ]; then
  echo "error: $FLINK_JAR is missing; build it with: mvn -B -q package -DskipTests" >&2
  exit 2
fi
if ! flink_rest GET /overview >/dev/null 2>&1; then
  echo "error: no Flink cluster answers at $FLINK_REST_URL; start one with runners/flink/start-cluster.sh" >&2
  exit 2
fi

# Paths on this machine's filesystem become absolute, since the TaskManagers resolve them.
for i in "${!args[@]}"; do
  for name in input output; do
    if [[ "${args[$i]}" == "--$name="* ]]; then
      value="${args[$i]#--$name=}"
      if [[ "$value" != /* && "$value" != *://* ]]; then
        args[$i]="--$name=$PWD/$value"
      fi
    fi
  done
done
if ! has_option input; then
  args+=("--input=$PROJECT_DIR/data/iot_telemetry_data_1000.csv")
fi
if ! has_option output; then
  args+=("--output=$PWD/reports")
fi

master="${FLINK_REST_URL#http://}"
has_option runner || args+=("--runner=FlinkRunner")
has_option flinkMaster || args+=("--flinkMaster=$master")
has_option filesToStage || args+=("--filesToStage=$FLINK_JAR")
has_option parallelism || args+=("--parallelism=${FLINK_PARALLELISM:-2}")
if ! has_option jobName; then
  args+=("--jobName=stream-profiler-$(date +%Y%m%d-%H%M%S)-$RANDOM")
fi
job_name="$(option_value jobName)"
streaming="$(option_value streaming || true)"
if [ "$streaming" = true ] || { has_option streaming && [ -z "$streaming" ]; }; then
  has_option checkpointingInterval || args+=("--checkpointingInterval=${FLINK_CHECKPOINTING_INTERVAL:-10000}")
  has_option stateBackend || args+=("--stateBackend=filesystem")
  has_option stateBackendStoragePath || args+=("--stateBackendStoragePath=file://$(cd "$FLINK_CLUSTER_DIR" && pwd)/checkpoints/state")
  # With checkpointing on, Beam keeps finished sources alive forever by default (so a bounded input
  # never ends the job); Flink 1.19 checkpoints finished tasks, so shut them down once idle.
  has_option shutdownSourcesAfterIdleMs || args+=("--shutdownSourcesAfterIdleMs=${FLINK_SHUTDOWN_SOURCES_AFTER_IDLE_MS:-1000}")
fi

mkdir -p "$FLINK_CLUSTER_DIR/log" "$FLINK_CLUSTER_DIR/pids"
safe_name="$(printf '%s' "$job_name" | tr -c 'A-Za-z0-9._-' '_')"
client_log="$FLINK_CLUSTER_DIR/log/client-$safe_name.log"
pid_file="$FLINK_CLUSTER_DIR/pids/client-$safe_name.pid"

# The client builds the pipeline, uploads the jar and waits for the job (then writes run-summary.json).
started=$(date +%s%N)
# shellcheck disable=SC2086
nohup java ${FLINK_CLIENT_JVM_OPTS:--Xmx512m} -cp "$FLINK_JAR" io.streamprofiler.cli.Main "${args[@]}" \
  >"$client_log" 2>&1 </dev/null &
client=$!
echo "$client" >"$pid_file"

# In attached mode, Ctrl-C stops waiting but not the job: say how to cancel it.
jid=""
interrupted() {
  echo
  if [ -n "$jid" ]; then
    echo "stopped waiting; the job keeps running. Cancel it with: runners/flink/cancel.sh $jid"
  fi
  exit 130
}
trap interrupted INT TERM

# Wait until the cluster lists a job of that name.
deadline=$(($(date +%s) + ${FLINK_SUBMIT_TIMEOUT:-180}))
while [ -z "$jid" ]; do
  jid="$(flink_rest GET /jobs/overview 2>/dev/null | tr '{' '\n' | grep -F "\"name\":\"$job_name\"" | json_field jid || true)"
  [ -n "$jid" ] && break
  if ! pid_alive "$client"; then
    wait "$client" && status=0 || status=$?
    rm -f "$pid_file"
    echo "error: the submission failed (client exit status $status); client log $client_log:" >&2
    grep -v -e '^\s*at ' -e '^SLF4J' "$client_log" | tail -15 >&2
    exit "$([ "$status" = 0 ] && echo 1 || echo "$status")"
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "error: the job '$job_name' did not appear at $FLINK_REST_URL within ${FLINK_SUBMIT_TIMEOUT:-180}s; client log $client_log" >&2
    exit 1
  fi
  sleep 0.3
done
submit_ms=$((($(date +%s%N) - started) / 1000000))
echo "job id: $jid"
echo "job name: $job_name (submitted in ${submit_ms} ms)"
echo "web UI: $FLINK_REST_URL/#/job/running/$jid/overview"
echo "client log: $client_log"

if [ "$detached" = 1 ]; then
  echo "detached: follow with runners/flink/status.sh $jid, stop with runners/flink/cancel.sh $jid"
  exit 0
fi

wait "$client" && status=0 || status=$?
rm -f "$pid_file"
state="$(flink_rest GET "/jobs/$jid" 2>/dev/null | json_field state || true)"
total_ms=$((($(date +%s%N) - started) / 1000000))
grep -e '^summary:' -e '^error:' "$client_log" || true
echo "job $jid: ${state:-UNKNOWN} after ${total_ms} ms (client exit status $status)"
exit "$status"
