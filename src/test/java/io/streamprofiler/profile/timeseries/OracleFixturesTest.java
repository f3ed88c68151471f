package io.streamprofiler.profile.timeseries;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Synthetic series with numbers from statsmodels 0.13.5 / pandas 1.5.3, written by {@code
 * src/test/oracle/timeseries_fixtures.py}. A null expectation means statsmodels returned NaN or
 * raised; the documented Java behaviour for those is checked in {@link DegenerateInputTest}.
 */
@RunWith(Parameterized.class)
public class OracleFixturesTest {

  @Parameters(name = "{0}")
  public static Collection<Object[]> cases() {
    return Arrays.stream(
            new String[] {
              "sine24",
              "random_walk",
              "white_noise",
              "short2",
              "short10",
              "constant",
              "arma_771",
              "ar2_3600"
            })
        .map(s -> new Object[] {s})
        .toList();
  }

  private static double maxAcf;
  private static double maxAutocorr;
  private static double maxPacf;
  private static double maxStat;
  private static double maxP;
  private static double maxCrit;

  private final String name;

  public OracleFixturesTest(String name) {
    this.name = name;
  }

  @AfterClass
  public static void report() {
    System.out.printf(
        "oracle fixtures max errors: acf %.2e, autocorr %.2e (relative), pacf %.2e, adf stat %.2e,"
            + " pvalue %.2e, crit %.2e%n",
        maxAcf, maxAutocorr, maxPacf, maxStat, maxP, maxCrit);
  }

  private JsonNode load() throws IOException {
    try (InputStream in =
        getClass().getResourceAsStream("/fixtures/timeseries/" + name + ".json")) {
      assertNotNull(name, in);
      return new ObjectMapper().readTree(in);
    }
  }

  private static double[] series(JsonNode f) {
    JsonNode xs = f.get("x");
    double[] x = new double[xs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = xs.get(i).asDouble(); // Jackson parses to the nearest double, like Python's repr
    }
    return x;
  }

  @Test
  public void acfMatches() throws IOException {
    JsonNode f = load();
    double[] x = series(f);
    int nlags = Autocorrelation.defaultLags(x.length);
    assertEquals(f.get("nlags").asInt(), nlags);
    double[] a = Autocorrelation.acf(x, nlags);
    JsonNode e = f.get("acf");
    assertEquals(e.size(), a.length);
    for (int k = 0; k < a.length; k++) {
      maxAcf =
          Math.max(
              maxAcf,
              Tolerance.check(
                  name + " acf " + k, a[k], IotSampleFixtureTest.num(e.get(k)), 1e-9, 1e-9));
    }
  }

  @Test
  public void autocorrMatches() throws IOException {
    JsonNode f = load();
    double[] x = series(f);
    Iterator<Map.Entry<String, JsonNode>> it = f.get("autocorr_at").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      double got = Autocorrelation.autocorrAt(x, Integer.parseInt(e.getKey()));
      maxAutocorr =
          Math.max(
              maxAutocorr,
              Tolerance.check(
                  name + " autocorr " + e.getKey(),
                  got,
                  IotSampleFixtureTest.num(e.getValue()),
                  1e-9,
                  1e-9));
    }
  }

  @Test
  public void pacfMatches() throws IOException {
    JsonNode f = load();
    JsonNode e = f.get("pacf");
    if (e.isNull()) {
      return; // statsmodels raised (constant series)
    }
    double[] x = series(f);
    double[] p = Autocorrelation.pacf(x, f.get("nlags").asInt());
    assertEquals(e.size(), p.length);
    for (int k = 0; k < p.length; k++) {
      maxPacf =
          Math.max(
              maxPacf,
              Tolerance.check(
                  name + " pacf " + k, p[k], IotSampleFixtureTest.num(e.get(k)), 1e-6, 1e-6));
    }
  }

  @Test
  public void adfMatches() throws IOException {
    JsonNode f = load();
    JsonNode e = f.get("adf");
    AdfResult r = AdfTest.test(series(f));
    if (e.isNull()) {
      assertNull(r);
      return;
    }
    assertNotNull(r);
    assertEquals("usedlag", e.get("usedlag").asInt(), r.usedlag());
    assertEquals("nobs", e.get("nobs").asInt(), r.nobs());
    maxStat =
        Math.max(
            maxStat,
            Tolerance.check(
                name + " stat",
                r.statistic(),
                IotSampleFixtureTest.num(e.get("statistic")),
                1e-6,
                1e-6));
    maxP =
        Math.max(
            maxP,
            Tolerance.check(
                name + " p", r.pvalue(), IotSampleFixtureTest.num(e.get("pvalue")), 1e-3, 1.0));
    JsonNode c = e.get("critical");
    maxCrit =
        Math.max(
            maxCrit,
            Tolerance.check(name + " 1%", r.critical1(), c.get("1%").asDouble(), 1e-3, 1.0));
    maxCrit =
        Math.max(
            maxCrit,
            Tolerance.check(name + " 5%", r.critical5(), c.get("5%").asDouble(), 1e-3, 1.0));
    maxCrit =
        Math.max(
            maxCrit,
            Tolerance.check(name + " 10%", r.critical10(), c.get("10%").asDouble(), 1e-3, 1.0));
  }

  /**
   * Cross-check against the generator's numpy/scipy reading of ydata's FFT test (see its
   * docstring).
   */
  @Test
  public void seasonalityMatchesReference() throws IOException {
    JsonNode f = load();
    JsonNode e = f.get("seasonality_reference");
    SeasonalityResult r = Seasonality.detect(series(f));
    assertEquals(name, e.get("seasonal").asBoolean(), r.seasonal());
    double[] periods = new double[e.get("periods").size()];
    for (int i = 0; i < periods.length; i++) {
      periods[i] = e.get("periods").get(i).asDouble();
    }
    assertArrayEquals(name, periods, r.periods(), 1e-9);
  }

  @Test
  public void stationarityVerdictsAsDesigned() throws IOException {
    AdfResult r = AdfTest.test(series(load()));
    if (name.equals("random_walk")) {
      assertTrue("random walk keeps its unit root", r.pvalue() > 0.1);
    } else if (name.equals("white_noise") || name.equals("sine24") || name.equals("arma_771")) {
      assertTrue(name + " is stationary", r.pvalue() < 0.01);
    }
  }
}
