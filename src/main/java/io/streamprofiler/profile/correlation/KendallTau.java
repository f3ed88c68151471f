package io.streamprofiler.profile.correlation;

import java.util.Arrays;

/**
 * Kendall's tau-b of one pair over its complete rows, in O(n log n) as scipy 1.10's {@code
 * kendalltau}: order the rows by (x, y) (the y column's sorted order, then a stable counting sort
 * on x's dense ranks), count discordant pairs bit by bit over y's dense ranks, and correct for ties
 * in x, in y and in both: tau = (tot - xtie - ytie + ntie - 2 dis) / sqrt(tot - xtie) / sqrt(tot -
 * ytie).
 *
 * <p>Not thread-safe: the scratch buffers are reused across the pairs of one matrix.
 */
final class KendallTau {
  private final int[] byY;
  private final int[] byXy;
  private final int[] xs;
  private final int[] ys;
  private final int[] ones;

  KendallTau(int n) {
    byY = new int[n];
    byXy = new int[n];
    xs = new int[n];
    ys = new int[n];
    ones = new int[n + 1];
  }

  double pair(NumericColumn x, NumericColumn y) {
    int[] dx = x.denseRanks();
    int[] dy = y.denseRanks();
    int m = 0;
    for (int row : y.order()) {
      if (dx[row] >= 0) {
        byY[m++] = row;
      }
    }
    if (m == 0) {
      return Double.NaN;
    }
    int[] countX = countingSortByKey(byY, m, dx, x.distinct(), byXy);
    int[] countY = new int[y.distinct()];
    for (int k = 0; k < m; k++) {
      countY[dy[byY[k]]]++;
    }

    // Gather both dense ranks in (x, y) order so the counting loops below read contiguously.
    for (int k = 0; k < m; k++) {
      int r = byXy[k];
      xs[k] = dx[r];
      ys[k] = dy[r];
    }
    long jointTies = 0;
    int run = 0;
    for (int k = 1; k < m; k++) {
      // A row equal to its predecessor in both ranks ties with each row of the run before it.
      run = (xs[k] == xs[k - 1] && ys[k] == ys[k - 1]) ? run + 1 : 0;
      jointTies += run;
    }

    long xTies = tiedPairs(countX);
    long yTies = tiedPairs(countY);
    long total = (long) m * (m - 1) / 2;
    if (xTies == total || yTies == total) {
      return Double.NaN;
    }
    long discordant = descendingPairs(ys, m, y.distinct(), ones);
    long concordantMinusDiscordant = total - xTies - yTies + jointTies - 2 * discordant;
    double tau =
        concordantMinusDiscordant
            / Math.sqrt((double) (total - xTies))
            / Math.sqrt((double) (total - yTies));
    // scipy clips to [-1, 1] against rounding.
    return Math.min(1., Math.max(-1., tau));
  }

  /** Stable counting sort of {@code in[0..m)} by {@code key[row]}; returns the key counts. */
  private static int[] countingSortByKey(int[] in, int m, int[] key, int keys, int[] out) {
    int[] counts = new int[keys];
    for (int k = 0; k < m; k++) {
      counts[key[in[k]]]++;
    }
    int[] start = new int[keys];
    int acc = 0;
    for (int v = 0; v < keys; v++) {
      start[v] = acc;
      acc += counts[v];
    }
    for (int k = 0; k < m; k++) {
      int r = in[k];
      out[start[key[r]]++] = r;
    }
    return counts;
  }

  private static long tiedPairs(int[] counts) {
    long ties = 0;
    for (int c : counts) {
      ties += (long) c * (c - 1) / 2;
    }
    return ties;
  }

  /**
   * Pairs k < l with {@code seq[k] > seq[l]}, for values in [0, levels): the discordant pairs when
   * {@code seq} is y in (x, y) order, since equal x come with ascending y and never count.
   *
   * <p>Each such pair differs first at one bit, where the earlier value has 1 and the later 0 under
   * an equal prefix; so, bit by bit from the top, every 0 adds the 1s seen before it with its
   * prefix. Branch-free on purpose: tree- or merge-based counting mispredicts about once per
   * element and ran twice as long on 3,600 rows.
   *
   * @param ones scratch of at least {@code levels} entries
   */
  static long descendingPairs(int[] seq, int m, int levels, int[] ones) {
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(levels - 1, 1));
    long count = 0;
    for (int p = bits - 1; p >= 0; p--) {
      Arrays.fill(ones, 0, 1 << (bits - 1 - p), 0);
      for (int k = 0; k < m; k++) {
        int v = seq[k];
        int prefix = v >>> (p + 1);
        int bit = (v >>> p) & 1;
        count += ones[prefix] & (bit - 1); // adds only when bit == 0
        ones[prefix] += bit;
      }
    }
    return count;
  }
}
