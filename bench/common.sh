# Sourced by the benchmark scripts (from the project root): the jar, built when missing; the JVM
# flags the launchers ship with (runners/jvm.sh; BENCH_JVM replaces them, and BENCH_JVM=" " runs the
# plain `java -jar`, which relaunches itself with those flags) in $jvm; the working
# folder in $work; and bench_data ROWS DEVICES, which prints the path of that generated stream,
# generating it the first time.
work=target/bench
mkdir -p "$work"
[ -f target/stream-profiler.jar ] || mvn -B -q package -DskipTests
# shellcheck source=../runners/jvm.sh
. runners/jvm.sh
jvm=${BENCH_JVM:-$(stream_profiler_jvm target/stream-profiler.jar)}

bench_data() {
  local data="$work/telemetry-$1-$2.csv"
  [ -f "$data" ] || java -jar target/stream-profiler.jar generate --rows="$1" --devices="$2" --output="$data" >/dev/null
  echo "$data"
}
