package io.streamprofiler.bench;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileSettings;
import io.streamprofiler.profile.Profiler;
import io.streamprofiler.profile.StateProfiler;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.profile.state.WindowState;
import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.CsvSplitter;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.RowParser;
import io.streamprofiler.record.Schema;
import io.streamprofiler.record.TimestampFormat;
import io.streamprofiler.render.HtmlReport;
import io.streamprofiler.render.JsonReport;
import io.streamprofiler.source.TelemetryGenerator;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The engine alone, one core: profiling one key-window of {@code rows} rows × 9 columns with every
 * statistic on, then rendering its JSON and HTML. Prints the median and 90th percentile after
 * warm-up. Run: {@code mvn -q -o test-compile exec:java} is not wired; use {@code java -cp
 * target/classes:target/test-classes:$(cat cp.txt) io.streamprofiler.bench.EngineBench [rows]}.
 */
public final class EngineBench {
  private EngineBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3600;
    List<Row> rows =
        generated(
            new TelemetryGenerator.Settings(
                n, 1, 1.0, TelemetryGenerator.DEFAULT_START, 7, 0.01, 0, 0, 0, List.of()));
    Schema schema = SCHEMA;
    Profiler profiler = new Profiler(schema, ProfileSettings.defaults());
    WindowContext context =
        new WindowContext("b8:27:eb:bf:9d:51", 0, 3_600_000_000L, 0, "ON_TIME", true, 0);
    Profile profile = profiler.profile(rows, context);
    report("profile " + n + " rows x 9 columns", () -> profiler.profile(rows, context));
    report("render JSON", () -> JsonReport.write(profile));
    report("render HTML", () -> HtmlReport.render(profile));
    states(schema);
    System.out.printf(
        Locale.ROOT,
        "JSON %d bytes, HTML %d bytes%n",
        JsonReport.write(profile).length(),
        HtmlReport.render(profile).length());
  }

  /**
   * The roll-up and fleet parts (issue 18), on three devices' hour at 5.1 s (703 rows each, as in
   * the 405,184-row benchmark): a window's state from its sorted rows, its bytes both ways, the
   * fleet's merge of three, and the fleet's profile of the merged state.
   */
  private static void states(Schema schema) throws Exception {
    Map<String, List<Row>> byKey = new TreeMap<>();
    for (Row row : generated(TelemetryGenerator.Settings.of(3 * 703, 3))) {
      byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
    }
    List<Row> one = byKey.values().iterator().next();
    int columns = schema.size();
    report("state of " + one.size() + " sorted rows", () -> WindowState.ofSorted(one, columns));
    byte[] bytes = WindowState.ofSorted(one, columns).toBytes();
    report("state to bytes", () -> WindowState.ofSorted(one, columns).toBytes());
    report("state from bytes", () -> WindowState.fromBytes(bytes));
    System.out.printf(Locale.ROOT, "state %d bytes%n", bytes.length);
    List<byte[]> parts = new ArrayList<>();
    byKey.values().forEach(rows -> parts.add(WindowState.ofSorted(rows, columns).toBytes()));
    Supplier<WindowState> fleet =
        () -> {
          WindowState merged = WindowState.fromBytes(parts.get(0));
          parts.subList(1, parts.size()).forEach(p -> merged.merge(WindowState.fromBytes(p)));
          return merged;
        };
    report("fleet of 3: decode and merge", fleet);
    StateProfiler profiler =
        new StateProfiler(schema, ProfileSettings.defaults().withoutTimeSeries(), 1_000);
    WindowState merged = fleet.get();
    WindowContext context = new WindowContext("_fleet", 0, 3_600_000_000L, 0, "ON_TIME", true, 0);
    report("fleet profile", () -> profiler.profile(merged, context));
    Profile profile = profiler.profile(merged, context);
    report("fleet render HTML", () -> HtmlReport.render(profile));
    report("fleet render JSON", () -> JsonReport.write(profile));
  }

  /** The generator's columns, keyed by device, timed by ts. */
  private static final Schema SCHEMA =
      Schema.of(
          List.of("ts", "device", "co", "humidity", "light", "lpg", "motion", "smoke", "temp"),
          "device",
          "ts");

  /** The rows of a generated stream, parsed as the pipeline parses them. */
  private static List<Row> generated(TelemetryGenerator.Settings settings) throws Exception {
    StringWriter csv = new StringWriter();
    new TelemetryGenerator(settings).write(csv);
    List<Row> rows = new ArrayList<>();
    try (CsvReader reader =
        CsvReader.utf8(
            new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), 1 << 20)) {
      List<String> header = CsvSplitter.split(reader.next().text());
      if (!header.equals(SCHEMA.columns())) {
        throw new IllegalStateException("the generator's header is now " + header);
      }
      RowParser parser =
          new RowParser(
              SCHEMA, TimestampFormat.of("epoch_seconds", "UTC"), RowParser.missingTokens(",NA"));
      for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
        rows.add(parser.parse(r));
      }
    }
    return rows;
  }

  static void report(String what, Supplier<?> work) {
    for (int i = 0; i < 200; i++) {
      work.get();
    }
    double[] ms = new double[300];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      work.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%-32s median %7.2f ms   p90 %7.2f ms%n",
        what,
        ms[ms.length / 2],
        ms[ms.length * 9 / 10]);
  }
}
