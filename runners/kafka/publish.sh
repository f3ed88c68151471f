#!/usr/bin/env bash
# Publishes a CSV file to a Kafka topic, one message per record (not the header), keyed by the
# key column, optionally paced. Creates the topic (PARTITIONS, default 3) when it is missing.
# Usage: runners/kafka/publish.sh FILE TOPIC [MESSAGES_PER_SECOND]
#   KAFKA_BOOTSTRAP (127.0.0.1:$KAFKA_PORT, port 9092), KEY_COLUMN (device), PARTITIONS (3)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/target/stream-profiler.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
exec java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" io.streamprofiler.source.PublishCsv "$@"
