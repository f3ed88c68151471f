package io.streamprofiler.profile.stats;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reading the oracle's JSON fixtures and comparing within the acceptance tolerances, keeping the
 * largest errors.
 */
final class Fixtures {
  /**
   * Moments, sums, quantiles, mad, iqr, cv, ratios, histogram edges, length statistics: relative.
   */
  static final double REL = 1e-9;

  /**
   * Skewness, kurtosis (relative; absolute below 1, where pandas' own result is rounding noise near
   * 0).
   */
  static final double REL_SHAPE = 1e-6;

  /** p-values, absolute. */
  static final double ABS_P = 1e-3;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final Map<String, double[]> MAX_ERRORS = new TreeMap<>();
  private static final Map<String, String> WORST_AT = new TreeMap<>();

  private Fixtures() {}

  static JsonNode read(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON array of numbers (null = NaN = missing, Infinity tokens allowed). */
  static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = array.get(i);
      out[i] = v.isNull() ? Double.NaN : v.asDouble();
    }
    return out;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>(array.size());
    for (JsonNode v : array) {
      out.add(v.isNull() ? null : v.asText());
    }
    return out;
  }

  static double expectedDouble(JsonNode node) {
    return node == null || node.isNull() ? Double.NaN : node.asDouble();
  }

  /**
   * Relative error, with {@code floor} as the smallest magnitude divided by; 0 for equal values and
   * two NaNs.
   */
  static double error(double expected, double actual, double floor) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual) ? 0 : Double.POSITIVE_INFINITY;
    }
    if (expected == actual) {
      return 0;
    }
    return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
  }

  static void close(
      String kind, String label, double expected, double actual, double tolerance, double floor) {
    double err = error(expected, actual, floor);
    synchronized (MAX_ERRORS) {
      double[] worst = MAX_ERRORS.computeIfAbsent(kind, k -> new double[] {0});
      if (err > worst[0]) {
        worst[0] = err;
        WORST_AT.put(kind, label);
      }
    }
    if (!(err <= tolerance)) {
      fail(
          label
              + ": expected "
              + expected
              + " but was "
              + actual
              + " (error "
              + err
              + " > "
              + tolerance
              + ")");
    }
  }

  static void relative(String label, JsonNode expected, double actual) {
    close(
        "moments/quantiles (rel)", label, expectedDouble(expected), actual, REL, Double.MIN_NORMAL);
  }

  static void shape(String label, JsonNode expected, double actual) {
    close(
        "skewness/kurtosis (rel, abs below 1)",
        label,
        expectedDouble(expected),
        actual,
        REL_SHAPE,
        1.0);
  }

  static void pValue(String label, JsonNode expected, double actual) {
    close("p-values (abs)", label, expectedDouble(expected), actual, ABS_P, 1.0);
    // also kept as a relative measure, which is what the implementation achieves
    double err = error(expectedDouble(expected), actual, Double.MIN_NORMAL);
    synchronized (MAX_ERRORS) {
      double[] worst = MAX_ERRORS.computeIfAbsent("p-values (rel)", k -> new double[] {0});
      worst[0] = Math.max(worst[0], err);
    }
  }

  static void exact(String label, JsonNode expected, long actual) {
    if (expected == null) {
      return;
    }
    assertEquals(label, expected.asLong(), actual);
  }

  /** Compares every numeric statistic the fixture holds with the summary. */
  static void checkNumeric(String label, JsonNode e, NumericSummary s) {
    exact(label + " n", e.get("n"), s.n());
    exact(label + " count", e.get("count"), s.count());
    exact(label + " n_missing", e.get("n_missing"), s.nMissing());
    exact(label + " n_distinct", e.get("n_distinct"), s.nDistinct());
    exact(label + " n_unique", e.get("n_unique"), s.nUnique());
    exact(label + " n_zeros", e.get("n_zeros"), s.nZeros());
    exact(label + " n_negative", e.get("n_negative"), s.nNegative());
    exact(label + " n_infinite", e.get("n_infinite"), s.nInfinite());
    exact(label + " monotonic", e.get("monotonic"), s.monotonic());
    if (e.has("is_unique")) {
      assertEquals(label + " is_unique", e.get("is_unique").asBoolean(), s.isUnique());
    }
    String[][] ratios = {
      {"p_missing"}, {"p_distinct"}, {"p_unique"}, {"p_negative"}, {"p_infinite"}, {"p_zeros"}
    };
    double[] ratioValues = {
      s.pMissing(), s.pDistinct(), s.pUnique(), s.pNegative(), s.pInfinite(), s.pZeros()
    };
    for (int i = 0; i < ratios.length; i++) {
      if (e.has(ratios[i][0])) {
        relative(label + " " + ratios[i][0], e.get(ratios[i][0]), ratioValues[i]);
      }
    }
    relative(label + " mean", e.get("mean"), s.mean());
    relative(label + " std", e.get("std"), s.std());
    relative(label + " variance", e.get("variance"), s.variance());
    relative(label + " min", e.get("min"), s.min());
    relative(label + " max", e.get("max"), s.max());
    relative(label + " range", e.get("range"), s.range());
    relative(label + " sum", e.get("sum"), s.sum());
    relative(label + " mad", e.get("mad"), s.mad());
    relative(label + " iqr", e.get("iqr"), s.iqr());
    relative(label + " cv", e.get("cv"), s.cv());
    relative(label + " 5%", e.get("5%"), s.q05());
    relative(label + " 25%", e.get("25%"), s.q25());
    relative(label + " 50%", e.get("50%"), s.q50());
    relative(label + " 75%", e.get("75%"), s.q75());
    relative(label + " 95%", e.get("95%"), s.q95());
    shape(label + " skewness", e.get("skewness"), s.skewness());
    shape(label + " kurtosis", e.get("kurtosis"), s.kurtosis());
  }

  static String report() {
    StringBuilder sb = new StringBuilder("max errors against the oracle:\n");
    synchronized (MAX_ERRORS) {
      MAX_ERRORS.forEach(
          (k, v) ->
              sb.append("  ")
                  .append(k)
                  .append(": ")
                  .append(v[0])
                  .append(WORST_AT.containsKey(k) ? " at " + WORST_AT.get(k) : "")
                  .append('\n'));
    }
    return sb.toString();
  }
}
