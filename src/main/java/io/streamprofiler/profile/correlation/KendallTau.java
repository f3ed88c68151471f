package io.streamprofiler.profile.correlation;

/**
 * Kendall's tau-b of one pair over its complete rows, in O(n log n) as scipy 1.10's
 * {@code kendalltau}: order the rows by (x, y) with two stable counting sorts on dense ranks,
 * count discordant pairs as the strict inversions of the y sequence with a merge sort, and
 * correct for ties in x, in y and in both.
 *
 * <p>Not thread-safe: the scratch buffers are reused across the pairs of one matrix.
 */
final class KendallTau {
  private final int[] rows;
  private final int[] byY;
  private final int[] byXy;
  private final int[] seq;
  private final int[] buffer;

  KendallTau(int n) {
    rows = new int[n];
    byY = new int[n];
    byXy = new int[n];
    seq = new int[n];
    buffer = new int[n];
  }

  double pair(NumericColumn x, NumericColumn y) {
    int[] dx = x.denseRanks();
    int[] dy = y.denseRanks();
    int m = 0;
    for (int i = 0; i < dx.length; i++) {
      if (dx[i] >= 0 && dy[i] >= 0) {
        rows[m++] = i;
      }
    }
    if (m == 0) {
      return Double.NaN;
    }
    int[] countY = countingSort(rows, m, dy, y.distinct(), byY);
    int[] countX = countingSort(byY, m, dx, x.distinct(), byXy);

    long jointTies = 0;
    long run = 1;
    for (int k = 0; k < m; k++) {
      int r = byXy[k];
      seq[k] = dy[r];
      if (k > 0) {
        int p = byXy[k - 1];
        if (dx[p] == dx[r] && dy[p] == dy[r]) {
          run++;
        } else {
          jointTies += run * (run - 1) / 2;
          run = 1;
        }
      }
    }
    jointTies += run * (run - 1) / 2;

    long xTies = tiedPairs(countX);
    long yTies = tiedPairs(countY);
    long total = (long) m * (m - 1) / 2;
    if (xTies == total || yTies == total) {
      return Double.NaN;
    }
    long discordant = inversions(seq, buffer, m);
    long concordantMinusDiscordant = total - xTies - yTies + jointTies - 2 * discordant;
    double tau =
        concordantMinusDiscordant
            / Math.sqrt((double) (total - xTies))
            / Math.sqrt((double) (total - yTies));
    // scipy clips to [-1, 1] against rounding.
    return Math.min(1., Math.max(-1., tau));
  }

  /** Stable counting sort of {@code in[0..m)} by {@code key[row]}; returns the key counts. */
  private static int[] countingSort(int[] in, int m, int[] key, int keys, int[] out) {
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

  /** Number of pairs i < j with a[i] > a[j]; sorts {@code a[0..n)} in passing. */
  static long inversions(int[] a, int[] buffer, int n) {
    long count = 0;
    int[] src = a;
    int[] dst = buffer;
    for (int width = 1; width < n; width <<= 1) {
      for (int lo = 0; lo < n; lo += width << 1) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + (width << 1), n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          if (src[j] < src[i]) {
            // src[j] is below every remaining left element: one inversion with each.
            count += mid - i;
            dst[k++] = src[j++];
          } else {
            dst[k++] = src[i++];
          }
        }
        while (i < mid) {
          dst[k++] = src[i++];
        }
        while (j < hi) {
          dst[k++] = src[j++];
        }
      }
      int[] t = src;
      src = dst;
      dst = t;
    }
    return count;
  }
}
