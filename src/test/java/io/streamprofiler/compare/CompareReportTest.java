package io.streamprofiler.compare;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.cli.Main;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileSettings;
import io.streamprofiler.profile.Profiler;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.Schema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The compare sub-command end to end on two real reports, its errors, and escaping in the page. */
public class CompareReportTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private Path resource(String name) throws Exception {
    Path p = tmp.getRoot().toPath().resolve(name);
    try (var in = getClass().getResourceAsStream("/compare/" + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  private record Run(int status, String out, String err) {}

  private static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  public void comparesTwoRealReports() throws Exception {
    Path a = resource("device-00.json");
    Path b = resource("device-b8.json");
    Path html = tmp.getRoot().toPath().resolve("out/c.html");
    Run r = cli("compare", "--left=" + a, "--right=" + b, "--output=" + html);
    assertEquals(r.err(), Main.OK, r.status());
    assertTrue(r.out(), r.out().contains("DRIFT in"));
    JsonNode json =
        new ObjectMapper().readTree(tmp.getRoot().toPath().resolve("out/c.json").toFile());
    assertEquals("00:0f:00:70:91:0a", json.at("/left/key").asText());
    assertEquals("b8:27:eb:bf:9d:51", json.at("/right/key").asText());
    assertEquals(9, json.get("common_columns").size());
    assertEquals("numeric", json.at("/drift/columns/humidity/method").asText());
    assertEquals("categorical", json.at("/drift/columns/light/method").asText());
    assertTrue(json.at("/drift/columns/co/ks").asDouble() > 0.9);
    assertTrue(json.at("/statistics/temp/mean/changed").isBoolean());
    // the union of alerts says which side raised each
    boolean someBoth = false;
    for (JsonNode al : json.get("alerts")) {
      someBoth |= al.get("left").asBoolean() && al.get("right").asBoolean();
    }
    assertTrue(someBoth);
    String page = Files.readString(html);
    assertTrue(page.contains("Content-Security-Policy"));
    assertTrue(page.contains("default-src 'none'"));
    assertFalse(page.contains("<script"));
    assertFalse(page.contains("http://") || page.contains("https://"));
    assertTrue(
        page.contains("Correlations")
            && page.contains("<polyline")
            && page.contains("class=\"bl\""));

    // the same profile on both sides: no drift, every score 0
    Run same =
        cli(
            "compare",
            "--left=" + a,
            "--right=" + a,
            "--output=" + tmp.getRoot().toPath().resolve("same.html"));
    assertEquals(Main.OK, same.status());
    JsonNode s = new ObjectMapper().readTree(tmp.getRoot().toPath().resolve("same.json").toFile());
    assertEquals(0, s.at("/drift/drifted").size());
    assertEquals(0.0, s.at("/drift/columns/temp/psi").asDouble(), 0);
    assertEquals(0.0, s.at("/drift/columns/temp/ks").asDouble(), 0);
  }

  @Test
  public void badArgumentsAndUnreadableFilesExitTwoWithOneLine() throws Exception {
    Path a = resource("device-00.json");
    Path junk = tmp.newFile("junk.json").toPath();
    Files.writeString(junk, "{not json");
    String out = tmp.getRoot().toPath().resolve("x.html").toString();
    for (String[] args :
        List.of(
            new String[] {"compare"},
            new String[] {"compare", "--left=" + a, "--right=" + a},
            new String[] {
              "compare", "--left=" + a, "--right=/no/such/file.json", "--output=" + out
            },
            new String[] {"compare", "--left=" + a, "--right=" + junk, "--output=" + out},
            new String[] {
              "compare", "--left=" + a, "--right=" + a, "--output=" + out, "--driftPsi=abc"
            },
            new String[] {
              "compare", "--left=" + a, "--right=" + a, "--output=" + out, "--driftCramersV=7"
            },
            new String[] {
              "compare", "--left=" + a, "--right=" + a, "--output=" + out, "--colour=red"
            },
            new String[] {"compare", "stray"})) {
      Run r = cli(args);
      assertEquals(String.join(" ", args), Main.USAGE, r.status());
      assertEquals(r.err(), 1, r.err().strip().split("\n").length);
      assertTrue(r.err(), r.err().startsWith("error: "));
      assertFalse(r.err(), r.err().contains("Exception\n") || r.err().contains("\tat "));
    }
    assertFalse(Files.exists(Path.of(out)));
  }

  private static final String HOSTILE_KEY = "</title><script>alert('k')</script>";
  private static final String HOSTILE_COLUMN = "<svg onload=alert(1)>\"'&";
  private static final String HOSTILE_VALUE = "\"><img src=x onerror=alert(2)>";

  private static Profile hostile(double shift) {
    Schema schema = Schema.of(List.of("ts", "device", HOSTILE_COLUMN, "cat"), "device", "ts");
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      long micros = i * 5_000_000L;
      String cat = random.nextDouble() < (shift > 0 ? 0.7 : 0.2) ? HOSTILE_VALUE : "plain";
      rows.add(
          new Row(
              i + 2,
              micros,
              HOSTILE_KEY,
              new String[] {null, HOSTILE_KEY, null, cat},
              new double[] {micros / 1e6, Double.NaN, shift + random.nextGaussian(), Double.NaN}));
    }
    return new Profiler(schema, ProfileSettings.defaults())
        .profile(rows, new WindowContext(HOSTILE_KEY, 0, 3_600_000_000L, 0, "ON_TIME", true, 0));
  }

  @Test
  public void hostileStringsAreEscapedEverywhere() {
    Profile left = hostile(0);
    Profile right = hostile(5);
    Drift.Result drift = CompareReport.drift(left, right, DriftThresholds.defaults());
    assertTrue(
        drift.drifted().toString(),
        drift.drifted().contains(HOSTILE_COLUMN) && drift.drifted().contains("cat"));
    String page = CompareReport.html(left, right, drift);
    for (String raw :
        List.of(HOSTILE_KEY, HOSTILE_COLUMN, HOSTILE_VALUE, "<script", "<img", "<svg onload")) {
      assertFalse("raw " + raw, page.contains(raw));
    }
    assertTrue(page.contains("&lt;svg onload=alert(1)&gt;&quot;&#39;&amp;"));
    assertTrue(page.contains("&lt;/title&gt;&lt;script&gt;"));
    // every SVG <title> and <text> holds escaped text only
    assertFalse(page.matches("(?s).*<text[^>]*>[^<]*<(?!/text>).*"));
  }

  @Test
  public void differentColumnsCompareOnCommonOnesAndListTheRest() {
    Profile left = hostile(0);
    Profile right = TestProfiles.numbers("x", List.of(1.0, 2.0, 3.0, 4.0));
    Drift.Result drift = CompareReport.drift(left, right, DriftThresholds.defaults());
    var tree = CompareReport.tree(left, right, drift);
    assertEquals(List.of("ts", "device"), tree.get("common_columns"));
    assertEquals(List.of(HOSTILE_COLUMN, "cat"), tree.get("only_in_left"));
    assertEquals(List.of("v"), tree.get("only_in_right"));
    String page = CompareReport.html(left, right, drift);
    assertTrue(page.contains("Columns in one profile only"));
  }
}
