#!/usr/bin/env bash
# Runs the profiler locally on Beam's DirectRunner with the JVM flags it runs best with.
# Usage: runners/direct/run.sh [--option=value ...]   (builds the jar first when it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/stream-profiler.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
# A 1 GiB heap is plenty for device-hour windows; parallel GC keeps pauses short on 2 cores.
# C1 only (TieredStopAtLevel=1): a run over a file is over in seconds, and C2 compiling Beam's many
# code paths cost more CPU than it saved (405k rows: 28 s -> 18 s wall, BENCHMARKS.md). For a stream
# that runs for hours, set STREAM_PROFILER_JVM without it.
# shellcheck disable=SC2086
exec java ${STREAM_PROFILER_JVM:--Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=1} -jar "$jar" \
  --runner=DirectRunner "$@"
