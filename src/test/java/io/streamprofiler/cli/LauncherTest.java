package io.streamprofiler.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

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
    Path fresh = archive.resolveSibling("stream-profiler.jsa.123");
    List<String> first = Launcher.childFlags(Map.of(), jar, archive, fresh);
    assertThat(first, hasItem("-XX:TieredStopAtLevel=1"));
    assertThat(first, hasItem("-XX:ArchiveClassesAtExit=" + fresh));
    Files.writeString(archive, "archive");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000));
    assertThat(
        Launcher.childFlags(Map.of(), jar, archive, fresh),
        hasItem("-XX:SharedArchiveFile=" + archive));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertThat(
        "a jar newer than its archive writes a new one",
        Launcher.childFlags(Map.of(), jar, archive, fresh),
        hasItem("-XX:ArchiveClassesAtExit=" + fresh));
    assertThat(
        Launcher.childFlags(
            Map.of("STREAM_PROFILER_JVM", " -Xmx2g  -XX:+UseG1GC "), jar, archive, fresh),
        is(List.of("-Xmx2g", "-XX:+UseG1GC")));
  }
}
