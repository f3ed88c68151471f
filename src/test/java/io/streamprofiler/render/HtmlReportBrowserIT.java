package io.streamprofiler.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamprofiler.compare.CompareReport;
import io.streamprofiler.compare.DriftThresholds;
import io.streamprofiler.profile.Profile;
import io.streamprofiler.testing.Deadline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestRule;

/**
 * Loads rendered reports in headless Chromium (DevTools protocol) from file:// and checks that each
 * loads with no console error, no exception and no network request besides the file itself, has
 * every section, and that hostile strings in the data never execute. Screenshots go to
 * target/browser/. Skipped when /usr/bin/chromium is absent (CI installs it).
 */
public class HtmlReportBrowserIT {
  @Rule public final TestRule deadline = Deadline.minutes(3);
  private static final Path OUT = Paths.get("target", "browser");
  private static Chromium chromium;

  @BeforeClass
  public static void startBrowser() throws Exception {
    assumeTrue(
        "Chromium is not installed at " + Chromium.BINARY + ": browser checks skipped",
        Chromium.available());
    Files.createDirectories(OUT);
    chromium = Chromium.start();
  }

  @AfterClass
  public static void stopBrowser() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  public void sampleReportsLoadCleanlyOffline() throws Exception {
    for (String sample : Fixtures.SAMPLES) {
      String name = sample.replace(".json", "");
      Loaded page = load(name, HtmlReport.render(Fixtures.profile(sample)), 1280, 900);
      page.assertClean();
      page.assertSections();
      page.fullScreenshot();
      page.expandedScreenshot();
    }
  }

  /**
   * The pipeline's own output: every report of the bundled sample, and the index that links them.
   */
  @Test
  public void pipelineReportsOfTheSampleLoadCleanly() throws Exception {
    Path output = runPipeline(Paths.get("data", "iot_telemetry_data_1000.csv"), "pipeline-sample");
    List<Path> reports = htmlReports(output);
    assertThat(reports.size(), is(3));
    for (Path report : reports) {
      Loaded page = loadFile(report.getParent().getFileName() + "-pipeline", report, 1280, 900);
      page.assertClean();
      page.assertSections();
    }
    loadFile("pipeline-index", output.resolve("index.html"), 1280, 700).assertClean();
  }

  /** Hostile key, column name and values go through the whole pipeline and execute nowhere. */
  @Test
  public void hostileInputThroughThePipelineDoesNotExecute() throws Exception {
    Path csv = OUT.resolve("hostile-input.csv");
    String column = "\"" + Fixtures.IMG.replace("\"", "\"\"") + "\"";
    StringBuilder b = new StringBuilder("ts,device,temp," + column + "\n");
    String key = "\"" + (Fixtures.SCRIPT + "/../" + Fixtures.JS_URL).replace("\"", "\"\"") + "\"";
    for (int i = 0; i < 40; i++) {
      String value =
          "\"" + Fixtures.PAYLOADS.get(i % Fixtures.PAYLOADS.size()).replace("\"", "\"\"") + "\"";
      b.append(1_594_512_000 + i * 10)
          .append(',')
          .append(key)
          .append(',')
          .append(20 + i % 7)
          .append(',')
          .append(value)
          .append('\n');
    }
    Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
    Path output = runPipeline(csv, "pipeline-hostile");
    List<Path> reports = htmlReports(output);
    assertThat(reports.size(), is(1));
    assertThat(
        "the report stays inside the output folder",
        reports.get(0).toAbsolutePath().normalize().startsWith(output.toAbsolutePath().normalize()),
        is(true));
    Loaded page = loadFile("pipeline-hostile", reports.get(0), 1280, 900);
    page.assertNoExecution();
    page.assertClean();
    page.assertSections();
    Loaded index = loadFile("pipeline-hostile-index", output.resolve("index.html"), 1280, 700);
    index.assertNoExecution();
    index.assertClean();
  }

  private static Path runPipeline(Path input, String name) throws Exception {
    Path output = OUT.resolve(name).toAbsolutePath();
    if (Files.exists(output)) {
      try (var walk = Files.walk(output)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int status =
        io.streamprofiler.cli.Main.run(
            new String[] {"--input=" + input, "--output=" + output, "--quiet=true"},
            new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
            new java.io.PrintStream(err));
    assertThat(err.toString(), status, is(0));
    return output;
  }

  private static List<Path> htmlReports(Path output) throws Exception {
    try (var walk = Files.walk(output)) {
      return walk.filter(p -> p.getFileName().toString().matches(".*_pane\\d+\\.html"))
          .sorted()
          .toList();
    }
  }

  /**
   * With -Ddocs.screenshot=true, writes the README's screenshot: the top of the b8 report, 1200 px
   * wide.
   */
  @Test
  public void docsScreenshot() throws Exception {
    assumeTrue(
        "set -Ddocs.screenshot=true to refresh docs/report-screenshot.png",
        Boolean.getBoolean("docs.screenshot"));
    Loaded page = load("docs", HtmlReport.render(Fixtures.profile("profile-b8.json")), 1200, 820);
    page.assertClean();
    Path docs = Files.createDirectories(Paths.get("docs"));
    Files.write(docs.resolve("report-screenshot.png"), chromium.screenshot(page.session, false));
  }

  @Test
  public void richReportLoadsCleanly() throws Exception {
    Loaded page = load("rich", HtmlReport.render(Fixtures.rich()), 1280, 900);
    page.assertClean();
    page.assertSections();
    page.fullScreenshot();
    page.expandedScreenshot();
  }

  /**
   * A roll-up profiled from a mergeable state (the sample's largest device): the estimation and
   * scope notes are shown, and the page with its null unique counts loads as cleanly as any.
   */
  @Test
  public void aRollUpFromAStateLoadsCleanlyAndSaysWhatIsEstimated() throws Exception {
    io.streamprofiler.record.Schema schema;
    java.util.List<io.streamprofiler.record.Row> rows = new java.util.ArrayList<>();
    try (java.io.InputStream in = new java.io.FileInputStream("data/iot_telemetry_data_1000.csv");
        io.streamprofiler.record.CsvReader reader =
            io.streamprofiler.record.CsvReader.utf8(in, 1 << 20)) {
      schema =
          io.streamprofiler.record.Schema.of(
              io.streamprofiler.record.CsvSplitter.split(reader.next().text()), "device", "ts");
      io.streamprofiler.record.RowParser parser =
          new io.streamprofiler.record.RowParser(
              schema,
              io.streamprofiler.record.TimestampFormat.of("epoch_seconds", "UTC"),
              io.streamprofiler.record.RowParser.missingTokens(",NA"));
      for (var r = reader.next(); r != null; r = reader.next()) {
        io.streamprofiler.record.Row row = parser.parse(r);
        if (row.key().startsWith("b8")) {
          rows.add(row);
        }
      }
    }
    io.streamprofiler.profile.state.WindowState state =
        io.streamprofiler.profile.state.WindowState.of(rows, schema.size());
    long start = 1_594_512_000_000_000L;
    Profile p =
        io.streamprofiler.profile.ProfileAdditions.withScope(
            new io.streamprofiler.profile.StateProfiler(
                    schema, io.streamprofiler.profile.ProfileSettings.defaults())
                .profile(
                    state,
                    new io.streamprofiler.profile.WindowContext(
                        "b8:27:eb:bf:9d:51",
                        start,
                        start + 86_400_000_000L,
                        0,
                        "ON_TIME",
                        true,
                        0)),
            java.util.Map.of("kind", "rollup", "of", "1h", "window", "1d", "windows", 1L));
    Loaded page = load("rollup-state", HtmlReport.render(p), 1280, 900);
    page.assertClean();
    page.assertSections();
    String text = chromium.evaluate(page.session, "document.body.innerText").asText();
    assertThat(text.contains("Roll-up over 1d"), is(true));
    assertThat(text.contains("Profiled from a mergeable state"), is(true));
    page.fullScreenshot();
  }

  @Test
  public void narrowViewportHasNoHorizontalScroll() throws Exception {
    Loaded page =
        load("b8-narrow", HtmlReport.render(Fixtures.profile("profile-b8.json")), 420, 900);
    page.assertClean();
    JsonNode overflow =
        chromium.evaluate(
            page.session,
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1");
    assertThat("page wider than a phone screen", overflow.asBoolean(), is(true));
    Files.write(OUT.resolve("b8-narrow.png"), chromium.screenshot(page.session, false));
  }

  @Test
  public void hostileStringsDoNotExecute() throws Exception {
    Profile hostile = Fixtures.hostile();
    String html = HtmlReport.render(hostile);
    Loaded page = load("hostile", html, 1280, 900);
    page.assertNoExecution();
    page.assertClean();
    page.assertSections();
    page.fullScreenshot();
    // Without the Content-Security-Policy only escaping stands between the data and the page.
    String noPolicy = html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
    Loaded bare = load("hostile-no-csp", noPolicy, 1280, 900);
    bare.assertNoExecution();
    bare.assertSections();
    // and the payloads are there as visible text
    String text = chromium.evaluate(bare.session, "document.body.innerText").asText();
    for (String p : Fixtures.PAYLOADS) {
      assertThat(
          "payload shown as text: " + p,
          text.contains(p.trim()) || text.contains(p.substring(0, 12)),
          is(true));
    }
  }

  @Test
  public void indexPageLoadsCleanly() throws Exception {
    List<IndexEntry> entries = new ArrayList<>();
    entries.add(
        new IndexEntry(
            "b8:27:eb:bf:9d:51",
            "2020-07-12T00:00:00Z",
            "2020-07-12T01:00:00Z",
            0,
            "EARLY",
            false,
            3,
            200,
            "b8_27_eb_bf_9d_51-bd78baaa13bf4845/20200712T000000Z_pane0.html"));
    entries.add(
        new IndexEntry(
            "b8:27:eb:bf:9d:51",
            "2020-07-12T00:00:00Z",
            "2020-07-12T01:00:00Z",
            1,
            "ON_TIME",
            true,
            11,
            457,
            "b8_27_eb_bf_9d_51-bd78baaa13bf4845/20200712T000000Z_pane1.html"));
    entries.add(
        new IndexEntry(
            Fixtures.HOSTILE_KEY + Fixtures.SCRIPT,
            "2020-07-12T00:00:00Z",
            "2020-07-12T01:00:00Z",
            0,
            "ON_TIME",
            true,
            1,
            5,
            Fixtures.JS_URL));
    entries.add(
        new IndexEntry(
            Fixtures.IMG,
            "2020-07-12T00:00:00Z",
            "2020-07-12T01:00:00Z",
            0,
            Fixtures.SVG,
            true,
            0,
            9,
            "x/" + Fixtures.IMG + ".html"));
    Loaded page = load("index", IndexPage.render(entries), 1280, 700);
    page.assertNoExecution();
    page.assertClean();
    Files.write(OUT.resolve("index.png"), chromium.screenshot(page.session, true));
  }

  /**
   * The comparison page: drawn like the reports, loads with nothing but itself, every section
   * present.
   */
  @Test
  public void comparisonPageLoadsCleanly() throws Exception {
    Profile left = Fixtures.profile("profile-00.json");
    Profile right = Fixtures.profile("profile-b8.json");
    String html =
        CompareReport.html(
            left, right, CompareReport.drift(left, right, DriftThresholds.defaults()));
    Loaded page = load("compare", html, 1280, 900);
    page.assertClean();
    page.assertNoExecution();
    assertThat(
        chromium
            .evaluate(
                page.session,
                "['drift','alerts','variables','correlations']"
                    + ".filter(id => !document.getElementById(id)).join(',')")
            .asText(),
        is(""));
    assertThat(
        chromium
            .evaluate(
                page.session,
                "document.querySelectorAll('svg rect.bl').length > 0"
                    + " && document.querySelectorAll('svg polyline.lr').length > 0")
            .asBoolean(),
        is(true));
    page.fullScreenshot();
  }

  /**
   * Pages are written in ASCII with character references: the browser shows the data's text and the
   * report's typography as they are, in the report and in a comparison.
   */
  @Test
  public void nonAsciiTextReadsTheSame() throws Exception {
    Profile left = AsciiPagesTest.unicode("profile-00.json");
    Profile right = AsciiPagesTest.unicode("profile-b8.json");
    String report = HtmlReport.render(right);
    String comparison =
        CompareReport.html(
            left, right, CompareReport.drift(left, right, DriftThresholds.defaults()));
    for (Loaded page :
        List.of(
            load("unicode", report, 1280, 900), load("compare-unicode", comparison, 1280, 900))) {
      page.assertClean();
      String title = chromium.evaluate(page.session, "document.title").asText();
      assertThat(page.name + " title: " + title, title.contains(" · 2020-07-12"), is(true));
      String text = chromium.evaluate(page.session, "document.body.textContent").asText();
      for (String shown :
          List.of(
              AsciiPagesTest.KEY,
              AsciiPagesTest.UMLAUT_COLUMN,
              AsciiPagesTest.DEGREE_COLUMN,
              AsciiPagesTest.EMOJI_COLUMN,
              AsciiPagesTest.CATEGORY,
              "−0.8801",
              " × 10⁻",
              "·",
              "—")) {
        assertThat(page.name + " shows " + shown, text.contains(shown), is(true));
      }
    }
  }

  /**
   * Hostile key, column names and categories on both sides of a comparison execute nowhere, with or
   * without the policy.
   */
  @Test
  public void hostileStringsInAComparisonDoNotExecute() throws Exception {
    Profile left = Fixtures.hostile();
    Profile right = Fixtures.hostile();
    String html =
        CompareReport.html(
            left, right, CompareReport.drift(left, right, DriftThresholds.defaults()));
    Loaded page = load("compare-hostile", html, 1280, 900);
    page.assertNoExecution();
    page.assertClean();
    String noPolicy = html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
    Loaded bare = load("compare-hostile-no-csp", noPolicy, 1280, 900);
    bare.assertNoExecution();
    String text = chromium.evaluate(bare.session, "document.body.innerText").asText();
    assertThat(
        "the hostile column is shown as text", text.contains(Fixtures.HOSTILE_COLUMN), is(true));
  }

  /**
   * The fleet dashboard of a pipeline run over several windows, with a step change and a hostile
   * key: the grid, its comparison links and a key's page load cleanly, and every link is a relative
   * path to a file the run wrote.
   */
  @Test
  public void fleetIndexOfAPipelineRunLoadsCleanly() throws Exception {
    Path csv = OUT.resolve("fleet-input.csv");
    StringBuilder b = new StringBuilder("ts,device,temp,status\n");
    String hostileKey = "\"" + Fixtures.SCRIPT.replace("\"", "\"\"") + "\"";
    java.util.Random random = new java.util.Random(3);
    // 8 hourly windows: a key learns how far its windows move from its first 5 (docs/DRIFT.md)
    for (int i = 0; i < 8 * 60; i++) {
      long ts = 1_594_512_000L + i * 60L;
      for (String key : List.of("dev-1", "dev-2", hostileKey)) {
        double step = key.equals("dev-1") && i >= 6 * 60 ? 8 : 0;
        b.append(ts)
            .append(',')
            .append(key)
            .append(',')
            .append(String.format(java.util.Locale.ROOT, "%.3f", 21 + step + random.nextGaussian()))
            .append(',')
            .append(
                random.nextDouble() < 0.9 ? "ok" : "\"" + Fixtures.IMG.replace("\"", "\"\"") + "\"")
            .append('\n');
      }
    }
    Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
    Path output = runPipeline(csv, "pipeline-fleet");
    Path index = output.resolve("index.html");
    String html = Files.readString(index, StandardCharsets.UTF_8);
    assertThat(html.contains("<table class=\"fleet\">"), is(true));
    assertThat("dev-1 drifts in its step window", html.contains("class=\"c-dr"), is(true));
    java.util.regex.Matcher href =
        java.util.regex.Pattern.compile("href=\"([^\"#][^\"]*)\"").matcher(html);
    int links = 0;
    int comparisons = 0;
    while (href.find()) {
      String h =
          java.net.URLDecoder.decode(href.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
      assertThat(h, h.matches("^[a-z]+:.*") || h.startsWith("/"), is(false));
      assertThat("link to a written file: " + h, Files.exists(output.resolve(h)), is(true));
      links++;
      comparisons += h.endsWith(".previous.html") ? 1 : 0;
    }
    assertThat("a report link per window of each key, and key pages", links >= 15 + 3, is(true));
    assertThat("a comparison link per window with a previous one", comparisons >= 12, is(true));
    Loaded page = loadFile("pipeline-fleet-index", index, 1280, 700);
    page.assertClean();
    page.assertNoExecution();
    assertThat(
        chromium
            .evaluate(page.session, "document.querySelectorAll('table.fleet tbody tr').length")
            .asInt(),
        is(3));
    Loaded keyPage = loadFile("pipeline-fleet-key", output.resolve("dev-1/index.html"), 1280, 700);
    keyPage.assertClean();
    keyPage.assertNoExecution();
    List<Path> comparisonPages;
    try (var walk = Files.walk(output)) {
      comparisonPages =
          walk.filter(p -> p.getFileName().toString().endsWith(".previous.html")).sorted().toList();
    }
    assertThat(comparisonPages.size() >= 12, is(true));
    for (Path c :
        List.of(comparisonPages.get(0), comparisonPages.get(comparisonPages.size() - 1))) {
      Loaded cp = loadFile("pipeline-fleet-" + c.getFileName(), c, 1280, 900);
      cp.assertClean();
      cp.assertNoExecution();
    }
  }

  /**
   * The checks can fail: a page that runs a script, logs an error and loads a remote image is
   * caught.
   */
  @Test
  public void checksCatchAnUnsafePage() throws Exception {
    String bad =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bad</title></head><body>"
            + "<script>window.__pwned=1;console.error('boom')</script><img src=\"http://127.0.0.1:9/x.png\"></body></html>";
    Loaded page = load("control", bad, 800, 600);
    assertThat(chromium.evaluate(page.session, "typeof window.__pwned").asText(), is("number"));
    List<String> methods = new ArrayList<>();
    for (JsonNode e : chromium.events(page.session)) {
      methods.add(e.path("method").asText());
    }
    assertThat(methods.contains("Runtime.consoleAPICalled"), is(true));
    assertThat(
        chromium.events(page.session).stream()
            .anyMatch(
                e ->
                    e.path("method").asText().equals("Network.requestWillBeSent")
                        && e.path("params")
                            .path("request")
                            .path("url")
                            .asText()
                            .startsWith("http://127.0.0.1:9/")),
        is(true));
    AssertionError caught = null;
    try {
      page.assertClean();
    } catch (AssertionError e) {
      caught = e;
    }
    assertThat("assertClean must fail on the control page", caught != null, is(true));
  }

  // ---------------------------------------------------------------------------------------------

  private Loaded loadFile(String name, Path file, int width, int height) throws Exception {
    String session = chromium.newPage(width, height);
    String url = file.toAbsolutePath().toUri().toString();
    chromium.load(session, url);
    Loaded page = new Loaded(name, session, url);
    Files.write(OUT.resolve(name + ".png"), chromium.screenshot(session, false));
    return page;
  }

  private Loaded load(String name, String html, int width, int height) throws Exception {
    Path file = OUT.resolve(name + ".html").toAbsolutePath();
    Files.writeString(file, html, StandardCharsets.UTF_8);
    String session = chromium.newPage(width, height);
    String url = file.toUri().toString();
    chromium.load(session, url);
    return new Loaded(name, session, url);
  }

  private static final class Loaded {
    final String name;
    final String session;
    final String url;

    Loaded(String name, String session, String url) {
      this.name = name;
      this.session = session;
      this.url = url;
    }

    /** No console error or warning, no exception, no request but the page itself. */
    void assertClean() {
      List<String> problems = new ArrayList<>();
      for (JsonNode e : chromium.events(session)) {
        String method = e.path("method").asText();
        JsonNode p = e.path("params");
        switch (method) {
          case "Runtime.exceptionThrown" ->
              problems.add("exception: " + p.path("exceptionDetails"));
          case "Runtime.consoleAPICalled" ->
              problems.add("console." + p.path("type").asText() + ": " + p.path("args"));
          case "Log.entryAdded" -> {
            String level = p.path("entry").path("level").asText();
            if (level.equals("error") || level.equals("warning")) {
              problems.add("log " + level + ": " + p.path("entry").path("text").asText());
            }
          }
          case "Network.requestWillBeSent" -> {
            String u = p.path("request").path("url").asText();
            if (!u.equals(url)) {
              problems.add("request: " + u);
            }
          }
          case "Page.javascriptDialogOpening" ->
              problems.add("dialog: " + p.path("message").asText());
          default -> {}
        }
      }
      assertThat(name + ": console errors, exceptions or requests", problems, is(empty()));
    }

    void assertSections() throws Exception {
      StringBuilder js = new StringBuilder("[");
      for (String id : HtmlReport.SECTIONS) {
        js.append("'").append(id).append("',");
      }
      js.append("].filter(id => !document.getElementById(id)).join(',')");
      assertThat(
          name + ": sections missing from the DOM",
          chromium.evaluate(session, js.toString()).asText(),
          is(""));
      // each section has a heading and some content
      assertThat(
          chromium
              .evaluate(
                  session,
                  "[...document.querySelectorAll('main > section')].every(s => s.querySelector('h2') && s.children.length > 1)")
              .asBoolean(),
          is(true));
    }

    void assertNoExecution() throws Exception {
      Map<String, String> checks = new LinkedHashMap<>();
      checks.put("typeof window.__pwned", "undefined");
      checks.put("String(document.querySelectorAll('script').length)", "0");
      checks.put("String(document.querySelectorAll('img,iframe,object,embed').length)", "0");
      checks.put("String(document.querySelectorAll('[onerror],[onload],[onclick]').length)", "0");
      checks.put(
          "String([...document.querySelectorAll('[href]')].filter(a => !a.getAttribute('href').startsWith('#') && /^\\s*[a-z]+:/i.test(a.getAttribute('href'))).length)",
          "0");
      for (Map.Entry<String, String> c : checks.entrySet()) {
        assertThat(
            name + ": " + c.getKey(),
            chromium.evaluate(session, c.getKey()).asText(),
            is(c.getValue()));
      }
      for (JsonNode e : chromium.events(session)) {
        assertThat(
            name + ": a dialog opened",
            e.path("method").asText().equals("Page.javascriptDialogOpening"),
            is(false));
      }
    }

    void fullScreenshot() throws Exception {
      Files.write(OUT.resolve(name + ".png"), chromium.screenshot(session, true));
      tiles(name);
    }

    /** The page in viewport-sized tiles under target/browser/tiles/, easier to look at. */
    void tiles(String prefix) throws Exception {
      Path dir = Files.createDirectories(OUT.resolve("tiles"));
      double h = chromium.evaluate(session, "document.documentElement.scrollHeight").asDouble();
      int i = 0;
      for (double y = 0; y < h && i < 40; y += 1200) {
        Files.write(
            dir.resolve(String.format("%s-%02d.png", prefix, i++)),
            chromium.screenshot(session, y, Math.min(1200, h - y)));
      }
    }

    /** Opens every details element, then a full screenshot, for looking at. */
    void expandedScreenshot() throws Exception {
      chromium.evaluate(
          session, "document.querySelectorAll('details').forEach(d => d.open = true); true");
      // print media shows every tab panel at once
      chromium.send(session, "Emulation.setEmulatedMedia", Map.of("media", "print"));
      Files.write(OUT.resolve(name + "-expanded.png"), chromium.screenshot(session, true));
      tiles(name + "-expanded");
      chromium.send(session, "Emulation.setEmulatedMedia", Map.of("media", ""));
      chromium.evaluate(
          session, "document.querySelectorAll('details').forEach(d => d.open = false); true");
    }
  }
}
