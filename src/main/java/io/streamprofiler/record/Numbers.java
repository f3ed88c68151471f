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
    double fast = plainDecimal(token);
    if (!Double.isNaN(fast)) {
      return fast;
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

  /**
   * The value of a plain decimal ({@code -12.5}, {@code 1.5945E9}: sign, digits, point, exponent)
   * of at most 19 significant digits, without a detour through {@link Double#parseDouble}; NaN for
   * anything else, which {@link #parse} then reads the slow way. Exactly the double {@code
   * Double.parseDouble} gives ({@link DecimalToDouble}).
   */
  static double plainDecimal(String s) {
    return plainDecimal(s, 0, s.length());
  }

  /**
   * As {@link #plainDecimal(String)}, of the characters of {@code s} from {@code from} to {@code
   * end} - 1.
   */
  static double plainDecimal(String s, int from, int end) {
    if (from >= end) {
      return Double.NaN;
    }
    int i = from;
    char c = s.charAt(from);
    boolean negative = c == '-';
    if (negative || c == '+') {
      i++;
    }
    long mantissa = 0;
    int significant = 0; // digits in the mantissa, leading zeros not counted
    int exponent = 0;
    boolean digits = false;
    boolean point = false;
    for (; i < end; i++) {
      c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
        if (mantissa == 0 && c == '0') {
          exponent -= point ? 1 : 0; // a leading zero only moves the point
        } else if (significant < 19) {
          mantissa = 10 * mantissa + (c - '0');
          significant++;
          exponent -= point ? 1 : 0;
        } else {
          return Double.NaN; // more digits than 64 bits hold: the slow path rounds them
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (!digits) {
      return Double.NaN;
    }
    if (i < end) {
      if (c != 'e' && c != 'E' || ++i == end) {
        return Double.NaN;
      }
      c = s.charAt(i);
      boolean negativeExponent = c == '-';
      if ((negativeExponent || c == '+') && ++i == end) {
        return Double.NaN;
      }
      int e = 0;
      for (; i < end; i++) {
        c = s.charAt(i);
        if (c < '0' || c > '9' || e > 100_000) {
          return Double.NaN;
        }
        e = 10 * e + (c - '0');
      }
      exponent += negativeExponent ? -e : e;
    }
    return DecimalToDouble.of(mantissa, exponent, negative);
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
