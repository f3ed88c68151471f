package io.streamprofiler.reliability;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.streamprofiler.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Keys that try to climb out of {@code --output}: nothing lands outside it. */
public class OutputConfinementTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void keysThatAreEscapingPathsStayInsideTheOutputFolder() throws IOException {
    Path root = tmp.getRoot().toPath();
    Path input = root.resolve("in/keys.csv");
    Files.createDirectories(input.getParent());
    String[] keys = {
      "../../x",
      "../escaped",
      "..",
      ".",
      "/tmp/absolute",
      "//server/share",
      "C:\\evil",
      "..\\..\\win",
      "%2e%2e",
      "%2e%2e%2fup",
      "a/../../../b",
      "~",
      "~root",
      ".temp-beam",
      "index.html",
      "rejected",
      "late",
      "nul\u0000x",
      "run-summary.json"
    };
    StringBuilder csv = new StringBuilder("ts,site,device,temp\n");
    long ts = 1594512000;
    for (String key : keys) {
      for (int i = 0; i < 3; i++) {
        csv.append(ts++)
            .append(",s/..,\"")
            .append(key.replace("\"", "\"\""))
            .append("\",")
            .append(i)
            .append('\n');
      }
    }
    Files.writeString(input, csv, StandardCharsets.UTF_8);
    Path output = root.resolve("deep/er/out");
    for (String keyColumn : List.of("device", "site,device")) {
      Path out = output.resolve(keyColumn.replace(',', '+'));
      Runs r =
          Runs.run(out, "--input=" + input, "--keyColumn=" + keyColumn, "--timestampColumn=ts");
      assertThat(r.toString(), r.exit, is(Main.OK));
      assertThat(r.count("rows_profiled"), is(3L * keys.length));
      assertThat(
          r.reports().keySet().toString() + r.files(null, ".json"),
          r.reports().size(),
          is(keys.length));
      assertThat(r.files("rejected", ".jsonl").isEmpty(), is(true));
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        if (!p.equals(input)) {
          assertThat(
              p + " is outside --output",
              p.toRealPath().toString(),
              startsWith(output.toRealPath() + "/"));
        }
      }
    }
    try (Stream<Path> top = Files.list(root)) {
      assertThat(
          top.map(p -> p.getFileName().toString()).sorted().toList(), is(List.of("deep", "in")));
    }
    assertThat(Files.exists(Path.of("/tmp/absolute")), is(false));
  }
}
