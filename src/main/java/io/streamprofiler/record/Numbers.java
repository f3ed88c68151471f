package io.streamprofiler.record;

import java.util.Locale;

/**
 * Strict number parsing: what pandas would read as a float, and nothing Java alone would accept (no
 * {@code 1d}, {@code 0x1p3} or surrounding blanks inside the token).
 */
public final class Numbers {
  private Numbers() {}

  /**
   * The value of {@code token}, or NaN when it is not a number (NaN spellings are missing values).
   */
  public static double parse(String token) {
    int n = token.length();
    if (n == 0 || n > 400) {
      return Double.NaN;
    }
    char first = token.charAt(0);
    if ((first < '0' || first > '9') && first != '.' && first != '-' && first != '+') {
      return special(token);
    }
    boolean digit = false;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        return special(token);
      }
    }
    if (!digit) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(token);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double special(String token) {
    String t = token.toLowerCase(Locale.ROOT);
    boolean negative = t.startsWith("-");
    if (negative || t.startsWith("+")) {
      t = t.substring(1);
    }
    if (t.equals("inf") || t.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.NaN;
  }

  /**
   * Shortest text that reads back as the same double: {@code 51.0}, {@code 0.0049}, {@code 1.5E9}.
   */
  public static String format(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "inf";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-inf";
    }
    return Double.toString(v);
  }
}
