package io.streamprofiler.reliability;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprofiler.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A reader polling {@code --output} while a stream is being profiled never sees half a JSON or HTML
 * report, half an index, half a summary, a half-written line in {@code rejected/} or {@code late/},
 * or an index (the fleet index or a key's page) that links to a file that is not there.
 */
public class AtomicOutputTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();
  private static final Pattern HREF = Pattern.compile("href=\"([^\"#][^\"]*)\"");

  @Test
  public void aReaderDuringTheRunSeesOnlyWholeFilesAndAnIndexOfExistingReports() throws Exception {
    Path csv = tmp.getRoot().toPath().resolve("stream.csv");
    assertThat(
        Main.run(
            new String[] {
              "generate",
              "--output=" + csv,
              "--rows=6000",
              "--devices=3",
              "--malformed=0.01",
              "--displaced=0.02",
              "--maxDisplacement=4000"
            },
            System.out,
            System.err),
        is(0));
    Path out = tmp.getRoot().toPath().resolve("out");
    CompletableFuture<Runs> run =
        CompletableFuture.supplyAsync(
            () ->
                Runs.run(
                    out,
                    "--input=" + csv,
                    "--source=replay",
                    "--replaySpeed=6000",
                    "--windowSize=30m",
                    "--allowedLateness=1h"));
    long polls = 0;
    long indexChecks = 0;
    long linksChecked = 0;
    long filesChecked = 0;
    while (!run.isDone()) {
      polls++;
      if (Files.isDirectory(out)) {
        for (Path f : visibleFiles(out)) {
          String name = f.getFileName().toString();
          String text = read(f);
          if (text == null) {
            continue;
          }
          filesChecked++;
          if (name.endsWith(".json")) {
            JsonNode n = Runs.JSON.readTree(text); // throws on half a file
            assertThat(f.toString(), n.isObject(), is(true));
          } else if (name.endsWith(".html")) {
            assertThat(f + " is whole", text.endsWith("</html>\n"), is(true));
            if (name.equals("index.html")) {
              indexChecks++;
              Matcher m = HREF.matcher(text);
              while (m.find()) {
                linksChecked++;
                Path target = f.getParent().resolve(m.group(1)).normalize();
                assertThat(
                    m.group(1) + " linked from " + f + " exists",
                    Files.isRegularFile(target),
                    is(true));
              }
            }
          } else if (name.endsWith(".jsonl")) {
            assertThat(
                f + " ends with a whole line", text.isEmpty() || text.endsWith("\n"), is(true));
            for (String line : text.split("\n")) {
              if (!line.isEmpty()) {
                Runs.JSON.readTree(line);
              }
            }
          }
        }
      }
      Thread.sleep(15);
    }
    Runs r = run.get(1, TimeUnit.SECONDS);
    assertThat(r.toString(), r.exit, is(Main.OK));
    System.out.printf(
        "atomic output: %d polls, %d files read, %d indexes, %d links checked; %s%n",
        polls, filesChecked, indexChecks, linksChecked, r.out.lines().findFirst().orElse(""));
    // How often the index is caught mid-run depends on the machine's speed; the final index must
    // always be whole and link only to files that exist.
    String finalIndex = Files.readString(out.resolve("index.html"));
    assertThat(finalIndex.endsWith("</html>\n"), is(true));
    Matcher links = HREF.matcher(finalIndex);
    int finalLinks = 0;
    while (links.find()) {
      finalLinks++;
      assertThat(
          links.group(1), Files.isRegularFile(out.resolve(links.group(1)).normalize()), is(true));
    }
    assertThat(finalLinks, greaterThan(3));
    assertThat(r.summary().get("balanced").asBoolean(), is(true));
    assertThat(r.count("rows_rejected"), greaterThan(0L));
  }

  /** Files a user would open: not FileIO's or the index's temporary files (dot names). */
  private static List<Path> visibleFiles(Path out) throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      List<Path> files = new ArrayList<>();
      s.filter(p -> !out.relativize(p).toString().isEmpty())
          .filter(
              p -> { // nothing under a dot folder, no dot file
                for (Path part : out.relativize(p)) {
                  if (part.toString().startsWith(".")) {
                    return false;
                  }
                }
                return true;
              })
          .forEach(files::add);
      files.removeIf(p -> !Files.isRegularFile(p));
      return files;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        return List.of(); // a temporary folder vanished while walking: look again
      }
      throw e;
    }
  }

  private static String read(Path f) throws IOException {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
