package io.streamprofiler.compare;

import io.streamprofiler.profile.Tree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The categories of a column as a profile stores them: the counts of the listed values and how many
 * values are not listed ({@code other}, 0 when the list is complete).
 */
public record CategoricalDistribution(Map<String, Long> counts, long other) {

  public long total() {
    long t = other;
    for (long c : counts.values()) {
      t += c;
    }
    return t;
  }

  /**
   * From a variable's {@code distribution.values}, or its {@code value_counts} (top 10, rest as
   * other); null when neither.
   */
  public static CategoricalDistribution of(Map<String, Object> variable) {
    Map<String, Object> d = Tree.object(variable, "distribution");
    List<Object> values = Tree.list(d, "values");
    long other = (long) orZero(Tree.number(d, "other"));
    if (!d.containsKey("values")) {
      values = Tree.list(variable, "value_counts");
      other = -1;
    }
    if (values.isEmpty() && !d.containsKey("values")) {
      return null;
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    long listed = 0;
    for (Object o : values) {
      @SuppressWarnings("unchecked")
      Map<String, Object> vc = (Map<String, Object>) o;
      long c = (long) Tree.number(vc, "count");
      counts.merge(label(vc.get("value")), c, Long::sum);
      listed += c;
    }
    if (other < 0) {
      double n = Tree.number(variable, "count");
      other = Double.isNaN(n) ? 0 : Math.max(0, (long) n - listed);
    }
    return new CategoricalDistribution(counts, other);
  }

  /** The pooled categories of a fleet. */
  public static CategoricalDistribution sum(List<CategoricalDistribution> parts) {
    Map<String, Long> counts = new LinkedHashMap<>();
    long other = 0;
    for (CategoricalDistribution p : parts) {
      p.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
      other += p.other;
    }
    return new CategoricalDistribution(counts, other);
  }

  static String label(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(value);
  }

  private static double orZero(double d) {
    return Double.isNaN(d) ? 0 : d;
  }
}
