package io.streamprofiler.profile;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamprofiler.record.CsvReader;
import io.streamprofiler.record.CsvSplitter;
import io.streamprofiler.record.Row;
import io.streamprofiler.record.RowParser;
import io.streamprofiler.record.Schema;
import io.streamprofiler.record.TimestampFormat;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The whole engine on the bundled sample against numbers computed independently with pandas 1.5,
 * scipy 1.10 and statsmodels 0.13 (src/test/resources/fixtures/iot_sample_expected.json).
 */
public class SampleFixtureTest {
  private static final double EXACT = 1e-9;
  private static final double LOOSE = 1e-6;
  private static final double PVALUE = 1e-3;
  private static JsonNode fixture;
  private static final Map<String, Profile> PROFILES = new LinkedHashMap<>();

  @BeforeClass
  public static void profileTheSample() throws Exception {
    fixture =
        new ObjectMapper()
            .readTree(
                SampleFixtureTest.class.getResourceAsStream("/fixtures/iot_sample_expected.json"));
    Map<String, List<Row>> byKey = new LinkedHashMap<>();
    Schema schema;
    try (InputStream in = new FileInputStream("data/iot_telemetry_data_1000.csv");
        CsvReader reader = CsvReader.utf8(in, 1 << 20)) {
      schema = Schema.of(CsvSplitter.split(reader.next().text()), "device", "ts");
      RowParser parser =
          new RowParser(
              schema,
              TimestampFormat.of("epoch_seconds", "UTC"),
              RowParser.missingTokens(",NA,NaN,nan,null,NULL"));
      for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
        Row row = parser.parse(r);
        byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
      }
    }
    Profiler profiler = new Profiler(schema, ProfileSettings.defaults());
    long start = 1_594_512_000_000_000L;
    for (Map.Entry<String, List<Row>> e : byKey.entrySet()) {
      List<Row> rows = e.getValue();
      rows.sort(Comparator.comparingLong(Row::eventTimeMicros));
      PROFILES.put(
          e.getKey(),
          profiler.profile(
              rows,
              new WindowContext(e.getKey(), start, start + 3_600_000_000L, 0, "ON_TIME", true, 0)));
    }
  }

  @Test
  public void everyDeviceHasItsRowCountAndNoDuplicates() {
    assertThat(PROFILES.size(), is(3));
    for (JsonNode expected : fixture.get("profiles")) {
      Map<String, Object> table = profile(expected).section("table");
      assertThat(
          ((Number) table.get("n")).longValue(), is(expected.get("table").get("n").asLong()));
      assertThat(
          ((Number) table.get("n_duplicates")).longValue(),
          is(expected.get("table").get("n_duplicates").asLong()));
    }
  }

  @Test
  public void descriptiveStatisticsAgreeWithPandas() {
    String[] exact = {
      "mean",
      "std",
      "variance",
      "min",
      "max",
      "range",
      "sum",
      "mad",
      "iqr",
      "cv",
      "5%",
      "25%",
      "50%",
      "75%",
      "95%"
    };
    String[] counts = {
      "n", "count", "n_missing", "n_distinct", "n_unique", "n_zeros", "n_negative"
    };
    for (JsonNode expected : fixture.get("profiles")) {
      Profile p = profile(expected);
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("variables").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> column = it.next();
        Map<String, Object> actual = p.variables().get(column.getKey());
        String where = expected.get("key").asText() + "/" + column.getKey() + " ";
        for (String field : exact) {
          close(where + field, column.getValue().get(field), actual.get(field), EXACT);
        }
        close(where + "skewness", column.getValue().get("skewness"), actual.get("skewness"), LOOSE);
        close(where + "kurtosis", column.getValue().get("kurtosis"), actual.get("kurtosis"), LOOSE);
        for (String field : counts) {
          assertEquals(
              where + field,
              column.getValue().get(field).asLong(),
              ((Number) actual.get(field)).longValue());
        }
      }
    }
  }

  @Test
  public void timeSeriesDecisionsAndAnalysisAgreeWithStatsmodels() {
    for (JsonNode expected : fixture.get("profiles")) {
      Profile p = profile(expected);
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("variables").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> column = it.next();
        JsonNode e = column.getValue();
        Map<String, Object> actual = p.variables().get(column.getKey());
        String where = expected.get("key").asText() + "/" + column.getKey() + " ";
        boolean timeSeries = e.get("is_timeseries").asBoolean() && e.get("n_distinct").asInt() > 5;
        assertThat(
            where + "type",
            actual.get("type"),
            is(
                timeSeries
                    ? "TimeSeries"
                    : e.get("n_distinct").asInt() > 5 ? "Numeric" : "Categorical"));
        if (!timeSeries) {
          continue;
        }
        closeArray(where + "acf", e.get("acf"), Tree.list(actual, "acf"), EXACT);
        closeArray(where + "pacf", e.get("pacf"), Tree.list(actual, "pacf"), LOOSE);
        Map<String, Object> adf = Tree.object(actual, "adf");
        close(where + "adf statistic", e.get("adf").get("statistic"), adf.get("statistic"), LOOSE);
        assertEquals(
            where + "adf p",
            e.get("adf").get("pvalue").asDouble(),
            Tree.number(adf, "pvalue"),
            PVALUE);
        assertEquals(
            where + "usedlag",
            e.get("adf").get("usedlag").asInt(),
            ((Number) adf.get("usedlag")).intValue());
        assertEquals(
            where + "nobs",
            e.get("adf").get("nobs").asInt(),
            ((Number) adf.get("nobs")).intValue());
        for (Iterator<Map.Entry<String, JsonNode>> lags = e.get("autocorr_at").fields();
            lags.hasNext(); ) {
          Map.Entry<String, JsonNode> lag = lags.next();
          close(
              where + "autocorr " + lag.getKey(),
              lag.getValue(),
              Tree.object(actual, "autocorr_at").get(lag.getKey()),
              EXACT);
        }
      }
    }
  }

  @Test
  public void correlationMatricesAgreeWithPandas() {
    for (JsonNode expected : fixture.get("profiles")) {
      Profile p = profile(expected);
      for (String method : List.of("pearson", "spearman", "kendall")) {
        Map<String, Object> actual = Tree.object(p.section("correlations"), method);
        JsonNode e = expected.get("correlations").get(method);
        List<Object> columns = Tree.list(actual, "columns");
        for (int a = 0; a < e.get("columns").size(); a++) {
          for (int b = 0; b < e.get("columns").size(); b++) {
            int i = columns.indexOf(e.get("columns").get(a).asText());
            int j = columns.indexOf(e.get("columns").get(b).asText());
            Object value = ((List<?>) Tree.list(actual, "matrix").get(i)).get(j);
            close(
                expected.get("key").asText() + " " + method + " " + a + "," + b,
                e.get("matrix").get(a).get(b),
                value,
                EXACT);
          }
        }
      }
    }
  }

  private static Profile profile(JsonNode expected) {
    Profile p = PROFILES.get(expected.get("key").asText());
    assertNotNull(expected.get("key").asText(), p);
    return p;
  }

  private static void closeArray(
      String what, JsonNode expected, List<Object> actual, double tolerance) {
    assertEquals(what + " length", expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      close(what + "[" + i + "]", expected.get(i), actual.get(i), tolerance);
    }
  }

  /** Relative tolerance, absolute near zero; null (undefined) must match null. */
  static void close(String what, JsonNode expected, Object actual, double tolerance) {
    if (expected == null || expected.isNull()) {
      if (actual != null) {
        fail(what + ": expected null (undefined), got " + actual);
      }
      return;
    }
    if (!(actual instanceof Number n)) {
      fail(what + ": expected " + expected + ", got " + actual);
      return;
    }
    double e = expected.asDouble();
    double a = n.doubleValue();
    double scale = Math.max(1.0, Math.abs(e));
    if (Math.abs(a - e) > tolerance * scale) {
      fail(what + ": expected " + e + ", got " + a);
    }
  }
}
