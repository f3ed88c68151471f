package io.streamprofiler.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprofiler.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the runner tests share: the input, running the CLI and the scripts, comparing report
 * folders.
 */
final class RunnerTestSupport {
  static final Path PROJECT = Path.of("").toAbsolutePath();
  static final Path JAR = PROJECT.resolve("target/stream-profiler.jar");

  /**
   * The input every runner test profiles, as pipeline options. Switch to the replay source with one
   * line once it exists: {@code {"--source=replay", "--input=" + SAMPLE_FILE}}.
   */
  static final String SAMPLE_FILE = PROJECT.resolve("data/iot_telemetry_data_1000.csv").toString();

  static final String[] SAMPLE = {"--input=" + SAMPLE_FILE};

  /**
   * A streaming job that runs until cancelled: the sample read by the bounded file source in
   * streaming mode with checkpointing on, its finished source kept alive; its windows fire and its
   * reports are written, then it idles like a stream waiting for data.
   */
  static final String[] LONG_RUNNING = {
    "--input=" + SAMPLE_FILE,
    "--source=file",
    "--streaming=true",
    "--shutdownSourcesAfterIdleMs=" + Long.MAX_VALUE
  };

  /** Rows per device in the sample's only hour (2020-07-12 00:00 UTC). */
  static final List<Long> SAMPLE_ROWS = List.of(269L, 273L, 457L);

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunnerTestSupport() {}

  static String[] concat(String[]... parts) {
    return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
  }

  /** Runs the command line in this JVM; fails with its output unless it exits 0. */
  static String runMain(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int status;
    try {
      status =
          Main.run(
              args,
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
    }
    assertThat(out + "\n" + err, status, is(Main.OK));
    return out.toString(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- comparing report folders

  /**
   * The last pane of every key-window, by {@code <key folder>/<window start>}. Panes accumulate, so
   * the last is the complete profile of the window, whatever revisions came before it.
   */
  static Map<String, Path> finalPanes(Path output) throws IOException {
    Map<String, Path> last = new TreeMap<>();
    Pattern name = Pattern.compile("(.+)_pane(\\d+)\\.json");
    try (Stream<Path> files = Files.walk(output)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path rel = output.relativize(p);
        Matcher m = name.matcher(rel.getFileName().toString());
        if (rel.getNameCount() != 2 || !m.matches()) {
          continue;
        }
        String id = rel.getParent() + "/" + m.group(1);
        Path seen = last.get(id);
        if (seen == null || pane(seen) < Integer.parseInt(m.group(2))) {
          last.put(id, p);
        }
      }
    }
    return last;
  }

  private static int pane(Path json) {
    String n = json.getFileName().toString();
    return Integer.parseInt(n.substring(n.lastIndexOf("_pane") + 5, n.length() - 5));
  }

  /**
   * A profile without the fields that say how the runner fired the pane — {@code pane.index},
   * {@code pane.timing}, {@code pane.is_last} — which may legitimately differ between runners (e.g.
   * Flink adds an empty ON_TIME pane when lateness is allowed). Everything else stays, in its
   * order: the JSON is re-serialized as read.
   */
  static String withoutPaneTiming(Path json) throws IOException {
    JsonNode root = JSON.readTree(json.toFile());
    ObjectNode pane = (ObjectNode) root.get("pane");
    pane.remove("index");
    pane.remove("timing");
    pane.remove("is_last");
    return JSON.writeValueAsString(root);
  }

  /**
   * Asserts that {@code actual} holds the same key-windows as {@code expected} with the same final
   * profiles: byte-identical JSON (and HTML) when the pane fields agree, else identical apart from
   * the pane's timing fields. Returns how many were byte-identical.
   */
  static int assertSameProfiles(Path expected, Path actual) throws IOException {
    Map<String, Path> want = finalPanes(expected);
    Map<String, Path> got = finalPanes(actual);
    assertThat("key-windows of " + actual, got.keySet(), is(want.keySet()));
    int identical = 0;
    for (Map.Entry<String, Path> e : want.entrySet()) {
      Path a = e.getValue();
      Path b = got.get(e.getKey());
      if (Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b))) {
        identical++;
        Path htmlA = Path.of(a.toString().replaceAll("\\.json$", ".html"));
        Path htmlB = Path.of(b.toString().replaceAll("\\.json$", ".html"));
        assertThat("HTML of " + e.getKey(), Files.readString(htmlB), is(Files.readString(htmlA)));
      } else {
        assertThat("profile of " + e.getKey(), withoutPaneTiming(b), is(withoutPaneTiming(a)));
      }
    }
    return identical;
  }

  /**
   * The roll-up and fleet reports of an output (newest pane of each), by {@code <folder>/<start>
   * <scope>}: their rows and, per numeric column of the sample, count, mean, std, min and max — the
   * statistics a merged state knows exactly, so every runner must give the same ones.
   */
  static Map<String, String> mergedReports(Path output) throws IOException {
    Map<String, Path> newest = new TreeMap<>();
    Pattern name = Pattern.compile("(.+_(?:\\d+[mhd]))_pane(\\d+)\\.json");
    try (Stream<Path> files = Files.walk(output)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path rel = output.relativize(p);
        Matcher m = name.matcher(rel.getFileName().toString());
        boolean fleet = rel.getNameCount() == 2 && rel.getName(0).toString().equals("_fleet");
        Matcher f = Pattern.compile("(.+)_pane(\\d+)\\.json").matcher(rel.getFileName().toString());
        if (!(m.matches() || (fleet && f.matches()))) {
          continue;
        }
        Matcher use = m.matches() ? m : f;
        String id = rel.getParent() + "/" + use.group(1);
        Path seen = newest.get(id);
        if (seen == null || pane(seen) < Integer.parseInt(use.group(2))) {
          newest.put(id, p);
        }
      }
    }
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, Path> e : newest.entrySet()) {
      JsonNode r = JSON.readTree(e.getValue().toFile());
      StringBuilder b = new StringBuilder("n=").append(r.get("table").get("n").asLong());
      for (String c : List.of("co", "humidity", "lpg", "smoke", "temp")) {
        JsonNode v = r.get("variables").get(c);
        b.append(' ').append(c);
        for (String stat : List.of("count", "mean", "std", "min", "max")) {
          double x = v.get(stat).asDouble();
          b.append(' ').append(String.format(java.util.Locale.ROOT, "%.12g", x));
        }
      }
      out.put(e.getKey(), b.toString());
    }
    return out;
  }

  /** The row count ({@code table.n}) of every final profile, sorted. */
  static List<Long> rowCounts(Path output) throws IOException {
    List<Long> rows = new ArrayList<>();
    for (Path p : finalPanes(output).values()) {
      rows.add(JSON.readTree(p.toFile()).get("table").get("n").asLong());
    }
    rows.sort(null);
    return rows;
  }

  static JsonNode readJson(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  static JsonNode parseJson(String text) throws IOException {
    return JSON.readTree(text);
  }

  // ---------------------------------------------------------------- processes

  record Result(int status, String output, long millis) {
    /** The first match of group 1 of {@code regex} in the output. */
    String find(String regex) {
      Matcher m = Pattern.compile(regex).matcher(output);
      if (!m.find()) {
        throw new AssertionError("no match of " + regex + " in:\n" + output);
      }
      return m.group(1);
    }
  }

  /**
   * Runs a script of the project with bash and extra environment; stdout and stderr together. A
   * script still running after {@code timeoutSeconds} is killed with its children.
   */
  static Result script(
      Map<String, String> env, long timeoutSeconds, String script, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", PROJECT.resolve(script).toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    long start = System.nanoTime();
    try {
      Process p = pb.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> copy(p.getInputStream(), out), "output of " + script);
      reader.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        p.waitFor(10, TimeUnit.SECONDS);
        reader.join(5_000);
        throw new AssertionError(
            script
                + " did not end within "
                + timeoutSeconds
                + " s:\n"
                + out.toString(StandardCharsets.UTF_8));
      }
      reader.join(5_000);
      return new Result(
          p.exitValue(),
          out.toString(StandardCharsets.UTF_8),
          (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      in.transferTo(out);
    } catch (IOException e) {
      // the process is gone
    }
  }

  /** A TCP port free on the loopback interface right now. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Logs a measured figure where Failsafe keeps the test's output. */
  static void measured(String what, long millis) {
    System.out.printf("MEASURED %s: %d ms%n", what, millis);
  }
}
