package io.streamprofiler.profile.correlation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the oracle fixtures and compares matrices to them within the acceptance tolerance. */
final class Fixtures {
  /** Relative tolerance of the acceptance bar. */
  static final double RELATIVE = 1e-9;

  /** Absolute floor for coefficients that are zero up to cancellation in the oracle's formula. */
  static final double ABSOLUTE = 1e-15;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static JsonNode load(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** A numeric input value: number, null (NaN) or "Infinity"/"-Infinity". */
  static double number(JsonNode n) {
    if (n.isNull()) {
      return Double.NaN;
    }
    if (n.isTextual()) {
      return Double.parseDouble(n.asText());
    }
    return n.doubleValue();
  }

  static double[] numbers(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(array.get(i));
    }
    return out;
  }

  static String[] categories(JsonNode array) {
    String[] out = new String[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).isNull() ? null : array.get(i).asText();
    }
    return out;
  }

  static double[][] matrix(JsonNode rows) {
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = numbers(rows.get(i));
    }
    return m;
  }

  /** Tracks the largest relative and absolute deviation seen, for the report. */
  static final class Errors {
    double maxRelative;
    double maxAbsolute;
    int compared;

    void check(String what, double expected, double actual) {
      if (Double.isNaN(expected)) {
        assertTrue(what + ": expected NaN, got " + actual, Double.isNaN(actual));
        return;
      }
      if (Double.isNaN(actual)) {
        fail(what + ": expected " + expected + ", got NaN");
      }
      double diff = Math.abs(expected - actual);
      double scale = Math.max(Math.abs(expected), Math.abs(actual));
      double rel = scale == 0 ? 0 : diff / scale;
      compared++;
      maxAbsolute = Math.max(maxAbsolute, diff);
      maxRelative = Math.max(maxRelative, rel);
      if (diff > ABSOLUTE && rel > RELATIVE) {
        fail(what + ": expected " + expected + ", got " + actual + " (relative " + rel + ")");
      }
    }

    void check(
        String what, List<String> expectedColumns, double[][] expected, CorrelationMatrix actual) {
      assertEquals(what + " columns", expectedColumns, actual.columns());
      for (int i = 0; i < expected.length; i++) {
        for (int j = 0; j < expected.length; j++) {
          check(
              what + "[" + expectedColumns.get(i) + "][" + expectedColumns.get(j) + "]",
              expected[i][j],
              actual.matrix()[i][j]);
        }
      }
    }

    void report(String what) {
      System.out.printf(
          "%s: %d values, max relative error %.3g, max absolute error %.3g%n",
          what, compared, maxRelative, maxAbsolute);
    }
  }
}
