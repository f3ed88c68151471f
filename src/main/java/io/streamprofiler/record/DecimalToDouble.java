package io.streamprofiler.record;

import java.math.BigInteger;

/**
 * The double nearest to {@code mantissa × 10^exponent} (ties to even), for the common case, in a
 * few multiplications; {@link Double#NaN} when the fast methods cannot decide, and the caller then
 * asks {@link Double#parseDouble}. Sensor CSVs are mostly 16- and 17-digit decimals, which send
 * {@code Double.parseDouble} down its big-integer path: on the 4 M-row benchmark that was a tenth
 * of all CPU time.
 *
 * <p>Two methods, both exact where they answer:
 *
 * <ul>
 *   <li>Clinger's: a mantissa below 2^53 and a power of ten up to 10^22 are both exact doubles, so
 *       one IEEE multiplication or division rounds their product correctly.
 *   <li>Eisel and Lemire's ("Number Parsing at a Gigabyte per Second", 2021): multiply the
 *       normalised 64-bit mantissa by a 128-bit truncation of the power of ten; the top 54 bits of
 *       the product are the answer unless the bits below could still carry into them or the value
 *       sits exactly half-way, and those cases (rare) are left to the caller. Normal results only:
 *       subnormals, overflow and underflow are left to the caller too.
 * </ul>
 */
final class DecimalToDouble {
  private DecimalToDouble() {}

  private static final double[] EXACT_POWERS = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /** Powers of ten covered by the table: beyond them a double is 0 or infinite anyway. */
  static final int MIN_EXPONENT = -342;

  static final int MAX_EXPONENT = 308;

  // 10^e as a 128-bit number with its top bit set, rounded down: HIGH[e - MIN] and LOW[e - MIN]
  // are its upper and lower 64 bits. Computed once at start-up (650 BigInteger divisions, ~1 ms).
  private static final long[] HIGH = new long[MAX_EXPONENT - MIN_EXPONENT + 1];
  private static final long[] LOW = new long[HIGH.length];
  // floor(log2(10^e)): where the table's 128 bits sit, 10^e ≈ (HIGH:LOW) × 2^(this - 127).
  private static final int[] BINARY_EXPONENT = new int[HIGH.length];

  static {
    BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    for (int e = MIN_EXPONENT; e <= MAX_EXPONENT; e++) {
      BigInteger bits;
      if (e >= 0) {
        BigInteger p = BigInteger.TEN.pow(e);
        int shift = p.bitLength() - 128;
        bits = shift > 0 ? p.shiftRight(shift) : p.shiftLeft(-shift);
        BINARY_EXPONENT[e - MIN_EXPONENT] = p.bitLength() - 1;
      } else {
        // floor(2^s / 10^-e), with s chosen so the quotient has exactly 128 bits.
        BigInteger d = BigInteger.TEN.pow(-e);
        bits = BigInteger.ONE.shiftLeft(d.bitLength() + 127).divide(d);
        BINARY_EXPONENT[e - MIN_EXPONENT] = -d.bitLength(); // 10^-e is no power of two
      }
      HIGH[e - MIN_EXPONENT] = bits.shiftRight(64).longValue();
      LOW[e - MIN_EXPONENT] = bits.and(mask).longValue();
    }
  }

  /**
   * The double nearest to {@code ±mantissa × 10^exponent}, or NaN when this cannot decide it.
   *
   * @param mantissa the decimal digits as an unsigned 64-bit number (at most 19 digits fit)
   */
  static double of(long mantissa, int exponent, boolean negative) {
    if (mantissa == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (mantissa >= 0 && mantissa <= (1L << 53) && exponent >= -22 && exponent <= 22) {
      double m = mantissa;
      double v = exponent >= 0 ? m * EXACT_POWERS[exponent] : m / EXACT_POWERS[-exponent];
      return negative ? -v : v;
    }
    if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
      return Double.NaN;
    }
    return eiselLemire(mantissa, exponent, negative);
  }

  private static double eiselLemire(long mantissa, int exponent, boolean negative) {
    int leadingZeros = Long.numberOfLeadingZeros(mantissa);
    long w = mantissa << leadingZeros;
    int row = exponent - MIN_EXPONENT;
    // The product w × 10^e, 192 bits, of which we keep the upper 128 (hi:lo).
    long hi = unsignedMultiplyHigh(w, HIGH[row]);
    long lo = w * HIGH[row];
    // The table is rounded down, so the true product is larger by less than w (in lo's units). When
    // the 9 bits below the 54 we keep are all ones, that error could carry into them: add the
    // product with the table's lower half, and give up if even that leaves a carry possible.
    if ((hi & 0x1FF) == 0x1FF && Long.compareUnsigned(lo + w, w) < 0) {
      long lowHigh = unsignedMultiplyHigh(w, LOW[row]);
      long lowLow = w * LOW[row];
      long mergedLo = lo + lowHigh;
      long mergedHi = Long.compareUnsigned(mergedLo, lo) < 0 ? hi + 1 : hi;
      if ((mergedHi & 0x1FF) == 0x1FF
          && mergedLo == -1L
          && Long.compareUnsigned(lowLow + w, w) < 0) {
        return Double.NaN;
      }
      hi = mergedHi;
      lo = mergedLo;
    }
    // The product's top bit is bit 127 or 126: keep 54 bits from it (53 and a rounding bit).
    int top = (int) (hi >>> 63);
    long bits54 = hi >>> (top + 9);
    // m × 10^e = (w / 2^lz) × (HIGH:LOW) × 2^(b - 127), and hi:lo is the upper 128 of the 192 bits
    // of w × (HIGH:LOW): the value is hi:lo × 2^(b - 63 - lz), whose top bit (bit 126 + top of
    // hi:lo) is worth 2^(b + 63 + top - lz). That is the double's exponent, here with its bias.
    long biased = BINARY_EXPONENT[row] + 63 + top - leadingZeros + 1023;
    // Exactly half-way between two doubles, as far as the truncated product shows: the rounding
    // needs digits this product has lost.
    if (lo == 0 && (hi & 0x1FF) == 0 && (bits54 & 3) == 1) {
      return Double.NaN;
    }
    long bits53 = (bits54 + (bits54 & 1)) >>> 1; // round half up; the exact half-way case is out
    if (bits53 >>> 53 != 0) {
      bits53 >>>= 1; // rounding carried into a new top bit
      biased++;
    }
    if (biased < 1 || biased > 0x7FE) {
      return Double.NaN; // subnormal or infinite: the slow path knows these
    }
    double v = Double.longBitsToDouble((biased << 52) | (bits53 & ((1L << 52) - 1)));
    return negative ? -v : v;
  }

  /** The upper 64 bits of the unsigned 128-bit product (Math has it from Java 18 on). */
  private static long unsignedMultiplyHigh(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }
}
