package io.streamprofiler.profile.state;

import io.streamprofiler.profile.stats.MomentsState;
import io.streamprofiler.record.Blob;
import java.io.IOException;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The numbers of one column, mergeable: exact counts (values, zeros, negatives, infinities), exact
 * minimum and maximum, moments (count, mean, M2..M4, merged with Pébay's formulas), the ten
 * smallest and largest distinct values with exact counts, and a KLL quantile sketch of the finite
 * values. Counts follow the exact path's rules ({@code NumericSummary}): -0.0 is a zero, -Infinity
 * is negative, statistics that compute with values use the finite ones.
 */
final class NumericState {
  /** KLL's accuracy parameter: normalized rank error about 1.33% (99% confidence, one quantile). */
  static final int KLL_K = 200;

  static final int EXTREMES = 10;

  long count;
  long zeros;
  long negatives;
  long infinite;
  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;
  MomentsState moments = new MomentsState();
  KllDoublesSketch quantiles = KllDoublesSketch.newHeapInstance(KLL_K);
  final Extremes smallest = new Extremes(EXTREMES, false);
  final Extremes largest = new Extremes(EXTREMES, true);

  void add(double v) {
    count++;
    if (v == 0) {
      zeros++;
    }
    if (v < 0) {
      negatives++;
    }
    smallest.add(v, 1);
    largest.add(v, 1);
    if (Double.isInfinite(v)) {
      infinite++;
      return;
    }
    if (v < min) {
      min = v;
    }
    if (v > max) {
      max = v;
    }
    moments.add(v);
    quantiles.update(v);
  }

  /**
   * Adds {@code count} copies of {@code v} to everything but the moments (which the caller adds
   * value by value, in order): one sketch update per distinct value instead of per row. {@code
   * extreme} is false for a value the caller knows is neither among the {@link #EXTREMES} smallest
   * nor the largest distinct values of the column.
   */
  void addRepeated(double v, long count, boolean extreme) {
    this.count += count;
    if (v == 0) {
      zeros += count;
    }
    if (v < 0) {
      negatives += count;
    }
    if (extreme) {
      smallest.add(v, count);
      largest.add(v, count);
    }
    if (Double.isInfinite(v)) {
      infinite += count;
      return;
    }
    min = Math.min(min, v);
    max = Math.max(max, v);
    quantiles.update(v, count);
  }

  void merge(NumericState o) {
    count += o.count;
    zeros += o.zeros;
    negatives += o.negatives;
    infinite += o.infinite;
    min = Math.min(min, o.min);
    max = Math.max(max, o.max);
    moments = moments.merge(o.moments);
    quantiles.merge(o.quantiles);
    smallest.merge(o.smallest);
    largest.merge(o.largest);
  }

  long finite() {
    return count - infinite;
  }

  void write(Blob.Writer out) {
    out.writeVarLong(count);
    out.writeVarLong(zeros);
    out.writeVarLong(negatives);
    out.writeVarLong(infinite);
    out.writeDouble(min);
    out.writeDouble(max);
    Io.writeDoubles(out, moments.toArray());
    Io.writeBytes(out, quantiles.toByteArray());
    smallest.write(out);
    largest.write(out);
  }

  static NumericState read(Blob.Reader in) throws IOException {
    NumericState s = new NumericState();
    s.count = in.readVarLong();
    s.zeros = in.readVarLong();
    s.negatives = in.readVarLong();
    s.infinite = in.readVarLong();
    s.min = in.readDouble();
    s.max = in.readDouble();
    s.moments = MomentsState.fromArray(Io.readDoubles(in));
    s.quantiles = KllDoublesSketch.heapify(Memory.wrap(Io.readBytes(in)));
    s.smallest.read(in);
    s.largest.read(in);
    return s;
  }
}
