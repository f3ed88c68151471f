package io.streamprofiler.compare;

import io.streamprofiler.profile.Tree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The distribution of a numeric column as a profile stores it: a cumulative distribution function
 * F, exact (a step function) when every distinct value is listed, else piecewise linear through the
 * stored percentiles (F(q_i) = i/100; equal percentiles make a jump, i.e. a mass point). A fleet
 * baseline is the count-weighted mixture of several of them.
 */
public abstract class NumericDistribution {
  /** F(x) = P(X <= x). */
  public abstract double at(double x);

  /** F(x-) = P(X < x). */
  public abstract double before(double x);

  /**
   * Points where F may change slope or jump, ascending: the supremum of |F1 - F2| is at one of
   * them.
   */
  public abstract double[] knots();

  public abstract long count();

  /**
   * {@link #at} and {@link #before} at each of {@code xs} (ascending, as {@link #knots} are), into
   * {@code at} and {@code before}: the Kolmogorov-Smirnov distance asks at every knot of both
   * sides, and where the subclass can, one walk along its points replaces a search per point.
   */
  void atAndBefore(double[] xs, double[] at, double[] before) {
    for (int i = 0; i < xs.length; i++) {
      at[i] = at(xs[i]);
      before[i] = before(xs[i]);
    }
  }

  /** Non-decreasing, without NaN: what a walk needs to find what a binary search would. */
  static boolean ascending(double[] a) {
    for (int i = 0; i < a.length; i++) {
      if (Double.isNaN(a[i]) || i > 0 && a[i - 1] > a[i]) {
        return false;
      }
    }
    return true;
  }

  public abstract double mean();

  public abstract double std();

  /**
   * The typical spread of one member: the standard deviation, or for a fleet the pooled
   * within-member standard deviation (a mixture of shifted members is wider than any member, so its
   * total standard deviation would make every member look narrow).
   */
  public double spread() {
    return std();
  }

  /**
   * The smallest step between two distinct values when every distinct value is stored (a quantised
   * reading: 0.1 °C), else NaN: the values are too many to tell, and a step finer than a hundredth
   * of the range matters to no drift rule. Gaps below a billionth of the largest magnitude are the
   * rounding of one value (float32 readings) and are not a step.
   */
  public double resolution() {
    return Double.NaN;
  }

  /** The interquartile range, from the stored 25% and 75% percentiles: not moved by one outlier. */
  public double iqr() {
    return quantile(0.75) - quantile(0.25);
  }

  /**
   * The p-quantile: the stored percentile (numpy "linear") at whole percents, else the inverse of
   * F.
   */
  public double quantile(double p) {
    return inverse(p);
  }

  /** The smallest x with F(x) >= p, interpolated on the linear pieces of F. */
  final double inverse(double p) {
    double[] k = knots();
    double previous = Double.NaN;
    for (double x : k) {
      if (at(x) >= p - 1e-12) {
        double left = before(x);
        if (!Double.isNaN(previous) && left > p) {
          double f0 = at(previous);
          return previous + (p - f0) / (left - f0) * (x - previous);
        }
        return x;
      }
      previous = x;
    }
    return k.length == 0 ? Double.NaN : k[k.length - 1];
  }

  /**
   * The distribution stored in a variable's {@code distribution}, or null when it has no numbers.
   */
  public static NumericDistribution of(Map<String, Object> variable) {
    Map<String, Object> d = Tree.object(variable, "distribution");
    List<Object> p = Tree.list(d, "percentiles");
    if (p.isEmpty()) {
      return null;
    }
    double[] percentiles = new double[p.size()];
    for (int i = 0; i < percentiles.length; i++) {
      if (!(p.get(i) instanceof Number n)) {
        return null;
      }
      percentiles[i] = n.doubleValue();
    }
    long count =
        (long) Tree.number(variable, "count") - (long) orZero(Tree.number(variable, "n_infinite"));
    double mean = Tree.number(variable, "mean");
    double std = Tree.number(variable, "std");
    List<Object> values = Tree.list(d, "values");
    if (!values.isEmpty() && d.containsKey("values")) {
      double[] v = new double[values.size()];
      long[] c = new long[values.size()];
      for (int i = 0; i < v.length; i++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> vc = (Map<String, Object>) values.get(i);
        v[i] = Tree.number(vc, "value");
        c[i] = (long) Tree.number(vc, "count");
      }
      return new Exact(v, c, percentiles, mean, std);
    }
    return new Percentiles(percentiles, Math.max(count, 1), mean, std);
  }

  private static double orZero(double d) {
    return Double.isNaN(d) ? 0 : d;
  }

  /** Piecewise linear through the 101 stored percentiles. */
  static final class Percentiles extends NumericDistribution {
    private final double[] p;
    private final long count;
    private final double mean;
    private final double std;

    private final boolean ascending;

    Percentiles(double[] percentiles, long count, double mean, double std) {
      this.p = percentiles;
      this.count = count;
      this.mean = mean;
      this.std = std;
      this.ascending = ascending(percentiles);
    }

    @Override
    void atAndBefore(double[] xs, double[] at, double[] before) {
      int m = p.length;
      if (!ascending || !ascending(xs) || m < 2) {
        super.atAndBefore(xs, at, before);
        return;
      }
      int above = 0; // first with p[above] > x: upperBound(p, x), as at() finds it
      int notBelow = 0; // first with p[notBelow] >= x: lowerBound(p, x), as before() finds it
      for (int k = 0; k < xs.length; k++) {
        double x = xs[k];
        while (above < m && p[above] <= x) {
          above++;
        }
        while (notBelow < m && p[notBelow] < x) {
          notBelow++;
        }
        if (x < p[0]) {
          at[k] = 0;
        } else if (x >= p[m - 1]) {
          at[k] = 1;
        } else {
          int i = above - 1;
          at[k] = level(i) + (x - p[i]) / (p[i + 1] - p[i]) * (level(i + 1) - level(i));
        }
        if (x <= p[0]) {
          before[k] = 0;
        } else if (x > p[m - 1]) {
          before[k] = 1;
        } else {
          int i = notBelow;
          before[k] =
              p[i] == x
                  ? level(i)
                  : level(i - 1) + (x - p[i - 1]) / (p[i] - p[i - 1]) * (level(i) - level(i - 1));
        }
      }
    }

    private double level(int i) {
      return (double) i / (p.length - 1);
    }

    @Override
    public double at(double x) {
      int m = p.length;
      if (x < p[0]) {
        return 0;
      }
      if (x >= p[m - 1]) {
        return 1;
      }
      int i = upperBound(p, x) - 1; // last with p[i] <= x; p[i + 1] > x
      return level(i) + (x - p[i]) / (p[i + 1] - p[i]) * (level(i + 1) - level(i));
    }

    @Override
    public double before(double x) {
      int m = p.length;
      if (x <= p[0]) {
        return 0;
      }
      if (x > p[m - 1]) {
        return 1;
      }
      int i = lowerBound(p, x); // first with p[i] >= x; p[i - 1] < x
      if (p[i] == x) {
        return level(i);
      }
      return level(i - 1) + (x - p[i - 1]) / (p[i] - p[i - 1]) * (level(i) - level(i - 1));
    }

    @Override
    public double[] knots() {
      if (!ascending) {
        return Arrays.stream(p).distinct().toArray();
      }
      double[] k = new double[p.length]; // sorted: distinct is "unlike the one before"
      int n = 0;
      for (double v : p) {
        if (n == 0 || Double.doubleToLongBits(v) != Double.doubleToLongBits(k[n - 1])) {
          k[n++] = v;
        }
      }
      return Arrays.copyOf(k, n);
    }

    @Override
    public double quantile(double q) {
      double r = q * (p.length - 1);
      int i = (int) Math.floor(r);
      if (Math.abs(r - Math.rint(r)) < 1e-9) {
        return p[(int) Math.rint(r)];
      }
      return p[i] + (r - i) * (p[i + 1] - p[i]);
    }

    @Override
    public long count() {
      return count;
    }

    @Override
    public double mean() {
      return mean;
    }

    @Override
    public double std() {
      return std;
    }
  }

  /** Every distinct value with its count: F is exact. */
  static final class Exact extends NumericDistribution {
    private final double[] values;
    private final double[] cumulative; // cumulative[i] = P(X <= values[i])
    private final long count;
    private final Percentiles percentiles;
    private final boolean ascending;

    Exact(double[] values, long[] counts, double[] percentiles, double mean, double std) {
      this.values = values;
      this.cumulative = new double[values.length];
      long total = 0;
      for (long c : counts) {
        total += c;
      }
      long running = 0;
      for (int i = 0; i < values.length; i++) {
        running += counts[i];
        cumulative[i] = (double) running / total;
      }
      this.count = total;
      this.percentiles = new Percentiles(percentiles, total, mean, std);
      this.ascending = ascending(values);
    }

    @Override
    public double at(double x) {
      int i = upperBound(values, x) - 1;
      return i < 0 ? 0 : cumulative[i];
    }

    @Override
    public double before(double x) {
      int i = lowerBound(values, x) - 1;
      return i < 0 ? 0 : cumulative[i];
    }

    @Override
    public double[] knots() {
      return values.clone();
    }

    @Override
    void atAndBefore(double[] xs, double[] at, double[] before) {
      if (!ascending || !ascending(xs)) {
        super.atAndBefore(xs, at, before);
        return;
      }
      int above = 0; // upperBound(values, x)
      int notBelow = 0; // lowerBound(values, x)
      for (int k = 0; k < xs.length; k++) {
        double x = xs[k];
        while (above < values.length && values[above] <= x) {
          above++;
        }
        while (notBelow < values.length && values[notBelow] < x) {
          notBelow++;
        }
        at[k] = above == 0 ? 0 : cumulative[above - 1];
        before[k] = notBelow == 0 ? 0 : cumulative[notBelow - 1];
      }
    }

    @Override
    public double quantile(double q) {
      return percentiles.quantile(q);
    }

    @Override
    public double resolution() {
      double largest = 0;
      for (double v : values) {
        largest = Math.max(largest, Math.abs(v));
      }
      double step = Double.NaN;
      for (int i = 1; i < values.length; i++) {
        double gap = values[i] - values[i - 1];
        if (gap > largest * 1e-9 && !(gap >= step)) {
          step = gap;
        }
      }
      return step;
    }

    @Override
    public long count() {
      return count;
    }

    @Override
    public double mean() {
      return percentiles.mean();
    }

    @Override
    public double std() {
      return percentiles.std();
    }
  }

  /** The count-weighted mixture of several distributions: the pooled population of a fleet. */
  public static NumericDistribution mixture(List<NumericDistribution> parts) {
    return new Mixture(new ArrayList<>(parts));
  }

  static final class Mixture extends NumericDistribution {
    private final List<NumericDistribution> parts;
    private final long count;
    private final double mean;
    private final double std;
    private final double spread;
    private final double[] knots;

    Mixture(List<NumericDistribution> parts) {
      this.parts = parts;
      long n = 0;
      double sum = 0;
      for (NumericDistribution d : parts) {
        n += d.count();
        sum += d.count() * d.mean();
      }
      this.count = n;
      this.mean = sum / n;
      double ss = 0;
      for (NumericDistribution d : parts) {
        double s = Double.isNaN(d.std()) ? 0 : d.std();
        ss += (d.count() - 1) * s * s + d.count() * (d.mean() - mean) * (d.mean() - mean);
      }
      this.std = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
      double within = 0;
      long dof = 0;
      for (NumericDistribution d : parts) {
        if (d.count() > 1 && !Double.isNaN(d.std())) {
          within += (d.count() - 1) * d.std() * d.std();
          dof += d.count() - 1;
        }
      }
      this.spread = dof > 0 ? Math.sqrt(within / dof) : Double.NaN;
      this.knots =
          parts.stream()
              .flatMapToDouble(d -> Arrays.stream(d.knots()))
              .sorted()
              .distinct()
              .toArray();
    }

    @Override
    public double at(double x) {
      double f = 0;
      for (NumericDistribution d : parts) {
        f += d.count() * d.at(x);
      }
      return f / count;
    }

    @Override
    public double before(double x) {
      double f = 0;
      for (NumericDistribution d : parts) {
        f += d.count() * d.before(x);
      }
      return f / count;
    }

    @Override
    public double[] knots() {
      return knots.clone();
    }

    @Override
    public long count() {
      return count;
    }

    @Override
    public double mean() {
      return mean;
    }

    @Override
    public double std() {
      return std;
    }

    @Override
    public double spread() {
      return spread;
    }
  }

  /** First index with a[i] > x. */
  static int upperBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** First index with a[i] >= x. */
  static int lowerBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
