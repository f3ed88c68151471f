package io.streamprofiler.render;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.Test;

/**
 * {@link Format#number(double, int)} rounds most values without {@link BigDecimal}; its output must
 * stay the exact rounding of the double's binary value, which {@link #reference} computes the slow
 * way, independently of the code under test.
 */
public class FormatNumberTest {
  private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  /**
   * What {@link Format#number(double, int)} writes, by {@link BigDecimal} alone: whole numbers in
   * full, values from 10^digits (below 10^9) rounded to whole, otherwise {@code digits} significant
   * digits of the exact value, half to even, plain between 10^-4 and 10^9, else {@code m × 10ⁿ}.
   */
  static String reference(double d, int digits) {
    double abs = Math.abs(d);
    if (d == 0) {
      return "0";
    }
    if (d == Math.rint(d) && abs < 1e15) {
      return plain(new BigDecimal((long) d));
    }
    if (abs >= Math.pow(10, digits) && abs < 1e9) {
      return plain(new BigDecimal(Math.round(d)));
    }
    BigDecimal r =
        new BigDecimal(d)
            .round(new MathContext(digits, RoundingMode.HALF_EVEN))
            .stripTrailingZeros();
    double a = Math.abs(r.doubleValue());
    if (a >= 1e-4 && a < 1e9) {
      return plain(r);
    }
    int exponent = r.precision() - r.scale() - 1;
    StringBuilder b =
        new StringBuilder(r.movePointLeft(exponent).toPlainString().replace('-', '−'))
            .append(" × 10");
    if (exponent < 0) {
      b.append('⁻');
    }
    for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
      b.append(SUPERSCRIPT.charAt(c - '0'));
    }
    return b.toString();
  }

  /** A decimal as {@code −12,345.678}. */
  private static String plain(BigDecimal v) {
    String s = v.abs().toPlainString();
    int dot = s.indexOf('.');
    String whole = dot < 0 ? s : s.substring(0, dot);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        b.append(',');
      }
      b.append(whole.charAt(i));
    }
    return (v.signum() < 0 ? "−" : "") + b + (dot < 0 ? "" : s.substring(dot));
  }

  private static void check(double d, int digits) {
    assertEquals(d + " to " + digits + " digits", reference(d, digits), Format.number(d, digits));
  }

  @Test
  public void randomValuesAcrossMagnitudesMatchTheExactRounding() {
    Random random = new Random(20240611);
    for (int i = 0; i < 200_000; i++) {
      // log-uniform magnitudes from 10^-5 to 10^10, either sign
      double d = Math.pow(10, -5 + 15 * random.nextDouble());
      check(random.nextBoolean() ? d : -d, 2 + random.nextInt(5));
    }
    // the digits the report also uses: 10 for settings
    for (int i = 0; i < 20_000; i++) {
      check(Math.pow(10, -5 + 15 * random.nextDouble()), 7 + random.nextInt(9));
    }
  }

  @Test
  public void shortDecimalsAndNeighboursOfTiesMatchTheExactRounding() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      int digits = 2 + random.nextInt(5);
      // a decimal with one digit more than kept, ending in 5: a tie in decimal, and the nearest
      // double is just above or just below it (or exactly it when the scale is a power of two)
      long m = (long) Math.pow(10, digits) + random.nextInt((int) (9 * Math.pow(10, digits)));
      m = m / 10 * 10 + 5;
      double tie = m / Math.pow(10, digits + random.nextInt(9) - 4);
      for (double d : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie)}) {
        check(d, digits);
        check(-d, digits);
      }
      // short decimals as people write them, which round at other positions
      double shortDecimal = random.nextInt(100_000) / Math.pow(10, random.nextInt(9));
      if (shortDecimal > 0) {
        check(shortDecimal, 2 + random.nextInt(5));
      }
    }
    for (double d :
        new double[] {
          0.12345,
          2.5,
          3.5,
          1234.5,
          9999.5,
          0.99995,
          0.999949,
          9.9995,
          99.995,
          999.95,
          0.00012345,
          0.000125,
          0.0001,
          0.00010005,
          0.00099995,
          1.0005,
          1.00049999,
          123456.5,
          999999999.5,
          999999999.7,
          999999999.2,
          99999999.95,
          0.5,
          0.25,
          0.125,
          1.5e-4,
          1.25,
          2.675,
          1.005,
          1.015,
          1.025,
          0.045,
          0.055,
          5.5e-5,
          1e9 - 0.25,
          8.5,
          10.5,
          0.105
        }) {
      for (int digits = 1; digits <= 10; digits++) {
        check(d, digits);
        check(-d, digits);
        check(Math.nextUp(d), digits);
        check(Math.nextDown(d), digits);
      }
    }
  }

  @Test
  public void hypotheticalDigitsOutsideTheFastPathStillWork() {
    for (double d : new double[] {0.123456789, 12345.6789, 3.7e-5, 2.5e12 + 0.5}) {
      for (int digits : new int[] {0, 16, 17, 20}) {
        check(d, digits);
      }
    }
  }
}
