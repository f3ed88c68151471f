#!/usr/bin/env bash
# Runs the profiler on an embedded Flink mini-cluster in this JVM (--flinkMaster=[local]) with the
# launchers' JVM flags (runners/jvm.sh). For a session cluster, see submit.sh.
# Usage: runners/flink/run-local.sh [--option=value ...]   (builds the jar first when it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/stream-profiler.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
# shellcheck source=../jvm.sh
. runners/jvm.sh
# shellcheck disable=SC2046
exec java $(stream_profiler_jvm "$jar") -jar "$jar" --runner=FlinkRunner "$@"
