#!/usr/bin/env bash
# Runs the profiler on an embedded Flink mini-cluster in this JVM (--flinkMaster=[local]) with the
# launchers' JVM flags (runners/jvm.sh). For a session cluster, see submit.sh.
# Usage: runners/flink/run-local.sh [--option=value ...]   (builds the jar first when it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../jvm.sh
. runners/jvm.sh
stream_profiler_run FlinkRunner "$@"
