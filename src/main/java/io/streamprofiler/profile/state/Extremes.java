package io.streamprofiler.profile.state;

import io.streamprofiler.record.Blob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code k} smallest (or largest) distinct finite values seen, each with its exact count.
 * Merging is exact: a value among the k smallest of a union is among the k smallest of every part
 * that holds it, with all of that part's count.
 */
final class Extremes {
  private final int k;
  private final boolean largest;
  private final TreeMap<Double, Long> values = new TreeMap<>();

  Extremes(int k, boolean largest) {
    this.k = k;
    this.largest = largest;
  }

  void add(double v, long count) {
    if (values.size() >= k) {
      double worst = largest ? values.firstKey() : values.lastKey();
      boolean outside = largest ? Double.compare(v, worst) < 0 : Double.compare(v, worst) > 0;
      if (outside) {
        return;
      }
    }
    values.merge(v, count, Long::sum);
    if (values.size() > k) {
      if (largest) {
        values.pollFirstEntry();
      } else {
        values.pollLastEntry();
      }
    }
  }

  void merge(Extremes other) {
    other.values.forEach(this::add);
  }

  /** Values with counts, smallest first for the minimum side, largest first for the maximum. */
  List<Map.Entry<Double, Long>> entries() {
    List<Map.Entry<Double, Long>> list =
        new ArrayList<>(largest ? values.descendingMap().entrySet() : values.entrySet());
    return list;
  }

  void write(Blob.Writer out) {
    out.writeVarLong(values.size());
    for (Map.Entry<Double, Long> e : values.entrySet()) {
      out.writeDouble(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  void read(Blob.Reader in) throws IOException {
    int n = in.readCount();
    for (int i = 0; i < n; i++) {
      values.put(in.readDouble(), in.readLong());
    }
  }
}
