#!/usr/bin/env bash
# Engine microbenchmarks (JMH): each statistic family, a whole key-window, and rendering.
# Usage: bench/engine.sh [JMH options, e.g. -p rows=3600 EngineJmh.profileWholeWindow]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "${@:-EngineJmh}"
