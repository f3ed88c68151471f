package io.streamprofiler.record;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.Test;

/**
 * {@link Numbers#parse} reads plain decimals without {@link Double#parseDouble}: these check that
 * it gives the very same bits, on the kinds of numbers that decide correct rounding.
 */
public class NumbersTest {
  private static void same(String token) {
    long expected = Double.doubleToRawLongBits(Double.parseDouble(token));
    long actual = Double.doubleToRawLongBits(Numbers.parse(token));
    if (expected != actual) {
      throw new AssertionError(
          token + ": parseDouble " + Double.parseDouble(token) + ", parse " + Numbers.parse(token));
    }
  }

  @Test
  public void shortestDecimalsOfRandomDoublesReadBackExactly() {
    SplittableRandom random = new SplittableRandom(7);
    int decided = 0;
    for (int i = 0; i < 300_000; i++) {
      double v = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(v)) {
        same(Double.toString(v));
      }
      String sensor = Double.toString(random.nextDouble() * 100); // 16 and 17 digits
      same(sensor);
      same(Double.toString(random.nextDouble()));
      decided += Double.isNaN(Numbers.plainDecimal(sensor)) ? 0 : 1;
    }
    // The fast path answers nearly always; otherwise this test would not be testing it.
    assertThat(decided > 299_000, is(true));
  }

  @Test
  public void randomDigitStringsOfUpTo19DigitsAgreeWithParseDouble() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 300_000; i++) {
      int digits = 1 + random.nextInt(19);
      StringBuilder b = new StringBuilder(random.nextBoolean() ? "-" : "");
      for (int d = 0; d < digits; d++) {
        b.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextBoolean()) {
        b.insert(b.length() - random.nextInt(digits + 1), '.');
      }
      b.append('e').append(random.nextInt(-340, 320));
      same(b.toString());
    }
  }

  @Test
  public void halfWayCasesRoundToEven() {
    // 2^53 + 1 and friends: exactly between two doubles, at every scale a table entry is exact
    // and at scales where it is not.
    BigDecimal twoTo53 = new BigDecimal(1L << 53);
    for (int k = 1; k < 2000; k += 2) {
      BigDecimal half = twoTo53.add(BigDecimal.valueOf(k));
      for (int scale = -30; scale <= 30; scale++) {
        same(half.scaleByPowerOfTen(scale).toString());
        same(half.scaleByPowerOfTen(scale).toPlainString());
      }
    }
    // Half-way values whose decimal needs a negative exponent: (2^54 + 1) / 2^k.
    BigDecimal twoTo54 = new BigDecimal(1L << 54).add(BigDecimal.ONE);
    for (int k = 1; k < 20; k++) {
      String exact = twoTo54.divide(BigDecimal.valueOf(2).pow(k)).toString();
      same(exact);
    }
  }

  @Test
  public void edgesOfTheRangeAndOddSpellings() {
    for (String t :
        new String[] {
          "0",
          "-0",
          "0.0",
          "-0.0",
          "0e999999",
          "00012",
          "1.",
          ".5",
          "-.5",
          "+1",
          "1e308",
          "1.7976931348623157e308",
          "1.7976931348623159e308",
          "1e309",
          "2.2250738585072014E-308",
          "2.2250738585072011e-308",
          "4.9e-324",
          "1e-400",
          "9007199254740993",
          "9999999999999999999",
          "18446744073709551615",
          "123456789012345678901234567890",
          "1E22",
          "1e23",
          "8.41e21",
          "1.5945120000078042E9",
          "0.023712927656643044",
          "1e-22",
          "1e-23"
        }) {
      same(t);
    }
  }

  @Test
  public void whatIsNotAPlainNumberStaysOnTheOldRules() {
    assertThat(Numbers.parse("1e"), is(Double.NaN));
    assertThat(Numbers.parse("1e+"), is(Double.NaN));
    assertThat(Numbers.parse("1.2.3"), is(Double.NaN));
    assertThat(Numbers.parse("--1"), is(Double.NaN));
    assertThat(Numbers.parse("1_000"), is(Double.NaN));
    assertThat(Numbers.parse("1e5x"), is(Double.NaN));
    assertThat(Numbers.parse("-"), is(Double.NaN));
    assertThat(Numbers.parse("-inf"), is(Double.NEGATIVE_INFINITY));
    assertThat(Numbers.parse("1d"), is(Double.NaN));
  }
}
