package io.streamprofiler.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Numbers, shares, durations and instants for people. Every method accepts an undefined value
 * (null, NaN, a non-number) and answers {@link #NONE}. Output is plain text: escape it like any
 * other text before writing it into HTML (none of it contains markup characters, but callers should
 * not rely on that).
 */
public final class Format {
  /** What an undefined value reads as. */
  public static final String NONE = "—";

  /** Non-breaking space: an instant never wraps inside itself. */
  public static final String NBSP = "\u00a0";

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'\u00a0'HH:mm:ss", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'\u00a0'HH:mm:ss.SSS", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK_SECONDS =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** 10^k for k = 0..22: exact as doubles (10^22 is the largest power of ten that is). */
  private static final double[] POW10 = new double[23];

  /** 10^k for k = 0..18 as longs. */
  private static final long[] LONG_POW10 = new long[19];

  static {
    double p = 1;
    for (int k = 0; k < POW10.length; k++, p *= 10) {
      POW10[k] = p;
    }
    long l = 1;
    for (int k = 0; k < LONG_POW10.length; k++, l *= 10) {
      LONG_POW10[k] = l;
    }
  }

  /**
   * The plain-decimal fast path of {@link #number(double, int)} serves up to this many significant
   * digits: the scaled value stays below 10^15, an exact integer range of doubles and of longs, and
   * the scale 10^k (k at most 15 + 3, as values are at least 10^-4) is exact.
   */
  private static final int MAX_FAST_DIGITS = 15;

  /**
   * How close to a tie (.5) the fraction of the scaled value may come before the fast path leaves
   * the rounding to {@link BigDecimal} (plus one ulp of the scaled value, for large ones). The
   * scaled value is the exact product rounded once, and every whole number plus .5 below 2^52 is a
   * double, so rounding may bring a value that is no tie onto .5 but never across it; the margin,
   * far wider than that error, does not rely on this alone.
   */
  private static final double TIE_MARGIN = 1e-7;

  private static final char[] SUPERSCRIPT = {'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'};

  private Format() {}

  /** The double in a JSON-shaped value, NaN when it is not a number. */
  public static double toDouble(Object v) {
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /**
   * A statistic: 4 significant digits, thousands separators, scientific notation when tiny or huge.
   */
  public static String number(Object v) {
    return number(toDouble(v), 4);
  }

  /** A statistic to {@code digits} significant digits. */
  public static String number(Object v, int digits) {
    return number(toDouble(v), digits);
  }

  public static String number(double d) {
    return number(d, 4);
  }

  /**
   * {@code d} to {@code digits} significant digits: whole numbers below 10^15 are written in full
   * with separators ({@code 12,345}); magnitudes below 10^-4 or from 10^9 use {@code 3.745 × 10⁻⁵}.
   */
  public static String number(double d, int digits) {
    if (!Double.isFinite(d)) {
      if (Double.isNaN(d)) {
        return NONE;
      }
      return d > 0 ? "∞" : "−∞";
    }
    if (d == 0) {
      return "0";
    }
    double abs = Math.abs(d);
    if (d == Math.rint(d) && abs < 1e15) {
      return integer((long) d);
    }
    if (abs >= (digits >= 0 && digits < POW10.length ? POW10[digits] : Math.pow(10, digits))
        && abs < 1e9) {
      // never round away integral digits: 23,083.7 reads 23,084, not 23,080
      return integer(Math.round(d));
    }
    if (digits >= 1 && digits <= MAX_FAST_DIGITS && abs >= 1e-4 && abs < 1e9) {
      String plain = plainFast(d < 0, abs, digits);
      if (plain != null) {
        return plain;
      }
    }
    BigDecimal rounded = new BigDecimal(d).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    double r = rounded.doubleValue();
    double absR = Math.abs(r);
    if (absR < 1e-4 || absR >= 1e9) {
      return scientific(rounded);
    }
    String plain = rounded.stripTrailingZeros().toPlainString();
    return group(plain.charAt(0) == '-' ? "−" + plain.substring(1) : plain);
  }

  /**
   * {@code abs} (at least 10^-4, below 10^9, not integral, below 10^digits) rounded to {@code
   * digits} significant digits as a plain decimal, as {@link #number(double, int)} writes it, or
   * null when the exact {@link BigDecimal} rounding must decide: when the scaled value is too close
   * to a tie to tell on which side its exact value lies, or when it rounds up to the next power of
   * ten. {@code BigDecimal} of a double costs a few microseconds of big-integer arithmetic, and a
   * report formats thousands of numbers.
   *
   * <p>The value is scaled by the smallest exact power of ten 10^k that gives it {@code digits}
   * integral digits; that product is the exact one to half an ulp, so its integral part and the
   * side of .5 its fraction falls on are those of the exact value unless the fraction is within
   * {@link #TIE_MARGIN} of .5 (then {@code BigDecimal} rounds, half to even).
   */
  private static String plainFast(boolean negative, double abs, int digits) {
    double low = POW10[digits - 1];
    int k = 0;
    double x = abs;
    while (x < low) {
      x = abs * POW10[++k];
    }
    double whole = Math.floor(x);
    double fraction = x - whole; // exact (Sterbenz): x >= 1, so whole is within x/2 of x
    if (Math.abs(fraction - 0.5) <= TIE_MARGIN + Math.ulp(x)) {
      return null;
    }
    long m = (long) whole + (fraction > 0.5 ? 1 : 0);
    if (m >= LONG_POW10[digits]) {
      return null; // 9.99995 to 4 digits is 10: rare, and it may cross 10^9 into scientific form
    }
    while (k > 0 && m % 10 == 0) {
      m /= 10;
      k--;
    }
    StringBuilder b = new StringBuilder(digits + 8);
    if (negative) {
      b.append('−');
    }
    long scale = LONG_POW10[k];
    appendGrouped(b, m / scale);
    if (k > 0) {
      b.append('.');
      String fraction10 = Long.toString(m % scale);
      for (int i = fraction10.length(); i < k; i++) {
        b.append('0');
      }
      b.append(fraction10);
    }
    return b.toString();
  }

  /** A non-negative whole number with thousands separators. */
  private static void appendGrouped(StringBuilder b, long n) {
    String s = Long.toString(n);
    int first = s.length() % 3;
    for (int i = 0; i < s.length(); i++) {
      if (i > 0 && (i - first) % 3 == 0) {
        b.append(',');
      }
      b.append(s.charAt(i));
    }
  }

  /** A count: {@code 12,345}; non-integral counts fall back to {@link #number(double)}. */
  public static String count(Object v) {
    double d = toDouble(v);
    if (Double.isNaN(d)) {
      return NONE;
    }
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? integer((long) d) : number(d);
  }

  public static String integer(long l) {
    StringBuilder b = new StringBuilder(27);
    if (l < 0) {
      b.append('−');
    }
    appendGrouped(b, Math.abs(l));
    return b.toString();
  }

  /**
   * A share in [0, 1] as a percentage with one decimal: {@code 42.1%}; exactly 0 and 1 read as
   * {@code 0%} and {@code 100%}, and shares that round to them but are not read {@code <0.1%} and
   * {@code >99.9%}, so a single missing value never disappears.
   */
  public static String percent(Object v) {
    double p = toDouble(v);
    if (Double.isNaN(p)) {
      return NONE;
    }
    if (p == 0) {
      return "0%";
    }
    if (p == 1) {
      return "100%";
    }
    double pct = p * 100;
    if (pct > 0 && pct < 0.05) {
      return "<0.1%";
    }
    if (pct > 99.95 && pct < 100) {
      return ">99.9%";
    }
    long tenths = Math.round(pct * 10);
    return (tenths < 0 ? "−" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10 + "%";
  }

  /**
   * A duration in seconds with a unit people read: {@code 850 µs}, {@code 15.8 s}, {@code 2 h 5
   * min}.
   */
  public static String duration(Object v) {
    double s = toDouble(v);
    if (Double.isNaN(s)) {
      return NONE;
    }
    String sign = s < 0 ? "−" : "";
    s = Math.abs(s);
    if (s == 0) {
      return "0 s";
    }
    if (s < 1e-3) {
      return sign + number(s * 1e6, 3) + " µs";
    }
    if (s < 1) {
      return sign + number(s * 1e3, 3) + " ms";
    }
    if (s < 60) {
      return sign + number(s, 3) + " s";
    }
    long total = Math.round(s);
    long days = total / 86_400;
    long hours = total % 86_400 / 3600;
    long minutes = total % 3600 / 60;
    long seconds = total % 60;
    if (days > 0) {
      return sign + days + " d" + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return sign + hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    }
    return sign + minutes + " min" + (seconds > 0 ? " " + seconds + " s" : "");
  }

  /**
   * An ISO-8601 instant as {@code 2020-07-12 00:01:34.385 UTC} (non-breaking spaces, milliseconds
   * truncated); other text is returned unchanged.
   */
  public static String instant(Object iso) {
    if (iso == null) {
      return NONE;
    }
    String s = iso.toString();
    try {
      Instant i = Instant.parse(s);
      return (i.getNano() == 0 ? DATE_TIME : DATE_TIME_MILLIS).format(i) + NBSP + "UTC";
    } catch (DateTimeParseException e) {
      return s;
    }
  }

  /** Epoch seconds as an instant, for axes of event time. */
  public static String epochSeconds(double s) {
    if (!Double.isFinite(s)) {
      return NONE;
    }
    return DATE_TIME.format(Instant.ofEpochMilli(Math.round(s * 1000))) + NBSP + "UTC";
  }

  /**
   * Epoch seconds as a clock time for an axis tick: {@code 00:10}, or with seconds when the span is
   * short.
   */
  public static String clock(double s, boolean withSeconds) {
    if (!Double.isFinite(s)) {
      return NONE;
    }
    return (withSeconds ? CLOCK_SECONDS : CLOCK).format(Instant.ofEpochMilli(Math.round(s * 1000)));
  }

  /** Epoch seconds of an ISO-8601 instant, NaN when the text is not one. */
  public static double parseEpochSeconds(Object iso) {
    if (iso == null) {
      return Double.NaN;
    }
    try {
      Instant i = Instant.parse(iso.toString());
      return i.getEpochSecond() + i.getNano() / 1e9;
    } catch (DateTimeParseException e) {
      return Double.NaN;
    }
  }

  /** A data value (category, common value): numbers exactly as they are, text as is. */
  public static String value(Object v) {
    if (v == null) {
      return NONE;
    }
    if (v instanceof Double || v instanceof Float) {
      return exact(((Number) v).doubleValue());
    }
    if (v instanceof Number n) {
      return count(n);
    }
    return v.toString();
  }

  /**
   * A data value exactly as it is (the shortest decimal that reads back as the same double), so two
   * different values never print alike: {@code 0.0028400886071015706}, {@code 1.5e-7}.
   */
  public static String exact(double d) {
    if (!Double.isFinite(d)) {
      return Double.isNaN(d) ? NONE : d > 0 ? "∞" : "−∞";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d).replace('-', '−');
    }
    String s = Double.toString(d);
    double abs = Math.abs(d);
    if (abs >= 1e-4 && abs < 1e15 && s.indexOf('E') >= 0) {
      s = new BigDecimal(s).toPlainString();
    }
    return s.replace('-', '−');
  }

  /** True/false as people say it, or {@link #NONE}. */
  public static String bool(Object v) {
    return v instanceof Boolean b ? (b ? "Yes" : "No") : NONE;
  }

  /** An enum-like name such as {@code HIGH_CORRELATION} as {@code High correlation}. */
  public static String label(String name) {
    if (name == null || name.isEmpty()) {
      return NONE;
    }
    String s = name.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String scientific(BigDecimal rounded) {
    BigDecimal stripped = rounded.stripTrailingZeros();
    int exponent = stripped.precision() - stripped.scale() - 1;
    BigDecimal mantissa = stripped.movePointLeft(exponent);
    String m = mantissa.toPlainString();
    if (m.charAt(0) == '-') {
      m = "−" + m.substring(1);
    }
    StringBuilder b = new StringBuilder(m).append(" × 10");
    String e = Integer.toString(Math.abs(exponent));
    if (exponent < 0) {
      b.append('⁻');
    }
    for (int i = 0; i < e.length(); i++) {
      b.append(SUPERSCRIPT[e.charAt(i) - '0']);
    }
    return b.toString();
  }

  /** Thousands separators in the integral part of a plain decimal. */
  private static String group(String plain) {
    int start = plain.startsWith("−") ? 1 : 0;
    int dot = plain.indexOf('.');
    int end = dot < 0 ? plain.length() : dot;
    if (end - start <= 3) {
      return plain;
    }
    StringBuilder b = new StringBuilder(plain.length() + 4).append(plain, 0, start);
    int digits = end - start;
    for (int i = 0; i < digits; i++) {
      if (i > 0 && (digits - i) % 3 == 0) {
        b.append(',');
      }
      b.append(plain.charAt(start + i));
    }
    return b.append(plain, end, plain.length()).toString();
  }
}
