#!/usr/bin/env bash
# Runs the profiler locally on Beam's DirectRunner with the JVM flags it runs best with
# (runners/jvm.sh: heap, collector, C1 only, class-data sharing).
# Usage: runners/direct/run.sh [--option=value ...]   (builds the jar first when it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/stream-profiler.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
# shellcheck source=../jvm.sh
. runners/jvm.sh
# shellcheck disable=SC2046
exec java $(stream_profiler_jvm "$jar") -jar "$jar" --runner=DirectRunner "$@"
