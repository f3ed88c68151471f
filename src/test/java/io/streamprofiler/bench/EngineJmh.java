package io.streamprofiler.bench;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.ProfileSettings;
import io.streamprofiler.profile.Profiler;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.profile.correlation.Correlations;
import io.streamprofiler.profile.correlation.NumericCorrelations;
import io.streamprofiler.profile.stats.NumericSummary;
import io.streamprofiler.profile.timeseries.AdfResult;
import io.streamprofiler.profile.timeseries.AdfTest;
import io.streamprofiler.profile.timeseries.Autocorrelation;
import io.streamprofiler.profile.timeseries.Seasonality;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine alone, one thread, per statistic family and end to end, on one generated key-window of
 * {@code rows} rows × 9 columns (the sample's schema, 1 s apart). Run with {@code bench/engine.sh}
 * (JMH); results are in BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g"})
public class EngineJmh {
  @Param({"706", "3600"})
  int rows;

  private List<Row> window;
  private Profiler profiler;
  private WindowContext context;
  private Profile profile;
  private double[] temp;
  private double[][] numeric;
  private List<String> numericNames;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    StringWriter csv = new StringWriter();
    new TelemetryGenerator(
            new TelemetryGenerator.Settings(
                rows, 1, 1.0, TelemetryGenerator.DEFAULT_START, 7, 0.01, 0, 0, 0, List.of()))
        .write(csv);
    window = new ArrayList<>();
    Schema schema;
    try (CsvReader reader =
        CsvReader.utf8(
            new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), 1 << 20)) {
      schema = Schema.of(CsvSplitter.split(reader.next().text()), "device", "ts");
      RowParser parser =
          new RowParser(
              schema, TimestampFormat.of("epoch_seconds", "UTC"), RowParser.missingTokens(",NA"));
      for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
        window.add(parser.parse(r));
      }
    }
    profiler = new Profiler(schema, ProfileSettings.defaults());
    context = new WindowContext("b8:27:eb:bf:9d:51", 0, 3_600_000_000L, 0, "ON_TIME", true, 0);
    profile = profiler.profile(window, context);
    numericNames = List.of("co", "humidity", "lpg", "smoke", "temp");
    numeric = new double[numericNames.size()][];
    for (int j = 0; j < numericNames.size(); j++) {
      int column = schema.columns().indexOf(numericNames.get(j));
      numeric[j] = window.stream().mapToDouble(r -> r.number(column)).toArray();
    }
    temp = java.util.Arrays.stream(numeric[4]).filter(Double::isFinite).toArray();
  }

  @Benchmark
  public Profile profileWholeWindow() {
    return profiler.profile(window, context);
  }

  @Benchmark
  public NumericSummary descriptiveStatistics() {
    return NumericSummary.of(temp);
  }

  @Benchmark
  public double[] acfAndPacf() {
    int lags = Autocorrelation.defaultLags(temp.length);
    double[] acf = Autocorrelation.acf(temp, lags);
    return Autocorrelation.pacf(temp, Math.min(lags, 100)).length > 0 ? acf : null;
  }

  @Benchmark
  public AdfResult adfWithAicLagSearch() {
    return AdfTest.test(temp);
  }

  @Benchmark
  public Object fftSeasonality() {
    return Seasonality.detect(temp);
  }

  @Benchmark
  public NumericCorrelations pearsonSpearmanKendall() {
    return Correlations.numeric(numericNames, numeric);
  }

  @Benchmark
  public String renderJson() {
    return JsonReport.write(profile);
  }

  @Benchmark
  public String renderHtml() {
    return HtmlReport.render(profile);
  }
}
