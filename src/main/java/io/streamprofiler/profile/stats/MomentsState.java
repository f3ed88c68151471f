package io.streamprofiler.profile.stats;

/**
 * Mergeable state of the first four moments of a stream of finite doubles: count, mean and the
 * central moment sums M2, M3, M4. {@link #add} updates in place (Welford/Terriberry); {@link
 * #merge} combines two states without changing either (Pébay 2008), so per-pane or per-shard states
 * can be combined in any grouping.
 *
 * <p>NaN and ±Infinity passed to {@link #add} are ignored (the profile counts them elsewhere). The
 * derived statistics follow pandas: {@link #variance()} with ddof = 1 is NaN below 2 values, {@link
 * #skewness()} NaN below 3, {@link #kurtosis()} NaN below 4; both are 0 for a constant stream;
 * {@link #mean()} is NaN when empty.
 */
public final class MomentsState {
  private long n;
  private double mean;
  private double m2;
  private double m3;
  private double m4;

  /** An empty state. */
  public MomentsState() {}

  private MomentsState(long n, double mean, double m2, double m3, double m4) {
    this.n = n;
    this.mean = mean;
    this.m2 = m2;
    this.m3 = m3;
    this.m4 = m4;
  }

  /** The state of {@code values} (non-finite values ignored). */
  public static MomentsState of(double[] values) {
    MomentsState s = new MomentsState();
    for (double v : values) {
      s.add(v);
    }
    return s;
  }

  /** Adds one value; returns this. */
  public MomentsState add(double x) {
    if (!Double.isFinite(x)) {
      return this;
    }
    long n1 = n;
    n++;
    double nn = n;
    double delta = x - mean;
    double deltaN = delta / nn;
    double deltaN2 = deltaN * deltaN;
    double term1 = delta * deltaN * n1;
    mean += deltaN;
    m4 += term1 * deltaN2 * (nn * nn - 3 * nn + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
    m3 += term1 * deltaN * (nn - 2) - 3 * deltaN * m2;
    m2 += term1;
    return this;
  }

  /**
   * A new state equal to the state of this state's values followed by {@code other}'s; neither is
   * changed.
   */
  public MomentsState merge(MomentsState other) {
    if (other.n == 0) {
      return copy();
    }
    if (n == 0) {
      return other.copy();
    }
    double na = n;
    double nb = other.n;
    double nx = na + nb;
    double delta = other.mean - mean;
    double d2 = delta * delta;
    double d3 = d2 * delta;
    double d4 = d2 * d2;
    double meanX = mean + delta * (nb / nx);
    double m2x = m2 + other.m2 + d2 * na * nb / nx;
    double m3x =
        m3
            + other.m3
            + d3 * na * nb * (na - nb) / (nx * nx)
            + 3 * delta * (na * other.m2 - nb * m2) / nx;
    double m4x =
        m4
            + other.m4
            + d4 * na * nb * (na * na - na * nb + nb * nb) / (nx * nx * nx)
            + 6 * d2 * (na * na * other.m2 + nb * nb * m2) / (nx * nx)
            + 4 * delta * (na * other.m3 - nb * m3) / nx;
    return new MomentsState(n + other.n, meanX, m2x, m3x, m4x);
  }

  public MomentsState copy() {
    return new MomentsState(n, mean, m2, m3, m4);
  }

  public long count() {
    return n;
  }

  /** Mean; NaN when empty. */
  public double mean() {
    return n == 0 ? Double.NaN : mean;
  }

  /** Σ(x - mean)². */
  public double m2() {
    return m2;
  }

  /** Σ(x - mean)³. */
  public double m3() {
    return m3;
  }

  /** Σ(x - mean)⁴. */
  public double m4() {
    return m4;
  }

  public double variance() {
    return PandasMoments.variance(n, m2);
  }

  public double std() {
    return Math.sqrt(variance());
  }

  public double skewness() {
    return PandasMoments.skewness(n, m2, m3);
  }

  public double kurtosis() {
    return PandasMoments.kurtosis(n, m2, m4);
  }

  /** The derived statistics, NaN where undefined (see the class doc). */
  public Moments result() {
    return new Moments(n, mean(), variance(), std(), skewness(), kurtosis());
  }

  /**
   * The state as five numbers {count, mean, m2, m3, m4}, for storage; {@link #fromArray} reads it
   * back.
   */
  public double[] toArray() {
    return new double[] {n, mean, m2, m3, m4};
  }

  public static MomentsState fromArray(double[] a) {
    if (a.length != 5 || a[0] < 0 || a[0] != Math.rint(a[0])) {
      throw new IllegalArgumentException("not a moments state: expected {count, mean, m2, m3, m4}");
    }
    return new MomentsState((long) a[0], a[1], a[2], a[3], a[4]);
  }

  /** Statistics derived from a {@link MomentsState}; NaN where undefined. */
  public record Moments(
      long count, double mean, double variance, double std, double skewness, double kurtosis) {}

  @Override
  public String toString() {
    return "MomentsState[n="
        + n
        + ", mean="
        + mean
        + ", m2="
        + m2
        + ", m3="
        + m3
        + ", m4="
        + m4
        + "]";
  }
}
