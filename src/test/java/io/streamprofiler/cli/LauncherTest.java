package io.streamprofiler.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** When a plain {@code java -jar} relaunches itself with the fast flags, and with which. */
public class LauncherTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aPlainStartRelaunches() {
    assertThat(Launcher.relaunch(List.of(), Map.of(), false), is(true));
  }

  @Test
  public void flagsOfTheUsersOwnOrTheChildOrAnOptOutDoNot() {
    assertThat(Launcher.relaunch(List.of("-Xmx4g"), Map.of(), false), is(false));
    assertThat(
        Launcher.relaunch(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx4g"), false), is(false));
    assertThat(
        Launcher.relaunch(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xss2m"), false), is(false));
    assertThat(Launcher.relaunch(List.of(), Map.of(), true), is(false));
    assertThat(
        Launcher.relaunch(List.of(), Map.of("STREAM_PROFILER_RELAUNCH", "false"), false),
        is(false));
    assertThat(
        Launcher.relaunch(List.of(), Map.of("STREAM_PROFILER_RELAUNCH", "0"), false), is(false));
    assertThat(Launcher.relaunch(List.of(), Map.of("JAVA_TOOL_OPTIONS", "  "), false), is(true));
  }

  @Test
  public void theArchiveIsWrittenOnceThenMappedAndOwnFlagsReplaceAll() throws IOException {
    Path jar = tmp.newFile("stream-profiler.jar").toPath();
    Path archive = Launcher.archiveOf(jar);
    assertThat(archive.getFileName().toString(), is("stream-profiler.jsa"));
    Path classList = tmp.getRoot().toPath().resolve("stream-profiler-123.classes");
    List<String> first = Launcher.childFlags(Map.of(), jar, archive, classList);
    assertThat(first, hasItem("-XX:TieredStopAtLevel=1"));
    assertThat(first, hasItem("-XX:DumpLoadedClassList=" + classList));
    Files.writeString(archive, "archive");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000));
    assertThat(
        Launcher.childFlags(Map.of(), jar, archive, classList),
        hasItem("-XX:SharedArchiveFile=" + archive));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertThat(
        "a jar newer than its archive lists its classes for a new one",
        Launcher.childFlags(Map.of(), jar, archive, classList),
        hasItem("-XX:DumpLoadedClassList=" + classList));
    assertThat(
        Launcher.childFlags(
            Map.of("STREAM_PROFILER_JVM", " -Xmx2g  -XX:+UseG1GC "), jar, archive, classList),
        is(List.of("-Xmx2g", "-XX:+UseG1GC")));
  }

  @Test
  public void theArchiveIsAStaticDumpOfTheListedClassesThatNeverLittersTheWorkingDirectory() {
    Path jar = Path.of("/opt/sp/stream-profiler.jar");
    List<String> dump =
        Launcher.dumpCommand(
            "java", jar, Path.of("/tmp/x.classes"), Path.of("/opt/sp/stream-profiler.jsa.7"));
    assertThat(
        dump.subList(0, 4),
        is(
            List.of(
                "java",
                "-Xshare:dump",
                "-XX:SharedClassListFile=/tmp/x.classes",
                "-XX:SharedArchiveFile=/opt/sp/stream-profiler.jsa.7")));
    assertThat(dump.get(4), startsWith("-XX:ErrorFile=" + System.getProperty("java.io.tmpdir")));
    assertThat(dump.subList(5, 7), is(List.of("-cp", jar.toString())));
  }
}
