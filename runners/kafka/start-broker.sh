#!/usr/bin/env bash
# Starts a single-node Kafka broker (KRaft: broker and controller in one JVM) on 127.0.0.1 only,
# from the Maven-resolved org.apache.kafka:kafka_2.13 jars (runners/kafka/broker-pom.xml).
# Formats the storage on first start, waits until the broker answers, prints the bootstrap address.
#   KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093): listener ports
#   KAFKA_BROKER_DIR (runners/kafka/broker): config, data, logs and pid
#   KAFKA_HEAP (512m)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
dir="${KAFKA_BROKER_DIR:-$here/broker}"
mkdir -p "$dir/logs"
dir="$(cd "$dir" && pwd)"
pidfile="$dir/kafka.pid"

if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "kafka: already running (pid $(cat "$pidfile"))" >&2
  echo "127.0.0.1:$(cat "$dir/port")"
  exit 0
fi

# The broker's classpath, resolved once (offline first: the jars are usually in ~/.m2 already).
cp_file="$dir/classpath.txt"
if [ ! -s "$cp_file" ] || [ "$here/broker-pom.xml" -nt "$cp_file" ]; then
  mvn -B -q -o -f "$here/broker-pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null 2>&1 ||
    mvn -B -q -f "$here/broker-pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
fi
cp="$(cat "$cp_file")"

cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
PROPS
cat > "$dir/log4j.properties" <<PROPS
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$dir/logs/server.log
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
PROPS

if [ ! -f "$dir/data/meta.properties" ]; then
  cluster_id="$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
  java -cp "$cp" -Dlog4j.configuration="file:$dir/log4j.properties" kafka.tools.StorageTool format \
    -t "$cluster_id" -c "$dir/server.properties" >"$dir/logs/format.out" 2>&1
fi

start=$(date +%s%N)
: >"$dir/logs/server.log"
nohup java -Xmx"${KAFKA_HEAP:-512m}" -Xms128m -XX:+UseParallelGC \
  -Dlog4j.configuration="file:$dir/log4j.properties" -Dkafka.logs.dir="$dir/logs" \
  -cp "$cp" kafka.Kafka "$dir/server.properties" >"$dir/logs/kafka.out" 2>&1 &
echo $! >"$pidfile"
echo "$port" >"$dir/port"

# Ready when the log says so and the port accepts connections.
for _ in $(seq 1 300); do
  if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "kafka: the broker exited; see $dir/logs/server.log and $dir/logs/kafka.out" >&2
    tail -20 "$dir/logs/kafka.out" >&2 || true
    rm -f "$pidfile"
    exit 1
  fi
  if grep -q "Kafka Server started" "$dir/logs/server.log" 2>/dev/null &&
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "kafka: started in $(( ($(date +%s%N) - start) / 1000000 )) ms (pid $(cat "$pidfile"), data in $dir)" >&2
    echo "127.0.0.1:$port"
    exit 0
  fi
  sleep 0.2
done
echo "kafka: no answer on 127.0.0.1:$port after 60 s; stopping it" >&2
"$here/stop-broker.sh" >&2 || true
exit 1
