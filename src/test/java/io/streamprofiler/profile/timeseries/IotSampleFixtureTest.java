package io.streamprofiler.profile.timeseries;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.Test;

/**
 * The bundled sample against numbers computed independently with statsmodels 0.13.5 / pandas 1.5.3
 * ({@code fixtures/iot_sample_expected.json}): per device, its rows of the 1-hour window in ts
 * order.
 */
public class IotSampleFixtureTest {

  private static final String[] COLUMNS = {"co", "humidity", "lpg", "smoke", "temp"};
  private static final int[] COLUMN_INDEX = {2, 3, 5, 7, 8};

  private static double maxAcf;
  private static double maxAutocorr;
  private static double maxPacf;
  private static double maxStat;
  private static double maxP;
  private static double maxCrit;

  @AfterClass
  public static void report() {
    System.out.printf(
        "iot sample max errors: acf %.2e, autocorr %.2e (relative), pacf %.2e, adf stat %.2e,"
            + " pvalue %.2e, crit %.2e%n",
        maxAcf, maxAutocorr, maxPacf, maxStat, maxP, maxCrit);
  }

  @Test
  public void matchesStatsmodelsOnSample() throws IOException {
    JsonNode root;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/iot_sample_expected.json")) {
      assertNotNull("fixture on classpath", in);
      root = new ObjectMapper().readTree(in);
    }
    List<String[]> rows = readCsv();
    int checked = 0;
    for (JsonNode profile : root.get("profiles")) {
      String device = profile.get("key").asText();
      long start = Instant.parse(profile.get("window").get("start").asText()).getEpochSecond();
      long width = root.get("window_seconds").asLong();
      List<String[]> mine = new ArrayList<>();
      for (String[] r : rows) {
        double ts = Double.parseDouble(r[0]);
        if (r[1].equals(device) && ts >= start && ts < start + width) {
          mine.add(r);
        }
      }
      mine.sort(Comparator.comparingDouble(r -> Double.parseDouble(r[0]))); // List.sort is stable
      assertEquals(device, profile.get("table").get("n").asInt(), mine.size());
      for (int c = 0; c < COLUMNS.length; c++) {
        double[] x = new double[mine.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = Double.parseDouble(mine.get(i)[COLUMN_INDEX[c]]);
        }
        check(device + "/" + COLUMNS[c], x, profile.get("variables").get(COLUMNS[c]));
        checked++;
      }
    }
    assertEquals(15, checked);
  }

  private static void check(String what, double[] x, JsonNode v) {
    Iterator<Map.Entry<String, JsonNode>> lags = v.get("autocorr_at").fields();
    while (lags.hasNext()) {
      Map.Entry<String, JsonNode> e = lags.next();
      double got = Autocorrelation.autocorrAt(x, Integer.parseInt(e.getKey()));
      maxAutocorr =
          Math.max(
              maxAutocorr,
              Tolerance.check(
                  what + " autocorr " + e.getKey(), got, num(e.getValue()), 1e-9, 1e-9));
    }
    JsonNode acf = v.get("acf");
    int nlags = Autocorrelation.defaultLags(x.length);
    assertEquals(what + " lags", acf.size() - 1, nlags);
    double[] a = Autocorrelation.acf(x, nlags);
    for (int k = 0; k <= nlags; k++) {
      maxAcf =
          Math.max(maxAcf, Tolerance.check(what + " acf " + k, a[k], num(acf.get(k)), 1e-9, 1e-9));
    }
    JsonNode pacf = v.get("pacf");
    double[] p = Autocorrelation.pacf(x, nlags);
    for (int k = 0; k <= nlags; k++) {
      maxPacf =
          Math.max(
              maxPacf, Tolerance.check(what + " pacf " + k, p[k], num(pacf.get(k)), 1e-6, 1e-6));
    }
    JsonNode adf = v.get("adf");
    AdfResult r = AdfTest.test(x);
    if (adf == null || adf.isNull()) {
      assertNull(what, r);
      return;
    }
    assertNotNull(what, r);
    assertEquals(what + " usedlag", adf.get("usedlag").asInt(), r.usedlag());
    assertEquals(what + " nobs", adf.get("nobs").asInt(), r.nobs());
    maxStat =
        Math.max(
            maxStat,
            Tolerance.check(what + " adf", r.statistic(), num(adf.get("statistic")), 1e-6, 1e-6));
    maxP =
        Math.max(maxP, Tolerance.check(what + " p", r.pvalue(), num(adf.get("pvalue")), 1e-3, 1.0));
    JsonNode crit = adf.get("critical");
    maxCrit =
        Math.max(
            maxCrit, Tolerance.check(what + " 1%", r.critical1(), num(crit.get("1%")), 1e-3, 1.0));
    maxCrit =
        Math.max(
            maxCrit, Tolerance.check(what + " 5%", r.critical5(), num(crit.get("5%")), 1e-3, 1.0));
    maxCrit =
        Math.max(
            maxCrit,
            Tolerance.check(what + " 10%", r.critical10(), num(crit.get("10%")), 1e-3, 1.0));
  }

  static double num(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }

  /** The sample CSV: header, then ts,device,co,humidity,light,lpg,motion,smoke,temp. */
  private static List<String[]> readCsv() throws IOException {
    Path csv = findUp(Paths.get("data", "iot_telemetry_data_1000.csv"));
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        rows.add(line.split(",", -1));
      }
    }
    return rows;
  }

  static Path findUp(Path relative) {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      Path p = dir.resolve(relative);
      if (Files.exists(p)) {
        return p;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("not found: " + relative);
  }
}
