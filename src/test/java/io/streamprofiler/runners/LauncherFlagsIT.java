package io.streamprofiler.runners;

import static io.streamprofiler.runners.RunnerTestSupport.JAR;
import static io.streamprofiler.runners.RunnerTestSupport.PROJECT;
import static io.streamprofiler.runners.RunnerTestSupport.script;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.streamprofiler.testing.Deadline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestRule;

/**
 * The launchers' JVM flags (runners/jvm.sh): a class-data archive is built once by a training run
 * and then used; a jar that cannot train leaves no archive and still gets the other flags; the
 * user's STREAM_PROFILER_JVM replaces them all.
 */
public class LauncherFlagsIT {
  @Rule public final TestRule deadline = Deadline.minutes(3);
  @Rule public final TemporaryFolder folder = new TemporaryFolder();

  private Path probe() throws IOException {
    Path probe = folder.getRoot().toPath().resolve("probe.sh");
    Files.writeString(
        probe, ". '" + PROJECT.resolve("runners/jvm.sh") + "'\nstream_profiler_jvm \"$1\"\n");
    return probe;
  }

  private RunnerTestSupport.Result flags(Map<String, String> env, Path jar) throws IOException {
    return script(env, 120, PROJECT.relativize(probe()).toString(), jar.toString());
  }

  @Test
  public void theDirectLauncherTrainsAnArchiveOnceAndRunsWithIt() throws IOException {
    Path archive = PROJECT.resolve("target/stream-profiler.jsa");
    Files.deleteIfExists(archive);
    Path out = folder.newFolder("out").toPath();
    RunnerTestSupport.Result first =
        script(Map.of(), 150, "runners/direct/run.sh", "--output=" + out, "--quiet=true");
    assertThat(first.output(), first.status(), is(0));
    assertThat(first.output(), containsString("rows_read=999 rows_profiled=999"));
    assertThat("archive built\n" + first.output(), Files.isRegularFile(archive), is(true));
    assertThat(flags(Map.of(), JAR).output(), containsString("-XX:SharedArchiveFile=" + archive));
    RunnerTestSupport.Result second =
        script(Map.of(), 150, "runners/direct/run.sh", "--output=" + out, "--quiet=true");
    assertThat(second.output(), second.status(), is(0));
    assertThat(second.output(), not(containsString("cds")));
  }

  @Test
  public void aJarThatCannotTrainLeavesNoArchive() throws IOException {
    Path jar = folder.newFile("not-a-profiler.jar").toPath();
    RunnerTestSupport.Result r = flags(Map.of(), jar);
    assertThat(r.output(), r.status(), is(0));
    assertThat(r.output(), containsString("-XX:TieredStopAtLevel=1"));
    assertThat(r.output(), not(containsString("SharedArchiveFile")));
    assertThat(Files.exists(folder.getRoot().toPath().resolve("not-a-profiler.jsa")), is(false));
  }

  @Test
  public void theUsersFlagsReplaceThemAll() throws IOException {
    RunnerTestSupport.Result r = flags(Map.of("STREAM_PROFILER_JVM", "-Xmx64m"), JAR);
    assertThat(r.output().trim(), is("-Xmx64m"));
  }

  /** Runs {@code java [jvmFlags] -jar the-jar args} with {@code env} added; output and status. */
  private static RunnerTestSupport.Result java(
      Map<String, String> env, List<String> jvmFlags, String... args)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    int status = p.waitFor();
    return new RunnerTestSupport.Result(status, out, (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  public void aPlainJavaJarRunsWithTheLaunchersFlagsAndItsExitStatus() throws Exception {
    Path out = folder.newFolder("plain").toPath();
    RunnerTestSupport.Result plain =
        java(Map.of(), List.of(), "--output=" + out, "--quiet=true", "--logLevel=info");
    assertThat(plain.output(), plain.status(), is(0));
    assertThat(plain.output(), containsString("stream-profiler: running as "));
    assertThat(plain.output(), containsString("-XX:TieredStopAtLevel=1"));
    assertThat(plain.output(), containsString("rows_read=999 rows_profiled=999"));
    assertThat(Files.exists(PROJECT.resolve("target/stream-profiler.jsa")), is(true));

    RunnerTestSupport.Result wrong = java(Map.of(), List.of(), "--keyColumn=sensor");
    assertThat("the child's exit status", wrong.status(), is(2));
    assertThat(wrong.output(), containsString("error: --keyColumn=sensor"));
  }

  @Test
  public void ownFlagsOrTheOptOutRunInThisJvm() throws Exception {
    Path out = folder.newFolder("own").toPath();
    for (RunnerTestSupport.Result r :
        List.of(
            java(
                Map.of(),
                List.of("-Xmx512m"),
                "--output=" + out,
                "--quiet=true",
                "--logLevel=info"),
            java(
                Map.of("STREAM_PROFILER_RELAUNCH", "false"),
                List.of(),
                "--output=" + out,
                "--quiet=true",
                "--logLevel=info"))) {
      assertThat(r.output(), r.status(), is(0));
      assertThat(r.output(), not(containsString("stream-profiler: running as")));
      assertThat(r.output(), containsString("rows_read=999"));
    }
  }
}
