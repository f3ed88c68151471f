package io.streamprofiler.source;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The report latency: wall time from the runner firing a pane (when the watermark passes a window's
 * end, for an on-time pane) to its report's files written. A Beam distribution keeps only count,
 * sum, minimum and maximum, so the percentiles come from counts in fixed buckets, as Beam counters
 * (one per bucket, on every runner) and here for this JVM's progress line; a percentile is the
 * upper edge of the bucket it falls in.
 */
public final class ReportLatency {
  /** Upper edges of the buckets, in ms; one more bucket holds everything slower. */
  static final long[] EDGES = {
    10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000
  };

  private static final String[] COUNTERS = new String[EDGES.length + 1];

  static {
    for (int i = 0; i < EDGES.length; i++) {
      COUNTERS[i] = "report_latency_le_" + EDGES[i] + "ms";
    }
    COUNTERS[EDGES.length] = "report_latency_over_" + EDGES[EDGES.length - 1] + "ms";
  }

  private static final AtomicLongArray IN_JVM = new AtomicLongArray(EDGES.length + 1);

  private ReportLatency() {}

  /** The bucket of a latency. */
  public static int bucket(long millis) {
    for (int i = 0; i < EDGES.length; i++) {
      if (millis <= EDGES[i]) {
        return i;
      }
    }
    return EDGES.length;
  }

  public static int buckets() {
    return EDGES.length + 1;
  }

  /** The counter of bucket {@code i}: {@code report_latency_le_1000ms}, ..., {@code _over_...}. */
  public static String counterName(int i) {
    return COUNTERS[i];
  }

  /** The bucket whose counter is named {@code name}, or -1 for any other counter. */
  public static int bucketOf(String name) {
    for (int i = 0; i < buckets(); i++) {
      if (COUNTERS[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Counts a latency for this JVM's progress line. */
  public static void record(long millis) {
    IN_JVM.incrementAndGet(bucket(millis));
  }

  /**
   * The {@code q} quantile (0 < q ≤ 1) of bucket counts: the upper edge of its bucket in ms, {@code
   * Long.MAX_VALUE} in the open last bucket, -1 without counts.
   */
  public static long quantile(long[] counts, double q) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total == 0) {
      return -1;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return i < EDGES.length ? EDGES[i] : Long.MAX_VALUE;
      }
    }
    return Long.MAX_VALUE;
  }

  /** This JVM's counts so far. */
  public static long[] inJvm() {
    long[] counts = new long[IN_JVM.length()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = IN_JVM.get(i);
    }
    return counts;
  }

  static void reset() {
    for (int i = 0; i < IN_JVM.length(); i++) {
      IN_JVM.set(i, 0);
    }
  }
}
