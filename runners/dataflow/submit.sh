#!/usr/bin/env bash
# Runs the profiler on Google Cloud Dataflow with the jar built by `mvn -B -Pdataflow package -DskipTests`.
#
# Usage: runners/dataflow/submit.sh [--option=value ...]
# Required, as options or in the environment (an option wins):
#   --project            DATAFLOW_PROJECT            the Google Cloud project
#   --region             DATAFLOW_REGION             e.g. europe-west1
#   --gcpTempLocation    DATAFLOW_TEMP_LOCATION      gs://BUCKET/tmp (staging goes under it)
#   --serviceAccount     DATAFLOW_SERVICE_ACCOUNT    the workers' identity, NAME@PROJECT.iam.gserviceaccount.com
#   --workerMachineType  DATAFLOW_MACHINE_TYPE       e.g. n2-standard-2
#   --maxNumWorkers      DATAFLOW_MAX_WORKERS        the autoscaling ceiling, e.g. 5
#   --input, --output    gs:// paths (the workers cannot read this machine's files)
# Credentials: Application Default Credentials (gcloud auth application-default login, or
# GOOGLE_APPLICATION_CREDENTIALS). Any other profiler or Dataflow option may follow, e.g. --streaming=true.
# The command waits for a batch job to end and writes run-summary.json; Ctrl-C stops waiting, not
# the job (gcloud dataflow jobs cancel JOB_ID does).
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="${DATAFLOW_JAR:-target/stream-profiler.jar}"

args=("$@")
value_of() { # the value of --NAME=... among the arguments
  local a
  for a in "${args[@]+"${args[@]}"}"; do
    [[ "$a" == "--$1="* ]] && { echo "${a#--$1=}"; return 0; }
  done
  return 1
}

missing=()
require() { # require OPTION ENV_VAR: take the option, else the variable, else note it missing
  local option="$1" var="$2" value
  if value="$(value_of "$option")"; then
    [ -n "$value" ] || missing+=("--$option (empty)")
    return
  fi
  value="${!var:-}"
  if [ -n "$value" ]; then
    args+=("--$option=$value")
  else
    missing+=("--$option (or $var)")
  fi
}
require project DATAFLOW_PROJECT
require region DATAFLOW_REGION
require gcpTempLocation DATAFLOW_TEMP_LOCATION
require serviceAccount DATAFLOW_SERVICE_ACCOUNT
require workerMachineType DATAFLOW_MACHINE_TYPE
require maxNumWorkers DATAFLOW_MAX_WORKERS
for path in input output; do
  if ! value="$(value_of "$path")"; then
    missing+=("--$path (a gs:// path)")
  elif [[ "$value" != gs://* ]]; then
    missing+=("--$path=$value (must be gs://...: the workers cannot read this machine's files)")
  fi
done
if temp="$(value_of gcpTempLocation)" && [[ "$temp" != gs://* ]]; then
  missing+=("--gcpTempLocation=$temp (must be gs://BUCKET/...)")
fi
if max="$(value_of maxNumWorkers)" && ! [[ "$max" =~ ^[1-9][0-9]*$ ]]; then
  missing+=("--maxNumWorkers=$max (a whole number, 1 or more)")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "error: runners/dataflow/submit.sh needs:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  echo "see runners/README.md (Dataflow) for what each one is" >&2
  exit 2
fi

if [ ! -f "$jar" ]; then
  echo "error: $jar is missing; build it with: mvn -B -Pdataflow package -DskipTests" >&2
  exit 2
fi
if command -v unzip >/dev/null && ! unzip -l "$jar" 'org/apache/beam/runners/dataflow/DataflowRunner.class' >/dev/null 2>&1; then
  echo "error: $jar has no Dataflow runner; build it with: mvn -B -Pdataflow package -DskipTests" >&2
  exit 2
fi

value_of runner >/dev/null || args+=("--runner=DataflowRunner")
value_of filesToStage >/dev/null || args+=("--filesToStage=$jar")
exec java ${DATAFLOW_CLIENT_JVM_OPTS:--Xmx1g} -jar "$jar" "${args[@]}"
