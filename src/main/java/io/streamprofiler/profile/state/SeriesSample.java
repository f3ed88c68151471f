package io.streamprofiler.profile.state;

import io.streamprofiler.record.Blob;
import io.streamprofiler.record.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A bounded, mergeable picture of a window's rows in time, for the statistics that need rows in
 * order (autocorrelation, stationarity, rank correlations, interactions, duplicates): the first row
 * of every {@code step} microseconds of event time, the step doubling whenever more than {@code
 * capacity} rows would be kept. The result depends only on the set of rows, never on how they were
 * split or merged: it is always the first row (by time, then line) of each step-wide bucket, for
 * the smallest power-of-two step (from one millisecond) that keeps at most {@code capacity} rows.
 * Also the first and last {@link #ENDS} rows exactly, for the report's sample.
 */
final class SeriesSample {
  /**
   * Rows kept for the downsampled series: rank correlations of 2,000 rows have a standard error
   * near 2%, and a profile of them costs about what one of an hour of a 0.5 Hz sensor does.
   */
  static final int CAPACITY = 2_000;

  /** Rows kept at each end for the sample section. */
  static final int ENDS = 10;

  private static final long FIRST_STEP_MICROS = 1_000;
  static final Comparator<Row> TIME_ORDER =
      Comparator.comparingLong(Row::eventTimeMicros)
          .thenComparingLong(Row::line)
          .thenComparing(Row::key);

  private final int capacity;
  private long step = FIRST_STEP_MICROS;

  /**
   * The first row of each bucket (event time / step) that has one, in time order: a list, not a map
   * by bucket, because merges and reads build it in order, and rebuilding a tree of boxed keys was
   * a fifth of what merging a fleet's or a day's states cost (issue 18).
   */
  private List<Row> buckets = new ArrayList<>();

  private final TreeSet<Row> head = new TreeSet<>(TIME_ORDER);
  private final TreeSet<Row> tail = new TreeSet<>(TIME_ORDER);

  SeriesSample() {
    this(CAPACITY);
  }

  SeriesSample(int capacity) {
    this.capacity = capacity;
  }

  void add(Row row) {
    keepAtEnds(row);
    keep(row);
    while (buckets.size() > capacity) {
      coarsen();
    }
  }

  private void keepAtEnds(Row row) {
    head.add(row);
    if (head.size() > ENDS) {
      head.pollLast();
    }
    tail.add(row);
    if (tail.size() > ENDS) {
      tail.pollFirst();
    }
  }

  private void keep(Row row) {
    long bucket = bucket(row);
    int i = firstAtOrAfter(bucket);
    if (i < buckets.size() && bucket(buckets.get(i)) == bucket) {
      if (TIME_ORDER.compare(row, buckets.get(i)) < 0) {
        buckets.set(i, row);
      }
    } else {
      buckets.add(i, row); // rows mostly come in time order: at the end
    }
  }

  private long bucket(Row row) {
    return Math.floorDiv(row.eventTimeMicros(), step);
  }

  /** The index of the first kept row whose bucket is {@code bucket} or later. */
  private int firstAtOrAfter(long bucket) {
    int n = buckets.size();
    if (n == 0 || bucket(buckets.get(n - 1)) < bucket) {
      return n;
    }
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (bucket(buckets.get(mid)) < bucket) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Doubles the step: each new bucket keeps the first row of its two halves. */
  private void coarsen() {
    step *= 2;
    keepFirstOfEachStep(buckets);
  }

  /**
   * Adds {@code o}'s rows. The first row of each bucket of the union is the first of its bucket on
   * one side, so the two sides' kept rows, in time order and thinned to the coarser step (and
   * further while too many), give the state of the union: one sort and a few linear passes, where
   * re-bucketing row by row cost a tree lookup per row and step doubling.
   */
  void merge(SeriesSample o) {
    o.head.forEach(this::keepAtEnds);
    o.tail.forEach(this::keepAtEnds);
    List<Row> union = inOrder(buckets, o.buckets);
    step = Math.max(step, o.step);
    keepFirstOfEachStep(union);
  }

  /**
   * Keeps the first of {@code sorted} (in {@link #TIME_ORDER}) in each bucket of the step, doubled
   * while more than the capacity would be kept.
   */
  private void keepFirstOfEachStep(List<Row> sorted) {
    List<Row> kept = thin(sorted, step);
    while (kept.size() > capacity) {
      step *= 2;
      kept = thin(kept, step);
    }
    buckets = kept;
  }

  /** Two lists in {@link #TIME_ORDER}, merged into one. */
  private static List<Row> inOrder(List<Row> a, List<Row> b) {
    List<Row> union = new ArrayList<>(a.size() + b.size());
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      union.add(TIME_ORDER.compare(a.get(i), b.get(j)) <= 0 ? a.get(i++) : b.get(j++));
    }
    union.addAll(a.subList(i, a.size()));
    union.addAll(b.subList(j, b.size()));
    return union;
  }

  /** The downsampled rows, in time order. */
  List<Row> rows() {
    return new ArrayList<>(buckets);
  }

  /**
   * At most {@code most} of the rows, by the same rule with a longer step: what a coarser series of
   * the same rows would have kept. Returns the rows and sets {@code step[0]} to that step.
   */
  List<Row> rows(int most, long[] stepOut) {
    long s = step;
    List<Row> kept = rows();
    while (kept.size() > most) {
      s *= 2;
      kept = thin(kept, s);
    }
    stepOut[0] = s;
    return kept;
  }

  long stepMicros() {
    return step;
  }

  List<Row> head() {
    return new ArrayList<>(head);
  }

  List<Row> tail() {
    return new ArrayList<>(tail);
  }

  /**
   * The sample of rows already in {@link #TIME_ORDER}, in one pass: the first row of each bucket is
   * the first met, so no lookup per row (the exact path builds its state this way).
   */
  static SeriesSample ofSorted(List<Row> sorted) {
    SeriesSample s = new SeriesSample();
    s.keepFirstOfEachStep(sorted);
    int n = sorted.size();
    s.head.addAll(sorted.subList(0, Math.min(ENDS, n)));
    s.tail.addAll(sorted.subList(Math.max(0, n - ENDS), n));
    return s;
  }

  static List<Row> thin(List<Row> sorted, long step) {
    List<Row> kept = new ArrayList<>();
    long last = Long.MIN_VALUE;
    boolean any = false;
    for (Row r : sorted) {
      long bucket = Math.floorDiv(r.eventTimeMicros(), step);
      if (!any || bucket != last) {
        kept.add(r);
        last = bucket;
        any = true;
      }
    }
    return kept;
  }

  void write(Blob.Writer out, int columns, Map<String, Integer> texts) {
    out.writeVarLong(capacity);
    out.writeLong(step);
    writeRows(out, buckets, columns, texts);
    writeRows(out, head, columns, texts);
    writeRows(out, tail, columns, texts);
  }

  static SeriesSample read(Blob.Reader in, int columns, List<String> texts) throws IOException {
    SeriesSample s = new SeriesSample((int) in.readVarLong());
    s.step = in.readLong();
    s.buckets = readRows(in, columns, texts); // written in order
    s.head.addAll(readRows(in, columns, texts));
    s.tail.addAll(readRows(in, columns, texts));
    return s;
  }

  private static final int MISSING = 0;
  private static final int NUMBER = 1;
  private static final int TEXT = 2;

  private static void writeRows(
      Blob.Writer out, java.util.Collection<Row> rows, int columns, Map<String, Integer> texts) {
    out.writeVarLong(rows.size());
    for (Row r : rows) {
      out.writeLong(r.line());
      out.writeLong(r.eventTimeMicros());
      out.writeText(r.key(), texts);
      out.writeByte(r.late() ? 1 : 0);
      for (int c = 0; c < columns; c++) {
        if (r.isMissing(c)) {
          out.writeByte(MISSING);
        } else if (r.isNumber(c)) {
          out.writeByte(NUMBER);
          out.writeDouble(r.number(c));
        } else {
          out.writeByte(TEXT);
          out.writeText(r.text(c), texts);
        }
      }
    }
  }

  private static List<Row> readRows(Blob.Reader in, int columns, List<String> texts)
      throws IOException {
    int n = in.readCount();
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long line = in.readLong();
      long time = in.readLong();
      String key = in.readText(texts);
      boolean late = in.readByte() == 1;
      double[] numbers = new double[columns];
      String[] cells = new String[columns];
      for (int c = 0; c < columns; c++) {
        int kind = in.readByte();
        numbers[c] = kind == NUMBER ? in.readDouble() : Double.NaN;
        cells[c] = kind == TEXT ? in.readText(texts) : null;
      }
      rows.add(new Row(line, time, key, cells, numbers, late));
    }
    return rows;
  }
}
