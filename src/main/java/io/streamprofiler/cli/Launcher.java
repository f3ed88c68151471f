package io.streamprofiler.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The jar's entry point. {@code java -jar stream-profiler.jar} started without JVM flags runs the
 * profiler in a child JVM with the flags it is fastest with, the launchers' ({@code
 * runners/jvm.sh}): a 1 GiB heap, the parallel collector, C1 only (a run over a file is over before
 * C2 pays back; 405 k rows took 28 s with it and 18 s without), and a class-data archive beside the
 * jar, built once after the first such run from the classes it loaded and mapped by every later
 * one. Anyone who sets JVM flags of their own ({@code java -Xmx4g -jar ...}, {@code
 * JAVA_TOOL_OPTIONS}) runs as they asked, in this JVM; {@code STREAM_PROFILER_JVM} replaces the
 * flags, {@code STREAM_PROFILER_RELAUNCH=false} turns the relaunch off. The child shares this
 * process's standard streams, its exit status is this one's, and stopping this process stops it.
 *
 * <p>Only JDK classes are loaded here before the decision, so the relaunch costs one small JVM
 * start (about 0.1 s).
 *
 * <p>The archive is a static one ({@code -Xshare:dump} over the class list the first run wrote),
 * not a dynamic one written at that run's exit: JDK 17's dynamic dump crashes now and then on the
 * lambda classes of Beam and Flink (a SIGSEGV in {@code adjust_lambda_proxy_class_dictionary}, seen
 * here about one training run in three), which would have turned a good run into a failed one. The
 * static dump runs after the job, in its own JVM, and a failure there only costs the speed-up.
 */
public final class Launcher {
  /** Set in the child, so it never relaunches itself. */
  static final String RELAUNCHED = "streamprofiler.relaunched";

  /** A static dump of the sample's classes takes about 11 s on 2 cores. */
  private static final long DUMP_SECONDS = 120;

  static final List<String> FLAGS =
      List.of("-Xmx1g", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Xlog:cds*=off");

  private Launcher() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Optional<Path> jar = runningJar();
    List<String> jvmArgs = jvmArguments();
    if (jar.isEmpty()
        || !relaunch(jvmArgs, System.getenv(), System.getProperty(RELAUNCHED) != null)) {
      Main.main(args);
      return;
    }
    System.exit(runChild(jar.get(), args));
  }

  /**
   * Whether to run in a child JVM: not when this is the child, when the user gave JVM flags of
   * their own (on the command line or in {@code JAVA_TOOL_OPTIONS} / {@code JDK_JAVA_OPTIONS}), or
   * when {@code STREAM_PROFILER_RELAUNCH} is {@code false} or {@code 0}.
   */
  static boolean relaunch(List<String> jvmArgs, Map<String, String> env, boolean isChild) {
    if (isChild || !jvmArgs.isEmpty()) {
      return false;
    }
    String off = env.getOrDefault("STREAM_PROFILER_RELAUNCH", "");
    if (off.equalsIgnoreCase("false") || off.equals("0")) {
      return false;
    }
    return blank(env.get("JAVA_TOOL_OPTIONS")) && blank(env.get("JDK_JAVA_OPTIONS"));
  }

  /**
   * The child's JVM flags: {@code STREAM_PROFILER_JVM} when set, else {@link #FLAGS} with the
   * class-data archive when it is there and newer than the jar, else with the class list to build
   * it from written to {@code classList}.
   */
  static List<String> childFlags(Map<String, String> env, Path jar, Path archive, Path classList) {
    String own = env.get("STREAM_PROFILER_JVM");
    if (!blank(own)) {
      return Arrays.asList(own.trim().split("\\s+"));
    }
    List<String> flags = new ArrayList<>(FLAGS);
    if (upToDate(archive, jar)) {
      flags.add("-XX:SharedArchiveFile=" + archive);
    } else {
      flags.add("-XX:DumpLoadedClassList=" + classList);
    }
    return flags;
  }

  /**
   * The command that builds the archive from a class list: a static dump of those classes from the
   * jar, into {@code into}; a crash report, should the dump crash, goes to the temporary folder,
   * not to the user's working directory.
   */
  static List<String> dumpCommand(String java, Path jar, Path classList, Path into) {
    return List.of(
        java,
        "-Xshare:dump",
        "-XX:SharedClassListFile=" + classList,
        "-XX:SharedArchiveFile=" + into,
        "-XX:ErrorFile="
            + Path.of(System.getProperty("java.io.tmpdir"), "stream-profiler-cds-%p.log"),
        "-cp",
        jar.toString());
  }

  private static int runChild(Path jar, String[] args) throws IOException, InterruptedException {
    Path archive = archiveOf(jar);
    String pid = String.valueOf(ProcessHandle.current().pid());
    Path classList =
        Path.of(System.getProperty("java.io.tmpdir"), "stream-profiler-" + pid + ".classes");
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(childFlags(System.getenv(), jar, archive, classList));
    command.add("-D" + RELAUNCHED + "=true");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(Arrays.asList(args));
    if (isInfo(args)) {
      System.err.println("stream-profiler: running as " + String.join(" ", command));
    }
    Process child = new ProcessBuilder(command).inheritIO().start();
    Thread stop =
        new Thread(
            () -> {
              if (child.isAlive()) {
                child.destroy();
              }
            },
            "stop-profiler-child");
    Runtime.getRuntime().addShutdownHook(stop);
    int status = child.waitFor();
    Runtime.getRuntime().removeShutdownHook(stop);
    try {
      if (status == 0 && Files.isRegularFile(classList)) {
        buildArchive(jar, classList, archive, isQuiet(args));
      }
    } finally {
      Files.deleteIfExists(classList);
    }
    return status;
  }

  /**
   * Dumps the archive beside the jar from a run's class list, under a name of this process's and
   * then moved into place, so a run starting meanwhile maps the old archive or none, never half of
   * one. A failed dump is one line: the run it follows has succeeded, and later runs start without.
   */
  private static void buildArchive(Path jar, Path classList, Path archive, boolean quiet)
      throws IOException, InterruptedException {
    Path fresh =
        archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid());
    if (!quiet) {
      System.err.println(
          "stream-profiler: building the class-data archive "
              + archive.getFileName()
              + " for faster starts (once per jar, about 10 s)");
    }
    Process dump =
        new ProcessBuilder(dumpCommand(javaExecutable(), jar, classList, fresh))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    boolean done = dump.waitFor(DUMP_SECONDS, TimeUnit.SECONDS);
    if (!done) {
      dump.destroyForcibly().waitFor();
    }
    if (done && dump.exitValue() == 0 && Files.isRegularFile(fresh)) {
      try {
        Files.move(
            fresh, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.deleteIfExists(fresh); // another run's archive got there first: either will do
      }
    } else {
      Files.deleteIfExists(fresh);
      System.err.println(
          "stream-profiler: could not build the class-data archive "
              + (done
                  ? "(the dump exited with " + dump.exitValue() + ")"
                  : "in " + DUMP_SECONDS + " s")
              + "; runs start without it, about 1.5 s slower");
    }
  }

  /** {@code stream-profiler.jsa} beside {@code stream-profiler.jar}, as runners/jvm.sh names it. */
  static Path archiveOf(Path jar) {
    String name = jar.getFileName().toString();
    String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    return jar.resolveSibling(base + ".jsa");
  }

  private static boolean upToDate(Path archive, Path jar) {
    try {
      return Files.isRegularFile(archive)
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The jar this class was loaded from, when it was loaded from one. */
  private static Optional<Path> runningJar() {
    try {
      var source = Launcher.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path p = Path.of(source.getLocation().toURI());
      return p.toString().endsWith(".jar") && Files.isRegularFile(p)
          ? Optional.of(p)
          : Optional.empty();
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The JVM options this process was started with: its arguments before {@code -jar}. */
  private static List<String> jvmArguments() {
    List<String> all =
        ProcessHandle.current().info().arguments().map(Arrays::asList).orElse(List.of("?"));
    int jar = all.indexOf("-jar");
    return jar < 0 ? all : all.subList(0, jar);
  }

  private static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
  }

  private static boolean isInfo(String[] args) {
    return Arrays.asList(args).contains("--logLevel=info")
        || Arrays.asList(args).contains("--logLevel=debug");
  }

  private static boolean isQuiet(String[] args) {
    return Arrays.asList(args).contains("--quiet=true") || Arrays.asList(args).contains("--quiet");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
