#!/usr/bin/env bash
# Runs the profiler locally on Beam's DirectRunner with the JVM flags it runs best with.
# Usage: runners/direct/run.sh [--option=value ...]   (builds the jar first when it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/stream-profiler.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
# A 1 GiB heap is plenty for device-hour windows; parallel GC keeps pauses short on 2 cores.
exec java -Xmx1g -XX:+UseParallelGC -jar "$jar" --runner=DirectRunner "$@"
