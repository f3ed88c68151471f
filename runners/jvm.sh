#!/usr/bin/env bash
# Sourced by the launchers and the benchmarks: the JVM flags a run of the jar ships with.
#   stream_profiler_jvm JAR   prints them; STREAM_PROFILER_JVM, when set, replaces them all.
#
# - 1 GiB heap: plenty for device-hour windows; parallel GC keeps pauses short on 2 cores.
# - C1 only (TieredStopAtLevel=1): a run over a file is over in seconds, and C2 compiling Beam's many
#   code paths cost more CPU than it saved (405k rows: 28 s -> 18 s wall, BENCHMARKS.md). For a
#   stream that runs for hours, set STREAM_PROFILER_JVM without it.
# - Class-data sharing: the classes of Beam, Flink and the profiler, loaded and verified once by a
#   training run on the bundled sample (on Flink, the engine with the most of them), are mapped from
#   JAR's sibling .jsa archive at every start after that (BENCHMARKS.md). The archive is a static dump
#   of the class list the training run wrote: JDK 17's dynamic dump (-XX:ArchiveClassesAtExit)
#   crashed about one run in three here on Beam's and Flink's lambda classes. It is rebuilt whenever
#   the jar is newer; a run without it just starts slower.
stream_profiler_jvm() {
  local jar=$1
  if [ -n "${STREAM_PROFILER_JVM:-}" ]; then
    echo "$STREAM_PROFILER_JVM"
    return
  fi
  local flags="-Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xlog:cds*=off"
  local archive="${jar%.jar}.jsa"
  if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; then
    local out
    out=$(mktemp -d)
    # shellcheck disable=SC2086
    if java $flags -XX:DumpLoadedClassList="$out/classes" -jar "$jar" --runner=FlinkRunner \
      --source=file --input="$(dirname "$jar")/../data/iot_telemetry_data_1000.csv" \
      --output="$out/reports" --quiet=true >"$out/training.log" 2>&1 &&
      java -Xshare:dump -XX:SharedClassListFile="$out/classes" -XX:SharedArchiveFile="$archive.$$" \
        -XX:ErrorFile="$out/hs_err_%p.log" -cp "$jar" >>"$out/training.log" 2>&1 &&
      [ -f "$archive.$$" ]; then
      mv -f "$archive.$$" "$archive"
    else
      # say so, with why, and start without the archive
      echo "stream-profiler: no class-data archive (starts ~1.5 s slower); the training run said:" >&2
      tail -n 5 "$out/training.log" | cut -c1-300 | sed 's/^/  /' >&2
    fi
    rm -rf "$out" "$archive.$$"
  fi
  [ -f "$archive" ] && flags="$flags -XX:SharedArchiveFile=$archive"
  echo "$flags"
}

# Runs the jar on RUNNER with these flags (building the jar first when it is missing): the body of
# the local launchers, runners/direct/run.sh and runners/flink/run-local.sh.
stream_profiler_run() {
  local runner=$1
  shift
  local jar=target/stream-profiler.jar
  [ -f "$jar" ] || mvn -B -q package -DskipTests
  # shellcheck disable=SC2046
  exec java $(stream_profiler_jvm "$jar") -jar "$jar" --runner="$runner" "$@"
}
