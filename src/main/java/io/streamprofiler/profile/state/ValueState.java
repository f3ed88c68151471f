package io.streamprofiler.profile.state;

import io.streamprofiler.record.Blob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.frequencies.LongsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

/**
 * The values of one column as values, mergeable: a HyperLogLog sketch of the distinct values, the
 * most frequent values (numbers by their bits, texts by themselves) with the sketch's error bound,
 * and the exact shortest, longest and total length of the texts.
 */
final class ValueState {
  /** HLL with 2^12 registers: relative standard error 1.6%, about 4.9% at three standard errors. */
  static final int HLL_LG_K = 12;

  /** Frequent-items map size: counts of the listed values are off by at most n / (0.75 * 128). */
  static final int ITEMS_MAP = 128;

  private static final ArrayOfStringsSerDe TEXTS = new ArrayOfStringsSerDe();

  HllSketch distinct = new HllSketch(HLL_LG_K, TgtHllType.HLL_8);
  LongsSketch numbers = new LongsSketch(ITEMS_MAP);
  ItemsSketch<String> texts = new ItemsSketch<>(ITEMS_MAP);
  long textCount;
  long minLength = Long.MAX_VALUE;
  long maxLength;
  long sumLength;

  void addNumber(double v) {
    long bits = Double.doubleToLongBits(v == 0 ? 0.0 : v); // -0.0 is the value 0
    distinct.update(bits);
    numbers.update(bits);
  }

  /** {@code count} copies of a number: one update of each sketch. */
  void addNumber(double v, long count) {
    long bits = Double.doubleToLongBits(v == 0 ? 0.0 : v);
    distinct.update(bits);
    numbers.update(bits, count);
  }

  /** {@code count} copies of a text: one update of each sketch. */
  void addText(String s, long count) {
    distinct.update(s);
    texts.update(s, count);
    textCount += count;
    int length = s.length();
    minLength = Math.min(minLength, length);
    maxLength = Math.max(maxLength, length);
    sumLength += (long) length * count;
  }

  void addText(String s) {
    distinct.update(s);
    texts.update(s);
    textCount++;
    int length = s.length();
    minLength = Math.min(minLength, length);
    maxLength = Math.max(maxLength, length);
    sumLength += length;
  }

  void merge(ValueState o) {
    Union union = new Union(HLL_LG_K);
    union.update(distinct);
    union.update(o.distinct);
    distinct = union.getResult(TgtHllType.HLL_8);
    numbers.merge(o.numbers);
    texts.merge(o.texts);
    textCount += o.textCount;
    minLength = Math.min(minLength, o.minLength);
    maxLength = Math.max(maxLength, o.maxLength);
    sumLength += o.sumLength;
  }

  double distinctEstimate() {
    return distinct.isEmpty() ? 0 : distinct.getEstimate();
  }

  /** The distinct count's bounds at three standard errors (about 99.7%). */
  double[] distinctBounds() {
    return distinct.isEmpty()
        ? new double[] {0, 0}
        : new double[] {distinct.getLowerBound(3), distinct.getUpperBound(3)};
  }

  /** A frequent value and its estimated count. */
  record Frequent(Double number, String text, long count) {}

  /** The most frequent values, numbers and texts together, by estimated count. */
  List<Frequent> mostFrequent(int limit) {
    List<Frequent> all = new ArrayList<>();
    for (LongsSketch.Row r : numbers.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
      all.add(new Frequent(Double.longBitsToDouble(r.getItem()), null, r.getEstimate()));
    }
    for (ItemsSketch.Row<String> r : texts.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
      all.add(new Frequent(null, r.getItem(), r.getEstimate()));
    }
    all.sort((a, b) -> Long.compare(b.count(), a.count()));
    return all.size() > limit ? all.subList(0, limit) : all;
  }

  /** The largest error of any listed count. */
  long frequentError() {
    return Math.max(numbers.getMaximumError(), texts.getMaximumError());
  }

  void write(Blob.Writer out) {
    Io.writeBytes(out, distinct.toCompactByteArray());
    Io.writeBytes(out, numbers.toByteArray());
    Io.writeBytes(out, texts.toByteArray(TEXTS));
    out.writeVarLong(textCount);
    out.writeLong(minLength);
    out.writeVarLong(maxLength);
    out.writeVarLong(sumLength);
  }

  static ValueState read(Blob.Reader in) throws IOException {
    ValueState s = new ValueState();
    s.distinct = HllSketch.heapify(Io.readBytes(in));
    s.numbers = LongsSketch.getInstance(Memory.wrap(Io.readBytes(in)));
    s.texts = ItemsSketch.getInstance(Memory.wrap(Io.readBytes(in)), TEXTS);
    s.textCount = in.readVarLong();
    s.minLength = in.readLong();
    s.maxLength = in.readVarLong();
    s.sumLength = in.readVarLong();
    return s;
  }
}
